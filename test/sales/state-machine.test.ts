import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SALE_STATES, type SaleState } from '../../shared/contract/sales';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { Ledger, StateConflictError } from '../../electron/core/ledger/ledger';
import { canTransition, IllegalTransitionError, isTerminal, TRANSITIONS } from '../../electron/core/ledger/state-machine';
import { tempDir } from './fakes';

let dir: string;
let db: Database;
let ledger: Ledger;

/** A path from `created` to each state, through legal transitions only. */
const PATH: Record<SaleState, SaleState[]> = {
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

function saleIn(state: SaleState): string {
  const id = randomUUID();
  ledger.createSale({ id, requestId: randomUUID(), idempotencyKey: randomUUID(), cashierId: 'u', shiftId: 's', provider: 'relier', country: 'MX', carrier: 'Telcel', sku: null, phone: '5512345678', price: { minor: 2000, currency: 'MXN' } });
  let from: SaleState = 'created';
  for (const next of PATH[state]) {
    ledger.transition(id, from, next);
    from = next;
  }
  return id;
}

const LEGAL: Array<[SaleState, SaleState]> = [];
const ILLEGAL: Array<[SaleState, SaleState]> = [];
for (const from of SALE_STATES) for (const to of SALE_STATES) (TRANSITIONS[from].includes(to) ? LEGAL : ILLEGAL).push([from, to]);

beforeEach(() => {
  dir = tempDir();
  db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  ledger = new Ledger(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the state machine', () => {
  it('matches the design: terminal states have no way out', () => {
    expect(LEGAL.length).toBe(19);
    for (const state of SALE_STATES) expect(isTerminal(state)).toBe(TRANSITIONS[state].length === 0);
    expect(canTransition(null, 'created')).toBe(true);
    expect(canTransition(null, 'queued')).toBe(false);
  });

  it.each(LEGAL)('allows %s → %s through the ledger, appending one event', (from, to) => {
    const id = saleIn(from);
    const before = ledger.events(id).length;
    const after = ledger.transition(id, from, to);
    expect(after.state).toBe(to);
    const events = ledger.events(id);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ fromState: from, toState: to });
    expect(ledger.verify().ok).toBe(true);
  });

  it.each(ILLEGAL)('refuses %s → %s and changes nothing', (from, to) => {
    const id = saleIn(from);
    const events = ledger.events(id).length;
    expect(() => ledger.transition(id, from, to)).toThrow(IllegalTransitionError);
    expect(ledger.get(id)?.state).toBe(from);
    expect(ledger.events(id).length).toBe(events);
  });

  it('compare-and-set: a second sender cannot take a sale already taken', () => {
    const id = saleIn('queued');
    ledger.claimForSending(id, 'queued', { provider: 'relier', idempotencyKey: randomUUID(), kind: 'topup' });
    expect(() => ledger.claimForSending(id, 'queued', { provider: 'relier', idempotencyKey: randomUUID(), kind: 'topup' })).toThrow(StateConflictError);
    expect(ledger.attempts(id)).toHaveLength(1);
    expect(ledger.get(id)?.attempts).toBe(1);
  });

  it('the database itself refuses to move a terminal sale', () => {
    const id = saleIn('succeeded');
    expect(() => db.prepare("UPDATE sales SET state = 'failed' WHERE id = ?").run(id)).toThrow(/terminal/);
    const refunded = saleIn('refunded');
    expect(() => db.prepare("UPDATE sales SET state = 'refund_due' WHERE id = ?").run(refunded)).toThrow(/terminal/);
  });

  it('a claim records the attempt in the same transaction as the state change', () => {
    const id = saleIn('created');
    const { attemptNo, sale } = ledger.claimForSending(id, 'created', { provider: 'mobisend', idempotencyKey: 'key-1', kind: 'topup', sku: 'S1' });
    expect(attemptNo).toBe(1);
    expect(sale).toMatchObject({ state: 'sending', provider: 'mobisend', idempotencyKey: 'key-1', sku: 'S1', attempts: 1 });
    expect(ledger.attempts(id)[0]).toMatchObject({ provider: 'mobisend', idempotencyKey: 'key-1', outcome: null });
  });
});
