/**
 * Schema version 8, reserved for issue 13: deposits, balance snapshots, reconciliation.
 * Until that work lands it changes nothing; it is filled in (never renumbered) before the first release that
 * carries it, so every database passes through the same numbered steps.
 */
import type { Migration } from './migration';

const SQL = `
`;

export const providerAccounts: Migration = {
  version: 8,
  name: 'reserved: issue 13: deposits, balance snapshots, reconciliation',
  up: (db) => db.exec(SQL),
};
