/**
 * Selling at the counter: record the sale durably, then send it at once (online) or queue it (offline, within
 * the owner's policy), and answer with its state. A repeated requestId returns the same sale, never a second.
 */
import { InFlightByRequestId } from './in-flight';
import { businessDayOf, DEFAULT_BUSINESS_DAY_RULE, shiftIdOf, type BusinessDayRule } from '../../../shared/business-day';
import { newId } from '../kernel/ids';
import type { ProviderId } from '../../../shared/contract/app';
import type { ResellCheck, SellInput } from '../../../shared/contract/sales';
import type { User } from '../../../shared/contract/auth';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { Session } from '../auth/session';
import type { CacheStore } from '../ledger/cache';
import type { Clock } from '../kernel/clock';
import { publicSale, type Ledger, type LedgerSale } from '../ledger/ledger';
import type { ProviderAdapter, ProviderError } from '../providers/types';
import { checkSaleInput } from '../providers/sale-input';
import type { ConnectivityTracker } from './connectivity';
import { crashPoint } from '../kernel/crash-points';
import { mayQueue, offlineRefusal, type OfflinePolicy, type RoutingPolicy } from './policy';
import { routeCandidates, type RouteCandidate } from './routing';
import type { SaleSender } from './sender';
import { decideFailover, FAILOVER_DETAIL, isTransient, type NotProcessedDecision } from './failover';
import { enforceResellGuard, resellFacts, UNRESOLVED_STATES, RESELL_WINDOW_DEFAULT_MINUTES, type EarlierSale, type ResellFacts } from './duplicate-guard';
import { payOutRefund, refundAtCounter } from './refunds';
import { detectingRoute, pricedInDollars, termsOfSale } from './sale-terms';
import { UNSET_PRICING } from './pricing-settings';
import { priceInPesos, pricingFor } from '../../../shared/pricing';
import type { PricingSettings } from '../../../shared/contract/sale-kinds';

/**
 * Checks an owner's PIN typed on the spot for `action`, asked by the signed-in user `requestedBy`. Resolves with
 * the owner's id; throws AppError('forbidden') on a wrong PIN. Implemented by auth, injected by the composition.
 */
export type VerifyOwnerPin = (pin: string, action: string, requestedBy: string) => Promise<{ ownerId: string }>;

/** The action name an owner's PIN is checked (and logged) for when it lets a re-sell through. */
export const RESELL_OVERRIDE_ACTION = 'sales.sell:resell';

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
  /** Setting `resellWindowMinutes`: how long the same number and amount asks before selling again. */
  resellWindowMinutes?: () => number;
  /** Checks an owner's PIN for a blocked re-sell; without it, no override is possible. */
  verifyOwnerPin?: VerifyOwnerPin;
  /** The owner's pricing in pesos for countries priced in USD (setting 'sales.pricing'); absent: not set. */
  pricing?: () => PricingSettings;
  /** Demo mode only: the provider that shows a test number's behaviour goes first (shared/demo-numbers.ts). */
  demoProviderFor?: (phone: string, country: string) => ProviderId | undefined;
  /** The drawer's shifts (core/backoffice); without them a sale's shift is derived per cashier and day, as before. */
  shifts?: SaleShifts;
}

/** The open shift of this PC's drawer, as the sale path needs it (implemented by core/backoffice). */
export interface SaleShifts {
  /** Inside the transaction that records a sale: the open shift's id, opening one per the owner's policy, or throws no_open_shift. */
  forNewSale(userId: string): string;
  /** The open shift's id now, or null. */
  currentId(): string | null;
}

/** An owner let a re-sell through: who, for whom, over which earlier sale. Recorded in the new sale's history. */
interface ResellOverride {
  ownerId: string;
  requestedBy: string;
}

/** The cashier's shift: one per cashier per business day of the shop (its time zone and day start hour). */
export function shiftIdFor(userId: string, ms: number, rule: BusinessDayRule = DEFAULT_BUSINESS_DAY_RULE): string {
  return shiftIdOf(userId, ms, rule);
}

export class SalesService {
  private readonly inFlight = new InFlightByRequestId<LedgerSale>();
  /** Sales this service is sending right now; the sync engine leaves them alone between failover hops. */
  private readonly held = new Set<string>();

  constructor(private readonly deps: SalesServiceDeps) {}

  /** Records and sends (or queues) one sale. Idempotent by `requestId`. */
  sell(input: SellInput): Promise<LedgerSale> {
    return this.inFlight.run(input.requestId, () => this.sellOnce(input));
  }

