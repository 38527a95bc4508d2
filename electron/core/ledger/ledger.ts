/**
 * The sales ledger: SQLite and nothing of HTTP. Every write is a synchronous better-sqlite3 transaction
 * (never an await inside one), every state change a compare-and-set on `state` that also appends a
 * hash-chained event, so a sale's row and its history can never disagree. The SQL is in ./sales-repository.ts.
 */
import type { Database } from 'better-sqlite3';
import type { Sale, SaleEvent, SaleState, QueueStatus } from '../../../shared/contract/sales';
import type { ProviderId } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { systemClock, type Clock } from '../kernel/clock';
import { assertTransition } from './state-machine';
import { SalesQueries } from './sales-queries';
import { createdDetail, eventHash, GENESIS_HASH, verifyChain, type ChainReport } from './chain';
import {
  SalesRepository,
  type AttemptFinish,
  type AttemptRecord,
  type LedgerSale,
  type ListFilter,
  type NewSale,
  type SaleExtras,
  type SalePatch,
} from './sales-repository';

export type { AttemptFinish, AttemptOutcome, AttemptRecord, BillTerms, LedgerSale, ListFilter, NewSale, SaleExtras, SalePatch } from './sales-repository';

/** Another sender holds the sale, or it moved on: the compare-and-set found a different state. */
export class StateConflictError extends AppError {
  constructor(
    readonly saleId: string,
    readonly expected: readonly SaleState[],
    readonly actual: SaleState | null,
  ) {
    super('conflict', `sale ${saleId} is ${actual ?? 'missing'}, expected ${expected.join(' or ')}`);
  }
}

/** The contract's Sale (strips ledger-only fields so outputs match the schema exactly). */
export function publicSale(sale: LedgerSale): Sale {
  const { requestId: _r, idempotencyKey: _k, createdMs: _c, queuedMs: _q, ...rest } = sale;
  return rest;
}

/** What a sale sells beyond a top-up (kind, USD sent, rate, markup, bill) goes into its chained `created` event too. */
function withExtras(detail: string | null, extras: SaleExtras | undefined): string | null {
  if (!extras) return detail;
  let note: Record<string, unknown> = {};
  if (detail !== null) {
    try {
      const parsed: unknown = JSON.parse(detail);
      note = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { note: detail };
    } catch {
      note = { note: detail };
    }
  }
  return JSON.stringify({ ...note, sells: extras });
}

export class Ledger {
  private readonly repo: SalesRepository;
  /** The screens' read-only questions: today's pages, totals per state, sales per carrier. */
  readonly queries: SalesQueries;

