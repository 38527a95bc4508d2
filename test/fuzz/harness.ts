/**
 * The fuzz tests' world: one core in-process over a fresh data folder with the demo sandboxes (taken offline
 * once a few real sales exist, so valid sales in the hot loop queue or are refused instead of delivering),
 * a signed-in user per role the users table accepts, snapshots of every table that is not a cache, and the
 * checks every answer must pass whatever the channel.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFailed } from 'vitest';
import { z } from 'zod';
import { RoleSchema, type User } from '../../shared/contract/auth';
import { AppErrorSchema, type ErrorCode } from '../../shared/errors';
import { hashPin } from '../../electron/core/auth';
import type { Database } from '../../electron/core/db/open';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';
import { chooseSeed } from '../sales/seeded-random';

/**
 * Cases per channel: 400 by default (about 30,000 calls over the contract's 75 channels, what 1,000 per channel
 * was when it had 28, so `npm test` keeps its time); SALDO_FUZZ_RUNS for more (or fewer while iterating).
 */
export const DEFAULT_FUZZ_RUNS = 400;
export function fuzzRuns(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SALDO_FUZZ_RUNS?.trim();
  if (!text) return DEFAULT_FUZZ_RUNS;
  const runs = Number(text);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`SALDO_FUZZ_RUNS must be a positive integer, got ${text}`);
  return runs;
}

/**
 * One seed per test file, printed so a failure replays with SALDO_SEED (each channel derives its own from it).
 * Call `replayHint()` at the start of each test: a failure prints the replay command again, beside the failure.
 */
export function fuzzSeed(file: string): { seed: number; replayHint(): void } {
  const seed = chooseSeed();
  const replay = `${file}: seed ${seed} (replay with SALDO_SEED=${seed} npx vitest run ${file}.test.ts)`;
  console.log(replay);
  return { seed, replayHint: () => onTestFailed(() => console.error(`FAILED ${replay}`)) };
}

export const SIGNED_OUT = 'signed out';
export type Caller = typeof SIGNED_OUT | User['role'];

/** The demo PINs the README promises, and the PIN this file gives a user it adds for a role with no demo user. */
export const KNOWN_PINS = ['1234', '4321', '907531'] as const;

export interface FuzzWorld {
  core: SaldoCore<RunningSandbox>;
  db: Database;
  dataDir: string;
  /** Signed out first, then every role of the contract that the users table accepts. */
  callers: Caller[];
  usersByRole: Map<User['role'], User>;
  /** Ids of sales that exist (succeeded, failed), so sale-id fields hit real rows too. */
  saleIds: string[];
  actAs(caller: Caller): void;
  close(): Promise<void>;
}

