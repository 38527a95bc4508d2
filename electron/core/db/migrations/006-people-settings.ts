/**
 * Schema version 6, reserved for issue 10: people (disable, tech role), demo marking of sales, settings journal.
 * Until that work lands it changes nothing; it is filled in (never renumbered) before the first release that
 * carries it, so every database passes through the same numbered steps.
 */
import type { Migration } from './migration';

const SQL = `
`;

export const peopleSettings: Migration = {
  version: 6,
  name: 'reserved: issue 10: people (disable, tech role), demo marking of sales, settings journal',
  up: (db) => db.exec(SQL),
};
