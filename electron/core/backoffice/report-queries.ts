/**
 * The SQL behind the owner's reports, read-only. Each query reads one range of `created_ms` through the
 * covering index `sales_report` (migration 007), so a day or a month costs the rows of that period, not the
 * ledger's size; `naive` runs the same query as a full scan (the benchmark's baseline). Rows come back grouped
 * by (key, state, cost currency) and are added up in JS by ./reports.ts, exactly, in integer minor units.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ReportGrouping } from '../../../shared/contract/backoffice';
import type { SaleState } from '../../../shared/contract/sales';

/**
 * THE one condition that decides which sales a report counts in live mode: demo sales stay out. Written once,
 * here; `s` is the sales table. Until the `is_demo` column arrives (migration 006) every sale counts.
 * TODO(lead): when 006 lands, make it `s.is_demo = 0`.
 */
export const LIVE_SALES_CONDITION = '1 = 1';
/** In demo mode every sale counts (the demo is all the shop has). */
const ALL_SALES_CONDITION = '1 = 1';

export type ReportMode = 'live' | 'demo';
export const salesCondition = (mode: ReportMode): string => (mode === 'live' ? LIVE_SALES_CONDITION : ALL_SALES_CONDITION);

/** Quarter-hour buckets: every time zone's offset is a whole number of quarter hours, so hours and days fold exactly. */
export const BUCKET_MS = 15 * 60_000;
/** The summary table's buckets (sales_hourly, migration 007): UTC hours. */
export const HOUR_MS = 3_600_000;

/** How a report reads the sales: the hourly summary, the covering index, or a full scan (the benchmark's baseline). */
export type ReadPath = 'summary' | 'indexed' | 'naive';

const GROUP_KEY: Record<ReportGrouping | 'none', string> = {
  none: "''",
  cashier: 's.cashier_id',
  carrier: 's.carrier',
  provider: 's.provider',
  state: 's.state',
  shift: 's.shift_id',
  hour: `(s.created_ms / ${BUCKET_MS}) * ${BUCKET_MS}`,
  day: `(s.created_ms / ${BUCKET_MS}) * ${BUCKET_MS}`,
};

export interface FigureRow {
  /** The group's key; for hour and day groupings the bucket's first instant (epoch ms). */
  key: string | number;
  state: SaleState;
  cost_currency: string | null;
  n: number;
  amount: number;
  /** Delivered sales whose cost is known: how many, their price, their cost in shop currency and as charged. */
  known_n: number;
  known_price: number | null;
  known_cost: number | null;
  charged: number | null;
}

const KNOWN = "s.state = 'succeeded' AND s.cost_shop_minor IS NOT NULL";

function figuresSql(grouping: ReportGrouping | 'none', mode: ReportMode, indexed: boolean): string {
  return `SELECT ${GROUP_KEY[grouping]} AS key, s.state AS state, CASE WHEN ${KNOWN} THEN s.cost_currency END AS cost_currency,
      COUNT(*) AS n, SUM(s.price_minor) AS amount,
      COUNT(CASE WHEN ${KNOWN} THEN 1 END) AS known_n,
      SUM(CASE WHEN ${KNOWN} THEN s.price_minor END) AS known_price,
      SUM(CASE WHEN ${KNOWN} THEN s.cost_shop_minor END) AS known_cost,
      SUM(CASE WHEN ${KNOWN} THEN s.cost_minor END) AS charged
    FROM sales AS s ${indexed ? 'INDEXED BY sales_report' : 'NOT INDEXED'}
    WHERE s.created_ms >= @fromMs AND s.created_ms < @toMs AND s.price_currency = @currency AND ${salesCondition(mode)}
    GROUP BY 1, 2, 3`;
}

export interface PeriodParams {
  fromMs: number;
  toMs: number;
  currency: string;
}

interface HourlyParams {
  fromHour: number;
  toHour: number;
  currency: string;
  dayShiftMs: number;
}

export interface RefundPaidRow {
  n: number;
  amount: number | null;
  counter_n: number;
  counter_amount: number | null;
}

export interface CashRow {
  direction: 'in' | 'out';
  n: number;
  amount: number;
}

export interface OpenSaleRow {
  id: string;
  state: SaleState;
  price_minor: number;
  price_currency: string;
  created_at: string;
}

/** Prepared statements, once per database and mode. */
export class ReportQueries {
  private readonly figureStatements = new Map<string, Statement<PeriodParams, FigureRow>>();
  private readonly refundsPaidStatement: Statement<{ fromIso: string; toIso: string; currency: string }, RefundPaidRow>;
  private readonly cashStatement: Statement<{ fromMs: number; toMs: number; currency: string }, CashRow>;
  private readonly openStatement: Statement<PeriodParams, OpenSaleRow>;
  private readonly hourlyStatements = new Map<string, Statement<HourlyParams, FigureRow>>();

