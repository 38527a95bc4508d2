/**
 * A copy of the ledger database a technician may carry away: taken with VACUUM INTO (a consistent snapshot,
 * even while the app writes), then, in the copy only, phone numbers masked to their last 4 digits, every
 * PIN hash and salt emptied, every text value passed through the redactor, and the file rebuilt (VACUUM) so
 * no freed page still holds an old value. The copy is attached to the app's own connection, so it needs no
 * second native binding (Electron loads its own build of better-sqlite3).
 *
 * Masking rewrites history rows, so the copy's hash chain no longer verifies; diagnostics.json carries the
 * verification made on the original.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { maskPhone, type Redactor } from './redact';

const SCHEMA = 'support_copy';
/** Columns whose every value is a phone number. */
const PHONE_COLUMN = /phone|msisdn/i;
/** Columns emptied whatever they hold: the users' PIN hashes and salts, and anything named like a secret. */
const SECRET_COLUMN = /^pin_|pin_hash|pin_salt|secret|token|api_key|password/i;
/** Hashes and identifiers: left as they are (they hold no personal data and support needs them verbatim). */
const KEEP_COLUMN = /(^|_)(hash|id)$|^idempotency_key$|^request_id$/i;

interface ColumnInfo {
  name: string;
  type: string;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function userTables(db: Database): string[] {
  return db
    .prepare<[], { name: string }>(`SELECT name FROM ${SCHEMA}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all()
    .map((row) => row.name);
}

function maskTable(db: Database, table: string): void {
  const columns = db.prepare<[], ColumnInfo>(`PRAGMA ${SCHEMA}.table_info(${quote(table)})`).all();
  for (const column of columns) {
    const isText = column.type.toUpperCase() === 'TEXT' || column.type === '';
    if (!isText) continue;
    const name = quote(column.name);
    const target = `${SCHEMA}.${quote(table)}`;
    if (SECRET_COLUMN.test(column.name)) db.prepare(`UPDATE ${target} SET ${name} = '' WHERE ${name} IS NOT NULL`).run();
    else if (PHONE_COLUMN.test(column.name)) db.prepare(`UPDATE ${target} SET ${name} = saldo_mask_phone(${name}) WHERE typeof(${name}) = 'text'`).run();
    else if (!KEEP_COLUMN.test(column.name)) db.prepare(`UPDATE ${target} SET ${name} = saldo_redact(${name}) WHERE typeof(${name}) = 'text'`).run();
  }
}

/** The masked copy's bytes. The temporary file is removed whatever happens. */
export function maskedDatabaseCopy(db: Database, redactor: Redactor): Uint8Array {
  const folder = mkdtempSync(join(tmpdir(), 'saldo-support-'));
  const file = join(folder, 'saldo-masked.sqlite');
  try {
    db.prepare('VACUUM INTO ?').run(file);
    db.function('saldo_mask_phone', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? maskPhone(value) : value));
    db.function('saldo_redact', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? redactor.text(value) : value));
    db.prepare('ATTACH DATABASE ? AS support_copy').run(file);
    try {
      // A throwaway file: no journal, no fsync (a failure discards it); freed space is zeroed as it goes.
      db.pragma(`${SCHEMA}.journal_mode = OFF`);
      db.pragma(`${SCHEMA}.synchronous = OFF`);
      db.pragma(`${SCHEMA}.secure_delete = ON`);
      // The copy is no ledger any more: its append-only guards would refuse the masking.
      const triggers = db.prepare<[], { name: string }>(`SELECT name FROM ${SCHEMA}.sqlite_master WHERE type = 'trigger'`).all();
      db.transaction(() => {
        for (const trigger of triggers) db.exec(`DROP TRIGGER ${SCHEMA}.${quote(trigger.name)}`);
        for (const table of userTables(db)) maskTable(db, table);
      })();
      db.exec(`VACUUM ${SCHEMA}`);
    } finally {
      db.exec(`DETACH DATABASE ${SCHEMA}`);
    }
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The schema as SQL text: every table, index and trigger, with the schema version. */
export function schemaText(db: Database): string {
  const rows = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name").all();
  const version = Number(db.pragma('user_version', { simple: true }));
  return [`-- Saldo schema, user_version ${version}`, ...rows.map((row) => `${row.sql};`)].join('\n\n') + '\n';
}
