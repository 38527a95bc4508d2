/**
 * Reports over the ledger for a business day or a range of them: counts and amounts for every ledger state (all
 * nine, zero lines included), provider cost and margin where the cost is known, grouped by cashier, carrier,
 * provider, state, shift, hour or day; refunds owed and paid; cash movements; shift differences; and open items
 * of earlier Zs that settled in the period. Every figure is an integer sum of minor units: the groups add up to
 * the totals, and the states to `all`, to the centavo, by construction (one set of rows feeds both).
 */
import { businessDayByDate, businessDaysBetween, businessDayOf, type BusinessDay, type BusinessDayRule, type BusinessDayWithOffset } from '../../../shared/business-day';
import type { Report, ReportGroup, ReportGrouping, ReportTotals, StateFigure } from '../../../shared/contract/backoffice';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { Clock } from '../kernel/clock';
import type { FigureRow, ReadPath, ReportQueries } from './report-queries';
import type { ShiftBook } from './shifts';

export interface Period {
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
}

/** Longest range one report covers (a year and a bit): a bigger question is a mistake or an export. */
const MAX_RANGE_DAYS = 400;

/** The business days from `from` to `to` inclusive (today when absent), in the shop's time zone. */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, rule: BusinessDayRule, nowMs: number): Period {
  const today = businessDayOf(nowMs, rule).date;
  let first: BusinessDay;
  let last: BusinessDay;
  try {
    first = businessDayByDate(query.from ?? query.to ?? today, rule);
    last = businessDayByDate(query.to ?? query.from ?? today, rule);
  } catch (error) {
    throw new AppError('invalid_input', error instanceof Error ? error.message : String(error));
  }
  if (last.startMs < first.startMs) throw new AppError('invalid_input', `The range ends (${last.date}) before it starts (${first.date})`);
  if (last.endMs - first.startMs > MAX_RANGE_DAYS * 86_400_000) throw new AppError('invalid_input', `A report covers at most ${MAX_RANGE_DAYS} days`);
  return { from: first.date, to: last.date, fromMs: first.startMs, toMs: last.endMs };
}

const zeroFigure = (currency: string): StateFigure => ({ count: 0, amount: { minor: 0, currency } });

export function emptyTotals(currency: string): ReportTotals {
  const zero = (): Money => ({ minor: 0, currency });
  return {
    created: zeroFigure(currency),
    queued: zeroFigure(currency),
    sending: zeroFigure(currency),
    pending: zeroFigure(currency),
    unknown: zeroFigure(currency),
    succeeded: zeroFigure(currency),
    failed: zeroFigure(currency),
    refund_due: zeroFigure(currency),
    refunded: zeroFigure(currency),
    all: zeroFigure(currency),
    cost: zero(),
    costCharged: [],
    costKnownCount: 0,
    margin: zero(),
  };
}

/** Adds one grouped row into running totals (mutates `totals`). */
function addRow(totals: ReportTotals, row: FigureRow): void {
  const figure = totals[row.state];
  figure.count += row.n;
  figure.amount.minor += row.amount;
  totals.all.count += row.n;
  totals.all.amount.minor += row.amount;
  if (row.known_n > 0 && row.cost_currency) {
    totals.costKnownCount += row.known_n;
    totals.cost.minor += row.known_cost ?? 0;
    totals.margin.minor += (row.known_price ?? 0) - (row.known_cost ?? 0);
    const charged = totals.costCharged.find((amount) => amount.currency === row.cost_currency);
    if (charged) charged.minor += row.charged ?? 0;
    else totals.costCharged.push({ minor: row.charged ?? 0, currency: row.cost_currency });
  }
}

/**
 * Names a bucket (its first instant, epoch ms) by its shop-time hour ("2026-11-30 14:00") or business day
 * ("2026-11-30"). Days come from businessDaysBetween (one time-zone lookup a day); an hour on a day the clocks
 * change asks the zone itself.
 */
