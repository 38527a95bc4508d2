/**
 * Two reports' groups side by side for a chart: this period's delivered sales beside the previous period's,
 * matched by the label a person reads (an hour, a day of the month, a carrier). A label present in only one
 * period shows with zero in the other, so no sale drops out of the comparison.
 */
import type { ReportGroup, ReportGrouping } from '../../../../shared/contract/backoffice';
import { money as moneyOf, type Currency } from '../../../../shared/money';
import type { ComparisonRow } from '../backoffice/comparison';
import { groupLabel } from './labels';

/** The label a group is compared under: days of a month by their day number, others as shown. */
function alignedLabel(by: ReportGrouping, key: string): string {
  if (by === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(key)) return key.slice(8, 10);
  // The core labels hours with their day ("2026-11-30 14:00"); two days compare hour by hour.
  if (by === 'hour' && /^\d{4}-\d{2}-\d{2} \d{2}:00$/.test(key)) return key.slice(11);
  return groupLabel(by, key, null);
}

export function comparisonRows(by: ReportGrouping, current: readonly ReportGroup[], previous: readonly ReportGroup[], currency: Currency): ComparisonRow[] {
  const rows = new Map<string, ComparisonRow>();
  const rowFor = (label: string) => {
    let row = rows.get(label);
    if (!row) {
      row = { label, current: moneyOf(0, currency), previous: moneyOf(0, currency), currentCount: 0, previousCount: 0 };
      rows.set(label, row);
    }
    return row;
  };
  for (const group of current) {
    const row = rowFor(alignedLabel(by, group.key));
    row.current = group.succeeded.amount;
    row.currentCount = group.succeeded.count;
  }
  for (const group of previous) {
    const row = rowFor(alignedLabel(by, group.key));
    row.previous = group.succeeded.amount;
    row.previousCount = group.succeeded.count;
  }
  const ordered = [...rows.values()];
  // Hours and days read in time order; carriers and providers biggest first.
  if (by === 'hour' || by === 'day') return ordered.sort((a, b) => a.label.localeCompare(b.label));
  return ordered.sort((a, b) => b.current.minor - a.current.minor || a.label.localeCompare(b.label));
}
