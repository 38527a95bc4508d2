/**
 * Schema version 7 (issue 13): shifts of this PC's drawer, cash movements, day closes (Z) and the indexes the
 * owner's reports read. STRICT tables, money as integer minor units with the currency beside it.
 * - shifts: one open at a time (partial unique index); the figures of the count are frozen when the cashier
 *   ends it and never change after; a closed shift never changes; none is deleted.
 * - cash_movements and day_closes (with their open items) are append-only; day closes are numbered gaplessly.
 * - sales.cost_shop_minor: the provider's cost in the sale's own currency at the rate recorded on the sale
 *   ("1 cost currency = rate price currency", Relier's 1 USD = 17.0068 MXN), rounded half-up, computed by SQLite
 *   from the stored columns (never stored twice). It equals shared/money.ts convertByMultiplying for every
 *   currency Saldo knows (all have 2 minor digits; test/backoffice/cost-column.test.ts checks it). A rate it
 *   cannot read exactly (not plain decimal text, more than 8 decimals, a product beyond 64 bits) gives NULL:
 *   the cost counts as unknown rather than wrong.
 * - sales_hourly: running sums per UTC hour, state, currency and cost currency, kept by triggers on every insert
 *   and every update of sales (the old row's part taken out, the new row's put in), so a month's report reads a
 *   few thousand rows instead of every sale. Built from the existing sales here; reports check it against the
 *   sales themselves in tests (test/backoffice/summary.test.ts).
 * - Sales recorded before shifts existed carry a derived shift id (shift-<day>-<cashier>); each such id becomes a
 *   closed legacy shift, so every sale belongs to exactly one shift row.
 * A released migration never changes.
 */
import type { Migration } from './migration';

const RATE_IS_DECIMAL = `exchange_rate GLOB '[0-9]*' AND exchange_rate NOT GLOB '*[^0-9.]*' AND exchange_rate NOT GLOB '*.*.*' AND exchange_rate NOT GLOB '*.'`;
const RATE_SCALE = `(CASE WHEN instr(exchange_rate, '.') = 0 THEN 0 ELSE length(exchange_rate) - instr(exchange_rate, '.') END)`;
const POW10_OF_SCALE = `(CASE ${RATE_SCALE} ${[0, 1, 2, 3, 4, 5, 6, 7, 8].map((scale) => `WHEN ${scale} THEN ${10 ** scale}`).join(' ')} END)`;
const RATE_UNITS = `CAST(replace(exchange_rate, '.', '') AS INTEGER)`;

/** half-up of cost × rate for non-negative numbers: (2·cost·units + 10^scale) div (2·10^scale). */
const COST_SHOP_MINOR = `CASE
    WHEN cost_minor IS NULL THEN NULL
    WHEN cost_currency = price_currency THEN cost_minor
    WHEN exchange_rate IS NULL OR NOT (${RATE_IS_DECIMAL}) OR ${RATE_SCALE} > 8 THEN NULL
    WHEN cost_minor < 0 OR cost_minor > 100000000 OR ${RATE_UNITS} > 10000000000 THEN NULL
    ELSE (2 * cost_minor * ${RATE_UNITS} + ${POW10_OF_SCALE}) / (2 * ${POW10_OF_SCALE})
  END`;

/** A row's part in sales_hourly, from the NEW or OLD row (`side`), with `sign` 1 or -1. */
function hourlyUpsert(side: 'NEW' | 'OLD', sign: 1 | -1): string {
  const known = `${side}.state = 'succeeded' AND ${side}.cost_shop_minor IS NOT NULL`;
  const signed = (expression: string) => (sign === 1 ? expression : `-(${expression})`);
  return `INSERT INTO sales_hourly (hour, state, currency, cost_currency, n, amount, known_n, known_price, known_cost, charged)
    VALUES (${side}.created_ms / 3600000, ${side}.state, ${side}.price_currency, CASE WHEN ${known} THEN ${side}.cost_currency ELSE '' END,
      ${sign}, ${signed(`${side}.price_minor`)}, ${signed(`CASE WHEN ${known} THEN 1 ELSE 0 END`)}, ${signed(`CASE WHEN ${known} THEN ${side}.price_minor ELSE 0 END`)},
      ${signed(`CASE WHEN ${known} THEN ${side}.cost_shop_minor ELSE 0 END`)}, ${signed(`CASE WHEN ${known} THEN ${side}.cost_minor ELSE 0 END`)})
    ON CONFLICT (hour, state, currency, cost_currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, known_n = known_n + excluded.known_n,
      known_price = known_price + excluded.known_price, known_cost = known_cost + excluded.known_cost, charged = charged + excluded.charged;`;
}

