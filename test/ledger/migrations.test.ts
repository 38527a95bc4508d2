import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { openDatabase, integrityCheck } from '../../electron/core/db/open';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from '../../electron/core/db/migrations';
import { tempDir } from '../sales/fakes';

const dirs: string[] = [];
function freshFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir, 'saldo.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tables(db: BetterSqlite3.Database): Map<string, string> {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string; sql: string }>;
  return new Map(rows.map((row) => [row.name, row.sql]));
}

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout explicitly', () => {
    const db = openDatabase({ file: freshFile(), busyTimeoutMs: 1234 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(integrityCheck(db)).toEqual(['ok']);
    db.close();
  });

  it('migrations are numbered 1..n in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });
});

describe('migration 1: users, settings, sales ledger', () => {
  it('creates STRICT tables with the columns other modules build on', () => {
    const db = openDatabase({ file: freshFile(), migrate: false });
    expect(migrate(db, MIGRATIONS, 1)).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    const all = tables(db);
    for (const name of ['users', 'settings', 'sales', 'attempts', 'sale_events']) {
      expect(all.get(name), name).toMatch(/STRICT\s*$/);
    }
    const userColumns = (db.prepare('PRAGMA table_info(users)').all() as Array<{ name: string }>).map((column) => column.name);
    expect(userColumns).toEqual(['id', 'name', 'role', 'pin_hash', 'pin_salt', 'failed_attempts', 'locked_until', 'created_at']);
    expect(() => db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('u', 'A', 'boss', 'h', 's', 'now')").run()).toThrow(/CHECK/);
    const saleColumns = (db.prepare('PRAGMA table_info(sales)').all() as Array<{ name: string; type: string }>).map((column) => `${column.name}:${column.type}`);
    expect(saleColumns).toEqual(expect.arrayContaining(['price_minor:INTEGER', 'price_currency:TEXT', 'cost_minor:INTEGER', 'cost_currency:TEXT', 'exchange_rate:TEXT', 'request_id:TEXT', 'idempotency_key:TEXT', 'cashier_id:TEXT', 'shift_id:TEXT']));
    // STRICT: money cannot be stored as a float.
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')").run();
    expect(() =>
      db
        .prepare(`INSERT INTO sales (id, request_id, idempotency_key, created_at, created_ms, updated_at, cashier_id, shift_id, provider, country, carrier, phone, price_minor, price_currency, state)
          VALUES ('s', 'r', 'k', 'now', 1, 'now', 'c', 'sh', 'relier', 'MX', 'Telcel', '5512345678', 50.5, 'MXN', 'created')`)
        .run(),
    ).toThrow(/cannot store REAL value in INTEGER column/);
    // The listing query uses the state index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM sales WHERE state IN ('queued') ORDER BY created_ms").all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/sales_state_created/);
    db.close();
  });
});

describe('migration 2: offline caches', () => {
  it('adds catalog, balance and connectivity caches on top of version 1', () => {
    const db = openDatabase({ file: freshFile(), migrate: false });
    migrate(db, MIGRATIONS, 1);
    expect(tables(db).has('catalog_cache')).toBe(false);
    expect(migrate(db, MIGRATIONS, 2)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    const all = tables(db);
    for (const name of ['catalog_cache', 'balance_cache', 'connectivity_cache']) expect(all.get(name), name).toMatch(/STRICT\s*$/);
    expect(migrate(db, MIGRATIONS, 2)).toEqual([]);
    db.close();
  });
});

describe('migration 4: connectivity history', () => {
  it('adds the history of provider reachability on top of version 3, and runs once', () => {
    const db = openDatabase({ file: freshFile(), migrate: false });
    migrate(db, MIGRATIONS, 3);
    expect(tables(db).has('connectivity_history')).toBe(false);
    expect(migrate(db, MIGRATIONS, 4)).toEqual([4]);
    expect(schemaVersion(db)).toBe(4);
    expect(tables(db).get('connectivity_history')).toMatch(/STRICT\s*$/);
    expect(migrate(db, MIGRATIONS, 4)).toEqual([]);
    db.close();
  });
});

describe('the migration runner', () => {
  it('refuses a database from a newer app with a clear message, and leaves it untouched', () => {
    const file = freshFile();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.close();
    expect(() => openDatabase({ file })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase({ file })).toThrow(/newer version of Saldo/);
    const again = new BetterSqlite3(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(tables(again).has('future')).toBe(true);
    again.close();
  });

  it('runs migrations and the version bump in one transaction: a failing migration changes nothing', () => {
    const db = openDatabase({ file: freshFile(), migrate: false });
    const broken: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: (d) => d.exec('CREATE TABLE half (x TEXT); SELECT * FROM no_such_table;') }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db).size).toBe(0);
    db.close();
  });

  it('refuses migrations numbered out of order', () => {
    const db = openDatabase({ file: freshFile(), migrate: false });
    expect(() => migrate(db, [{ version: 2, name: 'skip', up: () => {} }])).toThrow(/expected 1/);
    db.close();
  });
});
