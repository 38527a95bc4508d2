/**
 * The owed-back rule, written from the README's semantics: only a failed sale becomes owed back (refund_due),
 * and its history says why, in the same words every time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SaleState } from '../../shared/contract/sales';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { Ledger } from '../../electron/core/ledger/ledger';
import { oweBack } from '../../electron/core/sales/owed-back';

/** How to bring a new sale to each state, step by step (written by hand from the sale's life). */
const PATHS: Record<SaleState, SaleState[]> = {
  created: [],
  queued: ['queued'],
  sending: ['sending'],
  pending: ['sending', 'pending'],
  unknown: ['sending', 'unknown'],
  succeeded: ['sending', 'succeeded'],
  failed: ['sending', 'failed'],
  refund_due: ['sending', 'failed', 'refund_due'],
  refunded: ['sending', 'failed', 'refund_due', 'refunded'],
};

const OWED_BACK_FROM: SaleState[] = ['failed'];

let db: Database;
let ledger: Ledger;

beforeEach(() => {
  db = openDatabase({ file: ':memory:' });
  ledger = new Ledger(db);
});
afterEach(() => db.close());

function saleIn(state: SaleState): string {
  const id = randomUUID();
  ledger.createSale({
    id,
    requestId: randomUUID(),
    idempotencyKey: randomUUID(),
    cashierId: 'u1',
    shiftId: 'shift-1',
    provider: 'relier',
    country: 'MX',
    carrier: 'Telcel',
    sku: null,
    phone: '5512345678',
    price: { minor: 5000, currency: 'MXN' },
  });
  let from: SaleState = 'created';
  for (const to of PATHS[state]) {
    ledger.transition(id, from, to);
    from = to;
  }
  return id;
}

describe('owed back: failed → refund_due', () => {
  it.each(Object.keys(PATHS) as SaleState[])('from %s', (state) => {
    const id = saleIn(state);
    if (OWED_BACK_FROM.includes(state)) {
      expect(oweBack(ledger, id).state).toBe('refund_due');
      const last = ledger.events(id).at(-1);
      expect(last).toMatchObject({ fromState: 'failed', toState: 'refund_due' });
      expect(JSON.parse(last?.detail ?? '{}')).toEqual({ reason: 'the customer paid before it was sent; the money is owed back' });
    } else {
      expect(() => oweBack(ledger, id)).toThrow();
      expect(ledger.mustGet(id).state).toBe(state);
    }
  });
});
