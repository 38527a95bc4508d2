/**
 * Today's sales: the list one page at a time (filter by state, search by last digits or folio, kept live by
 * sale.changed), one sale's history, marking a refund handed back.
 */
import { businessDayOf, type BusinessDayRule } from '../../../../shared/business-day';
import type { Sale, SaleState } from '../../../../shared/contract/sales';
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { todayService, type TodayQuery } from './service';
import type { SessionState } from '../session/types';
import type { TodayFilter, TodayPage, TodaySlice, TodayState } from './types';

/** What today's list reads from elsewhere: the shop's business day, to know whether a sale is today's. */
type TodayNeeds = Pick<SessionState, 'businessDay'>;

/** The states each filter shows; null: every state. */
export const FILTER_STATES: Readonly<Record<TodayFilter, readonly SaleState[] | null>> = {
  all: null,
  owed: ['refund_due'],
  verifying: ['pending', 'unknown'],
  queued: ['created', 'queued', 'sending'],
  delivered: ['succeeded'],
  refunded: ['refunded'],
};

/** The states of a sale whose outcome the provider has not told yet (the core's awaitingProvider count). */
export const VERIFYING_STATES = FILTER_STATES.verifying!;

/** States whose outcome is still open: the counter keeps them in mind to announce when they settle. */
const UNRESOLVED_STATES: readonly SaleState[] = ['created', 'queued', 'sending', 'pending', 'unknown'];

const emptyPage: TodayPage = { sales: [], matched: 0, more: false, totals: [] };

export const todayInitialState: TodayState = {
  todaySales: [],
  todayPage: emptyPage,
  todayFilter: 'all',
  todaySearch: '',
  todayLoading: false,
  todayError: null,
  openSaleId: null,
  openSaleEvents: [],
  todayNotice: null,
  refundProblem: null,
  refundBusy: false,
};

/** When the shop's business day began, by its time zone and day start hour (the same rule as the core's). */
function startOfToday(rule: BusinessDayRule): number {
  return businessDayOf(Date.now(), rule).startMs;
}

/** The same question the core answers, for a sale that arrives by event while the list is open. */
export function matchesToday(sale: Sale, filter: TodayFilter, search: string): boolean {
  const states = FILTER_STATES[filter];
  if (states && !states.includes(sale.state)) return false;
  const term = search.trim().toLowerCase();
  if (!term) return true;
  const folios = [sale.providerTransactionId, sale.operatorTransactionId].filter((folio): folio is string => folio !== null);
  return (/^\d+$/.test(term) && sale.phone.endsWith(term)) || folios.some((folio) => folio.toLowerCase().includes(term));
}

/** A list with the sale replaced by a later version, or prepended when new and `insert` allows it. */
function withSale(list: Sale[], sale: Sale, insert: boolean): Sale[] | null {
  const index = list.findIndex((known) => known.id === sale.id);
  if (index >= 0) {
    if (list[index]!.updatedAt > sale.updatedAt) return null;
    const next = list.slice();
    next[index] = sale;
    return next;
  }
  return insert ? [sale, ...list] : null;
}

const SEARCH_DELAY_MS = 250;

export const createTodaySlice: Slice<TodaySlice, TodayNeeds> = (set, get) => {
  // Only the latest request's answer lands: a filter tapped twice, or a search typed on, never shows an older page.
  let loadSeq = 0;
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  // The unresolved sales are read once per person signed in; events keep them current after that.
  let knownLoaded = false;

  function query(afterSaleId?: string): TodayQuery {
    const { todayFilter, todaySearch } = get();
    return { states: FILTER_STATES[todayFilter], search: todaySearch.trim(), ...(afterSaleId ? { afterSaleId } : {}) };
  }

  async function loadKnown(): Promise<void> {
    if (knownLoaded) return;
    knownLoaded = true;
    try {
      const { sales } = await todayService.unresolved(UNRESOLVED_STATES);
      let known = get().todaySales;
      for (const sale of sales) known = withSale(known, sale, true) ?? known;
      set({ todaySales: known });
    } catch {
      // The notices then announce only sales seen from now on; the next load asks again.
      knownLoaded = false;
    }
  }

  async function loadTotals(): Promise<void> {
    try {
      const { totals } = await todayService.totals();
      set({ todayPage: { ...get().todayPage, totals: totals ?? [] } });
    } catch {
      // The totals stay as last read; the list itself is what the cashier came for.
    }
  }

  return {
    ...todayInitialState,
    async loadToday() {
      const seq = ++loadSeq;
      set({ todayLoading: true, todayError: null });
      try {
        const answer = await todayService.page(query());
        if (seq !== loadSeq) return;
        set({ todayPage: { sales: answer.sales, matched: answer.matched ?? answer.sales.length, more: answer.more ?? false, totals: get().todayPage.totals }, todayLoading: false });
        // After the first rows: the day's totals, and (once) the unresolved sales the notices must know.
        void loadTotals();
        void loadKnown();
      } catch (error) {
        if (seq === loadSeq) set({ todayLoading: false, todayError: errorCodeOf(error) });
      }
    },
    async loadMoreToday() {
      const { todayPage, todayLoading } = get();
      const last = todayPage.sales.at(-1);
      if (todayLoading || !todayPage.more || !last) return;
      const seq = ++loadSeq;
      set({ todayLoading: true, todayError: null });
      try {
        const answer = await todayService.page(query(last.id));
        if (seq !== loadSeq) return;
        const page = get().todayPage;
        const shown = new Set(page.sales.map((sale) => sale.id));
        set({ todayPage: { ...page, sales: [...page.sales, ...answer.sales.filter((sale) => !shown.has(sale.id))], more: answer.more ?? false }, todayLoading: false });
      } catch (error) {
        if (seq === loadSeq) set({ todayLoading: false, todayError: errorCodeOf(error) });
      }
    },
    showFilter(filter) {
      set({ todayFilter: filter, openSaleId: null, openSaleEvents: [], todayNotice: null });
      void get().loadToday();
    },
    searchToday(text) {
      set({ todaySearch: text });
      if (searchTimer) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void get().loadToday(), SEARCH_DELAY_MS);
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
    showVerifying: (only) => get().showFilter(only ? 'verifying' : 'all'),
    upsertTodaySale(sale) {
      const isToday = Date.parse(sale.createdAt) >= startOfToday(get().businessDay);
      const known = withSale(get().todaySales, sale, isToday);
      if (known) set({ todaySales: known });
      const page = get().todayPage;
      const inPage = page.sales.some((shown) => shown.id === sale.id);
      const listed = withSale(page.sales, sale, isToday && matchesToday(sale, get().todayFilter, get().todaySearch));
      if (listed) set({ todayPage: { ...page, sales: listed, matched: page.matched + (inPage ? 0 : 1) } });
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
    resetToday: () => {
      if (searchTimer) clearTimeout(searchTimer);
      loadSeq += 1;
      knownLoaded = false;
      set({ ...todayInitialState });
    },
  };
};

export const todaySelectors = {
  openSale: (state: TodayState): Sale | null =>
    state.todayPage.sales.find((sale) => sale.id === state.openSaleId) ?? state.todaySales.find((sale) => sale.id === state.openSaleId) ?? null,
  /** The list as shown: the loaded pages, without a sale that changed state out of the filter since. */
  shownSales: (state: TodayState): Sale[] => state.todayPage.sales.filter((sale) => matchesToday(sale, state.todayFilter, '')),
};
