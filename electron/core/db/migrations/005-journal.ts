/**
 * Schema version 5: the journal, the shop's history of everything that is not a sale's own state change —
 * settings changed, people added or disabled, shifts opened and closed, cash moved, days closed, deposits
 * recorded. Append-only and hash-chained like sale_events (its own chain; see core/journal). A released
 * migration never changes.
 */
import type { Migration } from './migration';

const SQL = `
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT,
  kind TEXT NOT NULL CHECK (kind GLOB '[a-z]*.[a-z]*'),
  subject TEXT,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX journal_kind ON journal (kind, seq);
CREATE INDEX journal_subject ON journal (subject, seq);

CREATE TRIGGER journal_gapless BEFORE INSERT ON journal
  WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal)
  BEGIN SELECT RAISE(ABORT, 'journal: sequence must continue without gaps'); END;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only: history cannot be updated'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only: history cannot be deleted'); END;
`;

export const journal: Migration = {
  version: 5,
  name: 'journal: hash-chained history of settings, people, shifts, cash and day closes',
  up: (db) => db.exec(SQL),
};
