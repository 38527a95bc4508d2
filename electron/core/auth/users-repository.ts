/**
 * The `users` table and the owner overrides: every SQL statement on them, prepared once. A user is never
 * deleted: a disabled user keeps their name for the sales they made, and their PIN no longer signs anyone in.
 */
import type { Database } from 'better-sqlite3';
import type { User } from '../../../shared/contract/auth';

export interface UserRow {
  id: string;
  name: string;
  role: User['role'];
  pin_hash: string;
  pin_salt: string;
  demo: 0 | 1;
}

/** A user as the people screen lists them (no PIN hash). */
export interface PersonRow {
  id: string;
  name: string;
  role: User['role'];
  demo: 0 | 1;
  created_at: string;
  disabled_at: string | null;
}

export interface NewUserRow {
  id: string;
  name: string;
  role: User['role'];
  pinHash: string;
  pinSalt: string;
  demo: boolean;
  createdAt: string;
}

export interface OwnerOverrideRow {
  id: string;
  ownerId: string;
  requestedBy: string;
  action: string;
  at: string;
}

export interface UsersRepository {
  /** Users whose PIN signs in (not disabled), oldest first. */
  active(): UserRow[];
  /** Every user ever created, disabled ones too. */
  count(): number;
  insert(user: NewUserRow): void;
  nameOf(id: string): string | null;
  disable(id: string, at: string): void;
  recordOverride(override: OwnerOverrideRow): void;
  /** Everyone, active first, then by when they were added. */
  people(): PersonRow[];
  person(id: string): PersonRow | null;
  setPin(id: string, pinHash: string, pinSalt: string): void;
  /** The stored PIN of one active user (for "type your old PIN"). */
  activeWithId(id: string): UserRow | null;
  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T;
}

export function createUsersRepository(db: Database): UsersRepository {
  const selectActive = db.prepare<[], UserRow>('SELECT id, name, role, pin_hash, pin_salt, demo FROM users WHERE disabled_at IS NULL ORDER BY created_at, id');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const insertOne = db.prepare<[string, string, string, string, string, number, string]>(
    'INSERT INTO users (id, name, role, pin_hash, pin_salt, demo, disabled_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const selectName = db.prepare<[string], { name: string }>('SELECT name FROM users WHERE id = ?');
  const disableOne = db.prepare<[string, string]>('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL');
  const insertOverride = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO owner_overrides (id, owner_id, requested_by, action, at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectPeople = db.prepare<[], PersonRow>(
    'SELECT id, name, role, demo, created_at, disabled_at FROM users ORDER BY disabled_at IS NOT NULL, created_at, id',
  );
  const selectPerson = db.prepare<[string], PersonRow>('SELECT id, name, role, demo, created_at, disabled_at FROM users WHERE id = ?');
  const updatePin = db.prepare<[string, string, string]>('UPDATE users SET pin_hash = ?, pin_salt = ? WHERE id = ?');
  const selectActiveById = db.prepare<[string], UserRow>('SELECT id, name, role, pin_hash, pin_salt, demo FROM users WHERE id = ? AND disabled_at IS NULL');
  return {
    people: () => selectPeople.all(),
    person: (id) => selectPerson.get(id) ?? null,
    setPin: (id, pinHash, pinSalt) => void updatePin.run(pinHash, pinSalt, id),
    activeWithId: (id) => selectActiveById.get(id) ?? null,
    active: () => selectActive.all(),
    count: () => countAll.get()?.n ?? 0,
    insert: (user) => void insertOne.run(user.id, user.name, user.role, user.pinHash, user.pinSalt, user.demo ? 1 : 0, user.createdAt),
    nameOf: (id) => selectName.get(id)?.name ?? null,
    disable: (id, at) => void disableOne.run(at, id),
    recordOverride: (override) => void insertOverride.run(override.id, override.ownerId, override.requestedBy, override.action, override.at),
    transaction: (work) => db.transaction(work).immediate(),
  };
}
