/**
 * The `users` table: every SQL statement on it, prepared once. Failed sign-ins are counted on every row at
 * once: a wrong PIN matches nobody, so it cannot be charged to one user.
 */
import type { Database } from 'better-sqlite3';
import type { User } from '../../../shared/contract/auth';

export interface UserRow {
  id: string;
  name: string;
  role: User['role'];
  pin_hash: string;
  pin_salt: string;
  failed_attempts: number;
  locked_until: number | null;
}

export interface NewUserRow {
  id: string;
  name: string;
  role: User['role'];
  pinHash: string;
  pinSalt: string;
  createdAt: string;
}

export interface UsersRepository {
  all(): UserRow[];
  count(): number;
  insert(user: NewUserRow): void;
  nameOf(id: string): string | null;
  /** Counts one more failed sign-in; sets `locked_until` once the failures reach `maxFailures`. */
  recordFailure(maxFailures: number, lockUntil: number): void;
  clearFailures(): void;
  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T;
}

export function createUsersRepository(db: Database): UsersRepository {
  const selectAll = db.prepare<[], UserRow>('SELECT id, name, role, pin_hash, pin_salt, failed_attempts, locked_until FROM users ORDER BY created_at, id');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const insertOne = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO users (id, name, role, pin_hash, pin_salt, failed_attempts, locked_until, created_at) VALUES (?, ?, ?, ?, ?, 0, NULL, ?)',
  );
  const selectName = db.prepare<[string], { name: string }>('SELECT name FROM users WHERE id = ?');
  const addFailure = db.prepare<[number, number]>(
    'UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END',
  );
  const resetFailures = db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL');
  return {
    all: () => selectAll.all(),
    count: () => countAll.get()?.n ?? 0,
    insert: (user) => void insertOne.run(user.id, user.name, user.role, user.pinHash, user.pinSalt, user.createdAt),
    nameOf: (id) => selectName.get(id)?.name ?? null,
    recordFailure: (maxFailures, lockUntil) => void addFailure.run(maxFailures, lockUntil),
    clearFailures: () => void resetFailures.run(),
    transaction: (work) => db.transaction(work).immediate(),
  };
}
