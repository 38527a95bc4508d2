/** Today's sales, one sale's history, a refund handed back: the today slice's shape. */
import type { Sale, SaleEvent, SalesListTotals } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';

/** The list's filters by state: all, owed back, being verified, queued, delivered, handed back. */
export type TodayFilter = 'all' | 'owed' | 'verifying' | 'queued' | 'delivered' | 'refunded';

/** One screenful of today's list as the core answered it, plus pages loaded after it. */
export interface TodayPage {
  sales: Sale[];
  /** How many of today's sales match the filter and search, in all pages. */
  matched: number;
  more: boolean;
  /** The day's count and amount per state (whatever the filter). */
  totals: SalesListTotals;
}

export interface TodayState {
  /**
   * Today's sales the counter knows about: those unresolved when it loaded plus every sale it has seen since.
   * The notices and the sale on screen compare with it; the screen's list is `todayPage`.
   */
  todaySales: Sale[];
  todayPage: TodayPage;
  todayFilter: TodayFilter;
  /** The search box: last digits of the number, or part of a folio. */
  todaySearch: string;
  todayLoading: boolean;
  todayError: ErrorCode | null;
  openSaleId: string | null;
  openSaleEvents: SaleEvent[];
  todayNotice: 'refunded' | null;
  /** Why paying out a refund owed did not go through (a refused PIN, no permission). */
  refundProblem: ErrorCode | null;
  refundBusy: boolean;
}

export interface TodayActions {
  /** The first page of the list with the current filter and search (and the sales the counter must know). */
  loadToday(): Promise<void>;
  /** The next page after the last sale shown. */
  loadMoreToday(): Promise<void>;
  showFilter(filter: TodayFilter): void;
  searchToday(text: string): void;
  openSale(id: string): Promise<void>;
  closeSale(): void;
  /** Answers whether the sale is now refunded. */
  markRefunded(id: string, ownerPin?: string): Promise<boolean>;
  /** Today's list showing only the sales being verified, or all of them again. */
  showVerifying(only: boolean): void;
  upsertTodaySale(sale: Sale): void;
  resetToday(): void;
}

export type TodaySlice = TodayState & TodayActions;
