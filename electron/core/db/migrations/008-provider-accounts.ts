/**
 * Schema version 8 (issue 13): the shop's accounts with its providers. Deposits the owner records (each also a
 * journal entry, `deposit.recorded`, written in the same transaction) and every balance read from a provider,
 * so the float check can compare a day's opening balance + deposits − the cost of its delivered sales with the
 * balance the provider reported at its end. Both tables are append-only: a wrong deposit is corrected by a new
 * one (negative amounts are refused, so a correction is a journaled note, never an edit). A released migration
 * never changes.
 */
import type { Migration } from './migration';

const SQL = `
CREATE TABLE provider_deposits (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  business_day TEXT NOT NULL CHECK (business_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The instant the deposit counts from in the float check: when it was recorded for today, else its day's start.
  effective_ms INTEGER NOT NULL,
  reference TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 80),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  journal_seq INTEGER NOT NULL
) STRICT;
-- One bank transfer is one deposit: the same reference twice for a provider is a mistake, refused.
CREATE UNIQUE INDEX provider_deposits_reference ON provider_deposits (provider, reference);
CREATE INDEX provider_deposits_effective ON provider_deposits (provider, effective_ms);
CREATE TRIGGER provider_deposits_no_update BEFORE UPDATE ON provider_deposits
  BEGIN SELECT RAISE(ABORT, 'provider_deposits is append-only'); END;
CREATE TRIGGER provider_deposits_no_delete BEFORE DELETE ON provider_deposits
  BEGIN SELECT RAISE(ABORT, 'provider_deposits is append-only'); END;

CREATE TABLE provider_balance_readings (
  provider TEXT NOT NULL,
  read_ms INTEGER NOT NULL,
  read_at TEXT NOT NULL,
  balance_minor INTEGER NOT NULL,
  available_minor INTEGER NOT NULL,
  credit_limit_minor INTEGER,
  currency TEXT NOT NULL CHECK (length(currency) = 3)
) STRICT;
CREATE INDEX provider_balance_readings_at ON provider_balance_readings (provider, read_ms);
`;

export const providerAccounts: Migration = {
  version: 8,
  name: 'provider accounts: deposits and balance readings',
  up: (db) => db.exec(SQL),
};
