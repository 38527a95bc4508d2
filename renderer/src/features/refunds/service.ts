/** The contract channels of refunds owed: the list (with age) and paying one out from a shift's cash. */
import { call } from '../../bridge/client';

export const refundsService = {
  owed: (fullNumbers: boolean) => call('accounts.refundsOwed', fullNumbers ? { fullNumbers } : {}),
  /** The drawer a payout comes from: the shift open now (the core pays from it and refuses any other). */
  drawer: () => call('shift.current', {}),
  markRefunded: (id: string) => call('sales.markRefunded', { id }),
};
