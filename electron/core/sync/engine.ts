/**
 * The sync engine (main process): drains the offline queue oldest first within each provider's rate limits
 * with a bounded number of requests in flight, backs off with jitter while offline, polls pending and
 * unknown sales, expires queued sales that waited too long, and refreshes catalogs and balances into SQLite.
 * It joins the ledger and the adapters; neither knows the other.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../kernel/logger';
import type { CacheStore } from '../ledger/cache';
import type { Clock } from '../kernel/clock';
import type { Ledger, LedgerSale } from '../ledger/ledger';
import { StateConflictError } from '../ledger/ledger';
import type { ProviderAdapter, ProviderError } from '../providers/types';
import { PROVIDER_RATE_LIMITS, type RateWindowSpec } from '../providers/rate-limiter';
import { crashPoint } from '../kernel/crash-points';
import type { OfflinePolicy, RoutingPolicy } from '../sales/policy';
import { resolveAwaiting } from '../sales/recovery';
import { routeCandidates } from '../sales/routing';
import type { NotProcessedDecision, SaleSender, SendTarget } from '../sales/sender';
import { decideFailover, FAILOVER_DETAIL, isTransient } from '../sales/failover';
import { oweBack } from '../sales/owed-back';
import type { ConnectivityTracker } from '../sales/connectivity';

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
  /** Countries whose catalogs are cached. */
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
  countries: ['MX'],
  preferAsync: true,
  rateTimeScale: 1,
};

/**
 * Paces top-ups so the provider never sees more than its documented limit in any window, whatever the network
 * does: a request occupies its slot from the moment it is sent until one window after its answer came back.
 * The provider stamped it somewhere in between, so counting this way can only over-estimate its count.
 */
