/**
 * The Z: the owner closes a business day. Numbered without gaps (Z-0001, …), refused while a shift of that day is
 * open or a sale of that day is still being sent, refused for a day already closed (`conflict`) or earlier than
 * the last one closed. It freezes the day's figures as they are (stored as written, never recomputed), the sale
 * chain's head hash and the first and last event sequence since the previous Z, the perpetual grand total of
 * delivered sales, and the sales still open (queued, pending, unknown): those are carried into the report of the
 * period in which they settle. A Z is never edited (triggers, migration 007); it is recorded in the journal in the
 * same transaction.
 */
import type { Database } from 'better-sqlite3';
import type { BusinessDayRule } from '../../../shared/business-day';
import { ZSchema, type Report, type Z } from '../../../shared/contract/backoffice';
import type { SaleState } from '../../../shared/contract/sales';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../kernel/clock';
import { crashPoint } from '../kernel/crash-points';
import type { Journal } from '../journal/journal';
import { eventHash, GENESIS_HASH, type StoredEvent } from '../ledger/chain';
import type { ReportQueries } from './report-queries';
import type { Period, ReportBuilder } from './reports';
import type { ShiftBook, Viewer } from './shifts';

export const formatZNumber = (number: number): string => `Z-${String(number).padStart(4, '0')}`;
const parseZNumber = (text: string): number => Number(text.slice(2));

interface DayCloseRow {
  number: number;
  business_day: string;
  closed_at: string;
  closed_by: string;
  last_seq: number | null;
  grand_total_minor: number;
  currency: string;
  body: string;
}

export interface DayCloserDeps {
  db: Database;
  journal: Journal;
  clock: Clock;
  builder: ReportBuilder;
  shifts: ShiftBook;
  queries: ReportQueries;
  businessDay: () => BusinessDayRule;
  currency: () => string;
}

export class DayCloser {
  constructor(private readonly deps: DayCloserDeps) {}

  private lastClose(): DayCloseRow | undefined {
    return this.deps.db.prepare<[], DayCloseRow>('SELECT * FROM day_closes ORDER BY number DESC LIMIT 1').get();
  }

  /** Refusals before anything is written: each says what to do. */
  private refuseIfNotReady(period: Period): void {
    const { db } = this.deps;
    if (period.fromMs > this.deps.clock.now()) throw new AppError('invalid_input', `${period.from} has not started yet`);
    const existing = db.prepare<[string], { number: number }>('SELECT number FROM day_closes WHERE business_day = ?').get(period.from);
    if (existing) throw new AppError('conflict', `${period.from} is already closed as ${formatZNumber(existing.number)}; a Z is never redone (a correction shows in the next day's report)`);
    const last = this.lastClose();
    if (last && last.business_day > period.from) throw new AppError('conflict', `A later day (${last.business_day}) is already closed; days close in order`);
    const open = this.deps.shifts.openBefore(period.toMs);
    if (open.length > 0) throw new AppError('conflict', `A shift of ${period.from} is still open (since ${open[0]?.opened_at ?? '?'}): end and close it first`);
    const sending = db
      .prepare<[number, number], { n: number }>("SELECT COUNT(*) AS n FROM sales INDEXED BY sales_report WHERE created_ms >= ? AND created_ms < ? AND state IN ('created','sending')")
      .get(period.fromMs, period.toMs);
    if ((sending?.n ?? 0) > 0) throw new AppError('conflict', `${sending?.n} sale(s) of ${period.from} are still being sent: wait for their answer, then close the day`);
  }

