/**
 * The owner's back office as the app wires it: the shift book (drawer, cash, blind count, owner's close), the
 * report builder (X and reports) and the day closer (Z), answering the back office channels of the contract.
 *
 *   const backoffice = createBackofficeModule({ db, journal, clock, session, ... });
 *   sales module: { shifts: backoffice.shiftsForSales }   // every sale in the open shift
 *   dispatcher handlers: { ...backoffice.handlers }
 */
import type { Database } from 'better-sqlite3';
import { businessDayByDate, type BusinessDayRule } from '../../../shared/business-day';
import type { User } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../ipc/dispatcher';
import type { Clock } from '../kernel/clock';
import type { Journal } from '../journal/journal';
import { DayCloser } from './day-close';
import { ReportQueries, type ReportMode } from './report-queries';
import { ReportBuilder } from './reports';
import { loadShiftPolicy } from './shift-policy';
import { ShiftBook } from './shifts';

export { DEFAULT_SHIFT_POLICY, loadShiftPolicy, SHIFT_POLICY_SETTING_KEY, ShiftPolicySchema, type ShiftPolicy } from './shift-policy';
export { LIVE_SALES_CONDITION } from './report-queries';
export { ShiftBook } from './shifts';
export { ReportBuilder } from './reports';
export { DayCloser, formatZNumber } from './day-close';

export type BackofficeHandlers = Pick<
  HandlerMap,
  | 'shift.current'
  | 'shift.open'
  | 'shift.cash'
  | 'shift.end'
  | 'shift.list'
  | 'shift.get'
  | 'shift.close'
  | 'report.x'
  | 'report.get'
  | 'report.z'
  | 'z.close'
  | 'z.list'
  | 'z.get'
>;

/** What the sale path asks of the back office (core/sales/service.ts `SaleShifts`). */
export interface ShiftsForSales {
  forNewSale(userId: string): string;
  currentId(): string | null;
}

export interface BackofficeModuleOptions {
  db: Database;
  journal: Journal;
  clock: Clock;
  /** The signed-in user (the dispatcher has already checked the channel's access level). */
  viewer: () => User | null;
  /** The shop's currency: the drawer's and the reports'. */
  currency: () => string;
  businessDay: () => BusinessDayRule;
  mode: ReportMode;
  /** Checks an owner's PIN typed on the spot (auth); a difference beyond the tolerance needs one. */
  verifyOwnerPin: (pin: string, action: string, requestedBy: string) => Promise<{ ownerId: string }>;
}

export interface BackofficeModule {
  handlers: BackofficeHandlers;
  shifts: ShiftBook;
  reports: ReportBuilder;
  dayCloser: DayCloser;
  shiftsForSales: ShiftsForSales;
}

export function createBackofficeModule(options: BackofficeModuleOptions): BackofficeModule {
  const { db, journal, clock, currency, businessDay } = options;
  const policy = () => loadShiftPolicy(db);
  const shifts = new ShiftBook({ db, journal, clock, currency, businessDay, policy });
  const queries = new ReportQueries(db, options.mode);
  const reports = new ReportBuilder({ queries, shifts, clock, businessDay, currency, includesDemo: options.mode === 'demo' });
  const dayCloser = new DayCloser({ db, journal, clock, builder: reports, shifts, queries, businessDay, currency });

  const viewer = (): User => {
    const user = options.viewer();
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    return user;
  };
  const report = (query: Parameters<ReportBuilder['build']>[0]) => reports.build(query, dayCloser.carried(reports.period(query)));
  const dayRangeMs = (date: string | undefined, edge: 'startMs' | 'endMs'): number | undefined => {
    if (!date) return undefined;
    try {
      return businessDayByDate(date, businessDay())[edge];
    } catch (error) {
      throw new AppError('invalid_input', error instanceof Error ? error.message : String(error));
    }
  };

  const handlers: BackofficeHandlers = {
    'shift.current': () => shifts.current(viewer()),
    'shift.open': (input) => shifts.open(viewer(), input.float),
    'shift.cash': (input) => shifts.cash(viewer(), input.direction, input.amount, input.reason),
    'shift.end': (input) => shifts.end(viewer(), input.count),
    'shift.list': (input) => ({
      shifts: shifts.list(viewer(), { fromMs: dayRangeMs(input.from, 'startMs'), toMs: dayRangeMs(input.to, 'endMs'), ...(input.state ? { state: input.state } : {}) }),
    }),
    'shift.get': (input) => {
      const row = shifts.row(input.id);
      if (!row) throw new AppError('not_found', `No shift ${input.id}`);
      return { shift: shifts.view(row, viewer()), movements: shifts.movements(input.id) };
    },
        // Owner-only (a cashier with the owner's PIN typed on the spot). The PIN is checked, and its use recorded, only
    // once the shift is found counted and the PIN is what the close needs; every other refusal writes nothing.
    'shift.close': async (input) => {
      const user = viewer();
      const isOwner = user.role === 'owner';
      if (!isOwner && !input.ownerPin) throw new AppError('forbidden', "Only an owner may close a shift (or a cashier with the owner's PIN)");
      const row = shifts.closable(input.id);
      const needsOwner = shifts.needsOwner(row);
      if (needsOwner && !input.note) throw new AppError('difference_needs_owner', "The difference is beyond the tolerance: the owner's PIN and a note are needed to close this shift");
      const pinNeeded = !isOwner || needsOwner;
      const confirmedBy = pinNeeded && input.ownerPin ? (await options.verifyOwnerPin(input.ownerPin, 'shift.close', user.id)).ownerId : null;
      return shifts.close(user, input.id, input.note, confirmedBy !== null, confirmedBy ?? user.id);
    },
    'report.x': (input) => report({ from: input.date, to: input.date }),
    'report.get': (input) => report(input),
    'report.z': (input) => dayCloser.asReport(input.number, currency()),
    'z.close': (input) => dayCloser.close(viewer(), input.date),
    'z.list': () => ({ zs: dayCloser.list() }),
    'z.get': (input) => dayCloser.get(input.number),
  };

  return {
    handlers,
    shifts,
    reports,
    dayCloser,
    shiftsForSales: { forNewSale: (userId) => shifts.forNewSale(userId), currentId: () => shifts.currentId() },
  };
}
