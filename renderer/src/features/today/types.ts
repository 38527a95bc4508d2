/** Today's sales, one sale's history, a refund handed back: the today slice's shape. */
import type { Sale, SaleEvent } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';

export interface TodayState {
  todaySales: Sale[];
  todayLoading: boolean;
  todayError: ErrorCode | null;
  openSaleId: string | null;
  openSaleEvents: SaleEvent[];
  todayNotice: 'refunded' | null;
  /** Why paying out a refund owed did not go through (a refused PIN, no permission). */
  refundProblem: ErrorCode | null;
  refundBusy: boolean;
  /** Only the sales being verified (opened from the status bar). */
  onlyVerifying: boolean;
}

export interface TodayActions {
  loadToday(): Promise<void>;
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