  constructor(
    private readonly db: Database,
    private readonly mode: ReportMode,
  ) {
    this.refundsPaidStatement = db.prepare(
      `SELECT COUNT(*) AS n, SUM(s.price_minor) AS amount,
          COUNT(CASE WHEN json_extract(e.detail, '$.handedBackAtCounter') THEN 1 END) AS counter_n,
          SUM(CASE WHEN json_extract(e.detail, '$.handedBackAtCounter') THEN s.price_minor END) AS counter_amount
        FROM sale_events AS e INDEXED BY sale_events_to_state CROSS JOIN sales AS s ON s.id = e.sale_id
        WHERE e.to_state = 'refunded' AND e.at >= @fromIso AND e.at < @toIso AND s.price_currency = @currency AND ${salesCondition(mode)}`,
    );
    this.cashStatement = db.prepare(
      'SELECT direction, COUNT(*) AS n, SUM(amount_minor) AS amount FROM cash_movements WHERE at_ms >= @fromMs AND at_ms < @toMs AND currency = @currency GROUP BY direction',
    );
    this.openStatement = db.prepare(
      `SELECT s.id, s.state, s.price_minor, s.price_currency, s.created_at FROM sales AS s INDEXED BY sales_report
        WHERE s.created_ms >= @fromMs AND s.created_ms < @toMs AND s.price_currency = @currency AND s.state IN ('created','queued','sending','pending','unknown')
          AND ${salesCondition(mode)} ORDER BY s.created_ms`,
    );
  }

  /**
   * Whether the hourly summary can answer: it has no cashier, carrier, provider or shift, counts every sale (so
   * not while live mode must leave demo sales out), and holds whole UTC hours.
   */
  summaryAnswers(grouping: ReportGrouping | 'none', params: PeriodParams): boolean {
    const groupable = grouping === 'none' || grouping === 'hour' || grouping === 'day' || grouping === 'state';
    return groupable && salesCondition(this.mode) === ALL_SALES_CONDITION && params.fromMs % HOUR_MS === 0 && params.toMs % HOUR_MS === 0;
  }

  /** Counts and amounts per (group key, state, cost currency) over sales created in the period. */
  figures(grouping: ReportGrouping | 'none', params: PeriodParams, how: ReadPath = 'indexed', dayShiftMs: number | null = null): FigureRow[] {
    if (how === 'summary') return this.hourly(grouping, params, dayShiftMs);
    const cacheKey = `${grouping}:${how}`;
    let statement = this.figureStatements.get(cacheKey);
    if (!statement) {
      statement = this.db.prepare<PeriodParams, FigureRow>(figuresSql(grouping, this.mode, how === 'indexed'));
      this.figureStatements.set(cacheKey, statement);
    }
    return statement.all(params);
  }

  /**
   * The same rows from sales_hourly, added up by SQLite per group: keys are the first hour of each group (ms) for
   * hour and day, the state for state, '' otherwise. A day is 24 hours starting `dayShiftMs` after a UTC midnight
   * (the zone's offset less the day's start hour); without it (the clocks change in the period) days come back
   * as hours and the caller folds them.
   */
  private hourly(grouping: ReportGrouping | 'none', params: PeriodParams, dayShiftMs: number | null): FigureRow[] {
    const groupBy = grouping === 'hour' || (grouping === 'day' && dayShiftMs === null) ? 'hour' : grouping === 'day' ? 'day' : grouping === 'state' ? 'state' : 'none';
    let statement = this.hourlyStatements.get(groupBy);
    if (!statement) {
      const key = { hour: 'hour', day: '(hour * 3600000 - CAST(@dayShiftMs AS INTEGER)) / 86400000', state: 'state', none: "''" }[groupBy];
      statement = this.db.prepare<HourlyParams, FigureRow>(
        `SELECT ${groupBy === 'hour' || groupBy === 'day' ? 'MIN(hour)' : key} AS key, state, cost_currency, SUM(n) AS n, SUM(amount) AS amount,
            SUM(known_n) AS known_n, SUM(known_price) AS known_price, SUM(known_cost) AS known_cost, SUM(charged) AS charged
          FROM sales_hourly WHERE hour >= @fromHour AND hour < @toHour AND currency = @currency
          GROUP BY ${key}, state, cost_currency HAVING SUM(n) <> 0`,
      );
      this.hourlyStatements.set(groupBy, statement);
    }
    const rows = statement.all({ fromHour: params.fromMs / HOUR_MS, toHour: params.toMs / HOUR_MS, currency: params.currency, dayShiftMs: dayShiftMs ?? 0 });
    for (const row of rows) {
      if (row.cost_currency === '') row.cost_currency = null;
      if (groupBy === 'hour' || groupBy === 'day') row.key = (row.key as number) * HOUR_MS;
    }
    return rows;
  }

  refundsPaid(fromMs: number, toMs: number, currency: string): RefundPaidRow {
    const row = this.refundsPaidStatement.get({ fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString(), currency });
    return row ?? { n: 0, amount: 0, counter_n: 0, counter_amount: 0 };
  }

  cash(params: PeriodParams): CashRow[] {
    return this.cashStatement.all(params);
  }

  /** Sales of the period not yet settled (queued, pending, unknown, or still being sent). */
  openSales(params: PeriodParams): OpenSaleRow[] {
    return this.openStatement.all(params);
  }
}
