/**
 * All SQL of the accounts layer: deposits and balance readings (migration 008, written here only), and the
 * read-only range queries over the ledger's sales that exports, reconciliation and the float check need.
 * Sales are never written here: every state change goes through the ledger's state machine.
 */
import type { SaleRow } from '../ledger/sale-row';
import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/contract/app';
import type { SaleState } from '../../../shared/contract/sales';
import type { Money } from '../../../shared/money';

/** A sale as the exports and the reconciliation read it (the ledger's columns, plain). */
export interface SaleLine {
  id: string;
  createdMs: number;
  createdAt: string;
  updatedAt: string;
  cashierId: string;
  shiftId: string;
  provider: ProviderId;
  country: string;
  carrier: string;
  sku: string | null;
  phone: string;
  price: Money;
  cost: Money | null;
  exchangeRate: string | null;
  providerTransactionId: string | null;
  operatorTransactionId: string | null;
  idempotencyKey: string;
  state: SaleState;
  failureCode: string | null;
  /** The sale's kind (migration 009) when the ledger has that column; null otherwise. */
  kind: string | null;
}

/** The columns of a sales row an account line reads (the ledger's own row type, ledger/sale-row.ts). */
type SaleLineRow = Pick<
  SaleRow,
  | 'id' | 'created_ms' | 'created_at' | 'updated_at' | 'cashier_id' | 'shift_id' | 'provider' | 'country' | 'carrier' | 'sku' | 'phone'
  | 'price_minor' | 'price_currency' | 'cost_minor' | 'cost_currency' | 'exchange_rate' | 'provider_transaction_id' | 'operator_transaction_id'
  | 'idempotency_key' | 'state' | 'failure_code' | 'kind'
>;

export interface DepositRow {
  id: string;
  provider: string;
  amount_minor: number;
  currency: string;
  business_day: string;
  effective_ms: number;
  reference: string;
  recorded_at: string;
  recorded_by: string;
  journal_seq: number;
}

export interface BalanceReading {
  provider: ProviderId;
  readMs: number;
  readAt: string;
  balance: Money;
  available: Money;
  creditLimit: Money | null;
}

interface ReadingRow {
  provider: string;
  read_ms: number;
  read_at: string;
  balance_minor: number;
  available_minor: number;
  credit_limit_minor: number | null;
  currency: string;
}

export function toSaleLine(row: SaleLineRow): SaleLine {
  return {
    id: row.id,
    createdMs: row.created_ms,
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
    idempotencyKey: row.idempotency_key,
    state: row.state as SaleState,
    failureCode: row.failure_code,
    kind: row.kind,
  };
}

function toReading(row: ReadingRow): BalanceReading {
  const money = (minor: number): Money => ({ minor, currency: row.currency });
  return {
    provider: row.provider as ProviderId,
    readMs: row.read_ms,
    readAt: row.read_at,
    balance: money(row.balance_minor),
    available: money(row.available_minor),
    creditLimit: row.credit_limit_minor === null ? null : money(row.credit_limit_minor),
  };
}

export interface CostSums {
  deliveredCount: number;
  /** Sum of the recorded cost of delivered sales whose cost is in the balance's currency. */
  deliveredCostMinor: number;
  withoutCost: number;
  open: number;
}

export class AccountsRepository {
  private readonly stmt;

