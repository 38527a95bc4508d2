/**
 * Schema version 6: demo sales kept apart from a live shop's (issue 10). The users table already has what
 * people management needs (role tech, demo, disabled_at: migration 3).
 * - sales.is_demo: 1 for a sale made in demo mode (against the sandboxes). Live reports leave them out
 *   (ledger/live-sales.ts, LIVE_SALES_CONDITION) and a live start closes the unresolved ones so nothing is ever
 *   sent to a real provider for them (setup/demo-to-live.ts).
 * - Who sets it: the core records the mode it started in as the setting `app.mode` before any sale can start, and
 *   a trigger marks each new sale from that setting, so the ledger's own insert needs no knowledge of modes.
 * - Sales already in the table: those sold by the demo cashier or owner are demo sales (in live mode those users
 *   cannot sign in; in demo mode they are the only users there are).
 * A released migration never changes.
 */
import type { Migration } from './migration';

const SQL = `
ALTER TABLE sales ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
UPDATE sales SET is_demo = 1 WHERE cashier_id IN (SELECT id FROM users WHERE demo = 1);
CREATE INDEX sales_demo ON sales (is_demo, state);
CREATE TRIGGER sales_mark_demo AFTER INSERT ON sales
  WHEN (SELECT value FROM settings WHERE key = 'app.mode') = '"demo"'
  BEGIN UPDATE sales SET is_demo = 1 WHERE id = NEW.id; END;
`;

export const peopleSettings: Migration = {
  version: 6,
  name: 'sales.is_demo, marked by the mode the core runs in',
  up: (db) => db.exec(SQL),
};
