/**
 * The screens' read-only questions about the sales table: today's list one page at a time (search by the
 * number's last digits or a folio, a filter by states, newest first by keyset so page 200 costs what page 1
 * does), the day's totals per state, and how much each carrier sold lately (the counter's carrier order).
 * Prepared once; writes nothing. Rows map to sales through ./sales-repository.ts.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SaleState } from '../../../shared/contract/sales';
import type { Money } from '../../../shared/money';
import { toSale, type SaleRow } from './sale-row';
import type { LedgerSale } from './sales-repository';

export interface SalesPageFilter {
  /** Sales created at or after this instant (the start of the business day); 0 for all. */
  sinceMs: number;
  states?: readonly SaleState[];
  /** Last digits of the number (digits only), or part of a provider's or operator's folio. */
  search?: string;
  /** The last sale of the page before: the next page starts after it. */
  afterSaleId?: string;
  limit: number;
}

export interface SalesPage {
  sales: LedgerSale[];
  /** How many sales the filter matches in all pages. */
  matched: number;
  /** Whether another page follows this one. */
  more: boolean;
}

export interface StateTotal {
  state: SaleState;
  count: number;
  amount: Money;
}

type PageParams = { since: number; states?: string; digits?: string; folio?: string; after?: string; limit?: number };

/**
 * The WHERE of a page and of its count, only with the conditions asked for: without a search the count reads
 * the (state, created_ms) or (created_ms) index alone, never the rows. Keyset: rows strictly older than the
 * cursor's (created_ms, rowid).
 */
function pageWhere(shape: { states: boolean; search: boolean; digits: boolean }): string {
  const conditions = ['created_ms >= @since'];
  if (shape.states) conditions.push('state IN (SELECT value FROM json_each(@states))');
  if (shape.search) {
    const folio = "provider_transaction_id LIKE '%' || @folio || '%' ESCAPE '\\' OR operator_transaction_id LIKE '%' || @folio || '%' ESCAPE '\\'";
    conditions.push(shape.digits ? `(phone LIKE '%' || @digits OR ${folio})` : `(${folio})`);
  }
  return conditions.join(' AND ');
}
const AFTER_CURSOR = '(created_ms, rowid) < (SELECT created_ms, rowid FROM sales WHERE id = @after)';

/** A search term as a LIKE pattern piece: its own % and _ are literal. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export class SalesQueries {
  /** Prepared once per shape of question (states, search by digits or folio, a cursor). */
  private readonly statements = new Map<string, Statement<[PageParams], unknown>>();
  private readonly totals: Statement<[{ since: number }], { state: string; currency: string; n: number; total: number }>;
  private readonly carriers: Statement<[{ country: string; since: number }], { carrier: string; n: number }>;

  constructor(private readonly db: Database) {
    this.totals = db.prepare(
      'SELECT state, price_currency AS currency, COUNT(*) AS n, SUM(price_minor) AS total FROM sales WHERE created_ms >= @since GROUP BY state, price_currency',
    );
    this.carriers = db.prepare(
      "SELECT carrier, COUNT(*) AS n FROM sales WHERE created_ms >= @since AND country = @country AND state = 'succeeded' GROUP BY carrier",
    );
  }

  private statement<Row>(key: string, sql: () => string): Statement<[PageParams], Row> {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<[PageParams], unknown>(sql());
      this.statements.set(key, statement);
    }
    return statement as Statement<[PageParams], Row>;
  }

  salesPage(filter: SalesPageFilter): SalesPage {
    const search = filter.search?.trim() || null;
    const shape = { states: Boolean(filter.states && filter.states.length > 0), search: search !== null, digits: search !== null && /^\d+$/.test(search) };
    const where: PageParams = {
      since: filter.sinceMs,
      ...(shape.states ? { states: JSON.stringify(filter.states) } : {}),
      ...(search ? { folio: likeLiteral(search) } : {}),
      ...(shape.digits && search ? { digits: search } : {}),
    };
    const key = `${shape.states ? 's' : ''}${shape.search ? 'q' : ''}${shape.digits ? 'd' : ''}`;
    const cursor = filter.afterSaleId !== undefined;
    const page = this.statement<SaleRow>(`page:${key}:${cursor ? 'after' : ''}`, () => `SELECT * FROM sales WHERE ${pageWhere(shape)}${cursor ? ` AND ${AFTER_CURSOR}` : ''} ORDER BY created_ms DESC, rowid DESC LIMIT @limit`);
    const count = this.statement<{ n: number }>(`count:${key}`, () => `SELECT COUNT(*) AS n FROM sales WHERE ${pageWhere(shape)}`);
    // One row more than asked says whether a next page exists without counting again.
    const rows = page.all({ ...where, ...(cursor ? { after: filter.afterSaleId } : {}), limit: filter.limit + 1 });
    const more = rows.length > filter.limit;
    return { sales: rows.slice(0, filter.limit).map(toSale), matched: count.get(where)?.n ?? 0, more };
  }

  /** Count and amount per state (and currency) of the sales created since `sinceMs`. */
  stateTotals(sinceMs: number): StateTotal[] {
    return this.totals.all({ since: sinceMs }).map((row) => ({ state: row.state as SaleState, count: row.n, amount: { minor: row.total, currency: row.currency } }));
  }

  /** Delivered sales per carrier in a country since `sinceMs`. */
  carrierSales(country: string, sinceMs: number): Map<string, number> {
    return new Map(this.carriers.all({ country, since: sinceMs }).map((row) => [row.carrier, row.n]));
  }
}
