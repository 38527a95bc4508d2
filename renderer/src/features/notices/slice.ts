/**
 * "When one settles later, the counter says so once": a sale the counter last knew as unresolved (queued,
 * sending, pending, unknown) that the provider has now answered is announced with its number and amount,
 * unless the cashier is looking at that very sale's result, which already updates itself.
 */
import type { Sale, SaleState } from '../../../../shared/contract/sales';
import type { Slice } from '../../app/slice';
import type { SellState } from '../sell/types';
import type { TodayState } from '../today/types';
import type { BillpayActions } from '../billpay/types';
import type { InternationalActions } from '../international/types';
import type { NoticesSlice, NoticesState } from './types';

type NoticesNeeds = Pick<TodayState, 'todaySales'> &
  Pick<SellState, 'sale' | 'step' | 'phone' | 'country' | 'offer'> &
  // Issue 14: an international top-up's and a bill payment's screens tell their own outcome too.
  Pick<InternationalActions, 'intlShows'> &
  Pick<BillpayActions, 'billShows'>;

const UNRESOLVED: readonly SaleState[] = ['created', 'queued', 'sending', 'pending', 'unknown'];

/** The sale the counter is sending or showing right now: its own screen tells its outcome. */
function onScreen(state: NoticesNeeds, sale: Sale): boolean {
  if (state.intlShows(sale) || state.billShows(sale)) return true;
  if (state.step === 'result') return state.sale?.id === sale.id;
  if (state.step !== 'sending') return false;
  // While sending, the sale's id is not known yet; its events are those of this number and amount.
  return sale.phone === state.phone && sale.country === state.country && sale.price.minor === state.offer?.amount.minor;
}

export const noticesInitialState: NoticesState = { settledNotices: [] };

export const createNoticesSlice: Slice<NoticesSlice, NoticesNeeds> = (set, get) => {
  // Ids already announced in this session: a sale settles once (failed → refund_due is not a second time).
  const announced = new Set<string>();
  return {
    ...noticesInitialState,
    noticeIfSettled(sale) {
      if (UNRESOLVED.includes(sale.state) || announced.has(sale.id)) return;
      const before = get().todaySales.find((known) => known.id === sale.id) ?? (get().sale?.id === sale.id ? get().sale : null);
      if (!before || !UNRESOLVED.includes(before.state)) return;
      announced.add(sale.id);
      if (onScreen(get(), sale)) return;
      set({ settledNotices: [...get().settledNotices, sale] });
    },
    dismissNotice(id) {
      set({ settledNotices: get().settledNotices.filter((sale) => sale.id !== id) });
    },
    resetNotices() {
      announced.clear();
      set({ ...noticesInitialState });
    },
  };
};
