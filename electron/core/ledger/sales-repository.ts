/**
 * The ledger's tables (`sales`, `attempts`, `sale_events`): every SQL statement on them, prepared once, and
 * the mapping between rows and the ledger's records. No rule lives here: which state may follow which, and
 * how history is chained, are decided by ./ledger.ts, ./state-machine.ts and ./chain.ts.
 */
import type { Database } from 'better-sqlite3';
import type { SaleEvent, SaleState } from '../../../shared/contract/sales';
import type { ProviderId } from '../../../shared/contract/app';
import type { ErrorCode } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { ChainHistory, SaleTerms, StoredEvent } from './chain';
import { toSale, type LedgerSale, type SaleExtras, type SaleRow } from './sale-row';

export type { BillTerms, LedgerSale, SaleExtras } from './sale-row';

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
  /** Issue 14 (migration 009); absent: a top-up priced in what it sends. */
  extras?: SaleExtras;
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
  /** The carrier the provider detected ("No sé la compañía"). */
  detectedCarrier?: string;
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

export interface ListFilter {
  state?: SaleState;
  sinceMs?: number;
  limit?: number;
}

/** One compare-and-set of a sale's state, with the columns the patch sets. */
export interface StateUpdate {
  id: string;
  from: SaleState;
  to: SaleState;
  at: string;
  patch: SalePatch;
  /** Set when the sale enters the queue (the first time only: re-queueing keeps the original time). */
  queuedMs?: number;
}

interface AttemptRow {
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
}

function toAttempt(row: AttemptRow): AttemptRecord {
  return {
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
  };
}

/** A column the patch sets (1) or leaves alone (0), with its value: the one UPDATE below serves every patch. */
function patchParams(patch: SalePatch): Record<string, unknown> {
  const set = (value: unknown): number => (value === undefined ? 0 : 1);
  return {
    setProvider: set(patch.provider),
    provider: patch.provider ?? null,
    setSku: set(patch.sku),
    sku: patch.sku ?? null,
    setKey: set(patch.idempotencyKey),
    idempotencyKey: patch.idempotencyKey ?? null,
    setCost: set(patch.cost),
    costMinor: patch.cost?.minor ?? null,
    costCurrency: patch.cost?.currency ?? null,
    setRate: set(patch.exchangeRate),
    exchangeRate: patch.exchangeRate ?? null,
    setPtid: set(patch.providerTransactionId),
    ptid: patch.providerTransactionId ?? null,
    setOtid: set(patch.operatorTransactionId),
    otid: patch.operatorTransactionId ?? null,
    setFailureCode: set(patch.failureCode),
    failureCode: patch.failureCode ?? null,
    setFailureMessage: set(patch.failureMessage),
    failureMessage: patch.failureMessage ?? null,
    setDetected: set(patch.detectedCarrier),
    detectedCarrier: patch.detectedCarrier ?? null,
  };
}

const UPDATE_STATE_SQL = `UPDATE sales SET state = @to, updated_at = @at,
  provider = CASE WHEN @setProvider THEN @provider ELSE provider END,
  sku = CASE WHEN @setSku THEN @sku ELSE sku END,
  idempotency_key = CASE WHEN @setKey THEN @idempotencyKey ELSE idempotency_key END,
  cost_minor = CASE WHEN @setCost THEN @costMinor ELSE cost_minor END,
  cost_currency = CASE WHEN @setCost THEN @costCurrency ELSE cost_currency END,
  exchange_rate = CASE WHEN @setRate THEN @exchangeRate ELSE exchange_rate END,
  provider_transaction_id = CASE WHEN @setPtid THEN @ptid ELSE provider_transaction_id END,
  operator_transaction_id = CASE WHEN @setOtid THEN @otid ELSE operator_transaction_id END,
  failure_code = CASE WHEN @setFailureCode THEN @failureCode ELSE failure_code END,
  failure_message = CASE WHEN @setFailureMessage THEN @failureMessage ELSE failure_message END,
  queued_ms = CASE WHEN @setQueued THEN @queuedMs ELSE queued_ms END,
  detected_carrier = CASE WHEN @setDetected THEN @detectedCarrier ELSE detected_carrier END
  WHERE id = @id AND state = @from`;

/** States go in as one JSON array so a list of any length is still one prepared statement. */
const IN_STATES = 'state IN (SELECT value FROM json_each(@states))';

export class SalesRepository implements ChainHistory {
  private readonly stmt;

