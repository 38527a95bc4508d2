/** The contract channels today's sales use: the list, one sale with its history, a refund handed back. */
import { call } from '../../bridge/client';

export const todayService = {
  list: () => call('sales.list', { today: true, limit: 500 }),
  get: (id: string) => call('sales.get', { id }),
  markRefunded: (id: string) => call('sales.markRefunded', { id }),
};
