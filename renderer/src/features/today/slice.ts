/** Today's sales: the list (kept live by sale.changed), one sale's history, marking a refund handed back. */
import { businessDayOf, type BusinessDayRule } from '../../../../shared/business-day';
import type { Sale } from '../../../../shared/contract/sales';
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { todayService } from './service';
import type { SessionState } from '../session/types';
import type { TodaySlice, TodayState } from './types';

/** What today's list reads from elsewhere: the shop's business day, to know whether a sale is today's. */
type TodayNeeds = Pick<SessionState, 'businessDay'>;

export const todayInitialState: TodayState = { todaySales: [], todayLoading: false, todayError: null, openSaleId: null, openSaleEvents: [], todayNotice: null };

/** When the shop's business day began, by its time zone and day start hour (the same rule as the core's). */
function startOfToday(rule: BusinessDayRule): number {
  return businessDayOf(Date.now(), rule).startMs;
}

export const createTodaySlice: Slice<TodaySlice, TodayNeeds> = (set, get) => ({
  ...todayInitialState,
  async loadToday() {
    set({ todayLoading: true, todayError: null });
    try {
      const { sales } = await todayService.list();
      set({ todaySales: sales, todayLoading: false });
    } catch (error) {
      set({ todayLoading: false, todayError: errorCodeOf(error) });
    }
  },
  async openSale(id) {
    set({ openSaleId: id, openSaleEvents: [], todayNotice: null });
    try {
      const { sale, events } = await todayService.get(id);
      if (get().openSaleId !== id) return;
      get().upsertTodaySale(sale);
      set({ openSaleEvents: events });
    } catch (error) {
      set({ todayError: errorCodeOf(error) });
    }
  },
  closeSale: () => set({ openSaleId: null, openSaleEvents: [], todayNotice: null }),
  async markRefunded(id) {
    try {
      const sale = await todayService.markRefunded(id);
      get().upsertTodaySale(sale);
      set({ todayNotice: 'refunded' });
      await get().openSale(id);
      set({ todayNotice: 'refunded' });
    } catch (error) {
      set({ todayError: errorCodeOf(error) });
    }
  },
  upsertTodaySale(sale) {
    const list = get().todaySales;
    const index = list.findIndex((known) => known.id === sale.id);
    if (index >= 0) {
      if (list[index]!.updatedAt > sale.updatedAt) return;
      const next = list.slice();
      next[index] = sale;
      set({ todaySales: next });
    } else if (Date.parse(sale.createdAt) >= startOfToday(get().businessDay)) {
      set({ todaySales: [sale, ...list] });
    }
    // The open sale's history grows with each change.
    if (get().openSaleId === sale.id) {
      void todayService.get(sale.id).then(
        ({ events }) => {
          if (get().openSaleId === sale.id) set({ openSaleEvents: events });
        },
        () => undefined,
      );
    }
  },
  resetToday: () => set({ ...todayInitialState }),
});

export const todaySelectors = {
  openSale: (state: TodayState): Sale | null => state.todaySales.find((sale) => sale.id === state.openSaleId) ?? null,
};