  constructor(readonly db: Database) {
    this.stmt = {
      insertSale: db.prepare(`INSERT INTO sales (id, request_id, idempotency_key, created_at, created_ms, updated_at, cashier_id, shift_id,
        provider, country, carrier, sku, phone, price_minor, price_currency, state, attempts,
        kind, face_minor, face_currency, shop_rate, markup_percent, carrier_detect, bill_terms)
        VALUES (@id, @requestId, @idempotencyKey, @at, @ms, @at, @cashierId, @shiftId, @provider, @country, @carrier, @sku, @phone,
        @priceMinor, @priceCurrency, 'created', 0, @kind, @faceMinor, @faceCurrency, @shopRate, @markupPercent, @carrierDetect, @billTerms)`),
      getSale: db.prepare<[string], SaleRow>('SELECT * FROM sales WHERE id = ?'),
      byRequest: db.prepare<[string], SaleRow>('SELECT * FROM sales WHERE request_id = ?'),
      updateState: db.prepare(UPDATE_STATE_SQL),
      setAttemptCount: db.prepare<[number, string]>('UPDATE sales SET attempts = ? WHERE id = ?'),
      lastEvent: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM sale_events ORDER BY seq DESC LIMIT 1'),
      insertEvent: db.prepare<[number, string, string, string | null, string, string | null, string, string]>(
        'INSERT INTO sale_events (seq, sale_id, at, from_state, to_state, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      events: db.prepare<[string], { seq: number; at: string; from_state: string | null; to_state: string; detail: string | null }>(
        'SELECT seq, at, from_state, to_state, detail FROM sale_events WHERE sale_id = ? ORDER BY seq',
      ),
      allEvents: db.prepare<[], StoredEvent>('SELECT seq, sale_id, at, from_state, to_state, detail, prev_hash, hash FROM sale_events ORDER BY seq'),
      saleStates: db.prepare<[], { id: string; state: string } & SaleTerms>(
        'SELECT id, state, price_minor AS priceMinor, price_currency AS priceCurrency, phone, country, carrier FROM sales',
      ),
      insertAttempt: db.prepare<[string, number, string, string, string, string]>(
        'INSERT INTO attempts (sale_id, attempt_no, provider, idempotency_key, kind, started_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      finishAttempt: db.prepare<[string, string, string | null, string | null, number | null, string, number]>(
        `UPDATE attempts SET finished_at = ?, outcome = ?, error_code = ?, error_message = ?, http_status = ?
        WHERE sale_id = ? AND attempt_no = ? AND outcome IS NULL`,
      ),
      attempts: db.prepare<[string], AttemptRow>('SELECT * FROM attempts WHERE sale_id = ? ORDER BY attempt_no'),
      listAll: db.prepare<[{ limit: number }], SaleRow>('SELECT * FROM sales ORDER BY created_ms DESC, rowid DESC LIMIT @limit'),
      listByState: db.prepare<[{ state: string; limit: number }], SaleRow>(
        'SELECT * FROM sales WHERE state = @state ORDER BY created_ms DESC, rowid DESC LIMIT @limit',
      ),
      listSince: db.prepare<[{ since: number; limit: number }], SaleRow>(
        'SELECT * FROM sales WHERE created_ms >= @since ORDER BY created_ms DESC, rowid DESC LIMIT @limit',
      ),
      listByStateSince: db.prepare<[{ state: string; since: number; limit: number }], SaleRow>(
        'SELECT * FROM sales WHERE state = @state AND created_ms >= @since ORDER BY created_ms DESC, rowid DESC LIMIT @limit',
      ),
      inStates: db.prepare<[{ states: string; limit: number }], SaleRow>(`SELECT * FROM sales WHERE ${IN_STATES} ORDER BY created_ms, rowid LIMIT @limit`),
      countInStates: db.prepare<[{ states: string }], { n: number }>(`SELECT COUNT(*) AS n FROM sales WHERE ${IN_STATES}`),
      totalInStates: db.prepare<[{ states: string; currency: string }], { total: number }>(
        `SELECT COALESCE(SUM(price_minor), 0) AS total FROM sales WHERE price_currency = @currency AND ${IN_STATES}`,
      ),
      // With one MAX() aggregate, SQLite takes the bare columns (id, state) from the row holding the maximum.
      recentNumbers: db.prepare<[number], { phone: string; country: string; carrier: string; last_ms: number; id: string; state: string }>(
        'SELECT phone, country, carrier, MAX(created_ms) AS last_ms, id, state FROM sales GROUP BY phone, country, carrier ORDER BY last_ms DESC LIMIT ?',
      ),
      toNumber: db.prepare<[{ phone: string; country: string; since: number; states: string }], SaleRow>(
        `SELECT * FROM sales WHERE phone = @phone AND country = @country AND (created_ms >= @since OR ${IN_STATES})
         ORDER BY created_ms DESC, rowid DESC LIMIT 50`,
      ),
      knownTransactions: db.prepare<[string, string, string, number], { id: string }>(
        `SELECT DISTINCT s.provider_transaction_id AS id FROM sales s JOIN attempts a ON a.sale_id = s.id
         WHERE s.provider = ? AND s.provider_transaction_id IS NOT NULL AND a.provider = ? AND a.started_at >= ? LIMIT ?`,
      ),
    };
  }

