/**
 * The sales ledger: SQLite and nothing of HTTP. Every write is a synchronous better-sqlite3 transaction
 * (never an await inside one), every state change a compare-and-set on `state` that also appends a
 * hash-chained event, so a sale's row and its history can never disagree.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Sale, SaleEvent, SaleState, QueueStatus } from '../../../shared/contract/sales';
import type { ProviderId } from '../../../shared/contract/app';
import type { ErrorCode } from '../../../shared/errors';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { systemClock, type Clock } from '../kernel/clock';
import { assertTransition } from './state-machine';
import { eventHash, GENESIS_HASH, verifyChain, type ChainReport } from './chain';

export interface NewSale {
  id: string;
  requestId: string;
  idempotencyKey: string;
  cashierId: string;
  shiftId: string;
  provider: ProviderId;
  country: string;
  carrier: string;
  sku: string | null;
  phone: string;
  price: Money;
}

/** Columns a transition may set beside the state. `undefined` leaves a column as it is. */
export interface SalePatch {
  provider?: ProviderId;
  sku?: string | null;
  idempotencyKey?: string;
  cost?: Money | null;
  exchangeRate?: string | null;
  providerTransactionId?: string | null;
  operatorTransactionId?: string | null;
  failureCode?: ErrorCode | null;
  failureMessage?: string | null;
}

export type AttemptOutcome = 'succeeded' | 'pending' | 'failed' | 'not_processed' | 'unknown' | 'interrupted';

export interface AttemptRecord {
  saleId: string;
  attemptNo: number;
  provider: ProviderId;
  idempotencyKey: string;
  kind: 'topup' | 'replay';
  startedAt: string;
  finishedAt: string | null;
  outcome: AttemptOutcome | null;
  errorCode: string | null;
  errorMessage: string | null;
  httpStatus: number | null;
}

export interface AttemptFinish {
  outcome: AttemptOutcome;
  errorCode?: string | null;
  errorMessage?: string | null;
  httpStatus?: number | null;
}

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

interface SaleRow {
  id: string;
  request_id: string;
  idempotency_key: string;
  created_at: string;
  created_ms: number;
  updated_at: string;
  cashier_id: string;
  shift_id: string;
  provider: string;
  country: string;
  carrier: string;
  sku: string | null;
  phone: string;
  price_minor: number;
  price_currency: string;
  cost_minor: number | null;
  cost_currency: string | null;
  exchange_rate: string | null;
  provider_transaction_id: string | null;
  operator_transaction_id: string | null;
  state: string;
  attempts: number;
  failure_code: string | null;
  failure_message: string | null;
  queued_ms: number | null;
}

/** The ledger's own view of a sale: the contract's Sale plus what the engine needs. */
export interface LedgerSale extends Sale {
  requestId: string;
  idempotencyKey: string;
  createdMs: number;
  queuedMs: number | null;
}

function toSale(row: SaleRow): LedgerSale {
  return {
    id: row.id,
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    createdMs: row.created_ms,
    queuedMs: row.queued_ms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cashierId: row.cashier_id,
    shiftId: row.shift_id,
    provider: row.provider as ProviderId,
    country: row.country,
    carrier: row.carrier,
    sku: row.sku,
    phone: row.phone,
    price: { minor: row.price_minor, currency: row.price_currency },
    cost: row.cost_minor !== null && row.cost_currency !== null ? { minor: row.cost_minor, currency: row.cost_currency } : null,
    exchangeRate: row.exchange_rate,
    providerTransactionId: row.provider_transaction_id,
    operatorTransactionId: row.operator_transaction_id,
    state: row.state as SaleState,
    attempts: row.attempts,
    failureCode: row.failure_code as ErrorCode | null,
    failureMessage: row.failure_message,
  };
}

/** The contract's Sale (strips ledger-only fields so outputs match the schema exactly). */
export function publicSale(sale: LedgerSale): Sale {
  const { requestId: _r, idempotencyKey: _k, createdMs: _c, queuedMs: _q, ...rest } = sale;
  return rest;
}

export interface ListFilter {
  state?: SaleState;
  sinceMs?: number;
  limit?: number;
}

export class Ledger {
  private readonly stmt: {
    insertSale: Statement;
    getSale: Statement;
    byRequest: Statement;
    lastEvent: Statement;
    insertEvent: Statement;
    events: Statement;
    insertAttempt: Statement;
    finishAttempt: Statement;
    attempts: Statement;
  };

