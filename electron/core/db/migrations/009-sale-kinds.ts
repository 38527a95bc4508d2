/**
 * Schema version 9, reserved for issue 14: sale kinds (top-up, bundle, bill), bill payments, international pricing.
 * Until that work lands it changes nothing; it is filled in (never renumbered) before the first release that
 * carries it, so every database passes through the same numbered steps.
 */
import type { Migration } from './migration';

const SQL = `
`;

export const saleKinds: Migration = {
  version: 9,
  name: 'reserved: issue 14: sale kinds (top-up, bundle, bill), bill payments, international pricing',
  up: (db) => db.exec(SQL),
};
