import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, databaseFileIn } from '../../electron/core/db/open';
import { createJournal, JOURNAL_GENESIS_HASH } from '../../electron/core/journal/journal';

const folders: string[] = [];
function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-journal-'));
  folders.push(dir);
  return openDatabase({ file: databaseFileIn(dir) });
}
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the journal', () => {
  it('keeps entries in order with who, when and what, and verifies', () => {
    const db = freshDb();
    let t = Date.parse('2026-11-30T10:00:00Z');
    const journal = createJournal(db, () => new Date((t += 1000)));
    expect(journal.head()).toEqual({ seq: 0, hash: JOURNAL_GENESIS_HASH });
    journal.append({ kind: 'settings.changed', actorId: 'owner-1', subject: 'receiptWidthMm', detail: { from: 58, to: 80 } });
    journal.append({ kind: 'user.added', actorId: 'owner-1', subject: 'cashier-2', detail: { role: 'cashier' } });
    const entries = journal.entries();
    expect(entries.map((entry) => [entry.seq, entry.kind, entry.actorId, entry.subject])).toEqual([
      [1, 'settings.changed', 'owner-1', 'receiptWidthMm'],
      [2, 'user.added', 'owner-1', 'cashier-2'],
    ]);
    expect(entries[0]?.at).toBe('2026-11-30T10:00:01.000Z');
    expect(entries[0]?.detail).toEqual({ from: 58, to: 80 });
    expect(journal.entries({ kind: 'user.added' })).toHaveLength(1);
    expect(journal.entries({ afterSeq: 1 }).map((entry) => entry.seq)).toEqual([2]);
    expect(journal.verify()).toEqual({ ok: true, entries: 2, head: entries[1]?.hash, firstBroken: null });
    expect(journal.head().hash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('refuses updates and deletes, and a kind that is not "domain.verb"', () => {
    const db = freshDb();
    const journal = createJournal(db);
    journal.append({ kind: 'shift.opened', actorId: 'c', detail: { float: 50000 } });
    expect(() => db.prepare("UPDATE journal SET detail = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    expect(() => journal.append({ kind: 'Shift opened', actorId: 'c', detail: {} })).toThrow(/domain\.verb/);
    expect(journal.entries()).toHaveLength(1);
    db.close();
  });

  it('an entry rolled back with its change leaves no trace', () => {
    const db = freshDb();
    const journal = createJournal(db);
    const failing = db.transaction(() => {
      journal.append({ kind: 'cash.moved', actorId: 'c', detail: { minor: 20000, currency: 'MXN' } });
      throw new Error('the change itself failed');
    });
    expect(() => failing()).toThrow('the change itself failed');
    expect(journal.entries()).toHaveLength(0);
    db.close();
  });

  it('finds an entry edited behind its back (triggers dropped) at that entry', () => {
    const db = freshDb();
    const journal = createJournal(db);
    for (let i = 1; i <= 3; i += 1) journal.append({ kind: 'cash.moved', actorId: 'c', detail: { minor: i * 100, currency: 'MXN' } });
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET detail = '{"minor":1,"currency":"MXN"}' WHERE seq = 2`).run();
    const report = journal.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
    db.close();
  });
});
