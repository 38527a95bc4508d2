/**
 * Sign-in by PIN at the counter. PINs are 4 to 6 digits, stored as scrypt hashes with a per-user random salt
 * (node:crypto), compared in constant time. A PIN names its user (the contract's sign-in takes only a PIN),
 * so a wrong PIN cannot be charged to anyone: failures are counted for the counter's keypad as a whole, on
 * every user row, and after MAX_FAILURES in a row the keypad is locked for LOCK_MS (kept in the database, so a
 * restart does not reset it). A successful sign-in clears the count.
 *
 * Demo mode seeds a demo cashier (PIN 1234) and a demo owner (PIN 4321) when there are no users at all.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { User } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../kernel/logger';
import { newId } from '../kernel/ids';
import { createUsersRepository, type UserRow } from './users-repository';
import type { Session } from './session';

export const PIN_PATTERN = /^\d{4,6}$/;
export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;
const KEY_LENGTH = 32;
/** scrypt cost: N=2^14, r=8, p=1 (about 16 MiB, tens of milliseconds). */
const SCRYPT_OPTIONS: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export const DEMO_USERS = [
  { name: 'Cajero demo', role: 'cashier', pin: '1234' },
  { name: 'Dueño demo', role: 'owner', pin: '4321' },
] as const;

export type AuthHandlers = Pick<HandlerMap, 'auth.signIn' | 'auth.signOut' | 'auth.current'>;

export interface AuthModuleOptions {
  db: Database;
  session: Session;
  /** Session changes are already pushed by the session's own callback (runtime); kept for future events. */
  events?: EventBus;
  logger: Logger;
  clock?: () => Date;
  /** Tests lower the scrypt cost. */
  scryptOptions?: ScryptOptions;
}

export interface AuthModule {
  handlers: AuthHandlers;
  /** Creates the demo cashier and owner when the users table is empty; answers how many it created. */
  seedDemoUsers(): Promise<number>;
  /** Adds a user with a PIN (owner screens, tests). */
  createUser(user: { name: string; role: User['role']; pin: string }): Promise<User>;
  /** A user's display name (receipts), or null. */
  userName(id: string): string | null;
}

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A stored hash names its own cost ("scrypt$N$r$p$hash"), so a later cost change still verifies old PINs. */
export async function hashPin(pin: string, options: ScryptOptions = SCRYPT_OPTIONS): Promise<{ hash: string; salt: string }> {
  if (!PIN_PATTERN.test(pin)) throw new AppError('invalid_input', 'A PIN is 4 to 6 digits');
  const salt = randomBytes(16);
  const cost = { N: options.N ?? 16_384, r: options.r ?? 8, p: options.p ?? 1 };
  const hash = await scrypt(pin, salt, { ...options, ...cost });
  return { hash: `scrypt$${cost.N}$${cost.r}$${cost.p}$${hash.toString('base64')}`, salt: salt.toString('base64') };
}

export async function pinMatches(pin: string, stored: string, salt: string): Promise<boolean> {
  const [scheme, n, r, p, encoded] = stored.split('$');
  if (scheme !== 'scrypt' || !encoded) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) return false;
  const expected = Buffer.from(encoded, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), { ...cost, maxmem: SCRYPT_OPTIONS.maxmem ?? 64 * 1024 * 1024 });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function createAuthModule(options: AuthModuleOptions): AuthModule {
  const { db, session, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const scryptOptions = options.scryptOptions ?? SCRYPT_OPTIONS;

  const users = createUsersRepository(db);

  /** Serialises sign-ins: two taps in flight must not both count (or both pass) against the lock. */
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  function lockedUntil(users: readonly UserRow[], now: number): number | null {
    const until = users.reduce((latest, user) => Math.max(latest, user.locked_until ?? 0), 0);
    return until > now ? until : null;
  }

  async function signIn(pin: string): Promise<{ user: User }> {
    const everyone = users.all();
    const now = clock().getTime();
    const locked = lockedUntil(everyone, now);
    if (locked !== null) {
      logger.warn('auth.locked', { until: new Date(locked).toISOString() });
      throw new AppError('forbidden', `Too many wrong PINs; sign-in is locked until ${new Date(locked).toISOString()}`, [`lockedUntil: ${new Date(locked).toISOString()}`]);
    }
    let found: UserRow | undefined;
    // Every user is checked, whatever matched, so the time taken does not tell which users exist.
    for (const user of everyone) {
      if ((await pinMatches(pin, user.pin_hash, user.pin_salt)) && !found) found = user;
    }
    if (!found) {
      const until = now + LOCK_MS;
      users.recordFailure(MAX_FAILURES, until);
      const failures = Math.max(0, ...users.all().map((user) => user.failed_attempts));
      logger.warn('auth.wrong_pin', { failures });
      if (failures >= MAX_FAILURES) {
        throw new AppError('forbidden', `Too many wrong PINs; sign-in is locked until ${new Date(until).toISOString()}`, [`lockedUntil: ${new Date(until).toISOString()}`]);
      }
      throw new AppError('unauthenticated', 'Wrong PIN', [`attemptsLeft: ${MAX_FAILURES - failures}`]);
    }
    users.clearFailures();
    const user: User = { id: found.id, name: found.name, role: found.role };
    session.signIn(user);
    logger.info('auth.signed_in', { userId: user.id, role: user.role });
    return { user };
  }

  async function createUser(input: { name: string; role: User['role']; pin: string }): Promise<User> {
    const { hash, salt } = await hashPin(input.pin, scryptOptions);
    const id = newId();
    users.insert({ id, name: input.name, role: input.role, pinHash: hash, pinSalt: salt, createdAt: clock().toISOString() });
    return { id, name: input.name, role: input.role };
  }

  const handlers: AuthHandlers = {
    'auth.signIn': ({ pin }) => serially(() => signIn(pin)),
    'auth.signOut': () => {
      const user = session.current();
      if (user) {
        session.signOut();
        logger.info('auth.signed_out', { userId: user.id });
      }
      return { user: null };
    },
    'auth.current': () => ({ user: session.current() }),
  };

  return {
    handlers,
    async seedDemoUsers() {
      if (users.count() > 0) return 0;
      const prepared = await Promise.all(DEMO_USERS.map(async (user) => ({ user, ...(await hashPin(user.pin, scryptOptions)) })));
      const at = clock().toISOString();
      const created = users.transaction(() => {
        // Checked again inside the transaction: another start-up may have seeded meanwhile.
        if (users.count() > 0) return 0;
        for (const { user, hash, salt } of prepared) users.insert({ id: newId(), name: user.name, role: user.role, pinHash: hash, pinSalt: salt, createdAt: at });
        return prepared.length;
      });
      if (created) logger.info('auth.demo_users_seeded', { count: created });
      return created;
    },
    createUser,
    userName: (id) => users.nameOf(id),
  };
}
