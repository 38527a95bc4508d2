/**
 * The sales module as the app wires it: ledger, sender, service, sync engine and recovery behind one
 * factory, answering the selling channels of the contract. It composes sales/ and sync/, so it sits above both.
 *
 *   const sales = createSalesModule({ db, adapters, events, session, logger });
 *   await sales.recover();            // start-up recovery, before the first new sale
 *   sales.sync.start();               // background drain / poll / refresh
 *   dispatcher handlers: { ...sales.handlers }
 *   await sales.close();              // on quit (the caller closes db)
 */
import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../shared/contract/app';
import type { Connectivity, QueueStatus } from '../../shared/contract/sales';
import type { HandlerMap } from './ipc/dispatcher';
import type { EventBus } from './ipc/event-bus';
import type { Logger } from './kernel/logger';
import type { Session } from './auth/session';
import { demoProviderFor } from '../../shared/demo-numbers';
import { CacheStore, type LowBalanceRule } from './ledger/cache';
import { CARRIER_ORDER_WINDOW_MS, carriersInSellingOrder } from './ledger/carrier-order';
import { systemClock, type Clock } from './kernel/clock';
import { Ledger, publicSale, type LedgerSale } from './ledger/ledger';
import type { ProviderAdapter } from './providers/types';
import { ConnectivityTracker } from './sales/connectivity';
import { SyncEngine } from './sync/engine';
import { DEFAULT_SYNC_OPTIONS, type SyncOptions } from './sync/options';
import { loadOfflinePolicy, loadRoutingPolicy, type OfflinePolicy, type RoutingPolicy } from './sales/policy';
import { recoverLocal, resolveAwaiting, type RecoveryReport } from './sales/recovery';
import { SaleSender } from './sales/sender';
import { SalesService, type SaleShifts, type VerifyOwnerPin } from './sales/service';
import { createSettingsStore } from './settings/store';
import { loadPricing } from './sales/pricing-settings';

export type SalesHandlers = Pick<
  HandlerMap,
  | 'sales.sell'
  | 'sales.get'
  | 'sales.list'
  | 'sales.checkResell'
  | 'sales.refundAtCounter'
  | 'sales.markRefunded'
  | 'sales.recentNumbers'
  | 'queue.status'
  | 'catalog.get'
  | 'balances.get'
  | 'connectivity.get'
>;

export interface SalesModuleOptions {
  /** An open database from openDatabase() (migrated, pragmas set). The caller owns and closes it. */
  db: Database;
  /** The provider adapters (from the providers registry); sales are routed only to these. */
  adapters: readonly ProviderAdapter[] | ReadonlyMap<ProviderId, ProviderAdapter>;
  events: EventBus;
  session: Session;
  logger: Logger;
  clock?: Clock;
  /** Overrides of the owner's stored offline policy (settings 'sales.offlinePolicy'); defaults otherwise. */
  offlinePolicy?: Partial<OfflinePolicy>;
  /** Overrides the owner's stored routing (settings 'sales.routing'). */
  routingPolicy?: RoutingPolicy;
  sync?: Partial<SyncOptions>;
  /** After this long without a row in Relier's reconciliation export, a keyless request provably never arrived. */
  reconcileGraceMs?: number;
  /** How long a provider honours an Idempotency-Key (MobiSend: 24 h; replays stop a little earlier). */
  replayWindowMs?: number;
  /** At the counter: use asynchronous endpoints (default true) and wait this long for a pending sale (default 15 s). */
  online?: { preferAsync?: boolean; waitMs?: number; pollMs?: number };
  /** How long an unreachable provider is skipped (sales queue at once) before a sale tries it again; default 15 s. */
  offlineRecheckMs?: number;
  /** Balances whose available amount is under this many minor units are flagged low. */
  lowBalanceMinor?: number;
  /** The owner's low-balance rule per provider (accounts' thresholds); `lowBalanceMinor` wins when both are given. */
  isLowBalance?: LowBalanceRule;
  /** Checks an owner's PIN typed at the counter (auth implements it); without it a blocked re-sell cannot be overridden. */
  verifyOwnerPin?: VerifyOwnerPin;
  /** The drawer's shifts (core/backoffice): every sale is recorded in the open shift. */
  shifts?: SaleShifts;
  /** Demo mode: send each sandbox test number to the provider that shows its behaviour first. */
  demoTestNumbers?: boolean;
}

