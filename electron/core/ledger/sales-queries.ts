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

type PageParams = { since: number; states: string | null; digits: string | null; folio: string | null; after: string | null; limit: number };

// One WHERE for the page and its count. Keyset: rows strictly older than the cursor's (created_ms, rowid).
const PAGE_WHERE = `created_ms >= @since
  AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
  AND (@folio IS NULL
       OR (@digits IS NOT NULL AND phone LIKE '%' || @digits)
       OR provider_transaction_id LIKE '%' || @folio || '%' ESCAPE '\\'
       OR operator_transaction_id LIKE '%' || @folio || '%' ESCAPE '\\')`;
const AFTER_CURSOR = `(@after IS NULL OR (created_ms, rowid) < (SELECT created_ms, rowid FROM sales WHERE id = @after))`;

/** A search term as a LIKE pattern piece: its own % and _ are literal. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export class SalesQueries {
  private readonly page: Statement<[PageParams], SaleRow>;
  private readonly count: Statement<[Omit<PageParams, 'after' | 'limit'>], { n: number }>;
  private readonly totals: Statement<[{ since: number }], { state: string; currency: string; n: number; total: number }>;
  private readonly carriers: Statement<[{ country: string; since: number }], { carrier: string; n: number }>;

  constructor(db: Database) {
    this.page = db.prepare(`SELECT * FROM sales WHERE ${PAGE_WHERE} AND ${AFTER_CURSOR} ORDER BY created_ms DESC, rowid DESC LIMIT @limit`);
    this.count = db.prepare(`SELECT COUNT(*) AS n FROM sales WHERE ${PAGE_WHERE}`);
    this.totals = db.prepare(
      'SELECT state, price_currency AS currency, COUNT(*) AS n, SUM(price_minor) AS total FROM sales WHERE created_ms >= @since GROUP BY state, price_currency',
    );
    this.carriers = db.prepare(
      "SELECT carrier, COUNT(*) AS n FROM sales WHERE created_ms >= @since AND country = @country AND state = 'succeeded' GROUP BY carrier",
    );
  }

  salesPage(filter: SalesPageFilter): SalesPage {
    const search = filter.search?.trim() || null;
    const where = {
      since: filter.sinceMs,
      states: filter.states && filter.states.length > 0 ? JSON.stringify(filter.states) : null,
      digits: search && /^\d+$/.test(search) ? search : null,
      folio: search ? likeLiteral(search) : null,
    };
    // One row more than asked says whether a next page exists without counting again.
    const rows = this.page.all({ ...where, after: filter.afterSaleId ?? null, limit: filter.limit + 1 });
    const more = rows.length > filter.limit;
    return { sales: rows.slice(0, filter.limit).map(toSale), matched: this.count.get(where)?.n ?? 0, more };
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
