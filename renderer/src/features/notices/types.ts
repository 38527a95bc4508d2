/** Sales that settled while the cashier was elsewhere: the notices slice's shape. */
import type { Sale } from '../../../../shared/contract/sales';

export interface NoticesState {
  /** Settled sales not yet acknowledged, oldest first. */
  settledNotices: Sale[];
}

export interface NoticesActions {
  /** Called with each sale.changed before the lists take it: a sale that was unresolved and now is not is announced once. */
  noticeIfSettled(sale: Sale): void;
  dismissNotice(id: string): void;
  resetNotices(): void;
}

export type NoticesSlice = NoticesState & NoticesActions;
