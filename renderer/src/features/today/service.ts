/** The contract channels today's sales use: the list, one sale with its history, a refund handed back. */
import { call } from '../../bridge/client';

export const todayService = {
  list: () => call('sales.list', { today: true, limit: 500 }),
  get: (id: string) => call('sales.get', { id }),
  /** Paying out a refund owed: an owner, or a cashier with an owner's PIN typed on the spot. */
  markRefunded: (id: string, ownerPin?: string) => call('sales.markRefunded', { id, ...(ownerPin ? { ownerPin } : {}) }),
};
