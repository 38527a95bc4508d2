/**
 * The duplicate guard, table-driven from the rules of issue 15 (written by hand, not derived from the code):
 * - a sale to the same number (and country) still unresolved (created, queued, sending, pending, unknown) blocks a
 *   new one, unless an owner overrides;
 * - the same number and amount within the window (10 minutes by default) asks first, unless confirmed; a sale
 *   known not to have delivered (failed, refund_due, refunded) is a retry, not a repeat.
 */
import { describe, expect, it } from 'vitest';
import type { SaleState } from '../../shared/contract/sales';
import { AppError } from '../../shared/errors';
import { enforceResellGuard, resellFacts, type EarlierSale } from '../../electron/core/sales/duplicate-guard';

const NOW = Date.parse('2026-11-29T18:00:00Z');
const MINUTE = 60_000;
const PESOS_50 = { minor: 5000, currency: 'MXN' };

function earlier(state: SaleState, minutesAgo: number, overrides: Partial<EarlierSale> = {}): EarlierSale {
  return { id: `s-${state}-${minutesAgo}`, phone: '5512345678', country: 'MX', price: PESOS_50, state, createdMs: NOW - minutesAgo * MINUTE, ...overrides };
}

type Outcome = 'sells' | 'resell_blocked' | 'repeat_unconfirmed';

interface Row {
  why: string;
  before: EarlierSale[];
  window?: number;
  price?: typeof PESOS_50 | null;
  ownerOverride?: boolean;
  repeatConfirmed?: boolean;
  expected: Outcome;
}

const ROWS: Row[] = [
  { why: 'no earlier sale', before: [], expected: 'sells' },
  // Unresolved, whatever the amount or age: blocks.
  { why: 'created 2 h ago, other amount', before: [earlier('created', 120, { price: { minor: 10000, currency: 'MXN' } })], expected: 'resell_blocked' },
  { why: 'queued yesterday', before: [earlier('queued', 60 * 20)], expected: 'resell_blocked' },
  { why: 'sending now', before: [earlier('sending', 0)], expected: 'resell_blocked' },
  { why: 'pending 30 min ago', before: [earlier('pending', 30)], expected: 'resell_blocked' },
  { why: 'unknown 3 h ago', before: [earlier('unknown', 180)], expected: 'resell_blocked' },
  { why: 'unknown, even when the repeat is confirmed', before: [earlier('unknown', 1)], repeatConfirmed: true, expected: 'resell_blocked' },
  { why: 'unknown, owner overrides (also answers the repeat)', before: [earlier('unknown', 1)], ownerOverride: true, expected: 'sells' },
  { why: 'unknown to the same number in another country', before: [earlier('unknown', 1, { country: 'GT' })], expected: 'sells' },
  { why: 'unknown to another number', before: [earlier('unknown', 1, { phone: '5587654321' })], expected: 'sells' },
  // Settled: only the same amount within the window asks.
  { why: 'succeeded 2 min ago, same amount', before: [earlier('succeeded', 2)], expected: 'repeat_unconfirmed' },
  { why: 'succeeded 2 min ago, same amount, confirmed', before: [earlier('succeeded', 2)], repeatConfirmed: true, expected: 'sells' },
  { why: 'succeeded 9 min ago (inside 10)', before: [earlier('succeeded', 9)], expected: 'repeat_unconfirmed' },
  { why: 'succeeded 10 min ago (the edge is inside)', before: [earlier('succeeded', 10)], expected: 'repeat_unconfirmed' },
  { why: 'succeeded 11 min ago (outside 10)', before: [earlier('succeeded', 11)], expected: 'sells' },
  { why: 'succeeded 11 min ago, window 30', before: [earlier('succeeded', 11)], window: 30, expected: 'repeat_unconfirmed' },
  { why: 'succeeded 1 min ago, window 0 (never asks)', before: [earlier('succeeded', 1)], window: 0, expected: 'sells' },
  { why: 'succeeded 2 min ago, other amount', before: [earlier('succeeded', 2, { price: { minor: 10000, currency: 'MXN' } })], expected: 'sells' },
  { why: 'succeeded 2 min ago, same digits, other currency', before: [earlier('succeeded', 2, { price: { minor: 5000, currency: 'USD' } })], expected: 'sells' },
  { why: 'succeeded 2 min ago, amount not chosen yet', before: [earlier('succeeded', 2)], price: null, expected: 'sells' },
  { why: 'failed 2 min ago, same amount: a retry', before: [earlier('failed', 2)], expected: 'sells' },
  { why: 'refund_due 2 min ago, same amount: a retry', before: [earlier('refund_due', 2)], expected: 'sells' },
  { why: 'refunded 2 min ago, same amount: a retry', before: [earlier('refunded', 2)], expected: 'sells' },
  { why: 'six in a row, the last one succeeded a minute ago', before: [1, 2, 3, 4, 5, 6].map((minutes) => earlier('succeeded', minutes)), expected: 'repeat_unconfirmed' },
];

function outcome(row: Row): Outcome {
  const facts = resellFacts(row.before, { phone: '5512345678', country: 'MX', price: row.price === undefined ? PESOS_50 : row.price }, NOW, row.window ?? 10);
  try {
    enforceResellGuard(facts, { ownerOverride: row.ownerOverride ?? false, repeatConfirmed: row.repeatConfirmed ?? false }, (sale) => `at ${sale.createdMs}, ${sale.state}`);
    return 'sells';
  } catch (error) {
    if (error instanceof AppError && (error.code === 'resell_blocked' || error.code === 'repeat_unconfirmed')) return error.code;
    throw error;
  }
}

describe('the duplicate guard', () => {
  it.each(ROWS)('$why → $expected', (row) => {
    expect(outcome(row)).toBe(row.expected);
  });

  it('names the earlier sale (time and state) in the refusal', () => {
    const facts = resellFacts([earlier('unknown', 5)], { phone: '5512345678', country: 'MX', price: PESOS_50 }, NOW, 10);
    expect(() => enforceResellGuard(facts, { ownerOverride: false, repeatConfirmed: false }, () => 'sold at 11:55, now unknown')).toThrow(/sold at 11:55, now unknown/);
  });

  it('answers with the newest matching sale', () => {
    const facts = resellFacts([earlier('succeeded', 8), earlier('succeeded', 3), earlier('unknown', 50), earlier('queued', 20)], { phone: '5512345678', country: 'MX', price: PESOS_50 }, NOW, 10);
    expect(facts.sameRecently?.id).toBe('s-succeeded-3');
    expect(facts.unresolved?.id).toBe('s-queued-20');
  });
});
