import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SALE_STATES, type SaleState } from '../../shared/contract/sales';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { Ledger, StateConflictError } from '../../electron/core/ledger/ledger';
import { canTransition, IllegalTransitionError, isTerminal } from '../../electron/core/ledger/state-machine';
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

/**
 * Every pair of states, written by hand from the sale's life (not read from the code's TRANSITIONS):
 * Y = the ledger allows it, . = it refuses it. Rows are "from", columns are "to".
 * - created: sent at once (online) or queued (offline). Nothing else: it has not been sent.
 * - queued: taken for sending, or failed when it waited longer than the policy allows.
 * - sending: the answer settles it (succeeded, failed, pending, unknown) or proves it was never processed
 *   (back to queued, for the next provider or later).
 * - pending: the provider settles it later (succeeded, failed), or stops knowing it (unknown).
 * - unknown: asking settles it (succeeded, failed, pending), proves it never arrived (queued), or replays the
 *   same key where the provider deduplicates (sending).
 * - failed: the money is owed back (refund_due). refund_due: someone hands it back (refunded).
 * - succeeded and refunded are terminal.
 */
const MATRIX = `
             created queued sending pending unknown succeeded failed refund_due refunded
created         .      Y       Y       .       .        .        .        .         .
queued          .      .       Y       .       .        .        Y        .         .
sending         .      Y       .       Y       Y        Y        Y        .         .
pending         .      .       .       .       Y        Y        Y        .         .
unknown         .      Y       Y       Y       .        Y        Y        .         .
succeeded       .      .       .       .       .        .        .        .         .
failed          .      .       .       .       .        .        .        Y         .
refund_due      .      .       .       .       .        .        .        .         Y
refunded        .      .       .       .       .        .        .        .         .
`;

function parseMatrix(text: string): { legal: Array<[SaleState, SaleState]>; illegal: Array<[SaleState, SaleState]> } {
  const [header, ...rows] = text.trim().split('\n').map((line) => line.trim().split(/\s+/));
  const columns = (header ?? []) as SaleState[];
  const legal: Array<[SaleState, SaleState]> = [];
  const illegal: Array<[SaleState, SaleState]> = [];
  for (const [from, ...marks] of rows) {
    marks.forEach((mark, index) => (mark === 'Y' ? legal : illegal).push([from as SaleState, columns[index] as SaleState]));
  }
  return { legal, illegal };
}

const { legal: LEGAL, illegal: ILLEGAL } = parseMatrix(MATRIX);

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
  it('the table covers every pair of states exactly once', () => {
    const pairs = [...LEGAL, ...ILLEGAL].map(([from, to]) => `${from}>${to}`);
    expect(new Set(pairs).size).toBe(SALE_STATES.length * SALE_STATES.length);
    for (const from of SALE_STATES) for (const to of SALE_STATES) expect(pairs).toContain(`${from}>${to}`);
  });

  it('agrees with canTransition on every pair; only succeeded and refunded are terminal', () => {
    for (const [from, to] of LEGAL) expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    for (const [from, to] of ILLEGAL) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
    expect(SALE_STATES.filter((state) => isTerminal(state))).toEqual(['succeeded', 'refunded']);
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