export interface SalesModule {
  handlers: SalesHandlers;
  ledger: Ledger;
  cache: CacheStore;
  service: SalesService;
  sender: SaleSender;
  sync: SyncEngine;
  connectivity: ConnectivityTracker;
  /** Tells the renderer about a committed sale change (issue 14: bill payments are sales too). */
  notify(sale: LedgerSale): void;
  /** Resolves when start-up recovery's local phase is done. */
  ready(): Promise<void>;
  /** Start-up recovery: local phase (sales wait for it), then resolution of unknown/pending sales. */
  recover(): Promise<RecoveryReport>;
  close(): Promise<void>;
}

export function createSalesModule(options: SalesModuleOptions): SalesModule {
  const clock = options.clock ?? systemClock;
  const { db, events, session, logger } = options;
  const adapters = adaptersById(options.adapters);
  const ledger = new Ledger(db, clock);
  const cache = new CacheStore(db, options.isLowBalance);
  const offlinePolicy = (): OfflinePolicy => ({ ...loadOfflinePolicy(db), ...options.offlinePolicy });
  const routingPolicy = (): RoutingPolicy => options.routingPolicy ?? loadRoutingPolicy(db);
  const shopSettings = createSettingsStore(db, logger);
  const currency = (): string => offlinePolicy().maxSale.currency;

  const notifier = createSaleNotifier(events, logger, () => ledger.queueStatus(currency()));
  const notify = notifier.notify;

  const connectivity = new ConnectivityTracker(
    [...adapters.keys()],
    cache,
    clock,
    (snapshot: Connectivity) => {
      events.emit('connectivity.changed', snapshot);
      if (snapshot.online) sync.kick();
    },
    options.offlineRecheckMs ?? 15_000,
    // A sale waits on the top-up limiter, which also holds the provider's shared request budget.
    (provider) => adapters.get(provider)?.rateLimits?.topup.msUntilFree() ?? 0,
  );
  const sender = new SaleSender({
    ledger,
    cache,
    adapters,
    clock,
    logger,
    connectivity,
    notify,
    reconcileGraceMs: options.reconcileGraceMs ?? 10 * 60_000,
    replayWindowMs: options.replayWindowMs ?? 23 * 3600_000,
  });

  let localRecovery: Promise<void> | null = null;
  const service: SalesService = new SalesService({
    ledger,
    cache,
    sender,
    adapters,
    connectivity,
    session,
    clock,
    offlinePolicy,
    routingPolicy,
    notify,
    ready: () => localRecovery ?? Promise.resolve(),
    preferAsync: options.online?.preferAsync ?? true,
    onlineWaitMs: options.online?.waitMs ?? 15_000,
    onlinePollMs: options.online?.pollMs ?? 750,
    businessDay: () => shopSettings.read(),
    resellWindowMinutes: () => shopSettings.read().resellWindowMinutes,
    ...(options.verifyOwnerPin ? { verifyOwnerPin: options.verifyOwnerPin } : {}),
    ...(options.shifts ? { shifts: options.shifts } : {}),
    // Issue 14: the owner's pricing in pesos for countries priced in USD.
    pricing: () => loadPricing(db),
    ...(options.demoTestNumbers ? { demoProviderFor } : {}),
  });
  const sync: SyncEngine = new SyncEngine({
    ledger,
    cache,
    sender,
    adapters,
    connectivity,
    events,
    clock,
    logger,
    offlinePolicy,
    routingPolicy,
    notify,
    isHeld: (id) => service.isHeld(id),
    options: { ...DEFAULT_SYNC_OPTIONS, ...options.sync },
  });

  async function recover(): Promise<RecoveryReport> {
    let local = { requeued: 0, markedUnknown: 0 };
    localRecovery = Promise.resolve().then(() => {
      local = recoverLocal(ledger, notify);
    });
    await localRecovery;
    const resolved = await resolveAwaiting(ledger, sender, logger, DEFAULT_SYNC_OPTIONS.pollConcurrency);
    const report: RecoveryReport = { ...local, ...resolved };
    logger.info('sales.recovered', { ...report });
    return report;
  }

  return {
    handlers: salesHandlers({ ledger, cache, service, connectivity, currency, lowBalanceMinor: options.lowBalanceMinor, now: () => clock.now() }),
    ledger,
    cache,
    service,
    sender,
    sync,
    connectivity,
    notify,
    ready: () => localRecovery ?? Promise.resolve(),
    recover,
    async close() {
      await sync.stop();
      notifier.cancel();
      connectivity.close();
    },
  };
}

