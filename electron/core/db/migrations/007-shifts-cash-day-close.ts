/**
 * Schema version 7, reserved for issue 13: shifts, cash movements, day closes (Z).
 * Until that work lands it changes nothing; it is filled in (never renumbered) before the first release that
 * carries it, so every database passes through the same numbered steps.
 */
import type { Migration } from './migration';

const SQL = `
`;

export const shiftsCashDayClose: Migration = {
  version: 7,
  name: 'reserved: issue 13: shifts, cash movements, day closes (Z)',
  up: (db) => db.exec(SQL),
};
