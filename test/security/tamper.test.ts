/**
 * Someone with the SQLite file edits the sale history by hand: changes an amount, a number or a state, deletes
 * an event, inserts one, swaps two, edits a hash. Every such edit is caught by `npm run cli -- verify` (spawned
 * a few times; the other runs call the same verifyLedger in-process), which also prints the chain's head hash.
 * The editor works on rows, as a person with a SQLite browser would, and first drops the append-only triggers.
 *
 * Randomized: the seed is printed and SALDO_SEED replays it. SALDO_TAMPER_RUNS sets the number of edits
 * (default 1,000, in-process).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../electron/cli/ledger-commands';
import { databaseFileIn, openDatabase } from '../../electron/core/db/open';
import { eventHash, type StoredEvent } from '../../electron/core/ledger/chain';
import { Ledger } from '../../electron/core/ledger/ledger';
import type { SaleState } from '../../shared/contract/sales';
import { seededRandomForTest } from '../sales/seed-for-test';
import type { SeededRandom } from '../sales/seeded-random';

const RUNS = Number(process.env.SALDO_TAMPER_RUNS ?? 1000);
const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
/** Memory-backed where there is one: a thousand copies and checks of a small file, not a disk benchmark. */
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** The paths real sales take through the state machine. */
const PATHS: SaleState[][] = [
  ['created', 'sending', 'succeeded'],
  ['created', 'queued', 'sending', 'failed', 'refund_due', 'refunded'],
  ['created', 'sending', 'unknown', 'succeeded'],
  ['created', 'sending', 'pending', 'succeeded'],
  ['created', 'sending', 'failed'],
  ['created', 'queued'],
];

let pristineDir: string;
let workDir: string;

/** A ledger of 24 sales written through the Ledger itself, as the app writes them. */
function buildLedger(dir: string): void {
  const db = openDatabase({ file: databaseFileIn(dir) });
  let now = Date.parse('2026-11-20T15:00:00Z');
  const ledger = new Ledger(db, { now: () => (now += 1000) });
  for (let index = 0; index < 24; index += 1) {
    const id = `sale-${index}`;
    ledger.createSale({ id, requestId: `req-${index}`, idempotencyKey: `key-${index}`, cashierId: 'cashier', shiftId: 'shift', provider: 'relier', country: 'MX', carrier: 'Telcel', sku: null, phone: `55123456${String(index).padStart(2, '0')}`, price: { minor: 2000 + 1000 * (index % 5), currency: 'MXN' } });
    const path = PATHS[index % PATHS.length] ?? [];
    for (let step = 1; step < path.length; step += 1) ledger.transition(id, path[step - 1] as SaleState, path[step] as SaleState, {}, step % 2 ? JSON.stringify({ step }) : null);
  }
  db.close();
}

/** One sale_events row as stored (the ledger's own row type: the tamperer edits exactly what is on disk). */
type EventRow = StoredEvent;

const hex = (random: SeededRandom): string => Array.from({ length: 64 }, () => '0123456789abcdef'[random.int(16)]).join('');