export class CompletionPacer {
  private inFlight = 0;
  private readonly completed: number[] = [];
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindowSpec[]) {
    this.longest = windows.reduce((max, window) => Math.max(max, window.windowMs), 0);
  }

  /** Milliseconds to wait before one more request may be sent (0: now). */
  waitMs(now: number): number {
    this.prune(now);
    let wait = 0;
    for (const window of this.windows) {
      const recent = this.completed.filter((at) => at > now - window.windowMs);
      const used = this.inFlight + recent.length;
      if (used < window.limit) continue;
      const mustLeave = used - window.limit + 1;
      // Oldest completions leave the window first; if in-flight requests alone fill it, wait for an answer.
      const leaving = recent[mustLeave - 1];
      wait = Math.max(wait, leaving !== undefined && mustLeave <= recent.length ? leaving + window.windowMs - now + 1 : 2);
    }
    return wait;
  }

  /** How many requests may be sent now. */
  room(now: number): number {
    this.prune(now);
    let room = Number.POSITIVE_INFINITY;
    for (const window of this.windows) {
      const recent = this.completed.filter((at) => at > now - window.windowMs).length;
      room = Math.min(room, window.limit - this.inFlight - recent);
    }
    return Math.max(0, room);
  }

  start(): void {
    this.inFlight += 1;
  }

  finish(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.completed.push(now);
  }

  private prune(now: number): void {
    while (this.completed.length > 0 && (this.completed[0] ?? 0) <= now - this.longest) this.completed.shift();
  }
}

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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = true;
  private busy: Promise<unknown> = Promise.resolve();
  private lastPoll = 0;
  private lastRefresh = 0;
  private backoffMs: number;
  private readonly notBefore = new Map<ProviderId, number>();
  private readonly pacers = new Map<ProviderId, CompletionPacer>();

  constructor(private readonly deps: SyncDeps) {
    this.backoffMs = deps.options.backoffBaseMs;
  }

  private get options(): SyncOptions {
    return this.deps.options;
  }

  /** Queued sales that waited longer than the policy allows fail, and their money is owed back. */
  expire(): number {
    const { ledger, clock } = this.deps;
    const maxAge = this.deps.offlinePolicy().maxAgeMs;
    const cutoff = clock.now() - maxAge;
    let expired = 0;
    for (const sale of ledger.inStates(['queued'])) {
      if (sale.createdMs > cutoff) break;
      if (this.deps.isHeld(sale.id)) continue;
      try {
        const updated = ledger.transaction(() => {
          ledger.transition(sale.id, 'queued', 'failed', { failureCode: 'offline_not_allowed', failureMessage: `Waited in the offline queue longer than ${Math.round(maxAge / 3600_000)} h` }, JSON.stringify({ expired: true }));
          return oweBack(ledger, sale.id);
        });
        this.deps.notify(updated);
        expired += 1;
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
      }
    }
    return expired;
  }

  /** The customer has gone: failover to another provider, stay queued, or fail with the money owed back. */
  private decideForQueued(error: ProviderError, sale: LedgerSale): NotProcessedDecision {
    const product = sale.sku ? this.deps.cache.productBySku(sale.provider, sale.sku) : null;
    const canMove = !product || product.type === 'topup';
    const candidates = canMove
      ? routeCandidates({ country: sale.country, carrier: sale.carrier, amount: sale.price }, this.deps.routingPolicy(), this.deps.adapters, this.deps.cache)
      : [{ provider: sale.provider, sku: sale.sku }];
    const here = candidates.findIndex((candidate) => candidate.provider === sale.provider);
    const others = [...candidates.slice(here + 1), ...candidates.slice(0, Math.max(0, here))].filter((candidate) => candidate.provider !== sale.provider);
    if (isTransient(error) && (error.code === 'rate_limited' || error.notSent || error.code === 'outcome_unknown')) this.holdOff(sale.provider, error.retryAt);
    const failedHere = new Set(
      this.deps.ledger
        .attempts(sale.id)
        .filter((attempt) => attempt.outcome === 'failed' || attempt.outcome === 'not_processed')
        .map((attempt) => attempt.provider),
    );
    const remaining = others.map((candidate) => ({
      ...candidate,
      unavailable: !this.deps.connectivity.reachable(candidate.provider) || this.inBackoff(candidate.provider),
      refusedThisSale: failedHere.has(candidate.provider),
    }));
    const verdict = decideFailover({ error, remaining, anyTransient: isTransient(error) });
    if (verdict.action === 'try_next') return { to: 'queued', provider: verdict.next.provider, sku: verdict.next.sku, newKey: true, detail: FAILOVER_DETAIL };
    if (verdict.action === 'queue') return { to: 'queued', provider: sale.provider, sku: sale.sku, newKey: true, detail: 'provider unavailable: stays queued' };
    return { to: 'failed', code: error.code, message: error.message, refundDue: true };
  }

  private inBackoff(provider: ProviderId): boolean {
    return (this.notBefore.get(provider) ?? 0) > this.deps.clock.now();
  }

  private holdOff(provider: ProviderId, retryAt?: number): void {
    const now = this.deps.clock.now();
    const until = retryAt && retryAt > now ? retryAt : now + this.jitter(this.options.backoffBaseMs);
    this.notBefore.set(provider, Math.max(this.notBefore.get(provider) ?? 0, until));
  }

  private jitter(ms: number): number {
    return Math.round(ms * (0.5 + Math.random()));
  }

  private pacer(provider: ProviderId): CompletionPacer {
    let pacer = this.pacers.get(provider);
    if (!pacer) {
      const limits = PROVIDER_RATE_LIMITS[provider];
      const scale = this.options.rateTimeScale;
      pacer = new CompletionPacer([...limits.requests, ...limits.topups].map((window) => ({ limit: window.limit, windowMs: window.windowMs * scale })));
      this.pacers.set(provider, pacer);
    }
    return pacer;
  }

  /** Sends every queued sale it can, oldest first, per provider with bounded concurrency. */
  async drain(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, succeeded: 0, pending: 0, unknown: 0, failed: 0, requeued: 0 };
    for (let round = 0; round < 5; round += 1) {
      const queued = this.deps.ledger.inStates(['queued']).filter((sale) => !this.deps.isHeld(sale.id));
      const byProvider = new Map<ProviderId, LedgerSale[]>();
      for (const sale of queued) {
        if (this.inBackoff(sale.provider) || !this.deps.adapters.has(sale.provider)) continue;
        const list = byProvider.get(sale.provider) ?? [];
        list.push(sale);
        byProvider.set(sale.provider, list);
      }
      if (byProvider.size === 0) break;
      const before = report.sent;
      await Promise.all([...byProvider.entries()].map(([provider, sales]) => this.drainProvider(provider, sales, report)));
      if (report.sent === before) break;
    }
    return report;
  }

  /**
   * One provider's share of the queue, oldest first: whenever the pacer has room, the next burst of sales is
   * claimed in ONE transaction (one fsync, committed before any of them is sent), then sent side by side.
   */
  private async drainProvider(provider: ProviderId, sales: LedgerSale[], report: DrainReport): Promise<void> {
    const adapter = this.deps.adapters.get(provider);
    if (!adapter) return;
    const limiter = adapter.rateLimits?.topup;
    const pacer = this.pacer(provider);
    const inFlight = new Set<Promise<void>>();
    let halted = false;
    let next = 0;
    const target = (sale: LedgerSale, onAnswered: () => void): SendTarget => ({
      provider,
      sku: sale.sku,
      idempotencyKey: sale.idempotencyKey,
      preferAsync: this.options.preferAsync,
      onAnswered,
    });
    while (next < sales.length && !halted && !this.inBackoff(provider)) {
      if (inFlight.size >= this.options.concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      const wait = Math.max(pacer.waitMs(Date.now()), limiter ? limiter.msUntilFree() : 0);
      if (wait > 0) {
        await (inFlight.size > 0 ? Promise.race([...inFlight, sleep(wait)]) : sleep(wait));
        continue;
      }
      const room = Math.min(pacer.room(Date.now()), this.options.concurrency - inFlight.size, sales.length - next);
      const burst = sales.slice(next, next + Math.max(1, room));
      next += burst.length;
      crashPoint('mid-drain');
      const claimed = this.deps.ledger.transaction(() =>
        burst.flatMap((sale) => {
          if (this.deps.isHeld(sale.id)) return [];
          try {
            return [{ sale, claim: this.deps.sender.claim(sale.id, 'queued', target(sale, () => {})) }];
          } catch (error) {
            if (error instanceof StateConflictError) return [];
            throw error;
          }
        }),
      );
      for (const { sale, claim } of claimed) {
        pacer.start();
        let answered = false;
        const onAnswered = (): void => {
          if (answered) return;
          answered = true;
          pacer.finish(Date.now());
        };
        const run = this.deps.sender
          .dispatch(claim, target(sale, onAnswered), (error, now) => this.decideForQueued(error, now))
          .then((result) => {
            report.sent += 1;
            if (result.kind === 'requeued') {
              report.requeued += 1;
              if (isTransient(result.error) && result.sale.provider === provider) halted = true;
            } else if (result.sale.state === 'succeeded') report.succeeded += 1;
            else if (result.sale.state === 'pending') report.pending += 1;
            else if (result.sale.state === 'unknown') report.unknown += 1;
            else report.failed += 1;
          })
          .catch((error: unknown) => {
            if (!(error instanceof StateConflictError)) this.deps.logger.error('sync.send_failed', { saleId: sale.id, error: String(error) });
          })
          .finally(() => {
            onAnswered();
            inFlight.delete(run);
          });
        inFlight.add(run);
      }
      // Let the adapters take their rate slots before the limiter is read again.
      await nextTick();
    }
    await Promise.all(inFlight);
  }

  /** Asks about pending and unknown sales whose provider is reachable. */
  async poll(): Promise<SyncReport['poll']> {
    this.lastPoll = this.deps.clock.now();
    return resolveAwaiting(this.deps.ledger, this.deps.sender, this.deps.logger, this.options.pollConcurrency);
  }

  /** Catalogs and balances into SQLite, for screens that must work offline. */
  async refresh(): Promise<void> {
    this.lastRefresh = this.deps.clock.now();
    const at = new Date(this.deps.clock.now()).toISOString();
    let balancesChanged = false;
    await Promise.all(
      [...this.deps.adapters.values()].map(async (adapter) => {
        try {
          const balance = await adapter.balance();
          this.deps.connectivity.observe(adapter.id, balance);
          if (balance.ok) {
            this.deps.cache.setBalance(adapter.id, balance.value, at);
            balancesChanged = true;
          }
          for (const country of this.options.countries.filter((code) => adapter.capabilities.countries.includes(code))) {
            const [catalog, carriers] = await Promise.all([adapter.catalog(country), adapter.carriers(country)]);
            this.deps.connectivity.observe(adapter.id, catalog);
            if (!catalog.ok) continue;
            // Providers name carriers differently (Liquido's merchant ids): store the carrier's display name.
            const names = new Map((carriers.ok ? carriers.value : []).map((carrier) => [carrier.id.toLowerCase(), carrier.name]));
            const products = catalog.value.map((product) => ({ ...product, carrier: names.get(product.carrier.toLowerCase()) ?? product.carrier }));
            this.deps.cache.replaceCatalog(adapter.id, country, products, at);
          }
        } catch (error) {
          this.deps.logger.warn('sync.refresh_failed', { provider: adapter.id, error: String(error) });
        }
      }),
    );
    if (balancesChanged) this.deps.events.emit('balances.changed', this.deps.cache.balances());
  }

  /** One pass: expire, drain, poll. What `saldo sync` runs (after recovery). */
  async runOnce(): Promise<SyncReport> {
    const expired = this.expire();
    const drain = await this.drain();
    const poll = await this.poll();
    return { expired, drain, poll };
  }

  /** Health checks every unreachable provider; true if any answered. */
  private async probe(): Promise<boolean> {
    let any = false;
    await Promise.all(
      [...this.deps.adapters.values()].map(async (adapter) => {
        if (this.deps.connectivity.lastKnownReachable(adapter.id)) return;
        try {
          const health = await adapter.health();
          this.deps.connectivity.observe(adapter.id, health);
          if (health.ok) {
            any = true;
            this.notBefore.delete(adapter.id);
          }
        } catch (error) {
          this.deps.logger.debug('sync.probe_failed', { provider: adapter.id, error: String(error) });
        }
      }),
    );
    return any;
  }

  private async tick(): Promise<number> {
    const now = this.deps.clock.now();
    const all = [...this.deps.adapters.keys()];
    if (!this.deps.connectivity.anyReachable(all)) {
      const back = await this.probe();
      if (!back) {
        this.backoffMs = Math.min(this.options.backoffMaxMs, this.backoffMs * 2);
        return this.jitter(this.backoffMs);
      }
    }
    this.backoffMs = this.options.backoffBaseMs;
    if (all.some((provider) => !this.deps.connectivity.lastKnownReachable(provider))) await this.probe();
    this.expire();
    if (this.deps.ledger.countInStates(['queued']) > 0) await this.drain();
    if (now - this.lastPoll >= this.options.pollIntervalMs && this.deps.ledger.countInStates(['pending', 'unknown']) > 0) await this.poll();
    if (now - this.lastRefresh >= this.options.refreshIntervalMs) await this.refresh();
    return this.options.tickMs;
  }

  /** Runs in the background until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = (): void => {
      if (this.stopped) return;
      this.running = true;
      const run = this.tick()
        .catch((error: unknown) => {
          this.deps.logger.error('sync.tick_failed', { error: String(error) });
          return this.options.tickMs;
        })
        .then((delay) => {
          this.running = false;
          if (!this.stopped) {
            this.timer = setTimeout(loop, delay);
            this.timer.unref?.();
          }
        });
      this.busy = run;
    };
    loop();
  }

  /** Wakes the loop now (a provider answered again, a sale was queued). */
  kick(): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
    this.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.busy;
  }
}
