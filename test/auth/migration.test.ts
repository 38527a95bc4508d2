/** Migration 3 on a folder written before roles and the one keypad lock existed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS, migrate, schemaVersion } from '../../electron/core/db/migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 3: roles, demo and disabled users, one keypad lock, owner overrides', () => {
  it('keeps every user, marks the demo ones, and carries a running lock over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saldo-m3-'));
    dirs.push(dir);
    const db = openDatabase({ file: join(dir, 'saldo.sqlite'), migrate: false });
    migrate(db, MIGRATIONS, 2);
    const insert = db.prepare('INSERT INTO users (id, name, role, pin_hash, pin_salt, failed_attempts, locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('u1', 'Cajero demo', 'cashier', 'h1', 's1', 5, 1_700_000_300_000, '2025-01-01T00:00:00Z');
    insert.run('u2', 'Dueño demo', 'owner', 'h2', 's2', 5, 1_700_000_300_000, '2025-01-01T00:00:00Z');
    insert.run('u3', 'Ana', 'owner', 'h3', 's3', 5, 1_700_000_300_000, '2025-01-02T00:00:00Z');
    expect(migrate(db, MIGRATIONS, 3)).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT id, name, role, pin_hash, demo, disabled_at FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', name: 'Cajero demo', role: 'cashier', pin_hash: 'h1', demo: 1, disabled_at: null },
      { id: 'u2', name: 'Dueño demo', role: 'owner', pin_hash: 'h2', demo: 1, disabled_at: null },
      { id: 'u3', name: 'Ana', role: 'owner', pin_hash: 'h3', demo: 0, disabled_at: null },
    ]);
    expect(db.prepare('SELECT failures, locked_until_ms FROM auth_lockout').all()).toEqual([{ failures: 5, locked_until_ms: 1_700_000_300_000 }]);
    db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('u4', 'Tere', 'tech', 'h', 's', 'now')").run();
    expect(() => db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('u5', 'X', 'boss', 'h', 's', 'now')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM owner_overrides').get()).toEqual({ n: 0 });
    db.close();
  });
});
