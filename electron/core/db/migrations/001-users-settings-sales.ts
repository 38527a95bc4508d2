/**
 * Schema version 1: users, settings and the sales ledger. STRICT tables; money as integer minor units with the
 * currency in the next column; exchange rates as decimal text. History (sale_events) is append-only,
 * enforced by triggers, with a gapless sequence and a SHA-256 chain checked by ledger/chain.ts.
 * A released migration never changes: existing databases were built from this exact text.
 */
import type { Migration } from './migration';

const STATES = `'created','queued','sending','pending','unknown','succeeded','failed','refund_due','refunded'`;

const SQL = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier','owner')),
  pin_hash TEXT NOT NULL,
  pin_salt TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sales (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  shift_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  country TEXT NOT NULL,
  carrier TEXT NOT NULL,
  sku TEXT,
  phone TEXT NOT NULL,
  price_minor INTEGER NOT NULL CHECK (price_minor > 0),
  price_currency TEXT NOT NULL CHECK (length(price_currency) = 3),
  cost_minor INTEGER,
  cost_currency TEXT,
  exchange_rate TEXT,
  provider_transaction_id TEXT,
  operator_transaction_id TEXT,
  state TEXT NOT NULL CHECK (state IN (${STATES})),
  attempts INTEGER NOT NULL DEFAULT 0,
  failure_code TEXT,
  failure_message TEXT,
  queued_ms INTEGER,
  CHECK ((cost_minor IS NULL) = (cost_currency IS NULL))
) STRICT;
CREATE INDEX sales_state_created ON sales (state, created_ms);
CREATE INDEX sales_created ON sales (created_ms);
CREATE INDEX sales_phone ON sales (phone, created_ms);

CREATE TABLE attempts (
  sale_id TEXT NOT NULL REFERENCES sales (id),
  attempt_no INTEGER NOT NULL,
  provider TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('topup','replay')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT CHECK (outcome IN ('succeeded','pending','failed','not_processed','unknown','interrupted')),
  error_code TEXT,
  error_message TEXT,
  http_status INTEGER,
  PRIMARY KEY (sale_id, attempt_no)
) STRICT;

CREATE TABLE sale_events (
  seq INTEGER PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (id),
  at TEXT NOT NULL,
  from_state TEXT CHECK (from_state IS NULL OR from_state IN (${STATES})),
  to_state TEXT NOT NULL CHECK (to_state IN (${STATES})),
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX sale_events_sale ON sale_events (sale_id, seq);

CREATE TRIGGER sale_events_gapless BEFORE INSERT ON sale_events
  WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM sale_events)
  BEGIN SELECT RAISE(ABORT, 'sale_events: sequence must continue without gaps'); END;
CREATE TRIGGER sale_events_no_update BEFORE UPDATE ON sale_events
  BEGIN SELECT RAISE(ABORT, 'sale_events is append-only: history cannot be updated'); END;
CREATE TRIGGER sale_events_no_delete BEFORE DELETE ON sale_events
  BEGIN SELECT RAISE(ABORT, 'sale_events is append-only: history cannot be deleted'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
  BEGIN SELECT RAISE(ABORT, 'sales are never deleted'); END;
CREATE TRIGGER sales_terminal BEFORE UPDATE OF state ON sales
  WHEN OLD.state IN ('succeeded','refunded') AND NEW.state IS NOT OLD.state
  BEGIN SELECT RAISE(ABORT, 'a sale in a terminal state never changes state'); END;
CREATE TRIGGER attempts_no_delete BEFORE DELETE ON attempts
  BEGIN SELECT RAISE(ABORT, 'attempts are never deleted'); END;
`;

export const usersSettingsSales: Migration = {
  version: 1,
  name: 'users, settings, sales ledger with hash-chained history',
  up: (db) => db.exec(SQL),
};
