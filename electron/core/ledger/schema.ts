/**
 * The ledger's tables, as SQL the migrations run. STRICT tables; money as integer minor units with the
 * currency in the next column; exchange rates as decimal text. History (sale_events) is append-only,
 * enforced by triggers, with a gapless sequence and a SHA-256 chain checked by ./chain.ts.
 */

const STATES = `'created','queued','sending','pending','unknown','succeeded','failed','refund_due','refunded'`;

export const LEDGER_SCHEMA_V1 = `
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

export const LEDGER_SCHEMA_V2 = `
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