  constructor(
    readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {
    this.repo = new SalesRepository(db);
    this.queries = new SalesQueries(db);
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  /** Runs `fn` in one immediate transaction (nested calls become savepoints). `fn` must not await. */
  transaction<T>(fn: () => T): T {
    return this.repo.transaction(fn);
  }

  private appendEvent(saleId: string, from: SaleState | null, to: SaleState, detail: string | null, at: string): void {
    const last = this.repo.lastEvent();
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = eventHash(prevHash, { seq, saleId, at, fromState: from, toState: to, detail });
    this.repo.insertEvent({ seq, sale_id: saleId, at, from_state: from, to_state: to, detail, prev_hash: prevHash, hash });
  }

  /** Records a new sale in `created`, with its first history event, durably (one transaction). */
  createSale(sale: NewSale, detail: string | null = null): LedgerSale {
    const ms = this.clock.now();
    const at = this.iso(ms);
    return this.transaction(() => {
      assertTransition(null, 'created');
      this.repo.insertSale(sale, at, ms);
      const terms = { priceMinor: sale.price.minor, priceCurrency: sale.price.currency, phone: sale.phone, country: sale.country, carrier: sale.carrier };
      this.appendEvent(sale.id, null, 'created', createdDetail(terms, withExtras(detail, sale.extras)), at);
      return this.mustGet(sale.id);
    });
  }

  get(id: string): LedgerSale | null {
    return this.repo.get(id);
  }

  mustGet(id: string): LedgerSale {
    const sale = this.get(id);
    if (!sale) throw new AppError('not_found', `no sale ${id}`);
    return sale;
  }

  byRequestId(requestId: string): LedgerSale | null {
    return this.repo.byRequestId(requestId);
  }

  /**
   * Compare-and-set: moves the sale from one of `from` to `to` if the state machine allows it, applying
   * `patch` and appending the event, all in one transaction. Throws StateConflictError if the sale is not in
   * `from` (someone else holds it or it moved on) and IllegalTransitionError if the move is not allowed.
   */
  transition(id: string, from: SaleState | readonly SaleState[], to: SaleState, patch: SalePatch = {}, detail: string | null = null): LedgerSale {
    const expected: readonly SaleState[] = typeof from === 'string' ? [from] : from;
    const ms = this.clock.now();
    const at = this.iso(ms);
    return this.transaction(() => {
      const sale = this.repo.get(id);
      const current = sale?.state ?? null;
      if (!sale || current === null || !expected.includes(current)) throw new StateConflictError(id, expected, current);
      assertTransition(current, to);
      const entersQueue = to === 'queued' && current !== 'queued';
      const changed = this.repo.updateState({ id, from: current, to, at, patch, ...(entersQueue ? { queuedMs: sale.queuedMs ?? ms } : {}) });
      if (!changed) throw new StateConflictError(id, expected, current);
      this.appendEvent(id, current, to, detail, at);
      return this.mustGet(id);
    });
  }

  /**
   * Takes a sale for sending: compare-and-set into `sending` and records the attempt BEFORE anything is
   * sent, in one transaction. Only one caller can win; the others get StateConflictError.
   */
  claimForSending(
    id: string,
    from: SaleState | readonly SaleState[],
    attempt: { provider: ProviderId; idempotencyKey: string; kind: 'topup' | 'replay'; sku?: string | null },
    detail: string | null = null,
  ): { sale: LedgerSale; attemptNo: number } {
    return this.transaction(() => {
      const patch: SalePatch = { provider: attempt.provider, idempotencyKey: attempt.idempotencyKey };
      if (attempt.sku !== undefined) patch.sku = attempt.sku;
      this.transition(id, from, 'sending', patch, detail);
      const attemptNo = this.recordAttempt(id, attempt.provider, attempt.idempotencyKey, attempt.kind);
      return { sale: this.mustGet(id), attemptNo };
    });
  }

  /** Records a provider request about to be sent (a status query is not an attempt). */
  recordAttempt(saleId: string, provider: ProviderId, idempotencyKey: string, kind: 'topup' | 'replay'): number {
    return this.transaction(() => {
      const sale = this.mustGet(saleId);
      const attemptNo = sale.attempts + 1;
      this.repo.insertAttempt(saleId, attemptNo, provider, idempotencyKey, kind, this.iso(this.clock.now()));
      this.repo.setAttemptCount(saleId, attemptNo);
      return attemptNo;
    });
  }

  finishAttempt(saleId: string, attemptNo: number, finish: AttemptFinish): void {
    this.repo.finishAttempt(saleId, attemptNo, this.iso(this.clock.now()), finish);
  }

  attempts(saleId: string): AttemptRecord[] {
    return this.repo.attempts(saleId);
  }

  events(saleId: string): SaleEvent[] {
    return this.repo.events(saleId);
  }

  list(filter: ListFilter = {}): LedgerSale[] {
    return this.repo.list(filter);
  }

  /** Sales in one of `states`, oldest first. */
  inStates(states: readonly SaleState[], limit = 10_000): LedgerSale[] {
    return this.repo.inStates(states, limit);
  }

  countInStates(states: readonly SaleState[]): number {
    return this.repo.countInStates(states);
  }

  /** Sum of prices of sales in `states`, in `currency`. */
  totalInStates(states: readonly SaleState[], currency: string): Money {
    return { minor: this.repo.totalMinorInStates(states, currency), currency };
  }

  queueStatus(currency: string): QueueStatus {
    return {
      queued: this.countInStates(['queued']),
      queuedTotal: this.totalInStates(['queued'], currency),
      inFlight: this.countInStates(['created', 'sending']),
      awaitingProvider: this.countInStates(['pending', 'unknown']),
      refundDue: this.countInStates(['refund_due']),
      refundDueTotal: this.totalInStates(['refund_due'], currency),
    };
  }

  /** The last numbers sold to, each with its last sale and that sale's state. */
  recentNumbers(limit: number): Array<{ phone: string; country: string; carrier: string; lastSoldAt: string; lastSaleId: string; lastState: SaleState }> {
    return this.repo.recentNumbers(limit).map((row) => ({
      phone: row.phone,
      country: row.country,
      carrier: row.carrier,
      lastSoldAt: this.iso(row.lastMs),
      lastSaleId: row.lastSaleId,
      lastState: row.lastState,
    }));
  }

  /** Sales to one number created since `sinceMs`, plus those still in `states` however old; newest first. */
  salesToNumber(phone: string, country: string, sinceMs: number, states: readonly SaleState[]): LedgerSale[] {
    return this.repo.salesToNumber(phone, country, sinceMs, states);
  }

  /** When the sale last entered `state` (from its history), or null. */
  enteredStateAt(saleId: string, state: SaleState): number | null {
    const event = this.repo
      .events(saleId)
      .filter((candidate) => candidate.toState === state)
      .at(-1);
    return event ? Date.parse(event.at) : null;
  }

  /** Provider transaction ids of this provider's sales whose attempts started at or after `sinceIso`. */
  knownTransactionsSince(provider: ProviderId, sinceIso: string, limit = 50): string[] {
    return this.repo.knownTransactionsSince(provider, sinceIso, limit);
  }

  verify(): ChainReport {
    return verifyChain(this.repo);
  }
}
