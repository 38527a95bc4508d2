/** The status bar's facts, kept live by contract events: the status slice's shape. */
import type { Balances, Connectivity, QueueStatus } from '../../../../shared/contract/sales';

export interface StatusState {
  connectivity: Connectivity | null;
  queue: QueueStatus | null;
  balances: Balances | null;
}

export interface StatusActions {
  refreshStatus(): Promise<void>;
  connectivityChanged(connectivity: Connectivity): void;
  queueChanged(queue: QueueStatus): void;
  balancesChanged(balances: Balances): void;
}

export type StatusSlice = StatusState & StatusActions;
