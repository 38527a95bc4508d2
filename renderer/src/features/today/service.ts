/** The contract channels today's sales use: the list by page, one sale with its history, a refund handed back. */
import type { SaleState } from '../../../../shared/contract/sales';
import { call } from '../../bridge/client';

/** A screenful: enough to fill 1024×768 twice, few enough to answer at once with thousands in the day. */
export const TODAY_PAGE_SIZE = 50;

export interface TodayQuery {
  states: readonly SaleState[] | null;
  search: string;
  afterSaleId?: string;
}

export const todayService = {
  page: ({ states, search, afterSaleId }: TodayQuery) =>
    call('sales.list', {
      today: true,
      limit: TODAY_PAGE_SIZE,
      ...(states ? { states: [...states] } : {}),
      ...(search ? { search } : {}),
      ...(afterSaleId ? { afterSaleId } : {}),
    }),
  /** The day's count and amount per state, asked apart so the first rows never wait for them. */
  totals: () => call('sales.list', { today: true, limit: 1, withTotals: true }),
  /** Today's sales whose outcome is still open: what the notices must know about. */
  unresolved: (states: readonly SaleState[]) => call('sales.list', { today: true, states: [...states], limit: 500 }),
  get: (id: string) => call('sales.get', { id }),
  /** Paying out a refund owed: an owner, or a cashier with an owner's PIN typed on the spot. */
  markRefunded: (id: string, ownerPin?: string) => call('sales.markRefunded', { id, ...(ownerPin ? { ownerPin } : {}) }),
};
