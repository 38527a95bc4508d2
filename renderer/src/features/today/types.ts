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
}

export interface TodayActions {
  loadToday(): Promise<void>;
  openSale(id: string): Promise<void>;
  closeSale(): void;
  markRefunded(id: string): Promise<void>;
  upsertTodaySale(sale: Sale): void;
  resetToday(): void;
}

export type TodaySlice = TodayState & TodayActions;
