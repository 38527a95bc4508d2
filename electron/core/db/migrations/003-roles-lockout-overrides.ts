/**
 * Schema version 3: who may do what (issue 12).
 * - users: a third role, `tech`; `demo` marks the demo cashier and owner so a data folder switched to live can
 *   disable them; `disabled_at` keeps a user's name for the sales they made while refusing their PIN.
 * - auth_lockout: the keypad's wrong-PIN count and lock, once for the whole counter (a wrong PIN matches
 *   nobody, so it cannot be charged to one user), instead of copied onto every user row.
 * - owner_overrides: each time an owner's PIN let a cashier do an owner's action: who, what, for whom, when.
 * A released migration never changes.
 */
import type { Migration } from './migration';

const SQL = `
CREATE TABLE users_v3 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier','owner','tech')),
  pin_hash TEXT NOT NULL,
  pin_salt TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  disabled_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO users_v3 (id, name, role, pin_hash, pin_salt, demo, disabled_at, created_at)
  SELECT id, name, role, pin_hash, pin_salt, CASE WHEN name IN ('Cajero demo', 'Dueño demo') THEN 1 ELSE 0 END, NULL, created_at FROM users;

CREATE TABLE auth_lockout (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  failures INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER
) STRICT;
INSERT INTO auth_lockout (id, failures, locked_until_ms)
  SELECT 1, COALESCE(MAX(failed_attempts), 0), MAX(locked_until) FROM users;

DROP TABLE users;
ALTER TABLE users_v3 RENAME TO users;

CREATE TABLE owner_overrides (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  action TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
`;

export const rolesLockoutOverrides: Migration = {
  version: 3,
  name: 'roles cashier/owner/tech, demo and disabled users, one keypad lockout, owner overrides',
  up: (db) => db.exec(SQL),
};
