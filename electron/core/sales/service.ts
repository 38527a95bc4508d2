/**
 * Selling at the counter: record the sale durably, then send it at once (online) or queue it (offline, within
 * the owner's policy), and answer with its state. A repeated requestId returns the same sale, never a second.
 */
import { businessDayOf, DEFAULT_BUSINESS_DAY_RULE, shiftIdOf, type BusinessDayRule } from '../../../shared/business-day';
import { newId } from '../kernel/ids';
import type { ProviderId } from '../../../shared/contract/app';
import type { SellInput } from '../../../shared/contract/sales';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { Session } from '../auth/session';
import type { CacheStore } from '../ledger/cache';
import type { Clock } from '../kernel/clock';
import type { Ledger, LedgerSale } from '../ledger/ledger';
import type { ProviderAdapter, ProviderError } from '../providers/types';
import { checkSaleInput } from '../providers/sale-input';
import type { ConnectivityTracker } from './connectivity';
import { crashPoint } from '../kernel/crash-points';
import { mayQueue, type OfflinePolicy, type RoutingPolicy } from './policy';
import { routeCandidates, type RouteCandidate } from './routing';
import type { SaleSender } from './sender';
import { decideFailover, FAILOVER_DETAIL, isTransient, type NotProcessedDecision } from './failover';

export interface SalesServiceDeps {
  ledger: Ledger;
  cache: CacheStore;
  sender: SaleSender;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  connectivity: ConnectivityTracker;
  session: Session;
  clock: Clock;
  offlinePolicy: () => OfflinePolicy;
  routingPolicy: () => RoutingPolicy;
  notify(sale: LedgerSale): void;
  /** Resolves when start-up recovery's local phase is done; sales wait for it. */
  ready: () => Promise<void>;
  /** Use a provider's asynchronous endpoint at the counter too (its transaction id comes back at once). */
  preferAsync: boolean;
  /** How long the counter waits for a pending sale to settle, asking every `onlinePollMs`. */
  onlineWaitMs: number;
  onlinePollMs: number;
  /** The shop's business day (settings timeZone and dayStartHour); Mexico City from midnight when absent. */
  businessDay?: () => BusinessDayRule;
}

/** The cashier's shift: one per cashier per business day of the shop (its time zone and day start hour). */
export function shiftIdFor(userId: string, ms: number, rule: BusinessDayRule = DEFAULT_BUSINESS_DAY_RULE): string {
  return shiftIdOf(userId, ms, rule);
}

export class SalesService {
  private readonly inFlight = new Map<string, Promise<LedgerSale>>();
  /** Sales this service is sending right now; the sync engine leaves them alone between failover hops. */
  private readonly held = new Set<string>();

  constructor(private readonly deps: SalesServiceDeps) {}

  /** Records and sends (or queues) one sale. Idempotent by `requestId`. */
  sell(input: SellInput): Promise<LedgerSale> {
    const running = this.inFlight.get(input.requestId);
    if (running) return running;
    const promise = this.sellOnce(input).finally(() => this.inFlight.delete(input.requestId));
    this.inFlight.set(input.requestId, promise);
    return promise;
  }

  private priceOf(input: SellInput): { price: Money; skuProvider: ProviderId | null } {
    if (input.amount) return { price: input.amount, skuProvider: null };
    const sku = input.sku ?? '';
    const product = this.deps.cache.productBySku(input.provider ?? null, sku);
    if (!product || !product.amount) throw new AppError('invalid_input', `Unknown product ${sku}: refresh the catalog or pick another`);
    return { price: product.amount, skuProvider: product.provider };
  }