/** A role with no seeded user gets one (a technician, once the users table allows it); a refusal means the role is not there yet. */
async function userFor(db: Database, role: User['role'], pin: string): Promise<User | string> {
  const existing = db.prepare('SELECT id, name, role FROM users WHERE role = ? ORDER BY created_at LIMIT 1').get(role) as User | undefined;
  if (existing) return existing;
  const template = db.prepare('SELECT * FROM users LIMIT 1').get() as Record<string, unknown> | undefined;
  if (!template) return 'no user to copy the columns from';
  const { hash, salt } = await hashPin(pin, { N: 16, r: 8, p: 1 });
  const row: Record<string, unknown> = { ...template, id: `fuzz-${role}`, name: `Fuzz ${role}`, role, pin_hash: hash, pin_salt: salt };
  const columns = Object.keys(row);
  try {
    db.prepare(`INSERT INTO users (${columns.map((name) => `"${name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((name) => row[name]));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return { id: String(row.id), name: String(row.name), role };
}

export async function createFuzzWorld(label: string): Promise<FuzzWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), `saldo-fuzz-${label}-`));
  const core = await createSaldoCore({
    dataDir,
    host: 'cli',
    version: '0.0.0-fuzz',
    validateContract: true,
    startSync: false,
    // The lowest scrypt cost: PIN hashing strength is not under test here, and sign-in cases hash a PIN per user.
    pinHashCost: { N: 16 },
    env: {},
    demoProviders: () => startDemoSandboxes(),
  });
  const db = core.db;
  // Durability is not what this fuzz tests (the crash tests do): without an fsync per commit a write costs
  // microseconds, not milliseconds, and the thousands of calls fit in CI's time.
  db.pragma('synchronous = OFF');
  const usersByRole = new Map<User['role'], User>();
  const callers: Caller[] = [SIGNED_OUT];
  for (const role of RoleSchema.options) {
    const user = await userFor(db, role, KNOWN_PINS[2]);
    if (typeof user === 'string') {
      console.log(`fuzz: role ${role} left out, the users table refused it (${user})`);
      continue;
    }
    usersByRole.set(role, user);
    callers.push(role);
  }

  const actAs = (caller: Caller) => {
    if (caller === SIGNED_OUT) core.session.signOut();
    else core.session.signIn(usersByRole.get(caller) as User);
  };

  // While the sandboxes answer: the catalogs and balances the counter works from, and a few real sales so sale
  // ids, receipts and histories exist (one delivered, one the carrier refuses).
  await core.sales.sync.refresh();
  const saleIds: string[] = [];
  actAs('cashier');
  for (const phone of ['5500000000', '5500000001']) {
    const answer = await core.dispatcher.invoke('sales.sell', { requestId: crypto.randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } }, { host: 'test' });
    if (answer.ok) saleIds.push((answer.value as { id: string }).id);
    else {
      const row = db.prepare('SELECT id FROM sales WHERE phone = ? ORDER BY created_at DESC LIMIT 1').get(phone) as { id: string } | undefined;
      if (row) saleIds.push(row.id);
    }
  }
  await Promise.all(core.sandboxes.map((sandbox) => sandbox.control.setOffline(true)));
  core.session.signOut();

  return {
    core,
    db,
    dataDir,
    callers,
    usersByRole,
    saleIds,
    actAs,
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Columns some tables leave out of a comparison: in tables named by `tables`, the columns named by `columns`. */
export interface IgnoredColumns {
  tables: RegExp;
  columns: RegExp;
}

/**
 * What a wrong PIN is meant to write, and nothing else: the keypad's failure count and lock, kept on the users
 * rows or in a table of its own (a name with "lock" in it, e.g. auth_lockout).
 */
export const KEYPAD_LOCK: IgnoredColumns = { tables: /^users$|lock/i, columns: /fail|lock/i };

/** The PIN a call types (a sign-in's `pin`, an owner override's `ownerPin`), if any. */
export function typedPin(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return undefined;
  const fields = input as { pin?: unknown; ownerPin?: unknown };
  return Object.hasOwn(fields, 'pin') ? fields.pin : Object.hasOwn(fields, 'ownerPin') ? fields.ownerPin : undefined;
}

/** A call that types a PIN may count a wrong one on the keypad's lock, and nothing else: those columns are not compared. */
export function pinCountingAllowed(input: unknown): IgnoredColumns | undefined {
  return typedPin(input) === undefined ? undefined : KEYPAD_LOCK;
}

/**
 * Lifts the keypad's lock wherever it is kept (the columns KEYPAD_LOCK names: counts back to 0, lock times to
 * NULL), writing only when it is set. Tests use it so five wrong PINs do not turn every later sign-in away.
 */
export function keypadLockLifter(db: Database): () => void {
  const statements = [...tableReaders(db).keys()]
    .filter((table) => KEYPAD_LOCK.tables.test(table))
    .flatMap((table) => {
      const columns = (db.pragma(`table_info("${table}")`) as Array<{ name: string; notnull: number }>).filter((column) => KEYPAD_LOCK.columns.test(column.name));
      if (columns.length === 0) return [];
      const reset = columns.map((column) => `"${column.name}" = ${column.notnull ? '0' : 'NULL'}`).join(', ');
      const isSet = columns.map((column) => `COALESCE("${column.name}", 0) <> 0`).join(' OR ');
      return [db.prepare(`UPDATE "${table}" SET ${reset} WHERE ${isSet}`)];
    });
  return () => {
    for (const statement of statements) statement.run();
  };
}

/**
 * A hash of every row of every table that is not a cache (users, settings, the sales ledger and whatever
 * tables are added later), so a write anywhere shows. Caches (`*_cache`) are refreshed by reads and left out.
 */
export function snapshot(db: Database, ignore?: IgnoredColumns): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [name, select] of tableReaders(db)) {
    const rows = select.raw().all() as unknown[][];
    let text = JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    if (ignore?.tables.test(name)) {
      const keep = select.columns().map((column) => !ignore.columns.test(column.name));
      text = JSON.stringify(rows.map((row) => row.filter((_value, index) => keep[index])));
    }
    hashes.set(name, `${rows.length}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
  }
  return hashes;
}

const readers = new WeakMap<Database, { schemaVersion: unknown; readers: Map<string, ReturnType<Database['prepare']>> }>();

/** One prepared SELECT per table, prepared again only when the schema changes. */
function tableReaders(db: Database): Map<string, ReturnType<Database['prepare']>> {
  const schemaVersion = db.pragma('schema_version', { simple: true });
  const cached = readers.get(db);
  if (cached && cached.schemaVersion === schemaVersion) return cached.readers;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_cache' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  const fresh = new Map(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`)] as const));
  readers.set(db, { schemaVersion, readers: fresh });
  return fresh;
}

