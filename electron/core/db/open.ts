/**
 * Opens the ledger database: better-sqlite3 with the pragmas set explicitly (WAL, synchronous=FULL, foreign
 * keys, busy timeout), then migrations. The Electron host passes `nativeBinding` to load its own build.
 * A suspect database is never deleted or replaced here: errors go up to the caller, the file stays.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { ensurePrivateDir, restrictFile, touchPrivateFile } from '../kernel/private-files';
import { migrate } from './migrations';

export type { Database };

export interface OpenDatabaseOptions {
  /** The database file; ':memory:' for throwaway tests. */
  file: string;
  /** Path to a better_sqlite3.node built for the host (Electron's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Milliseconds to wait for another connection's lock. */
  busyTimeoutMs?: number;
  /** Skip migrations (tests of the migration runner itself). */
  migrate?: boolean;
}

export const DATABASE_FILE_NAME = 'saldo.sqlite';

export function databaseFileIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.file !== ':memory:') preparePrivateDatabaseFile(options.file, options.readonly === true);
  const db = new BetterSqlite3(options.file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
    timeout: options.busyTimeoutMs ?? 5000,
  });
  try {
    applyPragmas(db, options.busyTimeoutMs ?? 5000);
    if (options.migrate !== false && !options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The data folder 0700 and the database 0600 before SQLite opens it: SQLite gives the -wal and -shm files the
 * database file's own mode, so a private database keeps its journal private too.
 */
function preparePrivateDatabaseFile(file: string, readonly: boolean): void {
  ensurePrivateDir(dirname(file));
  if (!readonly) touchPrivateFile(file);
  for (const suffix of ['', '-wal', '-shm']) restrictFile(`${file}${suffix}`);
}

/** The pragmas every connection sets; exported so the benchmark's raw baseline uses the very same. */
export function applyPragmas(db: Database, busyTimeoutMs = 5000): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (!db.readonly) {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (mode !== 'wal' && db.name !== ':memory:') throw new Error(`could not switch the database to WAL (got ${mode})`);
  }
  // Under WAL the default is NORMAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** `PRAGMA integrity_check`: 'ok' or the problems found. */
export function integrityCheck(db: Database): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((row) => row.integrity_check);
}