  private async sellOnce(input: SellInput): Promise<LedgerSale> {
    await this.deps.ready();
    const { ledger } = this.deps;
    const existing = ledger.byRequestId(input.requestId);
    if (existing) return existing;
    const user = this.deps.session.current();
    if (!user) throw new AppError('unauthenticated', 'Sign in first');

    const { price, skuProvider } = this.priceOf(input);
    if (price.minor <= 0) throw new AppError('invalid_input', 'The amount must be more than zero');
    const provider = input.provider ?? skuProvider ?? undefined;
    const candidates = routeCandidates(
      { country: input.country, carrier: input.carrier, ...(input.sku ? { sku: input.sku } : { amount: price }), ...(provider ? { provider } : {}) },
      this.deps.routingPolicy(),
      this.deps.adapters,
      this.deps.cache,
    );
    const first = candidates[0];
    if (!first) throw new AppError('no_provider', `No provider sells ${input.carrier} in ${input.country} for this amount`);
    checkSaleInput(input, price, this.deps.cache.catalog(input.country).carriers.map((carrier) => carrier.name));

    const policy = this.deps.offlinePolicy();
    const online = this.deps.connectivity.anyReachable(candidates.map((candidate) => candidate.provider));
    if (!online) {
      const decision = mayQueue(policy, price, ledger.totalInStates(['queued'], price.currency));
      if (!decision.allowed) throw new AppError('offline_not_allowed', `No provider is reachable. ${decision.reason}.`);
    }

    const now = this.deps.clock.now();
    const id = newId();
    crashPoint('before-sale-commit');
    const created = ledger.transaction(() => {
      const sale = ledger.createSale({
        id,
        requestId: input.requestId,
        idempotencyKey: newId(),
        cashierId: user.id,
        shiftId: shiftIdFor(user.id, now, this.businessDayRule()),
        provider: first.provider,
        country: input.country,
        carrier: input.carrier,
        sku: first.sku,
        phone: input.phone,
        price,
      });
      if (online) return sale;
      // Checked again inside the transaction that queues, so two sales at once cannot both squeeze in.
      const decision = mayQueue(policy, price, ledger.totalInStates(['queued'], price.currency));
      if (!decision.allowed) throw new AppError('offline_not_allowed', `No provider is reachable. ${decision.reason}.`);
      return ledger.transition(id, 'created', 'queued', {}, JSON.stringify({ queued: 'no provider reachable' }));
    });
    this.deps.notify(created);
    if (!online) return created;
    this.held.add(created.id);
    try {
      return await this.sendOnline(created, candidates, policy);
    } finally {
      this.held.delete(created.id);
    }
  }

  isHeld(saleId: string): boolean {
    return this.held.has(saleId);
  }

  private async sendOnline(sale: LedgerSale, candidates: RouteCandidate[], policy: OfflinePolicy): Promise<LedgerSale> {
    const errors: ProviderError[] = [];
    let from: 'created' | 'queued' = 'created';
    let current: LedgerSale = sale;
    let offlineRefusal: string | null = null;
    for (let index = 0; index < candidates.length; index += 1) {
      const target = candidates[index];
      if (!target) break;
      let queuedOffline = false;
      const decide = (error: ProviderError, now: LedgerSale): NotProcessedDecision => {
        errors.push(error);
        const verdict = decideFailover({ error, remaining: candidates.slice(index + 1), anyTransient: errors.some(isTransient) });
        if (verdict.action === 'try_next') return { to: 'queued', provider: verdict.next.provider, sku: verdict.next.sku, newKey: true, detail: FAILOVER_DETAIL };
        if (verdict.action === 'queue') {
          const decision = mayQueue(policy, now.price, this.deps.ledger.totalInStates(['queued'], now.price.currency));
          if (decision.allowed) {
            queuedOffline = true;
            const retry = candidates[0] ?? target;
            return { to: 'queued', provider: retry.provider, sku: retry.sku, newKey: true, detail: 'no provider reachable: queued for later' };
          }
          offlineRefusal = decision.reason;
          return { to: 'failed', code: 'offline_not_allowed', message: `No provider is reachable. ${decision.reason}.`, refundDue: false };
        }
        const code: ErrorCode = error.code;
        return { to: 'failed', code, message: error.message, refundDue: false };
      };
      const outcome = await this.deps.sender.send(current.id, from, { provider: target.provider, sku: target.sku, idempotencyKey: current.idempotencyKey, preferAsync: this.deps.preferAsync }, decide);
      current = outcome.sale;
      if (outcome.kind === 'settled' || queuedOffline) break;
      from = 'queued';
    }
    if (offlineRefusal !== null) throw new AppError('offline_not_allowed', `No provider is reachable. ${offlineRefusal}.`);
    return current.state === 'pending' ? this.awaitSettled(current) : current;
  }

  /** The customer is at the counter: ask about a pending sale for a few seconds before answering. */
  private async awaitSettled(sale: LedgerSale): Promise<LedgerSale> {
    const deadline = this.deps.clock.now() + this.deps.onlineWaitMs;
    let current = sale;
    while (current.state === 'pending' && this.deps.clock.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, this.deps.onlinePollMs));
      current = await this.deps.sender.resolve(current.id);
    }
    return current;
  }

  markRefunded(id: string): LedgerSale {
    const sale = this.deps.ledger.get(id);
    if (!sale) throw new AppError('not_found', `No sale ${id}`);
    if (sale.state !== 'refund_due') throw new AppError('conflict', `Sale ${id} is ${sale.state}; only a sale owed back (refund_due) can be marked refunded`);
    const user = this.deps.session.current();
    const updated = this.deps.ledger.transition(id, 'refund_due', 'refunded', {}, JSON.stringify({ refundedBy: user?.id ?? null }));
    this.deps.notify(updated);
    return updated;
  }

  /** When the shop's current business day started (its time zone and day start hour, from the settings). */
  startOfToday(): number {
    return businessDayOf(this.deps.clock.now(), this.businessDayRule()).startMs;
  }

  private businessDayRule(): BusinessDayRule {
    return this.deps.businessDay?.() ?? DEFAULT_BUSINESS_DAY_RULE;
  }
}