  private async sellOnce(input: SellInput): Promise<LedgerSale> {
    await this.deps.ready();
    const { ledger } = this.deps;
    const existing = ledger.byRequestId(input.requestId);
    if (existing) return existing;
    const user = this.deps.session.current();
    if (!user) throw new AppError('unauthenticated', 'Sign in first');

    // Bad input is refused before anything else is asked of the ledger or the routing: invalid_input, nothing written.
    // What is sent and what is charged (pesos for a country priced in USD: pricing_not_set, quote_changed).
    const { price, face, skuProvider, extras } = termsOfSale(input, this.deps.cache, () => this.deps.pricing?.() ?? UNSET_PRICING);
    checkSaleInput(input, face, this.deps.cache.catalog(input.country).carriers.map((carrier) => carrier.name));
    const override = await this.passResellGuard(input, user, price);
    const provider = input.provider ?? skuProvider ?? undefined;
    const routed =
      input.carrier === undefined
        ? detectingRoute(this.deps.adapters, input.country)
        : routeCandidates(
            { country: input.country, carrier: input.carrier, ...(input.sku ? { sku: input.sku } : { amount: face }), ...(provider ? { provider } : {}) },
            this.deps.routingPolicy(),
            this.deps.adapters,
            this.deps.cache,
          );
    const demoFirst = this.deps.demoProviderFor?.(input.phone, input.country);
    const candidates = demoFirst ? [...routed.filter((candidate) => candidate.provider === demoFirst), ...routed.filter((candidate) => candidate.provider !== demoFirst)] : routed;
    const first = candidates[0];
    if (!first) throw new AppError('no_provider', `No provider sells ${input.carrier ?? 'a detected carrier'} in ${input.country} for this amount`);

    const policy = this.deps.offlinePolicy();
    const online = this.deps.connectivity.anyReachable(candidates.map((candidate) => candidate.provider));
    if (!online) {
      const decision = mayQueue(policy, price, ledger.totalInStates(['queued'], price.currency));
      if (!decision.allowed) throw offlineRefusal(decision);
    }

    const now = this.deps.clock.now();
    const id = newId();
    crashPoint('before-sale-commit');
    const created = ledger.transaction(() => {
      // Checked inside the transaction that records the sale, so two sales to one number at once cannot both pass.
      const facts = this.resellFactsFor(input.phone, input.country, price);
      this.enforceResell(facts, input, override);
      const sale = ledger.createSale({
        id,
        requestId: input.requestId,
        idempotencyKey: newId(),
        cashierId: user.id,
        shiftId: this.deps.shifts ? this.deps.shifts.forNewSale(user.id) : shiftIdFor(user.id, now, this.businessDayRule()),
        provider: first.provider,
        country: input.country,
        carrier: input.carrier ?? '',
        sku: first.sku,
        phone: input.phone,
        price,
        extras,
      }, this.resellDetail(facts, override, input.repeatConfirmed === true));
      if (online) return sale;
      // Checked again inside the transaction that queues, so two sales at once cannot both squeeze in.
      const decision = mayQueue(policy, price, ledger.totalInStates(['queued'], price.currency));
      if (!decision.allowed) throw offlineRefusal(decision);
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
          return { to: 'failed', code: 'offline_not_allowed', message: `No provider is reachable. ${decision.reason}.` };
        }
        const code: ErrorCode = error.code;
        return { to: 'failed', code, message: error.message };
      };
      const outcome = await this.deps.sender.send(current.id, from, { provider: target.provider, sku: target.sku, idempotencyKey: current.idempotencyKey, preferAsync: this.deps.preferAsync }, decide);
      current = outcome.sale;
      if (outcome.kind === 'settled' || queuedOffline) break;
      from = 'queued';
    }
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

  /**
   * What the ledger knows about earlier sales to a number (asked before the read-back; writes nothing): an
   * unresolved one, and the latest of the same amount within the window.
   */
  checkResell(query: { phone: string; country: string; amount?: Money; sku?: string }): ResellCheck {
    const price = this.chargeFor(query.country, query.amount ?? (query.sku ? (this.deps.cache.productBySku(null, query.sku)?.amount ?? null) : null));
    const facts = this.resellFactsFor(query.phone, query.country, price);
    return {
      unresolved: facts.unresolved ? publicSale(facts.unresolved) : null,
      sameRecently: facts.sameRecently ? publicSale(facts.sameRecently) : null,
      windowMinutes: this.resellWindowMinutes(),
    };
  }

