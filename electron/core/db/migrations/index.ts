/**
 * The schema history runner (Signal-Desktop style: one ordered list, one file per step). Each migration runs
 * inside ONE transaction together with the `user_version` bump, so a database is always at exactly one known version. A database written by a newer app (user_version beyond
 * the last migration here) is refused with a clear message and left untouched: it is never "repaired".
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';
import { usersSettingsSales } from './001-users-settings-sales';
import { offlineCaches } from './002-offline-caches';
import { rolesLockoutOverrides } from './003-roles-lockout-overrides';
import { connectivityHistory } from './004-connectivity-history';
import { journal } from './005-journal';
import { peopleSettings } from './006-people-settings';
import { shiftsCashDayClose } from './007-shifts-cash-day-close';
import { providerAccounts } from './008-provider-accounts';
import { saleKinds } from './009-sale-kinds';

export type { Migration };

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This data was written by a newer version of Saldo (schema ${databaseVersion}; this app knows up to ${appVersion}). ` +
        'Install the newer version again; the data was left untouched.',
    );
  }
}

/** The whole schema history, in order. Append new migrations; never edit or renumber a released one. */
export const MIGRATIONS: readonly Migration[] = [usersSettingsSales, offlineCaches, rolesLockoutOverrides, connectivityHistory, journal,
  peopleSettings, shiftsCashDayClose, providerAccounts, saleKinds];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, migration) => Math.max(max, migration.version), 0);

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database to `target` (default: the latest). Migrations must be numbered 1, 2, 3... in order.
 * Returns the versions applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target?: number): number[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  });
  const latest = migrations.length;
  const goal = target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const applied: number[] = [];
  const run = db.transaction(() => {
    // Read again inside the (immediate) transaction: another process may have migrated meanwhile.
    const start = schemaVersion(db);
    for (const migration of migrations) {
      if (migration.version <= start || migration.version > goal) continue;
      migration.up(db);
      applied.push(migration.version);
    }
    if (applied.length > 0) db.pragma(`user_version = ${Math.max(...applied)}`);
  });
  if (current < goal) run.immediate();
  return applied;
}
