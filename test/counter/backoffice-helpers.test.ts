/** The back office screens' own arithmetic: typed amounts, drawer counts, periods and chart rows (written by hand). */
import { describe, expect, it } from 'vitest';
import type { ReportGroup } from '../../shared/contract/backoffice';
import { parseTypedAmount } from '../../renderer/src/features/backoffice/amounts';
import { countedMinor, denominationsOf } from '../../renderer/src/features/shifts/denominations';
import { monthOf, previousMonth, previousPeriod } from '../../renderer/src/features/reports/period';
import { comparisonRows } from '../../renderer/src/features/reports/chart-rows';

describe('amounts typed on the back office forms', () => {
  it.each([
    ['500', { minor: 50_000, currency: 'MXN' }],
    ['1234.50', { minor: 123_450, currency: 'MXN' }],
    ['1234,5', { minor: 123_450, currency: 'MXN' }],
    [' 0.01 ', { minor: 1, currency: 'MXN' }],
  ])('"%s" is %o', (text, amount) => {
    expect(parseTypedAmount(text, 'MXN')).toEqual({ ok: true, amount });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'invalid'],
    ['-5', 'invalid'],
    ['1e3', 'invalid'],
    ['1.234', 'too_precise'],
  ])('"%s" is refused as %s', (text, problem) => {
    expect(parseTypedAmount(text, 'MXN')).toEqual({ ok: false, problem });
  });
});

describe('a drawer counted by denomination', () => {
  it('adds up pieces times value; blanks and junk are zero pieces', () => {
    const units = denominationsOf('MXN');
    // 2 × 500 + 3 × 20 + 4 × 0.50 = 1,062.00 MXN
    expect(countedMinor({ 50_000: '2', 2_000: '3', 50: '4', 100: '', 200: 'x' }, units)).toBe(106_200);
  });

  it('knows Mexican bills and coins, largest first, and nothing for an unknown currency', () => {
    expect(denominationsOf('MXN')[0]).toBe(100_000);
    expect(denominationsOf('MXN').at(-1)).toBe(50);
    expect(denominationsOf('XXX')).toEqual([]);
  });
});

describe('periods compared in the charts', () => {
  it('a day against the day before, a week against the week before, across a month and a year', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-07' })).toEqual({ from: '2025-12-25', to: '2025-12-31' });
  });

  it('a month from its first to its last day, and the month before (leap February)', () => {
    expect(monthOf('2028-02-17')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousMonth('2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousMonth('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('chart rows', () => {
  const zero = { count: 0, amount: { minor: 0, currency: 'MXN' } };
  const group = (key: string, count: number, minor: number): ReportGroup => ({
    key,
    created: zero,
    queued: zero,
    sending: zero,
    pending: zero,
    unknown: zero,
    succeeded: { count, amount: { minor, currency: 'MXN' } },
    failed: zero,
    refund_due: zero,
    refunded: zero,
    all: { count, amount: { minor, currency: 'MXN' } },
    cost: { minor: 0, currency: 'MXN' },
    costCharged: [],
    costKnownCount: 0,
    margin: { minor: 0, currency: 'MXN' },
  });

  it('two days compare hour by hour; an hour sold on one day only shows zero on the other', () => {
    const rows = comparisonRows('hour', [group('2026-03-02 14:00', 2, 10_000)], [group('2026-03-01 09:00', 1, 2_000), group('2026-03-01 14:00', 1, 5_000)], 'MXN');
    expect(rows.map((row) => [row.label, row.current.minor, row.previous.minor])).toEqual([
      ['09:00', 0, 2_000],
      ['14:00', 10_000, 5_000],
    ]);
  });

  it('two months compare day of the month by day of the month', () => {
    const rows = comparisonRows('day', [group('2026-03-05', 1, 5_000)], [group('2026-02-05', 3, 9_000)], 'MXN');
    expect(rows).toEqual([{ label: '05', current: { minor: 5_000, currency: 'MXN' }, previous: { minor: 9_000, currency: 'MXN' }, currentCount: 1, previousCount: 3 }]);
  });

  it('carriers biggest first', () => {
    const rows = comparisonRows('carrier', [group('AT&T', 1, 2_000), group('Telcel', 2, 10_000)], [], 'MXN');
    expect(rows.map((row) => row.label)).toEqual(['Telcel', 'AT&T']);
  });
});
