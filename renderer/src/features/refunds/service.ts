/** The contract channels of refunds owed: the list (with age) and paying one out from a shift's cash. */
import { call } from '../../bridge/client';

export const refundsService = {
  owed: (fullNumbers: boolean) => call('accounts.refundsOwed', fullNumbers ? { fullNumbers } : {}),
  /** The shifts whose drawer can pay a refund (open, or ended and not yet closed). */
  payingShifts: () => call('shift.list', {}),
  markRefunded: (id: string, fromShiftId: string | null) => call('sales.markRefunded', { id, ...(fromShiftId ? { fromShiftId } : {}) }),
};
