/**
 * Schema version 2: the offline caches (catalog, balances, connectivity) the counter sells from when a
 * provider cannot be reached. A released migration never changes.
 */
import type { Migration } from './migration';

const SQL = `
CREATE TABLE catalog_cache (
  provider TEXT NOT NULL,
  country TEXT NOT NULL,
  carrier TEXT NOT NULL,
  sku TEXT,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('topup','bundle')),
  amount_minor INTEGER,
  min_minor INTEGER,
  max_minor INTEGER,
  currency TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
) STRICT;
CREATE INDEX catalog_cache_country ON catalog_cache (country, carrier, provider);

CREATE TABLE balance_cache (
  provider TEXT PRIMARY KEY,
  balance_minor INTEGER NOT NULL,
  available_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
) STRICT;

CREATE TABLE connectivity_cache (
  provider TEXT PRIMARY KEY,
  reachable INTEGER NOT NULL CHECK (reachable IN (0, 1)),
  checked_at TEXT,
  last_error TEXT
) STRICT;
`;

export const offlineCaches: Migration = {
  version: 2,
  name: 'offline caches: catalog, balances, connectivity',
  up: (db) => db.exec(SQL),
};