  /** Runs `fn` in one immediate transaction (nested calls become savepoints). `fn` must not await. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    return this.db.transaction(fn).immediate();
  }

  insertSale(sale: NewSale, at: string, ms: number): void {
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
      kind: sale.extras?.kind ?? 'topup',
      faceMinor: sale.extras?.faceValue?.minor ?? null,
      faceCurrency: sale.extras?.faceValue?.currency ?? null,
      shopRate: sale.extras?.shopRate ?? null,
      markupPercent: sale.extras?.markupPercent ?? null,
      carrierDetect: sale.extras?.carrierDetect ? 1 : 0,
      billTerms: sale.extras?.bill ? JSON.stringify(sale.extras.bill) : null,
    });
  }

  get(id: string): LedgerSale | null {
    const row = this.stmt.getSale.get(id);
    return row ? toSale(row) : null;
  }

  byRequestId(requestId: string): LedgerSale | null {
    const row = this.stmt.byRequest.get(requestId);
    return row ? toSale(row) : null;
  }

  /** Compare-and-set: true when the sale was in `from` and now is in `to` with the patch applied. */
  updateState(update: StateUpdate): boolean {
    const queued = update.queuedMs !== undefined;
    const params = { ...patchParams(update.patch), id: update.id, from: update.from, to: update.to, at: update.at, setQueued: queued ? 1 : 0, queuedMs: update.queuedMs ?? null };
    return this.stmt.updateState.run(params).changes === 1;
  }

  setAttemptCount(saleId: string, attempts: number): void {
    this.stmt.setAttemptCount.run(attempts, saleId);
  }

  lastEvent(): { seq: number; hash: string } | undefined {
    return this.stmt.lastEvent.get();
  }

  insertEvent(event: StoredEvent): void {
    this.stmt.insertEvent.run(event.seq, event.sale_id, event.at, event.from_state, event.to_state, event.detail, event.prev_hash, event.hash);
  }

  events(saleId: string): SaleEvent[] {
    return this.stmt.events.all(saleId).map((row) => ({ seq: row.seq, at: row.at, fromState: row.from_state as SaleState | null, toState: row.to_state as SaleState, detail: row.detail }));
  }

  historyInOrder(): IterableIterator<StoredEvent> {
    return this.stmt.allEvents.iterate();
  }

  saleStates(): IterableIterator<{ id: string; state: string } & SaleTerms> {
    return this.stmt.saleStates.iterate();
  }

  insertAttempt(saleId: string, attemptNo: number, provider: ProviderId, idempotencyKey: string, kind: 'topup' | 'replay', startedAt: string): void {
    this.stmt.insertAttempt.run(saleId, attemptNo, provider, idempotencyKey, kind, startedAt);
  }

  finishAttempt(saleId: string, attemptNo: number, finishedAt: string, finish: AttemptFinish): void {
    this.stmt.finishAttempt.run(finishedAt, finish.outcome, finish.errorCode ?? null, finish.errorMessage ?? null, finish.httpStatus ?? null, saleId, attemptNo);
  }

  attempts(saleId: string): AttemptRecord[] {
    return this.stmt.attempts.all(saleId).map(toAttempt);
  }

  list(filter: ListFilter): LedgerSale[] {
    const limit = filter.limit ?? 200;
    const { state, sinceMs: since } = filter;
    let rows: SaleRow[];
    if (state !== undefined && since !== undefined) rows = this.stmt.listByStateSince.all({ state, since, limit });
    else if (state !== undefined) rows = this.stmt.listByState.all({ state, limit });
    else if (since !== undefined) rows = this.stmt.listSince.all({ since, limit });
    else rows = this.stmt.listAll.all({ limit });
    return rows.map(toSale);
  }

  /** Sales in one of `states`, oldest first. */
  inStates(states: readonly SaleState[], limit: number): LedgerSale[] {
    return this.stmt.inStates.all({ states: JSON.stringify(states), limit }).map(toSale);
  }

  countInStates(states: readonly SaleState[]): number {
    return this.stmt.countInStates.get({ states: JSON.stringify(states) })?.n ?? 0;
  }

  totalMinorInStates(states: readonly SaleState[], currency: string): number {
    return this.stmt.totalInStates.get({ states: JSON.stringify(states), currency })?.total ?? 0;
  }

  recentNumbers(limit: number): Array<{ phone: string; country: string; carrier: string; lastMs: number; lastSaleId: string; lastState: SaleState }> {
    return this.stmt.recentNumbers
      .all(limit)
      .map((row) => ({ phone: row.phone, country: row.country, carrier: row.carrier, lastMs: row.last_ms, lastSaleId: row.id, lastState: row.state as SaleState }));
  }

  /** Sales to one number: those created since `sinceMs` and those in `states` however old, newest first. */
  salesToNumber(phone: string, country: string, sinceMs: number, states: readonly SaleState[]): LedgerSale[] {
    return this.stmt.toNumber.all({ phone, country, since: sinceMs, states: JSON.stringify(states) }).map(toSale);
  }

  knownTransactionsSince(provider: ProviderId, sinceIso: string, limit: number): string[] {
    return this.stmt.knownTransactions.all(provider, provider, sinceIso, limit).map((row) => row.id);
  }
}