  constructor(private readonly db: Database) {
    // Migration 009 may add a sale kind; read it when it is there, so exports carry it without a code change.
    const hasKind = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('sales')").all().some((column) => column.name === 'kind');
    const columns = `id, created_ms, created_at, updated_at, cashier_id, shift_id, provider, country, carrier, sku, phone, price_minor, price_currency,
      cost_minor, cost_currency, exchange_rate, provider_transaction_id, operator_transaction_id, idempotency_key, state, failure_code,
      ${hasKind ? 'kind' : 'NULL AS kind'}`;
    this.stmt = {
      salesBetween: db.prepare<[{ from: number; to: number }], SaleLineRow>(`SELECT ${columns} FROM sales WHERE created_ms >= @from AND created_ms < @to ORDER BY created_ms, rowid`),
      salesOfProviderBetween: db.prepare<[{ provider: string; from: number; to: number }], SaleLineRow>(
        `SELECT ${columns} FROM sales WHERE created_ms >= @from AND created_ms < @to AND provider = @provider ORDER BY created_ms, rowid`,
      ),
      saleByReference: db.prepare<[{ provider: string; id: string; tx: string }], SaleLineRow>(
        `SELECT ${columns} FROM sales WHERE provider = @provider AND (id = @id OR provider_transaction_id = @tx) LIMIT 1`,
      ),
      owed: db.prepare<[], SaleLineRow>(`SELECT ${columns} FROM sales WHERE state = 'refund_due' ORDER BY created_ms, rowid`),
      lastRate: db.prepare<[string], { exchange_rate: string; updated_at: string }>(
        "SELECT exchange_rate, updated_at FROM sales WHERE provider = ? AND exchange_rate IS NOT NULL AND state = 'succeeded' ORDER BY created_ms DESC, rowid DESC LIMIT 1",
      ),
      costSums: db.prepare<[{ provider: string; from: number; to: number; currency: string }], { delivered: number; cost: number | null; without: number; open: number }>(
        `SELECT
           COALESCE(SUM(state = 'succeeded'), 0) AS delivered,
           SUM(CASE WHEN state = 'succeeded' AND cost_currency = @currency THEN cost_minor END) AS cost,
           COALESCE(SUM(state = 'succeeded' AND (cost_minor IS NULL OR cost_currency <> @currency)), 0) AS without,
           COALESCE(SUM(state IN ('sending', 'pending', 'unknown')), 0) AS open
         FROM sales WHERE provider = @provider AND created_ms >= @from AND created_ms < @to`,
      ),
      insertDeposit: db.prepare<[DepositRow]>(`INSERT INTO provider_deposits (id, provider, amount_minor, currency, business_day, effective_ms, reference, recorded_at, recorded_by, journal_seq)
        VALUES (@id, @provider, @amount_minor, @currency, @business_day, @effective_ms, @reference, @recorded_at, @recorded_by, @journal_seq)`),
      depositByReference: db.prepare<[string, string], DepositRow>('SELECT * FROM provider_deposits WHERE provider = ? AND reference = ?'),
      deposits: db.prepare<[{ from: string; to: string; provider: string | null }], DepositRow>(
        'SELECT * FROM provider_deposits WHERE business_day >= @from AND business_day <= @to AND (@provider IS NULL OR provider = @provider) ORDER BY business_day DESC, recorded_at DESC',
      ),
      depositSum: db.prepare<[{ provider: string; currency: string; from: number; to: number }], { total: number | null }>(
        'SELECT SUM(amount_minor) AS total FROM provider_deposits WHERE provider = @provider AND currency = @currency AND effective_ms > @from AND effective_ms <= @to',
      ),
      insertReading: db.prepare<[ReadingRow]>(`INSERT INTO provider_balance_readings (provider, read_ms, read_at, balance_minor, available_minor, credit_limit_minor, currency)
        VALUES (@provider, @read_ms, @read_at, @balance_minor, @available_minor, @credit_limit_minor, @currency)`),
      lastReadingBefore: db.prepare<[string, number], ReadingRow>('SELECT * FROM provider_balance_readings WHERE provider = ? AND read_ms < ? ORDER BY read_ms DESC, rowid DESC LIMIT 1'),
      firstReadingFrom: db.prepare<[string, number], ReadingRow>('SELECT * FROM provider_balance_readings WHERE provider = ? AND read_ms >= ? ORDER BY read_ms, rowid LIMIT 1'),
      lastReading: db.prepare<[string], ReadingRow>('SELECT * FROM provider_balance_readings WHERE provider = ? ORDER BY read_ms DESC, rowid DESC LIMIT 1'),
    };
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Sales created in [fromMs, toMs), oldest first, one at a time (exports of 100,000 rows stay small in memory). */
  *iterateSales(fromMs: number, toMs: number): Generator<SaleLine> {
    for (const row of this.stmt.salesBetween.iterate({ from: fromMs, to: toMs })) yield toSaleLine(row);
  }

  salesOfProvider(provider: ProviderId, fromMs: number, toMs: number): SaleLine[] {
    return this.stmt.salesOfProviderBetween.all({ provider, from: fromMs, to: toMs }).map(toSaleLine);
  }

  /** The ledger's sale a provider record points at: our reference is the sale id; else the provider's id. */
  saleForRecord(provider: ProviderId, reference: string | undefined, providerTransactionId: string): SaleLine | null {
    const row = this.stmt.saleByReference.get({ provider, id: reference ?? '\u0000', tx: providerTransactionId });
    return row ? toSaleLine(row) : null;
  }

  owedBack(): SaleLine[] {
    return this.stmt.owed.all().map(toSaleLine);
  }

  lastExchangeRate(provider: ProviderId): { rate: string; at: string } | null {
    const row = this.stmt.lastRate.get(provider);
    return row ? { rate: row.exchange_rate, at: row.updated_at } : null;
  }

  costSums(provider: ProviderId, currency: string, fromMs: number, toMs: number): CostSums {
    const row = this.stmt.costSums.get({ provider, currency, from: fromMs, to: toMs });
    return { deliveredCount: row?.delivered ?? 0, deliveredCostMinor: row?.cost ?? 0, withoutCost: row?.without ?? 0, open: row?.open ?? 0 };
  }

  insertDeposit(row: DepositRow): void {
    this.stmt.insertDeposit.run(row);
  }

  depositByReference(provider: ProviderId, reference: string): DepositRow | null {
    return this.stmt.depositByReference.get(provider, reference) ?? null;
  }

  deposits(from: string, to: string, provider: ProviderId | null): DepositRow[] {
    return this.stmt.deposits.all({ from, to, provider });
  }

  /** Deposits that count after a reading at fromMs and up to a reading at toMs. */
  depositsBetween(provider: ProviderId, currency: string, fromMs: number, toMs: number): number {
    return this.stmt.depositSum.get({ provider, currency, from: fromMs, to: toMs })?.total ?? 0;
  }

  recordReading(reading: BalanceReading): void {
    this.stmt.insertReading.run({
      provider: reading.provider,
      read_ms: reading.readMs,
      read_at: reading.readAt,
      balance_minor: reading.balance.minor,
      available_minor: reading.available.minor,
      credit_limit_minor: reading.creditLimit?.minor ?? null,
      currency: reading.balance.currency,
    });
  }

  lastReadingBefore(provider: ProviderId, beforeMs: number): BalanceReading | null {
    const row = this.stmt.lastReadingBefore.get(provider, beforeMs);
    return row ? toReading(row) : null;
  }

  firstReadingFrom(provider: ProviderId, fromMs: number): BalanceReading | null {
    const row = this.stmt.firstReadingFrom.get(provider, fromMs);
    return row ? toReading(row) : null;
  }

  lastReading(provider: ProviderId): BalanceReading | null {
    const row = this.stmt.lastReading.get(provider);
    return row ? toReading(row) : null;
  }
}