function bucketLabeler(grouping: 'hour' | 'day', rule: BusinessDayRule, period: { fromMs: number; toMs: number }): (bucketMs: number) => string {
  const days = businessDaysBetween(period.fromMs, period.toMs, rule);
  const hourFormat = new Intl.DateTimeFormat('en-CA', { timeZone: rule.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' });
  const dayOf = (ms: number): BusinessDayWithOffset | null => {
    let low = 0;
    let high = days.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const day = days[middle];
      if (!day) break;
      if (ms < day.startMs) high = middle - 1;
      else if (ms >= day.endMs) low = middle + 1;
      else return day;
    }
    return null;
  };
  return (ms) => {
    const day = dayOf(ms) ?? { ...businessDayOf(ms, rule), offsetMs: null };
    if (grouping === 'day') return day.date;
    if (day.offsetMs !== null) {
      const wall = new Date(ms + day.offsetMs).toISOString();
      return `${wall.slice(0, 10)} ${wall.slice(11, 13)}:00`;
    }
    const parts = Object.fromEntries(hourFormat.formatToParts(ms).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:00`;
  };
}

/** Folds grouped rows into totals and groups (sorted by key); the groups add up to the totals exactly. */
export function foldFigures(
  rows: readonly FigureRow[],
  grouping: ReportGrouping | null,
  rule: BusinessDayRule,
  currency: string,
  period: { fromMs: number; toMs: number },
): { totals: ReportTotals; groups: ReportGroup[] } {
  const totals = emptyTotals(currency);
  const groups = new Map<string, ReportTotals>();
  const bucketLabel = grouping === 'hour' || grouping === 'day' ? bucketLabeler(grouping, rule, period) : null;
  const label = (key: string | number): string => (bucketLabel ? bucketLabel(Number(key)) : String(key));
  for (const row of rows) {
    addRow(totals, row);
    if (!grouping) continue;
    const key = label(row.key);
    let group = groups.get(key);
    if (!group) {
      group = emptyTotals(currency);
      groups.set(key, group);
    }
    addRow(group, row);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, figures]) => ({ key, ...figures }));
  return { totals, groups: sorted };
}

export interface ReportBuilderDeps {
  queries: ReportQueries;
  shifts: ShiftBook;
  clock: Clock;
  businessDay: () => BusinessDayRule;
  currency: () => string;
  includesDemo: boolean;
}

export class ReportBuilder {
  constructor(private readonly deps: ReportBuilderDeps) {}

  period(query: { from?: string | undefined; to?: string | undefined }): Period {
    return periodOf(query, this.deps.businessDay(), this.deps.clock.now());
  }

  /**
   * Totals, and groups when asked: the part of a report a Z freezes and the property test compares. Read from the
   * hourly summary where it can answer, else through the covering index; `how` forces a path (tests, benchmark).
   */
  figures(period: Period, grouping: ReportGrouping | null, how?: ReadPath): { totals: ReportTotals; groups: ReportGroup[] } {
    const currency = this.deps.currency();
    const params = { fromMs: period.fromMs, toMs: period.toMs, currency };
    const path = how ?? (this.deps.queries.summaryAnswers(grouping ?? 'none', params) ? 'summary' : 'indexed');
    const rows = this.deps.queries.figures(grouping ?? 'none', params, path, grouping === 'day' ? this.dayShiftMs(period) : null);
    return foldFigures(rows, grouping, this.deps.businessDay(), currency, period);
  }

  /**
   * How far after a UTC midnight every business day of the period starts, when that is the same for all of them
   * (no clock change in the period), so SQLite can add hours up into days; else null.
   */
  private dayShiftMs(period: Period): number | null {
    const rule = this.deps.businessDay();
    const days = businessDaysBetween(period.fromMs, period.toMs, rule);
    const first = days[0];
    if (!first || first.offsetMs === null) return null;
    const shift = rule.dayStartHour * 3_600_000 - first.offsetMs;
    return days.every((day) => day.offsetMs === first.offsetMs && (day.startMs - shift) % 86_400_000 === 0) ? shift : null;
  }

  /** Refunds owed (among the period's sales, now) and paid (in the period, whichever day the sale was). */
  refunds(period: Period, totals: ReportTotals): Report['refunds'] {
    const currency = this.deps.currency();
    const paid = this.deps.queries.refundsPaid(period.fromMs, period.toMs, currency);
    return {
      owed: { count: totals.refund_due.count, amount: { ...totals.refund_due.amount } },
      paid: { count: paid.n, amount: { minor: paid.amount ?? 0, currency } },
      paidAtCounter: { count: paid.counter_n, amount: { minor: paid.counter_amount ?? 0, currency } },
    };
  }

  cashMovements(period: Period): Report['cashMovements'] {
    const currency = this.deps.currency();
    const rows = this.deps.queries.cash({ fromMs: period.fromMs, toMs: period.toMs, currency });
    const figure = (direction: 'in' | 'out'): StateFigure => {
      const row = rows.find((candidate) => candidate.direction === direction);
      return { count: row?.n ?? 0, amount: { minor: row?.amount ?? 0, currency } };
    };
    return { in: figure('in'), out: figure('out') };
  }

  shiftDifferences(period: Period): Report['shifts'] {
    return this.deps.shifts
      .list({ id: 'report', role: 'owner' }, { fromMs: period.fromMs, toMs: period.toMs })
      .reverse()
      .map((shift) => ({ shiftId: shift.id, state: shift.state, expected: shift.expected, counted: shift.counted, difference: shift.difference }));
  }

  /** `how: 'naive'` reads the sales by a full scan: the benchmark's baseline for the same report. */
  build(query: { from?: string | undefined; to?: string | undefined; by?: ReportGrouping | undefined }, carried: Report['carried'], how?: ReadPath): Report {
    const period = this.period(query);
    const { totals, groups } = this.figures(period, query.by ?? null, how);
    return {
      from: period.from,
      to: period.to,
      currency: this.deps.currency(),
      includesDemo: this.deps.includesDemo,
      totals,
      by: query.by ?? null,
      groups,
      refunds: this.refunds(period, totals),
      cashMovements: this.cashMovements(period),
      shifts: this.shiftDifferences(period),
      carried,
      zNumber: null,
      generatedAt: new Date(this.deps.clock.now()).toISOString(),
    };
  }
}