/** One kind of hand edit each; every one changes something. Returns what it did, for the failure message. */
const EDITS: Record<string, (db: BetterSqlite3.Database, random: SeededRandom, events: EventRow[]) => string> = {
  'change an amount': (db, random) => {
    const id = `sale-${random.int(24)}`;
    const delta = random.pick([-1, 1, 100, -100, 1000, 99_900]) ?? 1;
    db.prepare('UPDATE sales SET price_minor = MAX(1, price_minor + ?) WHERE id = ? AND price_minor + ? > 0').run(delta, id, delta);
    db.prepare('UPDATE sales SET price_minor = price_minor + 7 WHERE id = ? AND changes() = 0').run(id);
    return `amount of ${id} by ${delta}`;
  },
  'change a number or carrier': (db, random) => {
    const id = `sale-${random.int(24)}`;
    if (random.next() < 0.5) db.prepare("UPDATE sales SET phone = '5599999999' WHERE id = ?").run(id);
    else db.prepare("UPDATE sales SET carrier = 'AT&T' WHERE id = ?").run(id);
    return `number or carrier of ${id}`;
  },
  'change a sale state': (db, random) => {
    const id = `sale-${random.int(24)}`;
    db.prepare("UPDATE sales SET state = CASE state WHEN 'succeeded' THEN 'refunded' ELSE 'succeeded' END WHERE id = ?").run(id);
    return `state of ${id}`;
  },
  'delete an event': (db, random, events) => {
    const seq = random.int(1, events.length + 1);
    db.prepare('DELETE FROM sale_events WHERE seq = ?').run(seq);
    return `deleted event ${seq}`;
  },
  'insert an event': (db, random, events) => {
    const last = events[events.length - 1] as EventRow;
    const sale = events[random.int(events.length)] as EventRow;
    // At the end with a correctly computed hash: it links, but the sale row no longer matches its history.
    const fields = { seq: last.seq + 1, saleId: sale.sale_id, at: new Date().toISOString(), fromState: 'refund_due', toState: 'refunded', detail: null };
    db.prepare('INSERT INTO sale_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(fields.seq, fields.saleId, fields.at, fields.fromState, fields.toState, null, last.hash, eventHash(last.hash, fields));
    return `inserted event ${fields.seq} for ${sale.sale_id}`;
  },
  'insert an event in the middle': (db, random, events) => {
    const at = random.int(1, events.length + 1);
    db.prepare('UPDATE sale_events SET seq = seq + 1000000 WHERE seq >= ?').run(at);
    db.prepare('UPDATE sale_events SET seq = seq - 1000000 + 1 WHERE seq >= 1000000').run();
    const donor = events[random.int(events.length)] as EventRow;
    db.prepare('INSERT INTO sale_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(at, donor.sale_id, donor.at, donor.from_state, donor.to_state, donor.detail, donor.prev_hash, donor.hash);
    return `inserted a copy of event ${donor.seq} at ${at}`;
  },
  'reorder two events': (db, random, events) => {
    const a = random.int(1, events.length + 1);
    let b = random.int(1, events.length + 1);
    if (b === a) b = a === events.length ? 1 : a + 1;
    db.prepare('UPDATE sale_events SET seq = -seq WHERE seq IN (?, ?)').run(a, b);
    db.prepare('UPDATE sale_events SET seq = CASE seq WHEN ? THEN ? ELSE ? END WHERE seq IN (?, ?)').run(-a, b, a, -a, -b);
    return `swapped events ${a} and ${b}`;
  },
  'edit a hash': (db, random, events) => {
    const seq = random.int(1, events.length + 1);
    db.prepare(`UPDATE sale_events SET ${random.next() < 0.5 ? 'hash' : 'prev_hash'} = ? WHERE seq = ?`).run(hex(random), seq);
    return `hash of event ${seq}`;
  },
  'edit an event field': (db, random, events) => {
    const seq = random.int(1, events.length + 1);
    const row = events[seq - 1] as EventRow;
    const column = random.pick(['at', 'detail', 'sale_id', 'to_state'] as const) ?? 'at';
    const value = column === 'at' ? '2026-01-01T00:00:00.000Z' : column === 'detail' ? `${row.detail ?? ''}x` : column === 'sale_id' ? (row.sale_id === 'sale-0' ? 'sale-1' : 'sale-0') : row.to_state === 'succeeded' ? 'failed' : 'succeeded';
    db.prepare(`UPDATE sale_events SET ${column} = ? WHERE seq = ?`).run(value, seq);
    return `${column} of event ${seq}`;
  },
};

/** A fresh copy of the untouched ledger in the work folder, edited by hand. */
function tamper(kind: string, random: SeededRandom): string {
  for (const suffix of ['', '-wal', '-shm']) rmSync(databaseFileIn(workDir) + suffix, { force: true });
  copyFileSync(databaseFileIn(pristineDir), databaseFileIn(workDir));
  const db = new BetterSqlite3(databaseFileIn(workDir));
  try {
    db.pragma('synchronous = OFF');
    for (const { name } of db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()) db.exec(`DROP TRIGGER ${name}`);
    const events = db.prepare<[], EventRow>('SELECT * FROM sale_events ORDER BY seq').all();
    return EDITS[kind]?.(db, random, events) ?? '';
  } finally {
    db.close();
  }
}

beforeAll(() => {
  pristineDir = mkdtempSync(join(scratch, 'saldo-tamper-pristine-'));
  workDir = mkdtempSync(join(scratch, 'saldo-tamper-work-'));
  buildLedger(pristineDir);
});

afterAll(() => {
  rmSync(pristineDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

describe('tampering with the sale history', () => {
  it('the untouched ledger verifies, and its head is the last event hash', () => {
    const report = verifyLedger(pristineDir);
    expect(report).toMatchObject({ ok: true, integrity: ['ok'], chain: { ok: true, firstBroken: null } });
    expect(report.chain.head).toMatch(/^[0-9a-f]{64}$/);
    expect(report.chain.head).not.toBe('0'.repeat(64));
  });

  it(`each of ${RUNS} random hand edits is caught by verify`, { timeout: 120_000 }, () => {
    const random = seededRandomForTest('tamper');
    const kinds = Object.keys(EDITS);
    const missed: string[] = [];
    const caughtByKind = new Map<string, number>();
    const started = Date.now();
    for (let run = 0; run < RUNS; run += 1) {
      const kind = kinds[run % kinds.length] as string;
      const what = tamper(kind, random);
      const report = verifyLedger(workDir);
      if (report.ok) missed.push(`${kind}: ${what}`);
      else caughtByKind.set(kind, (caughtByKind.get(kind) ?? 0) + 1);
    }
    console.log(`tamper: ${RUNS} edits in ${Date.now() - started} ms, caught per kind ${JSON.stringify(Object.fromEntries(caughtByKind))}`);
    expect(missed).toEqual([]);
  });

  it('npm run cli -- verify, spawned: exit 0 with chain.head on the untouched ledger, exit 1 after edits', async () => {
    const run = async (dataDir: string) => {
      try {
        const { stdout } = await promisify(execFile)(tsx, ['electron/cli/main.ts', 'verify'], { cwd: root, env: { ...process.env, SALDO_DATA_DIR: dataDir } });
        return { code: 0, report: JSON.parse(stdout) as { ok: boolean; chain: { head: string; firstBroken: unknown } } };
      } catch (error) {
        const failed = error as { code: number; stdout: string };
        return { code: failed.code, report: JSON.parse(failed.stdout) as { ok: boolean; chain: { head: string; firstBroken: unknown } } };
      }
    };
    const untouched = await run(pristineDir);
    expect(untouched.code).toBe(0);
    expect(untouched.report.chain.head).toBe(verifyLedger(pristineDir).chain.head);
    const random = seededRandomForTest('tamper-cli');
    for (const kind of ['change an amount', 'reorder two events']) {
      tamper(kind, random);
      const tampered = await run(workDir);
      expect([kind, tampered.code, tampered.report.ok]).toEqual([kind, 1, false]);
      expect(tampered.report.chain.firstBroken).not.toBeNull();
    }
  }, 60_000);
});
