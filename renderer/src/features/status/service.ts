/** The contract channels the status bar reads (their changes then arrive as events). */
import { call } from '../../bridge/client';

export const statusService = {
  queue: () => call('queue.status', {}),
  balances: () => call('balances.get', {}),
  connectivity: () => call('connectivity.get', {}),
};
