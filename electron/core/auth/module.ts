/**
 * Sign-in by PIN at the counter, the owner's PIN typed on the spot (override), and which users exist in
 * which mode. A PIN names its user (the contract's sign-in takes only a PIN), so PINs are unique per shop:
 * a new PIN equal to an existing one is refused (compared through the hashes). Wrong PINs count toward the
 * keypad's lock (./lockout.ts), whether typed to sign in or to override.
 *
 * Demo mode seeds a demo cashier (PIN 1234) and a demo owner (PIN 4321) when there are no users at all. Live
 * mode never has them: it disables every demo user (their sales stay attributed by name) and refuses the demo
 * PINs for new users; with no owner, it refuses to sell (`requireOwner`).
 */
import type { ScryptOptions } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AppMode } from '../../../shared/contract/app';
import type { User } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../ipc/dispatcher';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../kernel/logger';
import { newId } from '../kernel/ids';
import { createJournal, type Journal } from '../journal/journal';
import { createLockout, MAX_FAILURES, type LockoutStatus } from './lockout';
import { monotonicClock } from './monotonic';
import { createPeople, type People } from './people';
import { pinProblem, pinTakenError } from './pin-rules';
import { hashPin, PIN_PATTERN, SCRYPT_OPTIONS, usersWithPin } from './pins';
import type { Session } from './session';
import { createUsersRepository, type UserRow } from './users-repository';

export const DEMO_USERS = [
  { name: 'Cajero demo', role: 'cashier', pin: '1234' },
  { name: 'Dueño demo', role: 'owner', pin: '4321' },
] as const;

export type AuthHandlers = Pick<HandlerMap, 'auth.signIn' | 'auth.signOut' | 'auth.current'>;

export interface AuthModuleOptions {
  db: Database;
  session: Session;
  logger: Logger;
  /** Wall clock: timestamps and the lock's end as shown. */
  clock?: () => Date;
  /** Monotonic clock: how long the lock lasts (tests inject one). */
  monotonic?: Clock;
  /** Tests lower the scrypt cost. */
  scryptOptions?: ScryptOptions;
  /** Where people changes are recorded (the core passes its journal; default: one over the same database). */
  journal?: Journal;
}

export interface AuthModule {
  handlers: AuthHandlers;
  /** Demo: seeds the demo users into an empty table. Live: disables every demo user. Answers what it did. */
  prepareForMode(mode: AppMode): Promise<{ seeded: number; disabled: number }>;
  /** Adds a user with a PIN nobody else has (owner screens, tests). */
  createUser(user: { name: string; role: User['role']; pin: string }): Promise<User>;
  /**
   * An owner's PIN typed on the spot lets `requestedBy` (a user id) do `action` (a channel or a named step).
   * Recorded and logged; a wrong PIN is `forbidden` and counts toward the keypad's lock.
   */
  verifyOwnerPin(pin: string, action: string, requestedBy: string): Promise<{ ownerId: string }>;
  /**
   * The same check without the record, for the dispatcher: it records the override (`recordOwnerOverride`) only
   * once the call succeeded, so a refused call leaves no trace but the wrong-PIN count.
   */
  checkOwnerPin(pin: string): Promise<{ ownerId: string }>;
  recordOwnerOverride(ownerId: string, action: string, requestedBy: string): void;
  /** Throws `forbidden` while no owner can sign in (a live install before its set-up). */
  requireOwner(): void;
  /** A user's display name (receipts), or null; disabled users keep theirs. */
  userName(id: string): string | null;
  /** The people channels (users.*) and adding a user with the PIN rules and the journal. */
  people: People;
  /** Whether an active owner exists; `includeDemo: false` counts only owners the shop added itself. */
  hasOwner(includeDemo?: boolean): boolean;
  /** Refuse weak PINs from now on (a shop leaving demo mode before its credentials apply). */
  requireStrongPins(): void;
  /** Demo → set-up: every demo user can no longer sign in (journaled). Answers how many. */
  disableDemoUsers(actorId: string | null): Promise<number>;
  /** Signs a user in without a PIN: only the owner the set-up just created (who typed it twice). */
  signInCreated(user: User): void;
}

function lockedError(until: string): AppError {
  return new AppError('forbidden', `Too many wrong PINs; the keypad is locked until ${until}`, [`lockedUntil: ${until}`]);
}

function wrongPinError(code: 'unauthenticated' | 'forbidden', message: string, status: LockoutStatus): AppError {
  if (status.lockedUntil !== null) return lockedError(status.lockedUntil);
  return new AppError(code, message, [`attemptsLeft: ${MAX_FAILURES - status.failures}`]);
}

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, role: row.role });