/**
 * Which tables a call wrote, cheaply: SQLite's `total_changes()` counts every row this connection (the core's
 * only one) inserts, updates or deletes, so when it has not moved nothing was written and no table is hashed.
 * When it has, the tables are hashed and compared with the last hashes taken.
 */
export function createWriteWatch(db: Database): {
  /** Call before the call under test; `ignore` leaves out columns the call may legitimately write. */
  before(ignore?: IgnoredColumns): void;
  /** The tables whose rows changed since `before`. */
  changed(): string[];
} {
  const totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
  let last: { changes: number; hashes: Map<string, string>; ignore: IgnoredColumns | undefined } | undefined;
  let pending: { changes: number; ignore: IgnoredColumns | undefined } | undefined;
  return {
    before(ignore) {
      const changes = totalChanges.get() as number;
      if (!last || last.changes !== changes || last.ignore !== ignore) last = { changes, hashes: snapshot(db, ignore), ignore };
      pending = { changes, ignore };
    },
    changed() {
      if (!pending || !last) throw new Error('createWriteWatch: changed() without before()');
      const changes = totalChanges.get() as number;
      if (changes === pending.changes) return [];
      const hashes = snapshot(db, pending.ignore);
      const changed = changedTables(last.hashes, hashes);
      last = { changes, hashes, ignore: pending.ignore };
      return changed;
    },
  };
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}

/** Answers that mean "nothing happened": a malformed, unknown, unauthorised or impossible request. */
export const NOTHING_DONE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid_input',
  'unknown_channel',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'not_supported',
  'no_provider',
  'resell_blocked',
  'repeat_unconfirmed',
  'bill_unresolved',
]);

/** Codes a malformed request may get: it is refused as such, or refused earlier for who is asking. */
export const MALFORMED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['invalid_input', 'unauthenticated', 'forbidden', 'unknown_channel']);

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown().refine((value) => value !== undefined, 'an ok answer carries a value') }).strict(),
  z.object({ ok: z.literal(false), error: AppErrorSchema.strict() }).strict(),
]);

export type CheckedEnvelope = z.infer<typeof EnvelopeSchema>;

/** Every answer is `{ ok: true, value }` or `{ ok: false, error: { code, message } }` with a code from the shared list. */
export function parseEnvelope(answer: unknown): CheckedEnvelope {
  const parsed = EnvelopeSchema.safeParse(answer);
  if (!parsed.success) throw new Error(`not an envelope: ${JSON.stringify(answer)?.slice(0, 300)} (${parsed.error.issues.map((issue) => issue.message).join('; ')})`);
  return parsed.data;
}

/** Unhandled rejections anywhere in the process while the fuzz runs: each must be none. */
export function watchUnhandledRejections(): { take(): unknown[]; stop(): void } {
  let seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    stop: () => process.off('unhandledRejection', listener),
  };
}

/** Object.prototype as it was before the fuzz: a `__proto__` key that reached an assignment would add to it. */
export function prototypeFingerprint(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

/** Short, printable form of an input for a failure message (huge strings cut, controls escaped). */
export function describeInput(input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : typeof value === 'number' && !Number.isFinite(value) ? String(value) : value)) ?? String(input);
  } catch {
    text = String(input);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
