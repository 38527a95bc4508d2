/**
 * The shop's business day, once: which day an instant belongs to, and when that day starts and ends, in the
 * shop's own time zone with the hour its day starts (a shop open until 03:00 can start its day at 05:00, so a
 * sale at 02:00 still counts for the evening before). "Today's sales", the cashier's shift and the command
 * line's `sales --today` all use it. Pure: Intl.DateTimeFormat only, no Node, no DOM, any host time zone.
 */

export interface BusinessDayRule {
  /** IANA time zone of the shop, e.g. America/Mexico_City. */
  timeZone: string;
  /** Hour of the shop's wall clock (0–23) at which a business day starts. */
  dayStartHour: number;
}

/** Mexico City (no daylight saving since 2022); the day starts at midnight. */
export const DEFAULT_BUSINESS_DAY_RULE: Readonly<BusinessDayRule> = { timeZone: 'America/Mexico_City', dayStartHour: 0 };

export interface BusinessDay {
  /** The business day's calendar date, YYYY-MM-DD (the date on which it starts). */
  date: string;
  /** First instant of the day (epoch ms, inclusive). */
  startMs: number;
  /** First instant of the next day (epoch ms, exclusive). 23 or 25 hours after the start across a DST change. */
  endMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at an instant, written as if it were UTC (so plain arithmetic works on it). */
function wallClockAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** How far the zone's wall clock is ahead of UTC at an instant (negative in the Americas). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockAt(wholeSecond, timeZone) - wholeSecond;
}

/**
 * The instant at which the zone's wall clock shows `wallMs`. Offsets a day either side bracket any single
 * change. A wall time shown twice (clocks set back) gives the earlier instant; a wall time skipped (clocks set
 * forward) gives the instant the clocks jumped, the first moment of the day that exists.
 */
function instantOfWallClock(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter((instant) => wallClockAt(instant, timeZone) === wallMs);
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped: with the old offset the wall time lands just after the jump; step back to the jump itself.
  let instant = wallMs - offsetBefore;
  while (offsetAt(instant - 60_000, timeZone) === offsetAfter) instant -= 60_000;
  return instant;
}

function isoDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

/** The business day an instant belongs to, for the shop's time zone and day start hour. */
export function businessDayOf(instantMs: number, rule: BusinessDayRule = DEFAULT_BUSINESS_DAY_RULE): BusinessDay {
  const { timeZone, dayStartHour } = rule;
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) throw new RangeError(`dayStartHour must be a whole hour from 0 to 23, got ${dayStartHour}`);
  // Moving the wall clock back by the start hour turns "the day that starts at 05:00" into a calendar date.
  const shifted = wallClockAt(instantMs, timeZone) - dayStartHour * HOUR_MS;
  const dayWallMs = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
  const startMs = instantOfWallClock(dayWallMs + dayStartHour * HOUR_MS, timeZone);
  const endMs = instantOfWallClock(dayWallMs + DAY_MS + dayStartHour * HOUR_MS, timeZone);
  return { date: isoDate(dayWallMs), startMs, endMs };
}

/** The shift a cashier's sale belongs to: one per cashier per business day. */
export function shiftIdOf(userId: string, instantMs: number, rule: BusinessDayRule = DEFAULT_BUSINESS_DAY_RULE): string {
  return `shift-${businessDayOf(instantMs, rule).date}-${userId}`;
}

// Back office (issue 13): reports and day closes name a business day by its date.
/** The business day whose calendar date is `date` (YYYY-MM-DD), for the shop's rule. */
export function businessDayByDate(date: string, rule: BusinessDayRule = DEFAULT_BUSINESS_DAY_RULE): BusinessDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`a business day is named YYYY-MM-DD, got "${date}"`);
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (isoDate(midnightUtc) !== date) throw new RangeError(`no such date: ${date}`);
  // A business day lasts 23 to 25 hours and starts within 14 hours of that UTC midnight plus its start hour (any
  // zone's offset); probing every 6 hours across that window lands inside it.
  for (let step = -3; step <= 7; step += 1) {
    const day = businessDayOf(midnightUtc + dayStartOffset(rule) + step * 6 * HOUR_MS, rule);
    if (day.date === date) return day;
  }
  throw new RangeError(`could not place business day ${date} in ${rule.timeZone}`);
}

function dayStartOffset(rule: BusinessDayRule): number {
  return rule.dayStartHour * HOUR_MS;
}

/** A business day with the zone's offset from UTC, when it is the same all day (null on a day the clocks change). */
export interface BusinessDayWithOffset extends BusinessDay {
  offsetMs: number | null;
}

/**
 * Every business day that overlaps [fromMs, toMs), in order. Reports over a month or a year label thousands of
 * hours with it, so it asks the time zone about once per day: a day whose offset at its start equals the offset a
 * day later is 24 hours long and the next one starts where it ends.
 */
export function businessDaysBetween(fromMs: number, toMs: number, rule: BusinessDayRule = DEFAULT_BUSINESS_DAY_RULE): BusinessDayWithOffset[] {
  const days: BusinessDayWithOffset[] = [];
  let start = businessDayOf(fromMs, rule);
  let offsetAtStart = offsetAt(start.startMs, rule.timeZone);
  while (start.startMs < toMs) {
    const offsetADayLater = offsetAt(start.startMs + DAY_MS, rule.timeZone);
    if (offsetADayLater === offsetAtStart && start.endMs === start.startMs + DAY_MS) {
      days.push({ ...start, offsetMs: offsetAtStart });
      const nextDate = isoDate(Date.parse(`${start.date}T00:00:00Z`) + DAY_MS);
      start = { date: nextDate, startMs: start.endMs, endMs: start.endMs + DAY_MS };
      offsetAtStart = offsetADayLater;
    } else {
      // The clocks change on this day (or a day that is not 24 hours long): ask the zone again from its end.
      days.push({ ...start, offsetMs: null });
      start = businessDayOf(start.endMs, rule);
      offsetAtStart = offsetAt(start.startMs, rule.timeZone);
    }
  }
  return days;
}
