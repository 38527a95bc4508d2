/**
 * The keypad's lock after wrong PINs, for the whole counter: a wrong PIN matches nobody, so it cannot be
 * charged to one user. After MAX_FAILURES wrong PINs in a row the keypad is locked for LOCK_MS; when the
 * lock expires the count starts again from zero (one lock per run of failures, never one per later tap),
 * and a good PIN clears both. While locked, a few tries are still checked so an owner's PIN can lift the
 * lock; they are limited so that a lock still slows someone guessing.
 *
 * Time: in this process the lock runs on a monotonic clock, so changing the wall clock neither extends nor
 * lifts it. The lock is also stored (`auth_lockout`, wall-clock milliseconds) so a restart keeps it; read back,
 * what remains of it is capped at LOCK_MS, so a wall clock set back can never make a stored lock longer.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../kernel/clock';

export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;
/** Tries checked while the keypad is locked, in case one is an owner's PIN; the rest wait for the lock. */
export const OWNER_TRIES_WHILE_LOCKED = 3;

export interface LockoutStatus {
  failures: number;
  /** When the lock ends, on the wall clock (for the sign-in screen), or null when not locked. */
  lockedUntil: string | null;
}

export interface Lockout {
  status(): LockoutStatus;
  /** One more wrong PIN (never while locked: those do not extend the lock). Answers the new status. */
  recordFailure(): LockoutStatus;
  /** While locked: whether this try may still be checked for an owner's PIN (counts it). */
  takeTryWhileLocked(): boolean;
  /** A good PIN: the count and any lock are gone. */
  clear(): void;
}

export interface LockoutOptions {
  db: Database;
  wallClock: () => Date;
  monotonic: Clock;
}

export function createLockout({ db, wallClock, monotonic }: LockoutOptions): Lockout {
  const read = db.prepare<[], { failures: number; locked_until_ms: number | null }>('SELECT failures, locked_until_ms FROM auth_lockout WHERE id = 1');
  const write = db.prepare<[number, number | null]>(
    'INSERT INTO auth_lockout (id, failures, locked_until_ms) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, locked_until_ms = excluded.locked_until_ms',
  );

  let failures = 0;
  /** When the lock ends on the monotonic clock, or null. */
  let deadline: number | null = null;
  let triesWhileLocked = 0;

  const stored = read.get();
  if (stored) {
    failures = stored.failures;
    const remaining = stored.locked_until_ms === null ? 0 : Math.min(stored.locked_until_ms - wallClock().getTime(), LOCK_MS);
    if (remaining > 0) deadline = monotonic.now() + remaining;
    else if (stored.locked_until_ms !== null) failures = 0;
  }

  function persist(): void {
    const lockedUntil = deadline === null ? null : wallClock().getTime() + (deadline - monotonic.now());
    write.run(failures, lockedUntil === null ? null : Math.round(lockedUntil));
  }

  function reset(): void {
    failures = 0;
    deadline = null;
    triesWhileLocked = 0;
    persist();
  }

  function status(): LockoutStatus {
    if (deadline !== null && monotonic.now() >= deadline) reset();
    const lockedUntil = deadline === null ? null : new Date(wallClock().getTime() + (deadline - monotonic.now())).toISOString();
    return { failures, lockedUntil };
  }

  return {
    status,
    recordFailure() {
      if (status().lockedUntil !== null) return status();
      failures += 1;
      if (failures >= MAX_FAILURES) {
        deadline = monotonic.now() + LOCK_MS;
        triesWhileLocked = 0;
      }
      persist();
      return status();
    },
    takeTryWhileLocked() {
      if (triesWhileLocked >= OWNER_TRIES_WHILE_LOCKED) return false;
      triesWhileLocked += 1;
      return true;
    },
    clear() {
      if (failures !== 0 || deadline !== null) reset();
    },
  };
}
