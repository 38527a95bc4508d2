/**
 * Calendar arithmetic on business-day dates (YYYY-MM-DD). Which day an instant belongs to is decided once, by
 * shared/business-day; here only whole dates move, so UTC date maths is exact (no time zone enters).
 */

const DAY_MS = 86_400_000;

function epochOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function dateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(epochOf(date) + days * DAY_MS);
}

/** Inclusive number of days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((epochOf(to) - epochOf(from)) / DAY_MS) + 1;
}

export interface Period {
  from: string;
  to: string;
}

/** The period of the same length just before this one (a day → the day before; a week → the week before). */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.from, period.to);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

/** The calendar month a date is in, first to last day. */
export function monthOf(date: string): Period {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = `${date.slice(0, 7)}-01`;
  const last = dateOf(Date.UTC(year, month, 0));
  return { from: first, to: last };
}

/** The month before the one a date is in. */
export function previousMonth(date: string): Period {
  return monthOf(addDays(monthOf(date).from, -1));
}