  /** What a sale of `face` in `country` is charged (and recorded) at: pesos where it is priced in USD; null when unknown. */
  private chargeFor(country: string, face: Money | null): Money | null {
    if (!face || !pricedInDollars(country) || face.currency !== 'USD') return face;
    const pricing = pricingFor(this.deps.pricing?.() ?? UNSET_PRICING, country);
    return pricing ? priceInPesos(face, pricing).charge : null;
  }

  private resellWindowMinutes(): number {
    return this.deps.resellWindowMinutes?.() ?? RESELL_WINDOW_DEFAULT_MINUTES;
  }

  private resellFactsFor(phone: string, country: string, price: Money | null): ResellFacts<LedgerSale> {
    const now = this.deps.clock.now();
    const windowMinutes = this.resellWindowMinutes();
    const earlier = this.deps.ledger.salesToNumber(phone, country, now - windowMinutes * 60_000, UNRESOLVED_STATES);
    return resellFacts(earlier, { phone, country, price }, now, windowMinutes);
  }

  /**
   * The duplicate guard before anything else, so its refusal is the one the cashier reads: an owner's PIN is
   * checked only when one was typed and an unresolved sale blocks. Answers the override to record; the guard is
   * checked again inside the transaction that records the sale.
   */
  private async passResellGuard(input: SellInput, user: User, price: Money): Promise<ResellOverride | null> {
    const facts = this.resellFactsFor(input.phone, input.country, price);
    let override: ResellOverride | null = null;
    if (input.ownerPin && facts.unresolved) {
      if (!this.deps.verifyOwnerPin) throw new AppError('forbidden', 'Owner PINs cannot be checked in this build');
      const { ownerId } = await this.deps.verifyOwnerPin(input.ownerPin, RESELL_OVERRIDE_ACTION, user.id);
      override = { ownerId, requestedBy: user.id };
    }
    this.enforceResell(facts, input, override);
    return override;
  }

  private enforceResell(facts: ResellFacts<LedgerSale>, input: SellInput, override: ResellOverride | null): void {
    enforceResellGuard(facts, { ownerOverride: override !== null, repeatConfirmed: input.repeatConfirmed === true }, (earlier) => this.describeEarlier(earlier));
  }

  private resellDetail(facts: ResellFacts<LedgerSale>, override: ResellOverride | null, repeatConfirmed: boolean): string | null {
    const detail: Record<string, unknown> = {};
    if (override && facts.unresolved) detail.ownerOverride = { ...override, earlierSaleId: facts.unresolved.id, earlierState: facts.unresolved.state };
    if (facts.sameRecently && (repeatConfirmed || override)) detail.repeatOf = facts.sameRecently.id;
    return Object.keys(detail).length > 0 ? JSON.stringify(detail) : null;
  }

  /** "sold at 14:05 (shop time), now unknown": the earlier sale as the refusal names it. */
  private describeEarlier(sale: EarlierSale): string {
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: this.businessDayRule().timeZone }).format(sale.createdMs);
    return `sold at ${time}, now ${sale.state}`;
  }

  /** Right after a failure, the cashier who sold it handed the cash back at the counter. */
  refundAtCounter(id: string): LedgerSale {
    const user = this.deps.session.current();
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    const now = this.deps.clock.now();
    const currentShiftId = this.deps.shifts ? (this.deps.shifts.currentId() ?? 'no-open-shift') : shiftIdFor(user.id, now, this.businessDayRule());
    const updated = refundAtCounter(this.deps.ledger, id, { user, currentShiftId, nowMs: now });
    crashPoint('after-refund-commit-before-answer');
    this.deps.notify(updated);
    return updated;
  }

  /**
   * A later payout of a refund_due sale: by an owner, or by a cashier under `overridingOwnerId`'s PIN. The cash
   * leaves the open drawer, if one is open (its shift's expected cash counts it). `fromShiftId`, when the owner
   * names the shift, must be that open drawer: a closed shift's count is final and cannot pay anything more.
   */
  markRefunded(id: string, overridingOwnerId: string | null = null, fromShiftId: string | null = null): LedgerSale {
    const openShiftId = this.deps.shifts ? this.deps.shifts.currentId() : null;
    if (fromShiftId !== null && this.deps.shifts && fromShiftId !== openShiftId) {
      throw new AppError('conflict', `Shift ${fromShiftId} is not the open drawer${openShiftId ? ` (${openShiftId} is)` : ''}: a refund is paid from the open drawer's cash`);
    }
    const shiftId = fromShiftId ?? openShiftId;
    const updated = payOutRefund(this.deps.ledger, id, { user: this.deps.session.current(), overridingOwnerId, shiftId });
    crashPoint('after-refund-commit-before-answer');
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
