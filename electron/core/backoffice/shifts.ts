/**
 * The shift of this PC's drawer: opened with a counted float, cash in and out with a reason, ended by the
 * cashier with a blind count, reviewed and closed by the owner. One shift is open at a time (a partial unique
 * index says so in SQLite too). Every sale, refund and cash movement belongs to exactly one shift: the sale
 * path asks `forNewSale` inside the transaction that records the sale. Each change is one transaction together
 * with its journal entry, so a kill leaves it done or not done, never half.
 *
 * Expected cash = float + cash taken for the shift's sales − refunds paid from this drawer + cash in − cash out.
 * The counter charges before it sends, so EVERY sale recorded in the shift put its price in the drawer,
 * whatever became of it (a failed sale's cash stays until it is handed back, which is then a refund paid). A
 * refund's drawer is the shift named in its `refunded` event (`shiftId`).
 */
import type { Database } from 'better-sqlite3';
import { businessDayOf, type BusinessDayRule } from '../../../shared/business-day';
import type { User } from '../../../shared/contract/auth';
import { SHIFT_STALE_AFTER_MS, type BlindCount, type CashMovement, type Shift, type ShiftPolicy, type ShiftState } from '../../../shared/contract/backoffice';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { Clock } from '../kernel/clock';
import { crashPoint } from '../kernel/crash-points';
import { newId } from '../kernel/ids';
import type { Journal } from '../journal/journal';

export interface ShiftRow {
  id: string;
  state: ShiftState;
  business_day: string;
  opened_at: string;
  opened_ms: number;
  opened_by: string;
  auto_opened: number;
  currency: string;
  float_minor: number;
  ended_at: string | null;
  ended_by: string | null;
  counted_minor: number | null;
  cash_sales_minor: number | null;
  refunds_paid_minor: number | null;
  cash_in_minor: number | null;
  cash_out_minor: number | null;
  expected_minor: number | null;
  closed_at: string | null;
  closed_by: string | null;
  note: string | null;
  legacy: number;
}

interface CashRow {
  id: string;
  shift_id: string;
  at: string;
  actor_id: string;
  direction: 'in' | 'out';
  amount_minor: number;
  currency: string;
  reason: string;
}

export interface ShiftFigures {
  cashSales: number;
  refundsPaid: number;
  cashIn: number;
  cashOut: number;
  expected: number;
  saleCount: number;
}

export interface ShiftBookDeps {
  db: Database;
  journal: Journal;
  clock: Clock;
  /** The shop's currency (the drawer's). */
  currency: () => string;
  businessDay: () => BusinessDayRule;
  policy: () => ShiftPolicy;
}

/** Who sees a shift's running figures: the owner always; anyone once the count is committed. */
export type Viewer = Pick<User, 'id' | 'role'>;

const toMoney = (minor: number, currency: string): Money => ({ minor, currency });

/** The cashier's count as one amount in minor units (pieces × unit added up), in the drawer's currency. */
export function countedMinor(count: BlindCount, currency: string): number {
  if ('amount' in count) {
    if (count.amount.currency !== currency) throw new AppError('invalid_input', `The drawer counts in ${currency}, not ${count.amount.currency}`);
    return count.amount.minor;
  }
  if (count.currency !== currency) throw new AppError('invalid_input', `The drawer counts in ${currency}, not ${count.currency}`);
  const total = count.denominations.reduce((sum, line) => sum + line.unitMinor * line.count, 0);
  if (!Number.isSafeInteger(total)) throw new AppError('invalid_input', 'The count is too large');
  return total;
}

export function isBeyondTolerance(differenceMinor: number, policy: ShiftPolicy, currency: string): boolean {
  if (policy.differenceTolerance.currency !== currency) return differenceMinor !== 0;
  return Math.abs(differenceMinor) > policy.differenceTolerance.minor;
}

export class ShiftBook {
  private readonly byId;
  private readonly openRow;
  private readonly lastEnded;
  private readonly salesOf;
  private readonly refundsOf;
  private readonly cashOf;