  constructor(
    readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {
    this.stmt = {
      insertSale: db.prepare(`INSERT INTO sales (id, request_id, idempotency_key, created_at, created_ms, updated_at, cashier_id, shift_id,
        provider, country, carrier, sku, phone, price_minor, price_currency, state, attempts)
        VALUES (@id, @requestId, @idempotencyKey, @at, @ms, @at, @cashierId, @shiftId, @provider, @country, @carrier, @sku, @phone,
        @priceMinor, @priceCurrency, 'created', 0)`),
      getSale: db.prepare('SELECT * FROM sales WHERE id = ?'),
      byRequest: db.prepare('SELECT * FROM sales WHERE request_id = ?'),
      lastEvent: db.prepare('SELECT seq, hash FROM sale_events ORDER BY seq DESC LIMIT 1'),
      insertEvent: db.prepare('INSERT INTO sale_events (seq, sale_id, at, from_state, to_state, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      events: db.prepare('SELECT seq, at, from_state, to_state, detail FROM sale_events WHERE sale_id = ? ORDER BY seq'),
      insertAttempt: db.prepare(`INSERT INTO attempts (sale_id, attempt_no, provider, idempotency_key, kind, started_at)
        VALUES (?, ?, ?, ?, ?, ?)`),
      finishAttempt: db.prepare(`UPDATE attempts SET finished_at = ?, outcome = ?, error_code = ?, error_message = ?, http_status = ?
        WHERE sale_id = ? AND attempt_no = ? AND outcome IS NULL`),
      attempts: db.prepare('SELECT * FROM attempts WHERE sale_id = ? ORDER BY attempt_no'),
    };
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  /** Runs `fn` in one immediate transaction (nested calls become savepoints). `fn` must not await. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    return this.db.transaction(fn).immediate();
  }

  private appendEvent(saleId: string, from: SaleState | null, to: SaleState, detail: string | null, at: string): void {
    const last = this.stmt.lastEvent.get() as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = eventHash(prevHash, { seq, saleId, at, fromState: from, toState: to, detail });
    this.stmt.insertEvent.run(seq, saleId, at, from, to, detail, prevHash, hash);
  }

  /** Records a new sale in `created`, with its first history event, durably (one transaction). */
  createSale(sale: NewSale, detail: string | null = null): LedgerSale {
    const ms = this.clock.now();
    const at = this.iso(ms);
    return this.transaction(() => {
      assertTransition(null, 'created');
      this.stmt.insertSale.run({
        id: sale.id,
        requestId: sale.requestId,
        idempotencyKey: sale.idempotencyKey,
        at,
        ms,
        cashierId: sale.cashierId,
        shiftId: sale.shiftId,
        provider: sale.provider,
        country: sale.country,
        carrier: sale.carrier,
        sku: sale.sku,
        phone: sale.phone,
        priceMinor: sale.price.minor,
        priceCurrency: sale.price.currency,
      });
      this.appendEvent(sale.id, null, 'created', detail, at);
      return this.mustGet(sale.id);
    });
  }

  get(id: string): LedgerSale | null {
    const row = this.stmt.getSale.get(id) as SaleRow | undefined;
    return row ? toSale(row) : null;
  }

  mustGet(id: string): LedgerSale {
    const sale = this.get(id);
    if (!sale) throw new AppError('not_found', `no sale ${id}`);
    return sale;
  }

  byRequestId(requestId: string): LedgerSale | null {
    const row = this.stmt.byRequest.get(requestId) as SaleRow | undefined;
    return row ? toSale(row) : null;
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
      const row = this.stmt.getSale.get(id) as SaleRow | undefined;
      const current = (row?.state ?? null) as SaleState | null;
      if (!row || current === null || !expected.includes(current)) throw new StateConflictError(id, expected, current);
      assertTransition(current, to);
      const sets: string[] = ['state = @to', 'updated_at = @at'];
      const params: Record<string, unknown> = { id, to, at, from: current };
      const column = (name: string, key: string, value: unknown): void => {
        sets.push(`${name} = @${key}`);
        params[key] = value;
      };
      if (patch.provider !== undefined) column('provider', 'provider', patch.provider);
      if (patch.sku !== undefined) column('sku', 'sku', patch.sku);
      if (patch.idempotencyKey !== undefined) column('idempotency_key', 'idempotencyKey', patch.idempotencyKey);
      if (patch.cost !== undefined) {
        column('cost_minor', 'costMinor', patch.cost?.minor ?? null);
        column('cost_currency', 'costCurrency', patch.cost?.currency ?? null);
      }
      if (patch.exchangeRate !== undefined) column('exchange_rate', 'exchangeRate', patch.exchangeRate);
      if (patch.providerTransactionId !== undefined) column('provider_transaction_id', 'ptid', patch.providerTransactionId);
      if (patch.operatorTransactionId !== undefined) column('operator_transaction_id', 'otid', patch.operatorTransactionId);
      if (patch.failureCode !== undefined) column('failure_code', 'failureCode', patch.failureCode);
      if (patch.failureMessage !== undefined) column('failure_message', 'failureMessage', patch.failureMessage);
      if (to === 'queued' && current !== 'queued') column('queued_ms', 'queuedMs', row.queued_ms ?? ms);
      const result = this.db.prepare(`UPDATE sales SET ${sets.join(', ')} WHERE id = @id AND state = @from`).run(params);
      if (result.changes !== 1) throw new StateConflictError(id, expected, current);
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
      const row = this.db.prepare('SELECT attempts FROM sales WHERE id = ?').get(saleId) as { attempts: number } | undefined;
      if (!row) throw new AppError('not_found', `no sale ${saleId}`);
      const attemptNo = row.attempts + 1;
      this.stmt.insertAttempt.run(saleId, attemptNo, provider, idempotencyKey, kind, this.iso(this.clock.now()));
      this.db.prepare('UPDATE sales SET attempts = ? WHERE id = ?').run(attemptNo, saleId);
      return attemptNo;
    });
  }

  finishAttempt(saleId: string, attemptNo: number, finish: AttemptFinish): void {
    this.stmt.finishAttempt.run(
      this.iso(this.clock.now()),
      finish.outcome,
      finish.errorCode ?? null,
      finish.errorMessage ?? null,
      finish.httpStatus ?? null,
      saleId,
      attemptNo,
    );
  }

  attempts(saleId: string): AttemptRecord[] {
    const rows = this.stmt.attempts.all(saleId) as Array<{
      sale_id: string;
      attempt_no: number;
      provider: string;
      idempotency_key: string;
      kind: 'topup' | 'replay';
      started_at: string;
      finished_at: string | null;
      outcome: AttemptOutcome | null;
      error_code: string | null;
      error_message: string | null;
      http_status: number | null;
    }>;
    return rows.map((row) => ({
      saleId: row.sale_id,
      attemptNo: row.attempt_no,
      provider: row.provider as ProviderId,
      idempotencyKey: row.idempotency_key,
      kind: row.kind,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      outcome: row.outcome,
      errorCode: row.error_code,
      errorMessage: row.error_message,
      httpStatus: row.http_status,
    }));
  }

  events(saleId: string): SaleEvent[] {
    const rows = this.stmt.events.all(saleId) as Array<{ seq: number; at: string; from_state: string | null; to_state: string; detail: string | null }>;
    return rows.map((row) => ({ seq: row.seq, at: row.at, fromState: row.from_state as SaleState | null, toState: row.to_state as SaleState, detail: row.detail }));
  }

  list(filter: ListFilter = {}): LedgerSale[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit ?? 200 };
    if (filter.state) {
      where.push('state = @state');
      params.state = filter.state;
    }
    if (filter.sinceMs !== undefined) {
      where.push('created_ms >= @since');
      params.since = filter.sinceMs;
    }
    const sql = `SELECT * FROM sales ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_ms DESC, rowid DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as SaleRow[]).map(toSale);
  }

  /** Sales in one of `states`, oldest first. */
  inStates(states: readonly SaleState[], limit = 10_000): LedgerSale[] {
    const marks = states.map(() => '?').join(', ');
    const rows = this.db.prepare(`SELECT * FROM sales WHERE state IN (${marks}) ORDER BY created_ms, rowid LIMIT ?`).all(...states, limit) as SaleRow[];
    return rows.map(toSale);
  }

  countInStates(states: readonly SaleState[]): number {
    const marks = states.map(() => '?').join(', ');
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM sales WHERE state IN (${marks})`).get(...states) as { n: number };
    return row.n;
  }

  /** Sum of prices of sales in `states`, in `currency`. */
  totalInStates(states: readonly SaleState[], currency: string): Money {
    const marks = states.map(() => '?').join(', ');
    const row = this.db.prepare(`SELECT COALESCE(SUM(price_minor), 0) AS total FROM sales WHERE price_currency = ? AND state IN (${marks})`).get(currency, ...states) as { total: number };
    return { minor: row.total, currency };
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

  recentNumbers(limit: number): Array<{ phone: string; country: string; carrier: string; lastSoldAt: string }> {
    const rows = this.db
      .prepare(
        `SELECT phone, country, carrier, MAX(created_ms) AS last_ms FROM sales GROUP BY phone, country, carrier ORDER BY last_ms DESC LIMIT ?`,
      )
      .all(limit) as Array<{ phone: string; country: string; carrier: string; last_ms: number }>;
    return rows.map((row) => ({ phone: row.phone, country: row.country, carrier: row.carrier, lastSoldAt: this.iso(row.last_ms) }));
  }

  /** Provider transaction ids of this provider's sales whose attempts started at or after `sinceIso`. */
  knownTransactionsSince(provider: ProviderId, sinceIso: string, limit = 50): string[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT s.provider_transaction_id AS id FROM sales s JOIN attempts a ON a.sale_id = s.id
         WHERE s.provider = ? AND s.provider_transaction_id IS NOT NULL AND a.provider = ? AND a.started_at >= ? LIMIT ?`,
      )
      .all(provider, provider, sinceIso, limit) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  verify(): ChainReport {
    return verifyChain(this.db);
  }
}