const HOURLY_SQL = `
CREATE TABLE sales_hourly (
  hour INTEGER NOT NULL,
  state TEXT NOT NULL,
  currency TEXT NOT NULL,
  cost_currency TEXT NOT NULL,
  n INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  known_n INTEGER NOT NULL,
  known_price INTEGER NOT NULL,
  known_cost INTEGER NOT NULL,
  charged INTEGER NOT NULL,
  PRIMARY KEY (hour, state, currency, cost_currency)
) STRICT, WITHOUT ROWID;
INSERT INTO sales_hourly (hour, state, currency, cost_currency, n, amount, known_n, known_price, known_cost, charged)
  SELECT created_ms / 3600000, state, price_currency, CASE WHEN state = 'succeeded' AND cost_shop_minor IS NOT NULL THEN cost_currency ELSE '' END,
         COUNT(*), SUM(price_minor),
         COUNT(CASE WHEN state = 'succeeded' AND cost_shop_minor IS NOT NULL THEN 1 END),
         COALESCE(SUM(CASE WHEN state = 'succeeded' AND cost_shop_minor IS NOT NULL THEN price_minor END), 0),
         COALESCE(SUM(CASE WHEN state = 'succeeded' AND cost_shop_minor IS NOT NULL THEN cost_shop_minor END), 0),
         COALESCE(SUM(CASE WHEN state = 'succeeded' AND cost_shop_minor IS NOT NULL THEN cost_minor END), 0)
    FROM sales GROUP BY 1, 2, 3, 4;
CREATE TRIGGER sales_hourly_insert AFTER INSERT ON sales BEGIN
  ${hourlyUpsert('NEW', 1)}
END;
CREATE TRIGGER sales_hourly_update AFTER UPDATE OF state, created_ms, price_minor, price_currency, cost_minor, cost_currency, exchange_rate ON sales BEGIN
  ${hourlyUpsert('OLD', -1)}
  ${hourlyUpsert('NEW', 1)}
END;
`;

