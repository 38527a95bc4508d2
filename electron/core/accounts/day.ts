/** A business day named by its date, for the shop's rule (the back office adds the shared helper; this finds the same day). */
import { businessDayOf, type BusinessDayRule } from '../../../shared/business-day';
import { AppError } from '../../../shared/errors';
import type { DayWindow } from './reconcile';

const HOUR_MS = 3_600_000;

export function dayWindow(date: string, rule: BusinessDayRule): DayWindow {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(midnightUtc) || new Date(midnightUtc).toISOString().slice(0, 10) !== date) throw new AppError('invalid_input', `no such date: ${date}`);
  // The day starts within ±14 h of UTC midnight plus its start hour in any zone; probing every 6 h lands inside it.
  for (let step = -3; step <= 7; step += 1) {
    const day = businessDayOf(midnightUtc + rule.dayStartHour * HOUR_MS + step * 6 * HOUR_MS, rule);
    if (day.date === date) return day;
  }
  throw new AppError('invalid_input', `could not place business day ${date} in ${rule.timeZone}`);
}
