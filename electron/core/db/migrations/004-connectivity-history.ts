/**
 * Schema version 4: the history of each provider's reachability (issue 11's diagnostics show the last 24 h).
 * connectivity_cache keeps only the latest state; this table keeps one row per change. A released migration
 * never changes.
 */
import type { Migration } from './migration';

const SQL = `
CREATE TABLE connectivity_history (
  id INTEGER PRIMARY KEY,
  provider TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  reachable INTEGER NOT NULL CHECK (reachable IN (0, 1)),
  error TEXT
) STRICT;
CREATE INDEX connectivity_history_at ON connectivity_history (at_ms);
`;

export const connectivityHistory: Migration = {
  version: 4,
  name: 'connectivity history: one row per change of a provider reachability',
  up: (db) => db.exec(SQL),
};