const SQL = `
ALTER TABLE sales ADD COLUMN cost_shop_minor INTEGER GENERATED ALWAYS AS (${COST_SHOP_MINOR}) VIRTUAL;

-- A report reads a range of created_ms and nothing outside this index (grouped by state, cashier, carrier...).
CREATE INDEX sales_report ON sales (created_ms, state, price_currency, price_minor, cost_shop_minor, cost_currency, cost_minor, cashier_id, carrier, provider, shift_id);
CREATE INDEX sales_shift ON sales (shift_id, state);
${HOURLY_SQL}
-- Refunds paid in a period and in a shift; when a sale settled after a Z.
CREATE INDEX sale_events_to_state ON sale_events (to_state, at);

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('open','ended','closed')),
  business_day TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_ms INTEGER NOT NULL,
  opened_by TEXT NOT NULL,
  auto_opened INTEGER NOT NULL DEFAULT 0 CHECK (auto_opened IN (0, 1)),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
  ended_at TEXT,
  ended_ms INTEGER,
  ended_by TEXT,
  counted_minor INTEGER CHECK (counted_minor IS NULL OR counted_minor >= 0),
  count_detail TEXT,
  cash_sales_minor INTEGER,
  refunds_paid_minor INTEGER,
  cash_in_minor INTEGER,
  cash_out_minor INTEGER,
  expected_minor INTEGER,
  closed_at TEXT,
  closed_ms INTEGER,
  closed_by TEXT,
  note TEXT,
  legacy INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1)),
  CHECK ((state = 'open') = (ended_at IS NULL) OR legacy = 1),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX shifts_one_open ON shifts (state) WHERE state = 'open';
CREATE INDEX shifts_opened ON shifts (opened_ms);

INSERT INTO shifts (id, state, business_day, opened_at, opened_ms, opened_by, currency, float_minor, closed_at, closed_ms, closed_by, note, legacy)
  SELECT shift_id, 'closed',
         CASE WHEN shift_id GLOB 'shift-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*' THEN substr(shift_id, 7, 10) ELSE substr(MIN(created_at), 1, 10) END,
         MIN(created_at), MIN(created_ms), MIN(cashier_id), MIN(price_currency), 0, MAX(updated_at), MAX(created_ms), 'migration',
         'recorded before shifts were counted', 1
    FROM sales GROUP BY shift_id;

CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
  BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;
CREATE TRIGGER shifts_forward_only BEFORE UPDATE OF state ON shifts
  WHEN NOT ((OLD.state = 'open' AND NEW.state = 'ended') OR (OLD.state = 'ended' AND NEW.state = 'closed'))
  BEGIN SELECT RAISE(ABORT, 'a shift moves only open → ended → closed'); END;
CREATE TRIGGER shifts_count_frozen BEFORE UPDATE ON shifts
  WHEN OLD.state <> 'open' AND (NEW.counted_minor IS NOT OLD.counted_minor OR NEW.expected_minor IS NOT OLD.expected_minor
    OR NEW.float_minor IS NOT OLD.float_minor OR NEW.cash_sales_minor IS NOT OLD.cash_sales_minor
    OR NEW.refunds_paid_minor IS NOT OLD.refunds_paid_minor OR NEW.cash_in_minor IS NOT OLD.cash_in_minor
    OR NEW.cash_out_minor IS NOT OLD.cash_out_minor OR NEW.ended_at IS NOT OLD.ended_at OR NEW.opened_ms IS NOT OLD.opened_ms)
  BEGIN SELECT RAISE(ABORT, 'a counted shift''s figures never change'); END;
CREATE TRIGGER shifts_closed_final BEFORE UPDATE ON shifts
  WHEN OLD.state = 'closed'
  BEGIN SELECT RAISE(ABORT, 'a closed shift never changes'); END;

CREATE TABLE cash_movements (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL REFERENCES shifts (id),
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200)
) STRICT;
CREATE INDEX cash_movements_shift ON cash_movements (shift_id, at_ms);
CREATE INDEX cash_movements_at ON cash_movements (at_ms);
CREATE TRIGGER cash_movements_open_shift BEFORE INSERT ON cash_movements
  WHEN (SELECT state FROM shifts WHERE id = NEW.shift_id) IS NOT 'open'
  BEGIN SELECT RAISE(ABORT, 'cash moves only in an open shift'); END;
CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
  BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;
CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
  BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;

CREATE TABLE day_closes (
  number INTEGER PRIMARY KEY CHECK (number > 0),
  business_day TEXT NOT NULL UNIQUE,
  closed_at TEXT NOT NULL,
  closed_ms INTEGER NOT NULL,
  closed_by TEXT NOT NULL,
  first_seq INTEGER,
  last_seq INTEGER,
  chain_head TEXT,
  grand_total_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  body TEXT NOT NULL
) STRICT;
CREATE TRIGGER day_closes_gapless BEFORE INSERT ON day_closes
  WHEN NEW.number IS NOT (SELECT COALESCE(MAX(number), 0) + 1 FROM day_closes)
  BEGIN SELECT RAISE(ABORT, 'day closes are numbered without gaps'); END;
CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
  BEGIN SELECT RAISE(ABORT, 'a Z is never edited'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
  BEGIN SELECT RAISE(ABORT, 'a Z is never deleted'); END;

CREATE TABLE day_close_open_items (
  z_number INTEGER NOT NULL REFERENCES day_closes (number),
  sale_id TEXT NOT NULL REFERENCES sales (id),
  state_at_close TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  PRIMARY KEY (z_number, sale_id)
) STRICT;
CREATE INDEX day_close_open_items_sale ON day_close_open_items (sale_id);
CREATE TRIGGER day_close_open_items_no_update BEFORE UPDATE ON day_close_open_items
  BEGIN SELECT RAISE(ABORT, 'a Z is never edited'); END;
CREATE TRIGGER day_close_open_items_no_delete BEFORE DELETE ON day_close_open_items
  BEGIN SELECT RAISE(ABORT, 'a Z is never edited'); END;
`;

export const shiftsCashDayClose: Migration = {
  version: 7,
  name: 'shifts, cash movements, day closes (Z), report indexes and the sale cost in shop currency',
  up: (db) => db.exec(SQL),
};
