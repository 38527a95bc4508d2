/**
 * The support bundle: one zip a technician saves to a USB stick (`npm run cli -- support-bundle --out F.zip`,
 * the diagnostics screen's "Guardar"). It holds the diagnostics, the logs, the settings without secrets, the
 * schema and a masked copy of the database; it never holds a credential, a PIN hash or a full phone number.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zip, type AsyncZippable } from 'fflate';
import type { Database } from 'better-sqlite3';
import type { Diagnostics } from '../../../shared/contract/diagnostics';
import { tailLines } from './collect';
import { maskedDatabaseCopy, schemaText } from './masked-copy';
import type { Redactor } from './redact';

/** More than enough lines for support; a log rotated by size stays well under this. */
const MAX_LOG_LINES_PER_FILE = 20_000;

const README = `Saldo support bundle

diagnostics.json      what the diagnostics screen showed when this bundle was made
settings.json         the shop's settings; credentials only say whether they are set
schema.sql            the database schema and its version
logs/                 the app's log files, secrets and phone numbers masked
database/saldo-masked.sqlite
                      a copy of the database: phone numbers keep only their last 4 digits, the users'
                      PIN hashes and salts are empty. Masking rewrote history rows, so this copy's hash
                      chain does not verify; diagnostics.json has the verification of the original.
`;

export interface SupportBundleSources {
  db: Database;
  logDir: string;
  diagnostics(): Promise<Diagnostics>;
  /** The settings as the screens see them (credentials masked). */
  settings(): unknown;
  redactor(): Redactor;
  clock: () => Date;
}

export interface BuiltSupportBundle {
  fileName: string;
  zip: Uint8Array;
  files: string[];
}

function logFiles(logDir: string): string[] {
  try {
    return readdirSync(logDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** Credentials become "set or not": not even their last 4 characters leave the kiosk. */
function withoutCredentialHints(settings: unknown): unknown {
  if (Array.isArray(settings)) return settings.map(withoutCredentialHints);
  if (settings && typeof settings === 'object') {
    return Object.fromEntries(Object.entries(settings).filter(([key]) => key !== 'last4').map(([key, value]) => [key, withoutCredentialHints(value)]));
  }
  return settings;
}

export async function buildSupportBundle(sources: SupportBundleSources): Promise<BuiltSupportBundle> {
  const redactor = sources.redactor();
  const diagnostics = await sources.diagnostics();
  const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(redactor.value(value), null, 2)}\n`);
  const files: AsyncZippable = {
    'README.txt': strToU8(README),
    'diagnostics.json': json(diagnostics),
    'settings.json': json(withoutCredentialHints(sources.settings())),
    'schema.sql': strToU8(schemaText(sources.db)),
  };
  for (const name of logFiles(sources.logDir)) {
    const lines = tailLines(join(sources.logDir, name), MAX_LOG_LINES_PER_FILE, 16 * 1024 * 1024).map((line) => redactor.text(line));
    files[`logs/${name}`] = strToU8(lines.join('\n') + (lines.length > 0 ? '\n' : ''));
  }
  files['database/saldo-masked.sqlite'] = maskedDatabaseCopy(sources.db, redactor);
  const stamp = sources.clock().toISOString().replace(/[:.]/g, '-');
  return { fileName: `saldo-support-${stamp}.zip`, zip: await zipInWorkers(files), files: Object.keys(files) };
}

/** fflate compresses in worker threads here: the counter keeps answering while a large database is packed. */
function zipInWorkers(files: AsyncZippable): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data)));
  });
}
