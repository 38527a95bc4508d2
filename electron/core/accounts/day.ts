/** A business day named by its date, for the shop's rule (shared/business-day.ts), as the accounts answer it. */
import { businessDayByDate, type BusinessDayRule } from '../../../shared/business-day';
import { AppError } from '../../../shared/errors';
import type { DayWindow } from './reconcile';

export function dayWindow(date: string, rule: BusinessDayRule): DayWindow {
  try {
    return businessDayByDate(date, rule);
  } catch (error) {
    throw new AppError('invalid_input', error instanceof Error ? error.message : String(error));
  }
}