  constructor(private readonly deps: ShiftBookDeps) {
    const { db } = deps;
    this.byId = db.prepare<[string], ShiftRow>('SELECT * FROM shifts WHERE id = ?');
    this.openRow = db.prepare<[], ShiftRow>("SELECT * FROM shifts WHERE state = 'open'");
    this.lastEnded = db.prepare<[], ShiftRow>("SELECT * FROM shifts WHERE state <> 'open' AND legacy = 0 ORDER BY ended_at DESC, opened_ms DESC LIMIT 1");
    this.salesOf = db.prepare<[string], { n: number; total: number | null }>('SELECT COUNT(*) AS n, SUM(price_minor) AS total FROM sales WHERE shift_id = ?');
    this.refundsOf = db.prepare<[string], { total: number | null }>(
      "SELECT SUM(s.price_minor) AS total FROM sale_events e JOIN sales s ON s.id = e.sale_id WHERE e.to_state = 'refunded' AND json_extract(e.detail, '$.shiftId') = ?",
    );
    this.cashOf = db.prepare<[string], { direction: 'in' | 'out'; total: number }>('SELECT direction, SUM(amount_minor) AS total FROM cash_movements WHERE shift_id = ? GROUP BY direction');
  }

  private now(): { ms: number; iso: string } {
    const ms = this.deps.clock.now();
    return { ms, iso: new Date(ms).toISOString() };
  }

  private transaction<T>(fn: () => T): T {
    return this.deps.db.transaction(fn).immediate();
  }

  /** The open shift's id, or null. */
  currentId(): string | null {
    return this.openRow.get()?.id ?? null;
  }

  row(id: string): ShiftRow | null {
    return this.byId.get(id) ?? null;
  }

  /** The running figures of a shift (live; for an ended shift the frozen ones are in its row). */
  figures(id: string, floatMinor: number): ShiftFigures {
    const sales = this.salesOf.get(id);
    const cash = Object.fromEntries(this.cashOf.all(id).map((row) => [row.direction, row.total]));
    const cashSales = sales?.total ?? 0;
    const refundsPaid = this.refundsOf.get(id)?.total ?? 0;
    const cashIn = cash.in ?? 0;
    const cashOut = cash.out ?? 0;
    return { cashSales, refundsPaid, cashIn, cashOut, expected: floatMinor + cashSales - refundsPaid + cashIn - cashOut, saleCount: sales?.n ?? 0 };
  }

  /** What was left in the drawer at the last count: the next shift's float unless someone counts otherwise. */
  suggestedFloat(): Money {
    const last = this.lastEnded.get();
    return toMoney(last?.counted_minor ?? 0, this.deps.currency());
  }

  /** The open shift, or else the latest one ended and awaiting the owner. */
  current(viewer: Viewer): { shift: Shift | null; suggestedFloat: Money } {
    const open = this.openRow.get();
    const awaiting = open ? undefined : this.deps.db.prepare<[], ShiftRow>("SELECT * FROM shifts WHERE state = 'ended' ORDER BY ended_at DESC LIMIT 1").get();
    const row = open ?? awaiting;
    return { shift: row ? this.view(row, viewer) : null, suggestedFloat: this.suggestedFloat() };
  }

  /** Opens the drawer; refused (`conflict`) while another shift is open. */
  open(actor: Viewer, float: Money | undefined): Shift {
    const currency = this.deps.currency();
    const floatMoney = float ?? this.suggestedFloat();
    if (floatMoney.currency !== currency) throw new AppError('invalid_input', `The drawer counts in ${currency}, not ${floatMoney.currency}`);
    const row = this.transaction(() => this.insertOpen(actor.id, floatMoney.minor, false));
    return this.view(row, actor);
  }