function adaptersById(adapters: SalesModuleOptions['adapters']): ReadonlyMap<ProviderId, ProviderAdapter> {
  return adapters instanceof Map ? adapters : new Map((adapters as readonly ProviderAdapter[]).map((adapter) => [adapter.id, adapter]));
}

/** Tells the renderer about each committed sale change, and about the queue at most once per 25 ms. */
function createSaleNotifier(events: EventBus, logger: Logger, queueStatus: () => QueueStatus): { notify(sale: LedgerSale): void; cancel(): void } {
  let queueTimer: NodeJS.Timeout | null = null;
  const emitQueue = (): void => {
    if (queueTimer) return;
    queueTimer = setTimeout(() => {
      queueTimer = null;
      try {
        events.emit('queue.changed', queueStatus());
      } catch (error) {
        logger.warn('sales.queue_event_failed', { error: String(error) });
      }
    }, 25);
    queueTimer.unref?.();
  };
  return {
    notify(sale) {
      try {
        events.emit('sale.changed', publicSale(sale));
      } catch (error) {
        logger.warn('sales.sale_event_failed', { saleId: sale.id, error: String(error) });
      }
      emitQueue();
    },
    cancel() {
      if (queueTimer) clearTimeout(queueTimer);
      queueTimer = null;
    },
  };
}

interface SalesHandlerDeps {
  ledger: Ledger;
  cache: CacheStore;
  service: SalesService;
  connectivity: ConnectivityTracker;
  currency: () => string;
  lowBalanceMinor: number | undefined;
  now: () => number;
}

type SalesListInput = Parameters<SalesHandlers['sales.list']>[0];

/**
 * sales.list: the plain list (all sales or one state, newest first), or, when asked for today or with a search,
 * states or a page, today's list one page at a time with how many match and the day's totals per state.
 */
function listSales(ledger: Ledger, service: SalesService, input: SalesListInput) {
  const limit = input.limit ?? 200;
  const paged = input.today || input.states || input.search || input.afterSaleId || input.withTotals;
  if (!paged) return { sales: ledger.list({ ...(input.state ? { state: input.state } : {}), limit }).map(publicSale) };
  const sinceMs = input.today ? service.startOfToday() : 0;
  const states = input.states ?? (input.state ? [input.state] : undefined);
  const page = ledger.queries.salesPage({ sinceMs, limit, ...(states ? { states } : {}), ...(input.search ? { search: input.search } : {}), ...(input.afterSaleId ? { afterSaleId: input.afterSaleId } : {}) });
  return { sales: page.sales.map(publicSale), matched: page.matched, more: page.more, ...(input.withTotals ? { totals: ledger.queries.stateTotals(sinceMs) } : {}) };
}

function salesHandlers({ ledger, cache, service, connectivity, currency, lowBalanceMinor, now }: SalesHandlerDeps): SalesHandlers {
  return {
    'sales.sell': async (input) => publicSale(await service.sell(input)),
    'sales.get': (input) => ({ sale: publicSale(ledger.mustGet(input.id)), events: ledger.events(input.id) }),
    'sales.list': (input) => listSales(ledger, service, input),
    'sales.checkResell': (input) => service.checkResell(input),
    'sales.refundAtCounter': (input) => publicSale(service.refundAtCounter(input.id)),
    // The dispatcher checked a cashier's ownerPin and says whose it was; an owner signed in needs none.
    'sales.markRefunded': (input, context) => publicSale(service.markRefunded(input.id, context.ownerOverride?.ownerId ?? null, input.fromShiftId ?? null)),
    'sales.recentNumbers': (input) => ({ numbers: ledger.recentNumbers(input.limit ?? 10) }),
    'queue.status': () => ledger.queueStatus(currency()),
    'catalog.get': (input) => carriersInSellingOrder(cache.catalog(input.country, input.kind), ledger.queries.carrierSales(input.country, now() - CARRIER_ORDER_WINDOW_MS)),
    'balances.get': () => cache.balances(lowBalanceMinor),
    'connectivity.get': () => connectivity.snapshot(),
  };
}
