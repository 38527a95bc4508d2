import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { Ledger, type NewSale } from '../../electron/core/ledger/ledger';
import { eventHash, verifyChain } from '../../electron/core/ledger/chain';
import { SalesRepository } from '../../electron/core/ledger/sales-repository';
import { tempDir } from '../sales/fakes';

let dir: string;
let db: Database;
let ledger: Ledger;

function newSale(): NewSale {
  return {
    id: randomUUID(),
    requestId: randomUUID(),
    idempotencyKey: randomUUID(),
    cashierId: 'u1',
    shiftId: 'shift-x',
    provider: 'relier',
    country: 'MX',
    carrier: 'Telcel',
    sku: null,
    phone: '5512345678',
    price: { minor: 5000, currency: 'MXN' },
  };
}

/** Three sales, nine events: created→sending→succeeded, created→queued, created→sending→unknown→succeeded. */
function seed(): string[] {
  const a = ledger.createSale(newSale()).id;
  const b = ledger.createSale(newSale()).id;
  ledger.transition(a, 'created', 'sending');
  ledger.transition(b, 'created', 'queued');
  ledger.transition(a, 'sending', 'succeeded');
  const c = ledger.createSale(newSale()).id;
  ledger.transition(c, 'created', 'sending');
  ledger.transition(c, 'sending', 'unknown');
  ledger.transition(c, 'unknown', 'succeeded');
  return [a, b, c];
}

/** What a tamperer with the raw file could do: drop the guards. */
function dropGuards(): void {
  db.exec('DROP TRIGGER sale_events_no_update; DROP TRIGGER sale_events_no_delete; DROP TRIGGER sale_events_gapless;');
}

beforeEach(() => {
  dir = tempDir();
  db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  ledger = new Ledger(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hash-chained history', () => {
  it('verifies an untouched ledger', () => {
    seed();
    expect(verifyChain(new SalesRepository(db))).toEqual({ ok: true, events: 9, sales: 3, firstBroken: null });
  });

  it('triggers refuse UPDATE and DELETE of history and a gap in the sequence', () => {
    seed();
    expect(() => db.prepare("UPDATE sale_events SET detail = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM sale_events WHERE seq = 9').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO sale_events (seq, sale_id, at, from_state, to_state, detail, prev_hash, hash) SELECT 42, sale_id, at, NULL, 'created', NULL, 'x', 'y' FROM sale_events LIMIT 1").run()).toThrow(/without gaps/);
    expect(() => db.prepare('DELETE FROM sales').run()).toThrow(/never deleted/);
    expect(verifyChain(new SalesRepository(db)).ok).toBe(true);
  });

  it('reports an edited row as the first broken link', () => {
    seed();
    dropGuards();
    db.prepare("UPDATE sale_events SET detail = 'edited' WHERE seq = 4").run();
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 4, reason: 'hash_mismatch' });
  });

  it('reports an edited row even when its own hash was recomputed (the next link breaks)', () => {
    seed();
    dropGuards();
    const row = db.prepare('SELECT * FROM sale_events WHERE seq = 5').get() as { seq: number; sale_id: string; at: string; from_state: string | null; to_state: string; prev_hash: string };
    const forged = eventHash(row.prev_hash, { seq: 5, saleId: row.sale_id, at: row.at, fromState: row.from_state, toState: row.to_state, detail: 'forged' });
    db.prepare("UPDATE sale_events SET detail = 'forged', hash = ? WHERE seq = 5").run(forged);
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 6, reason: 'prev_hash_mismatch' });
  });

  it('reports a deleted row', () => {
    seed();
    dropGuards();
    db.prepare('DELETE FROM sale_events WHERE seq = 3').run();
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });

  it('reports a deleted last row (the sale no longer matches its history)', () => {
    const [, , c] = seed();
    dropGuards();
    db.prepare('DELETE FROM sale_events WHERE seq = 9').run();
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ saleId: c, reason: 'state_mismatch' });
  });

  it('reports an inserted row', () => {
    const [, b] = seed();
    dropGuards();
    // Shift rows 6.. up by one and slip a made-up event in at 6.
    const rows = db.prepare('SELECT * FROM sale_events WHERE seq >= 6 ORDER BY seq DESC').all() as Array<{ seq: number }>;
    for (const row of rows) db.prepare('UPDATE sale_events SET seq = ? WHERE seq = ?').run(row.seq + 1, row.seq);
    const prev = db.prepare('SELECT hash FROM sale_events WHERE seq = 5').get() as { hash: string };
    // A plausible event: sale b was queued at that point, and queued → sending is legal.
    const fields = { seq: 6, saleId: b ?? '', at: new Date().toISOString(), fromState: 'queued', toState: 'sending', detail: null };
    db.prepare('INSERT INTO sale_events (seq, sale_id, at, from_state, to_state, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(6, fields.saleId, fields.at, fields.fromState, fields.toState, null, prev.hash, eventHash(prev.hash, fields));
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 7, reason: 'prev_hash_mismatch' });
  });

  it('reports an inserted row appended at the end with a made-up hash', () => {
    const [a] = seed();
    dropGuards();
    db.prepare("INSERT INTO sale_events (seq, sale_id, at, from_state, to_state, detail, prev_hash, hash) VALUES (10, ?, 'now', 'succeeded', 'refunded', NULL, 'bogus', 'bogus')").run(a);
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 10, reason: 'prev_hash_mismatch' });
  });

  it('reports reordered rows', () => {
    seed();
    dropGuards();
    db.prepare('UPDATE sale_events SET seq = -1 WHERE seq = 4').run();
    db.prepare('UPDATE sale_events SET seq = 4 WHERE seq = 5').run();
    db.prepare('UPDATE sale_events SET seq = 5 WHERE seq = -1').run();
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 4, reason: 'prev_hash_mismatch' });
  });

  it('reports an event that the state machine forbids, even with a correct hash', () => {
    const [a] = seed();
    const last = db.prepare('SELECT seq, hash FROM sale_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const fields = { seq: last.seq + 1, saleId: a ?? '', at: 'now', fromState: 'succeeded', toState: 'failed', detail: null };
    db.prepare('INSERT INTO sale_events (seq, sale_id, at, from_state, to_state, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(fields.seq, fields.saleId, 'now', 'succeeded', 'failed', null, last.hash, eventHash(last.hash, fields));
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ seq: 10, reason: 'illegal_transition' });
  });

  it('reports a sale whose state was changed without an event', () => {
    const [a] = seed();
    db.exec('DROP TRIGGER sales_terminal');
    db.prepare("UPDATE sales SET state = 'failed' WHERE id = ?").run(a);
    expect(verifyChain(new SalesRepository(db)).firstBroken).toMatchObject({ saleId: a, reason: 'state_mismatch' });
  });
});