  /** The events after the previous Z up to the head: their range, the head hash, and whether they verify. */
  private chainCoverage(previousLastSeq: number): { firstSeq: number | null; lastSeq: number | null; chainHead: string | null; eventCount: number; linksVerify: boolean } {
    const { db } = this.deps;
    const head = db.prepare<[], StoredEvent>('SELECT * FROM sale_events ORDER BY seq DESC LIMIT 1').get();
    if (!head || head.seq <= previousLastSeq) return { firstSeq: null, lastSeq: null, chainHead: head?.hash ?? null, eventCount: 0, linksVerify: true };
    const firstSeq = previousLastSeq + 1;
    let prevHash = firstSeq === 1 ? GENESIS_HASH : (db.prepare<[number], { hash: string }>('SELECT hash FROM sale_events WHERE seq = ?').get(firstSeq - 1)?.hash ?? '');
    let expected = firstSeq;
    let linksVerify = true;
    for (const row of db.prepare<[number, number], StoredEvent>('SELECT * FROM sale_events WHERE seq BETWEEN ? AND ? ORDER BY seq').iterate(firstSeq, head.seq)) {
      const recomputed = eventHash(prevHash, { seq: row.seq, saleId: row.sale_id, at: row.at, fromState: row.from_state, toState: row.to_state, detail: row.detail });
      if (row.seq !== expected || row.prev_hash !== prevHash || row.hash !== recomputed) linksVerify = false;
      prevHash = row.hash;
      expected += 1;
    }
    return { firstSeq, lastSeq: head.seq, chainHead: head.hash, eventCount: expected - firstSeq, linksVerify: linksVerify && expected === head.seq + 1 };
  }

  /** Every sale of the day has its first event in the chain. */
  private everySaleRecorded(period: Period): boolean {
    const row = this.deps.db
      .prepare<[number, number], { sales: number; recorded: number }>(
        `SELECT COUNT(*) AS sales, COUNT(e.seq) AS recorded FROM sales AS s
           LEFT JOIN sale_events AS e ON e.sale_id = s.id AND e.from_state IS NULL
          WHERE s.created_ms >= ? AND s.created_ms < ?`,
      )
      .get(period.fromMs, period.toMs);
    return (row?.sales ?? 0) === (row?.recorded ?? 0);
  }

  private grandTotal(currency: string): number {
    const row = this.deps.db
      .prepare<[string], { total: number | null }>("SELECT SUM(price_minor) AS total FROM sales WHERE state = 'succeeded' AND price_currency = ?")
      .get(currency);
    return row?.total ?? 0;
  }

