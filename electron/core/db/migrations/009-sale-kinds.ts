/**
 * Schema version 9 (issue 14): what a sale sells. `kind` says top-up, bundle or bill for reports and exports;
 * an international top-up or a bill keeps what was sent in USD (`face_*`) beside the pesos charged (`price_*`),
 * with the shop's rate and markup as decimal text; "No sé la compañía" keeps `carrier` as the cashier named it
 * ('') and the provider's answer in `detected_carrier`; a bill keeps its terms (biller, account, rush, amount,
 * fee) as JSON. Existing rows read as top-ups. A released migration never changes.
 */
import type { Migration } from './migration';

const SQL = `
ALTER TABLE sales ADD COLUMN kind TEXT NOT NULL DEFAULT 'topup' CHECK (kind IN ('topup', 'bundle', 'bill'));
ALTER TABLE sales ADD COLUMN face_minor INTEGER CHECK (face_minor IS NULL OR face_minor > 0);
ALTER TABLE sales ADD COLUMN face_currency TEXT CHECK (face_currency IS NULL OR length(face_currency) = 3);
ALTER TABLE sales ADD COLUMN shop_rate TEXT;
ALTER TABLE sales ADD COLUMN markup_percent TEXT;
ALTER TABLE sales ADD COLUMN carrier_detect INTEGER NOT NULL DEFAULT 0 CHECK (carrier_detect IN (0, 1));
ALTER TABLE sales ADD COLUMN detected_carrier TEXT;
ALTER TABLE sales ADD COLUMN bill_terms TEXT;
CREATE INDEX sales_kind_created ON sales (kind, created_ms);
`;

export const saleKinds: Migration = {
  version: 9,
  name: 'sale kinds (top-up, bundle, bill), USD face value with the shop rate and markup, detected carrier, bill terms',
  up: (db) => db.exec(SQL),
};
