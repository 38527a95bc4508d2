/** Today's sales: the list (kept live by sale.changed), one sale's history, marking a refund handed back. */
import { businessDayOf, type BusinessDayRule } from '../../../../shared/business-day';
import type { Sale, SaleState } from '../../../../shared/contract/sales';
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { todayService } from './service';
import type { SessionState } from '../session/types';
import type { TodaySlice, TodayState } from './types';

/** What today's list reads from elsewhere: the shop's business day, to know whether a sale is today's. */
type TodayNeeds = Pick<SessionState, 'businessDay'>;

export const todayInitialState: TodayState = { todaySales: [], todayLoading: false, todayError: null, openSaleId: null, openSaleEvents: [], todayNotice: null, refundProblem: null, refundBusy: false, onlyVerifying: false };

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
  closeSale: () => set({ openSaleId: null, openSaleEvents: [], todayNotice: null, refundProblem: null }),
  async markRefunded(id, ownerPin) {
    if (get().refundBusy) return false;
    set({ refundBusy: true, refundProblem: null });
    try {
      const sale = await todayService.markRefunded(id, ownerPin);
      get().upsertTodaySale(sale);
      set({ refundBusy: false });
      await get().openSale(id);
      set({ todayNotice: 'refunded' });
      return true;
    } catch (error) {
      set({ refundBusy: false, refundProblem: errorCodeOf(error) });
      return false;
    }
  },
  showVerifying: (only) => set({ onlyVerifying: only, openSaleId: null, openSaleEvents: [], todayNotice: null }),
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

/** The states of a sale whose outcome the provider has not told yet (the core's awaitingProvider count). */
export const VERIFYING_STATES: readonly SaleState[] = ['pending', 'unknown'];

export const todaySelectors = {
  openSale: (state: TodayState): Sale | null => state.todaySales.find((sale) => sale.id === state.openSaleId) ?? null,
  /** The list as shown: all of today's sales, or only those being verified. */
  shownSales: (state: TodayState): Sale[] => (state.onlyVerifying ? state.todaySales.filter((sale) => VERIFYING_STATES.includes(sale.state)) : state.todaySales),
};