  /** Closes the business day `date` (today when absent). */
  close(actor: Viewer, date: string | undefined): Z {
    const { db, builder } = this.deps;
    const currency = this.deps.currency();
    const z = db
      .transaction((): Z => {
        const period = builder.period({ from: date, to: date });
        this.refuseIfNotReady(period);
        const last = this.lastClose();
        const number = (last?.number ?? 0) + 1;
        const { totals } = builder.figures(period, null);
        const open = this.deps.queries.openSales({ fromMs: period.fromMs, toMs: period.toMs, currency });
        const coverage = this.chainCoverage(last?.last_seq ?? 0);
        const closedAt = new Date(this.deps.clock.now()).toISOString();
        const value: Z = {
          number: formatZNumber(number),
          businessDay: period.from,
          closedAt,
          closedBy: actor.id,
          totals,
          refunds: builder.refunds(period, totals),
          cashMovements: builder.cashMovements(period),
          shifts: builder.shiftDifferences(period),
          chainHead: coverage.chainHead,
          firstSeq: coverage.firstSeq,
          lastSeq: coverage.lastSeq,
          openItems: {
            count: open.length,
            amount: { minor: open.reduce((sum, sale) => sum + sale.price_minor, 0), currency },
            sales: open.map((sale) => ({ saleId: sale.id, state: sale.state, amount: { minor: sale.price_minor, currency: sale.price_currency }, createdAt: sale.created_at })),
          },
          grandTotal: { minor: this.grandTotal(currency), currency },
          completeness: { sequenceComplete: coverage.linksVerify && this.everySaleRecorded(period), eventCount: coverage.eventCount, openCount: open.length },
        };
        db.prepare(
          'INSERT INTO day_closes (number, business_day, closed_at, closed_ms, closed_by, first_seq, last_seq, chain_head, grand_total_minor, currency, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(number, period.from, closedAt, Date.parse(closedAt), actor.id, value.firstSeq, value.lastSeq, value.chainHead, value.grandTotal.minor, currency, JSON.stringify(value));
        const insertItem = db.prepare('INSERT INTO day_close_open_items (z_number, sale_id, state_at_close, amount_minor, currency) VALUES (?, ?, ?, ?, ?)');
        for (const sale of open) insertItem.run(number, sale.id, sale.state, sale.price_minor, sale.price_currency);
        this.deps.journal.append({
          kind: 'day.closed',
          actorId: actor.id,
          subject: period.from,
          detail: { number: value.number, chainHead: value.chainHead, firstSeq: value.firstSeq, lastSeq: value.lastSeq, delivered: totals.succeeded, grandTotal: value.grandTotal, openItems: open.length },
        });
        crashPoint('before-day-close-commit');
        return value;
      })
      .immediate();
    return z;
  }

  /** A Z exactly as it was sealed (its stored body, never recomputed). */
  get(number: string): Z {
    const row = this.deps.db.prepare<[number], DayCloseRow>('SELECT * FROM day_closes WHERE number = ?').get(parseZNumber(number));
    if (!row) throw new AppError('not_found', `No ${number}`);
    return ZSchema.parse(JSON.parse(row.body));
  }

  list(): Array<Pick<Z, 'number' | 'businessDay' | 'closedAt' | 'closedBy' | 'grandTotal'> & { delivered: Z['totals']['succeeded'] }> {
    return this.deps.db
      .prepare<[], DayCloseRow>('SELECT * FROM day_closes ORDER BY number DESC')
      .all()
      .map((row) => {
        const z = ZSchema.parse(JSON.parse(row.body));
        return { number: z.number, businessDay: z.businessDay, closedAt: z.closedAt, closedBy: z.closedBy, grandTotal: z.grandTotal, delivered: z.totals.succeeded };
      });
  }

  /** A Z's frozen figures in the shape of a report. */
  asReport(number: string, currency: string): Report {
    const z = this.get(number);
    return {
      from: z.businessDay,
      to: z.businessDay,
      currency,
      includesDemo: false,
      totals: z.totals,
      by: null,
      groups: [],
      refunds: z.refunds,
      cashMovements: z.cashMovements,
      shifts: z.shifts,
      carried: [],
      zNumber: z.number,
      generatedAt: z.closedAt,
    };
  }

  /** Sales open at an earlier Z that settled (succeeded, or failed and owed back) within the period. */
  carried(period: Period): Report['carried'] {
    const rows = this.deps.db
      .prepare<[string, string], { sale_id: string; number: number; state_at_close: SaleState; state: SaleState; amount_minor: number; currency: string; settled_at: string }>(
        `SELECT i.sale_id, d.number, i.state_at_close, s.state, i.amount_minor, i.currency, MIN(e.at) AS settled_at
           FROM day_close_open_items AS i
           JOIN day_closes AS d ON d.number = i.z_number
           JOIN sales AS s ON s.id = i.sale_id
           JOIN sale_events AS e ON e.sale_id = i.sale_id AND e.at > d.closed_at AND e.to_state IN ('succeeded','failed')
          GROUP BY i.z_number, i.sale_id
         HAVING settled_at >= ? AND settled_at < ?
          ORDER BY settled_at`,
      )
      .all(new Date(period.fromMs).toISOString(), new Date(period.toMs).toISOString());
    return rows.map((row) => ({
      saleId: row.sale_id,
      zNumber: formatZNumber(row.number),
      stateAtClose: row.state_at_close,
      state: row.state,
      amount: { minor: row.amount_minor, currency: row.currency },
      settledAt: row.settled_at,
    }));
  }
}
