/**
 * The sync engine (main process): drains the offline queue oldest first within each provider's rate limits
 * with a bounded number of requests in flight, backs off with jitter while offline, polls pending and
 * unknown sales, expires queued sales that waited too long, and refreshes catalogs and balances into SQLite.
 * It joins the ledger and the adapters; neither knows the other. All pacing reads the injected clock, so a
 * test clock must advance (a frozen one would wait forever for a rate window to pass).
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { LedgerSale } from '../ledger/ledger';
import { StateConflictError } from '../ledger/ledger';
import type { ProviderError } from '../providers/types';
import { PROVIDER_RATE_LIMITS, type RateLimiter } from '../providers/rate-limiter';
import { CompletionPacer } from './pacer';
import { crashPoint } from '../kernel/crash-points';
import { resolveAwaiting } from '../sales/recovery';
import { routeCandidates } from '../sales/routing';
import type { ClaimedSale, SendOutcome, SendTarget } from '../sales/sender';
import { decideFailover, FAILOVER_DETAIL, isTransient, type NotProcessedDecision } from '../sales/failover';
import { failAndOweBack } from '../sales/owed-back';
import type { DrainReport, SyncDeps, SyncOptions, SyncReport } from './options';
import { refreshCaches } from './refresh';

/** One provider's drain in progress. */
interface ProviderDrain {
  provider: ProviderId;
  /** Its queued sales, oldest first; `next` is the first not yet claimed. */
  sales: LedgerSale[];
  next: number;
  /** The provider said "not now": stop sending to it in this drain. */
  halted: boolean;
  inFlight: Set<Promise<void>>;
  pacer: CompletionPacer;
  limiter: RateLimiter | undefined;
  report: DrainReport;
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
        const failure = { failureCode: 'offline_not_allowed' as const, failureMessage: `Waited in the offline queue longer than ${Math.round(maxAge / 3600_000)} h` };
        const updated = failAndOweBack(ledger, sale.id, 'queued', failure, JSON.stringify({ expired: true }));
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
    // Only a plain Mexican-style top-up moves: a bundle, a bill, a sale priced in USD or one whose carrier the
    // provider detects stays with its provider (issue 14).
    const plainTopup = (sale.kind ?? 'topup') === 'topup' && !sale.carrierDetected && !sale.faceValue;
    const canMove = plainTopup && (!product || product.type === 'topup');
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
    return { to: 'failed', code: error.code, message: error.message };
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
    const drain: ProviderDrain = { provider, sales, next: 0, halted: false, inFlight: new Set(), pacer: this.pacer(provider), limiter: adapter.rateLimits?.topup, report };
    while (drain.next < sales.length && !drain.halted && !this.inBackoff(provider)) {
      if (await this.waitForRoom(drain)) continue;
      for (const claimed of this.claimBurst(drain)) this.sendClaimed(drain, claimed);
      // Let the adapters take their rate slots before the limiter is read again.
      await nextTick();
    }
    await Promise.all(drain.inFlight);
  }

  /** Waits while the concurrency bound or the provider's pace leaves no room; true when it waited. */
  private async waitForRoom(drain: ProviderDrain): Promise<boolean> {
    if (drain.inFlight.size >= this.options.concurrency) {
      await Promise.race(drain.inFlight);
      return true;
    }
    const wait = Math.max(drain.pacer.waitMs(this.deps.clock.now()), drain.limiter ? drain.limiter.msUntilFree() : 0);
    if (wait <= 0) return false;
    await (drain.inFlight.size > 0 ? Promise.race([...drain.inFlight, sleep(wait)]) : sleep(wait));
    return true;
  }

  /** Claims as many of the next sales as there is room for, in one transaction. */
  private claimBurst(drain: ProviderDrain): Array<{ sale: LedgerSale; claim: ClaimedSale }> {
    const room = Math.min(drain.pacer.room(this.deps.clock.now()), this.options.concurrency - drain.inFlight.size, drain.sales.length - drain.next);
    const burst = drain.sales.slice(drain.next, drain.next + Math.max(1, room));
    drain.next += burst.length;
    crashPoint('mid-drain');
    return this.deps.ledger.transaction(() => burst.flatMap((sale) => this.claimQueued(drain.provider, sale)));
  }

  /** Takes one queued sale for sending; nothing when someone else holds it or it moved on. */
  private claimQueued(provider: ProviderId, sale: LedgerSale): Array<{ sale: LedgerSale; claim: ClaimedSale }> {
    if (this.deps.isHeld(sale.id)) return [];
    try {
      return [{ sale, claim: this.deps.sender.claim(sale.id, 'queued', this.drainTarget(provider, sale, () => {})) }];
    } catch (error) {
      if (error instanceof StateConflictError) return [];
      throw error;
    }
  }

  private drainTarget(provider: ProviderId, sale: LedgerSale, onAnswered: () => void): SendTarget {
    return { provider, sku: sale.sku, idempotencyKey: sale.idempotencyKey, preferAsync: this.options.preferAsync, onAnswered };
  }

  /** Sends one claimed sale without waiting for it; its slot in the pacer is freed when the answer is in. */
  private sendClaimed(drain: ProviderDrain, { sale, claim }: { sale: LedgerSale; claim: ClaimedSale }): void {
    drain.pacer.start();
    let answered = false;
    const onAnswered = (): void => {
      if (answered) return;
      answered = true;
      drain.pacer.finish(this.deps.clock.now());
    };
    const run: Promise<void> = this.deps.sender
      .dispatch(claim, this.drainTarget(drain.provider, sale, onAnswered), (error, now) => this.decideForQueued(error, now))
      .then((result) => this.countOutcome(drain, result))
      .catch((error: unknown) => {
        if (!(error instanceof StateConflictError)) this.deps.logger.error('sync.send_failed', { saleId: sale.id, error: String(error) });
      })
      .finally(() => {
        onAnswered();
        drain.inFlight.delete(run);
      });
    drain.inFlight.add(run);
  }

  /** Adds one outcome to the report; a "not now" from this provider halts its drain. */
  private countOutcome(drain: ProviderDrain, result: SendOutcome): void {
    const { report } = drain;
    report.sent += 1;
    if (result.kind === 'requeued') {
      report.requeued += 1;
      if (isTransient(result.error) && result.sale.provider === drain.provider) drain.halted = true;
    } else if (result.sale.state === 'succeeded') report.succeeded += 1;
    else if (result.sale.state === 'pending') report.pending += 1;
    else if (result.sale.state === 'unknown') report.unknown += 1;
    else report.failed += 1;
  }

  /** Asks about pending and unknown sales whose provider is reachable. */
  async poll(): Promise<SyncReport['poll']> {
    this.lastPoll = this.deps.clock.now();
    return resolveAwaiting(this.deps.ledger, this.deps.sender, this.deps.logger, this.options.pollConcurrency);
  }

  /** Catalogs and balances into SQLite, for screens that must work offline. */
  async refresh(): Promise<void> {
    this.lastRefresh = this.deps.clock.now();
    await refreshCaches(this.deps, this.options.countries);
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
