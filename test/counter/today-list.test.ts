/**
 * Today's list in the core: pages that follow each other without a gap or a repeat, a search by the number's
 * last digits or by folio, a filter by states, the match count and the day's totals.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { SalesQueries } from '../../electron/core/ledger/sales-queries';
import { SalesRepository } from '../../electron/core/ledger/sales-repository';

let db: Database;
let queries: SalesQueries;
const DAY_START = Date.parse('2026-11-30T06:00:00Z');

/** 130 sales a minute apart from the day's start; every tenth owed back; sale i has folio F-i and a number ending in i. */
function fillDay(): string[] {
  const repo = new SalesRepository(db);
  const ids: string[] = [];
  const settle = db.prepare('UPDATE sales SET state = ?, provider_transaction_id = ? WHERE id = ?');
  for (let index = 0; index < 130; index += 1) {
    const id = randomUUID();
    const ms = DAY_START + index * 60_000;
    repo.insertSale(
      { id, requestId: randomUUID(), idempotencyKey: randomUUID(), cashierId: 'c', shiftId: 's', provider: 'relier', country: 'MX', carrier: 'Telcel', sku: null, phone: `55120${String(index).padStart(5, '0')}`, price: { minor: 2000, currency: 'MXN' } },
      new Date(ms).toISOString(),
      ms,
    );
    settle.run(index % 10 === 0 ? 'refund_due' : 'succeeded', `F-${index}`, id);
    ids.push(id);
  }
  // Yesterday's sale is not today's.
  repo.insertSale({ id: 'old', requestId: randomUUID(), idempotencyKey: randomUUID(), cashierId: 'c', shiftId: 's', provider: 'relier', country: 'MX', carrier: 'Telcel', sku: null, phone: '5512000007', price: { minor: 9900, currency: 'MXN' } }, new Date(DAY_START - 1000).toISOString(), DAY_START - 1000);
  return ids;
}

beforeEach(() => {
  db = openDatabase({ file: ':memory:' });
  queries = new SalesQueries(db);
});
afterEach(() => db.close());

describe("today's list", () => {
  it('pages newest first, 50 at a time, every sale of the day exactly once', () => {
    const ids = fillDay();
    const seen: string[] = [];
    let page = queries.salesPage({ sinceMs: DAY_START, limit: 50 });
    expect(page.matched).toBe(130);
    seen.push(...page.sales.map((sale) => sale.id));
    while (page.more) {
      page = queries.salesPage({ sinceMs: DAY_START, limit: 50, afterSaleId: seen.at(-1)! });
      seen.push(...page.sales.map((sale) => sale.id));
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('finds a sale by the last digits of its number and by its folio', () => {
    fillDay();
    expect(queries.salesPage({ sinceMs: DAY_START, limit: 50, search: '00042' }).sales.map((sale) => sale.providerTransactionId)).toEqual(['F-42']);
    expect(queries.salesPage({ sinceMs: DAY_START, limit: 50, search: 'f-129' }).sales.map((sale) => sale.phone)).toEqual(['5512000129']);
    // "7": every sale of today whose number ends in 7 or whose folio holds a 7, none of yesterday.
    const sevens = queries.salesPage({ sinceMs: DAY_START, limit: 200, search: '7' });
    expect(sevens.sales.every((sale) => sale.phone.endsWith('7') || sale.providerTransactionId!.includes('7'))).toBe(true);
    expect(sevens.sales.some((sale) => sale.id === 'old')).toBe(false);
    // A % typed in the box is a character, not a wildcard.
    expect(queries.salesPage({ sinceMs: DAY_START, limit: 50, search: '%' }).matched).toBe(0);
  });

  it('filters by states and counts the day per state', () => {
    fillDay();
    const owed = queries.salesPage({ sinceMs: DAY_START, limit: 50, states: ['refund_due'] });
    expect(owed.matched).toBe(13);
    expect(owed.sales.every((sale) => sale.state === 'refund_due')).toBe(true);
    const totals = queries.stateTotals(DAY_START).sort((a, b) => a.state.localeCompare(b.state));
    expect(totals).toEqual([
      { state: 'refund_due', count: 13, amount: { minor: 13 * 2000, currency: 'MXN' } },
      { state: 'succeeded', count: 117, amount: { minor: 117 * 2000, currency: 'MXN' } },
    ]);
  });
});