export function createAuthModule(options: AuthModuleOptions): AuthModule {
  const { db, session, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const scryptOptions = options.scryptOptions ?? SCRYPT_OPTIONS;
  const users = createUsersRepository(db);
  const lockout = createLockout({ db, wallClock: clock, monotonic: options.monotonic ?? monotonicClock });
  const journal = options.journal ?? createJournal(db, clock);
  let mode: AppMode = 'demo';
  let strongPinsRequired = false;
  const strictPins = (): boolean => mode === 'live' || strongPinsRequired;

  /** Serialises PIN checks: two taps in flight must not both count (or both pass) against the lock. */
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The one PIN check: while locked only an owner's PIN passes (and lifts the lock), within a few tries;
   * otherwise a wrong PIN counts. Answers the single user the PIN names among those `eligible`.
   */
  async function checkPin(pin: string, eligible: (row: UserRow) => boolean, wrong: (status: LockoutStatus) => AppError): Promise<UserRow> {
    const before = lockout.status();
    if (before.lockedUntil !== null) {
      if (!lockout.takeTryWhileLocked()) throw lockedError(before.lockedUntil);
      const [owner, ...others] = (await usersWithPin(pin, users.active())).filter((row) => row.role === 'owner');
      if (!owner || others.length > 0) throw lockedError(before.lockedUntil);
      lockout.clear();
      logger.warn('auth.lock_lifted_by_owner', { ownerId: owner.id });
      return owner;
    }
    const matched = PIN_PATTERN.test(pin) ? await usersWithPin(pin, users.active()) : [];
    if (matched.length > 1) {
      // Only a database from before PINs were unique can get here: refuse rather than guess who is typing.
      logger.error('auth.shared_pin', { users: matched.map((row) => row.id) });
      throw new AppError('forbidden', 'This PIN belongs to more than one person; an owner must give each a PIN of their own');
    }
    const [found] = matched;
    if (!found || !eligible(found)) {
      const status = lockout.recordFailure();
      logger.warn('auth.wrong_pin', { failures: status.failures, locked: status.lockedUntil !== null });
      throw wrong(status);
    }
    lockout.clear();
    return found;
  }

  async function signIn(pin: string): Promise<{ user: User }> {
    const found = await checkPin(pin, () => true, (status) => wrongPinError('unauthenticated', 'Wrong PIN', status));
    const user = toUser(found);
    session.signIn(user);
    logger.info('auth.signed_in', { userId: user.id, role: user.role });
    return { user };
  }

  async function checkOwnerPin(pin: string): Promise<{ ownerId: string }> {
    const owner = await checkPin(pin, (row) => row.role === 'owner', (status) => wrongPinError('forbidden', 'That is not an owner’s PIN', status));
    return { ownerId: owner.id };
  }

  function recordOwnerOverride(ownerId: string, action: string, requestedBy: string): void {
    const at = clock().toISOString();
    users.recordOverride({ id: newId(), ownerId, requestedBy, action, at });
    logger.warn('auth.owner_override', { ownerId, requestedBy, action, at });
  }

  async function verifyOwnerPin(pin: string, action: string, requestedBy: string): Promise<{ ownerId: string }> {
    const { ownerId } = await checkOwnerPin(pin);
    recordOwnerOverride(ownerId, action, requestedBy);
    return { ownerId };
  }

  async function createUser(input: { name: string; role: User['role']; pin: string }, demo = false): Promise<User> {
    const problem = demo ? null : pinProblem(input.pin, strictPins());
    if (problem) throw problem;
    const { hash, salt } = await hashPin(input.pin, scryptOptions);
    if ((await usersWithPin(input.pin, users.active())).length > 0) throw pinTakenError();
    const id = newId();
    users.insert({ id, name: input.name, role: input.role, pinHash: hash, pinSalt: salt, demo, createdAt: clock().toISOString() });
    logger.info('auth.user_created', { userId: id, role: input.role, demo });
    return { id, name: input.name, role: input.role };
  }

  async function seedDemoUsers(): Promise<number> {
    if (users.count() > 0) return 0;
    for (const user of DEMO_USERS) await createUser(user, true);
    logger.info('auth.demo_users_seeded', { count: DEMO_USERS.length });
    return DEMO_USERS.length;
  }

  /** Every active demo user, and anyone still on a demo PIN, can no longer sign in. */
  async function disableDemoUsers(actorId: string | null = null): Promise<number> {
    const at = clock().toISOString();
    let disabled = 0;
    for (const row of users.active()) {
      const onDemoPin = row.demo === 1 || (await Promise.all(DEMO_USERS.map(({ pin }) => usersWithPin(pin, [row])))).some((found) => found.length > 0);
      if (!onDemoPin) continue;
      users.transaction(() => {
        users.disable(row.id, at);
        journal.append({ kind: 'user.disabled', actorId, subject: row.id, detail: { name: row.name, role: row.role, reason: 'demo' } });
      });
      disabled += 1;
      logger.warn('auth.demo_user_disabled', { userId: row.id });
    }
    return disabled;
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

  const people = createPeople({ users, journal, session, logger, clock, scryptOptions, strictPins, serially });

  return {
    handlers,
    people,
    hasOwner: (includeDemo = true) => users.active().some((row) => row.role === 'owner' && (includeDemo || row.demo === 0)),
    requireStrongPins() {
      strongPinsRequired = true;
    },
    disableDemoUsers: (actorId) => serially(() => disableDemoUsers(actorId)),
    signInCreated(user) {
      session.signIn(user);
      logger.info('auth.signed_in', { userId: user.id, role: user.role, by: 'setup' });
    },
    async prepareForMode(next) {
      mode = next;
      if (next === 'demo') return { seeded: await serially(seedDemoUsers), disabled: 0 };
      const disabled = await serially(() => disableDemoUsers(null));
      if (!users.active().some((row) => row.role === 'owner')) logger.warn('auth.no_owner_in_live_mode', {});
      return { seeded: 0, disabled };
    },
    createUser: (user) => serially(() => createUser(user)),
    verifyOwnerPin: (pin, action, requestedBy) => serially(() => verifyOwnerPin(pin, action, requestedBy)),
    checkOwnerPin: (pin) => serially(() => checkOwnerPin(pin)),
    recordOwnerOverride,
    requireOwner() {
      if (!users.active().some((row) => row.role === 'owner')) throw new AppError('forbidden', 'Set up an owner first: nobody can sell until this shop has an owner');
    },
    userName: (id) => users.nameOf(id),
  };
}
