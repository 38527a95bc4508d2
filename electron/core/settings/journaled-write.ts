/**
 * A setting changed by a person: stored and recorded in the journal (`settings.changed`: who, when, from → to), in
 * the caller's transaction. Writing the value it already has records nothing. The settings registry uses it for its
 * keys, and the owner's pricing in pesos for `sales.pricing`: one rule for what a settings change leaves behind.
 */
import type { Database } from 'better-sqlite3';
import type { Journal } from '../journal/journal';
import { writeSetting } from './store';

export interface SettingChange {
  /** Where the value is stored (the settings table's key). */
  storageKey: string;
  /** The name the journal and the screens use for it (a registry key, or the storage key itself). */
  subject: string;
  from: unknown;
  to: unknown;
  actorId: string | null;
  at: Date;
}

/** Stores and journals `to` when it differs from `from`; answers whether anything changed. */
export function writeJournaledSetting(db: Database, journal: Journal, change: SettingChange): boolean {
  if (JSON.stringify(change.to) === JSON.stringify(change.from)) return false;
  writeSetting(db, change.storageKey, change.to, change.at);
  journal.append({ kind: 'settings.changed', actorId: change.actorId, subject: change.subject, detail: { key: change.subject, from: change.from, to: change.to } });
  return true;
}
