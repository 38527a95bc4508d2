/** What the sync engine is configured with, what it depends on, and what it reports. */
import type { ProviderId } from '../../../shared/contract/app';
import { SELL_COUNTRIES } from '../../../shared/countries';
import type { EventBus } from '../ipc/event-bus';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../kernel/logger';
import type { CacheStore } from '../ledger/cache';
import type { Ledger, LedgerSale } from '../ledger/ledger';
import type { ProviderAdapter } from '../providers/types';
import type { ConnectivityTracker } from '../sales/connectivity';
import type { OfflinePolicy, RoutingPolicy } from '../sales/policy';
import type { SaleSender } from '../sales/sender';

export interface SyncOptions {
  /** Top-ups in flight per provider while draining (each may take 2–10 s). */
  concurrency: number;
  /** Status queries in flight while polling. */
  pollConcurrency: number;
  pollIntervalMs: number;
  refreshIntervalMs: number;
  /** Idle tick while online. */
  tickMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Countries whose catalogs are cached: every country the counter offers, so none is offered without products. */
  countries: string[];
  /** Use a provider's asynchronous endpoint for queued sales (Relier: the transaction id comes back at once). */
  preferAsync: boolean;
  /**
   * Multiplies the documented rate windows the drain paces itself on. Keep it equal to the adapters'
   * `rateLimitTimeScale` (1, real time, in the app; tests and benchmarks shrink both with the sandboxes').
   */
  rateTimeScale: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  concurrency: 24,
  pollConcurrency: 8,
  pollIntervalMs: 15_000,
  refreshIntervalMs: 30 * 60_000,
  tickMs: 1_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  countries: [...SELL_COUNTRIES],
  preferAsync: true,
  rateTimeScale: 1,
};

export interface SyncDeps {
  ledger: Ledger;
  cache: CacheStore;
  sender: SaleSender;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  connectivity: ConnectivityTracker;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  offlinePolicy: () => OfflinePolicy;
  routingPolicy: () => RoutingPolicy;
  notify(sale: LedgerSale): void;
  /** Sales another part of the core is sending right now (a sale at the counter between failover hops). */
  isHeld(saleId: string): boolean;
  options: SyncOptions;
}

export interface DrainReport {
  sent: number;
  succeeded: number;
  pending: number;
  unknown: number;
  failed: number;
  requeued: number;
}

export interface SyncReport {
  expired: number;
  drain: DrainReport;
  poll: { resolved: number; stillUnknown: number; stillPending: number };
}