  private insertOpen(actorId: string, floatMinor: number, autoOpened: boolean): ShiftRow {
    const existing = this.openRow.get();
    if (existing) throw new AppError('conflict', `A shift is already open (since ${existing.opened_at}); end it before opening another`);
    const { ms, iso } = this.now();
    const id = newId();
    const businessDay = businessDayOf(ms, this.deps.businessDay()).date;
    const currency = this.deps.currency();
    this.deps.db
      .prepare('INSERT INTO shifts (id, state, business_day, opened_at, opened_ms, opened_by, auto_opened, currency, float_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, 'open', businessDay, iso, ms, actorId, autoOpened ? 1 : 0, currency, floatMinor);
    this.deps.journal.append({ kind: 'shift.opened', actorId, subject: id, detail: { float: toMoney(floatMinor, currency), businessDay, autoOpened } });
    return this.mustRow(id);
  }

  /**
   * For the sale being recorded (call inside its transaction): the open shift's id; with none open, a zero-float
   * shift opens now when the owner's policy says so, else `no_open_shift` and the sale is not recorded.
   */
  forNewSale(userId: string): string {
    const open = this.openRow.get();
    if (open) return open.id;
    if (!this.deps.policy().autoOpen) throw new AppError('no_open_shift', 'No shift is open: open the drawer with its float before selling');
    return this.transaction(() => this.insertOpen(userId, 0, true)).id;
  }

  /** Cash put in or taken out of the open drawer, with a reason. */
  cash(actor: Viewer, direction: 'in' | 'out', amount: Money, reason: string): CashMovement {
    const currency = this.deps.currency();
    if (amount.currency !== currency) throw new AppError('invalid_input', `The drawer counts in ${currency}, not ${amount.currency}`);
    const { ms, iso } = this.now();
    const id = newId();
    const movement = this.transaction(() => {
      const open = this.openRow.get();
      if (!open) throw new AppError('no_open_shift', 'No shift is open: open the drawer before moving cash');
      this.deps.db
        .prepare('INSERT INTO cash_movements (id, shift_id, at, at_ms, actor_id, direction, amount_minor, currency, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, open.id, iso, ms, actor.id, direction, amount.minor, currency, reason);
      this.deps.journal.append({ kind: direction === 'in' ? 'cash.in' : 'cash.out', actorId: actor.id, subject: open.id, detail: { movementId: id, amount, reason } });
      crashPoint('before-cash-movement-commit');
      return { id, shiftId: open.id, at: iso, actorId: actor.id, direction, amount, reason };
    });
    return movement;
  }

  movements(shiftId: string): CashMovement[] {
    return this.deps.db
      .prepare<[string], CashRow>('SELECT * FROM cash_movements WHERE shift_id = ? ORDER BY at_ms, id')
      .all(shiftId)
      .map((row) => ({ id: row.id, shiftId: row.shift_id, at: row.at, actorId: row.actor_id, direction: row.direction, amount: toMoney(row.amount_minor, row.currency), reason: row.reason }));
  }

  /** The cashier's blind count ends the open shift; the figures are frozen and the answer shows them. */
  end(actor: Viewer, count: BlindCount): Shift {
    const row = this.transaction(() => {
      const open = this.openRow.get();
      if (!open) throw new AppError('no_open_shift', 'No shift is open to end');
      const counted = countedMinor(count, open.currency);
      const figures = this.figures(open.id, open.float_minor);
      const { iso, ms } = this.now();
      this.deps.db
        .prepare(
          `UPDATE shifts SET state = 'ended', ended_at = ?, ended_ms = ?, ended_by = ?, counted_minor = ?, count_detail = ?, cash_sales_minor = ?,
             refunds_paid_minor = ?, cash_in_minor = ?, cash_out_minor = ?, expected_minor = ? WHERE id = ? AND state = 'open'`,
        )
        .run(iso, ms, actor.id, counted, JSON.stringify(count), figures.cashSales, figures.refundsPaid, figures.cashIn, figures.cashOut, figures.expected, open.id);
      const currency = open.currency;
      this.deps.journal.append({
        kind: 'shift.ended',
        actorId: actor.id,
        subject: open.id,
        detail: { counted: toMoney(counted, currency), expected: toMoney(figures.expected, currency), difference: toMoney(counted - figures.expected, currency) },
      });
      crashPoint('before-shift-end-commit');
      return this.mustRow(open.id);
    });
    return this.view(row, actor);
  }

  /** The shift an owner may close now: found (`not_found`) and counted, not open or closed already (`conflict`). */
  closable(id: string): ShiftRow {
    const shift = this.row(id);
    if (!shift) throw new AppError('not_found', `No shift ${id}`);
    if (shift.state === 'open') throw new AppError('conflict', 'This shift is still open: the cashier ends it with a count first');
    if (shift.state === 'closed') throw new AppError('conflict', 'This shift is already closed');
    return shift;
  }

  /** A counted shift whose difference is beyond the owner's tolerance: its close needs the owner's PIN and a note. */
  needsOwner(row: ShiftRow): boolean {
    if (row.counted_minor === null || row.expected_minor === null) return false;
    return isBeyondTolerance(row.counted_minor - row.expected_minor, this.deps.policy(), row.currency);
  }

  /**
   * The owner closes an ended shift. Beyond the tolerance the owner's PIN (typed now, `pinConfirmed`) and a
   * note are both needed. The close changes no figure.
   */
  close(actor: Viewer, id: string, note: string | undefined, pinConfirmed: boolean, ownerId: string): Shift {
    const row = this.transaction(() => {
      const shift = this.closable(id);
      const difference = (shift.counted_minor ?? 0) - (shift.expected_minor ?? 0);
      const beyond = isBeyondTolerance(difference, this.deps.policy(), shift.currency);
      if (beyond && (!pinConfirmed || !note)) {
        throw new AppError('difference_needs_owner', "The difference is beyond the tolerance: the owner's PIN and a note are needed to close this shift");
      }
      const { iso, ms } = this.now();
      this.deps.db.prepare("UPDATE shifts SET state = 'closed', closed_at = ?, closed_ms = ?, closed_by = ?, note = ? WHERE id = ? AND state = 'ended'").run(iso, ms, ownerId, note ?? null, id);
      this.deps.journal.append({
        kind: 'shift.closed',
        actorId: actor.id,
        subject: id,
        detail: { closedBy: ownerId, difference: toMoney(difference, shift.currency), beyondTolerance: beyond, note: note ?? null },
      });
      crashPoint('before-shift-close-commit');
      return this.mustRow(id);
    });
    return this.view(row, actor);
  }

  list(viewer: Viewer, filter: { fromMs?: number; toMs?: number; state?: ShiftState }): Shift[] {
    const where: string[] = ['1 = 1'];
    const params: (string | number)[] = [];
    if (filter.fromMs !== undefined) {
      where.push('opened_ms >= ?');
      params.push(filter.fromMs);
    }
    if (filter.toMs !== undefined) {
      where.push('opened_ms < ?');
      params.push(filter.toMs);
    }
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    return this.deps.db
      .prepare<(string | number)[], ShiftRow>(`SELECT * FROM shifts WHERE ${where.join(' AND ')} ORDER BY opened_ms DESC LIMIT 500`)
      .all(...params)
      .map((row) => this.view(row, viewer));
  }

  /** Shifts opened before `endMs` still open (a Z of that day must wait for them). */
  openBefore(endMs: number): ShiftRow[] {
    return this.deps.db.prepare<[number], ShiftRow>("SELECT * FROM shifts WHERE state = 'open' AND opened_ms < ?").all(endMs);
  }

  private mustRow(id: string): ShiftRow {
    const row = this.row(id);
    if (!row) throw new AppError('not_found', `No shift ${id}`);
    return row;
  }

  /** A shift as the contract shows it; a cashier sees an open shift blind (no running figures, no expected). */
  view(row: ShiftRow, viewer: Viewer): Shift {
    const currency = row.currency;
    const money = (minor: number | null): Money | null => (minor === null ? null : toMoney(minor, currency));
    const counted = row.state !== 'open' && row.counted_minor !== null;
    const live = row.state === 'open' ? this.figures(row.id, row.float_minor) : null;
    const blind = row.state === 'open' && viewer.role !== 'owner';
    const saleCount = live?.saleCount ?? this.salesOf.get(row.id)?.n ?? 0;
    const figure = (frozen: number | null, running: number | undefined): Money | null => (blind ? null : money(counted ? frozen : (running ?? frozen)));
    const difference = counted && row.expected_minor !== null ? (row.counted_minor ?? 0) - row.expected_minor : null;
    return {
      id: row.id,
      state: row.state,
      businessDay: row.business_day,
      openedAt: row.opened_at,
      openedBy: row.opened_by,
      endedAt: row.ended_at,
      endedBy: row.ended_by,
      closedAt: row.closed_at,
      closedBy: row.closed_by,
      autoOpened: row.auto_opened === 1,
      float: toMoney(row.float_minor, currency),
      cashSales: figure(row.cash_sales_minor, live?.cashSales),
      refundsPaid: figure(row.refunds_paid_minor, live?.refundsPaid),
      cashIn: figure(row.cash_in_minor, live?.cashIn),
      cashOut: figure(row.cash_out_minor, live?.cashOut),
      expected: figure(row.expected_minor, live?.expected),
      counted: counted ? money(row.counted_minor) : null,
      difference: difference === null ? null : toMoney(difference, currency),
      beyondTolerance: difference === null ? null : isBeyondTolerance(difference, this.deps.policy(), currency),
      note: row.note,
      stale: row.state === 'open' && this.deps.clock.now() - row.opened_ms > SHIFT_STALE_AFTER_MS,
      saleCount,
    };
  }
}
