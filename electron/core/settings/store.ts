/**
 * The shop's own settings (language, kiosk, shop name and address for receipts, receipt paper width), one
 * row per key in the `settings` table, each value JSON checked by its zod schema when read. A value that no
 * longer parses (edited by hand, written by a newer app) is reported and the default is used: bad input from
 * a file changes nothing and crashes nothing. Provider credentials are not here: see providers/config.ts.
 * readSetting/writeSetting are the one way into the table for other owners of a key (the sales policies).
 */
import { z } from 'zod';
import type { Database } from 'better-sqlite3';
import { DEFAULT_BUSINESS_DAY_RULE } from '../../../shared/business-day';
import { SettingsViewSchema } from '../../../shared/contract/app';
import type { Logger } from '../kernel/logger';

export const ShopSettingsSchema = SettingsViewSchema.omit({ providers: true });
export type ShopSettings = z.infer<typeof ShopSettingsSchema>;

const KEY_SCHEMAS = ShopSettingsSchema.shape;
type Key = keyof ShopSettings;

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  language: 'es-MX',
  kiosk: false,
  shop: { name: 'Mi Tienda', address: '' },
  receiptWidthMm: 58,
  ...DEFAULT_BUSINESS_DAY_RULE,
  resellWindowMinutes: 10,
};

/** One setting's raw value (JSON), or undefined when absent or unreadable. Callers parse it with their schema. */
export function readSetting(db: Database, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores one setting as JSON (insert or replace). */
export function writeSetting(db: Database, key: string, value: unknown, at: Date = new Date()): void {
  db.prepare<[string, string, string]>(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), at.toISOString());
}

export interface SettingsStore {
  read(): ShopSettings;
  update(changes: Partial<ShopSettings>): ShopSettings;
}

export function createSettingsStore(db: Database, logger: Logger, clock: () => Date = () => new Date()): SettingsStore {
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');

  function read(): ShopSettings {
    const settings: ShopSettings = structuredClone(DEFAULT_SHOP_SETTINGS);
    for (const row of selectAll.all()) {
      if (!(row.key in KEY_SCHEMAS)) continue;
      const key = row.key as Key;
      let parsed: z.ZodSafeParseResult<unknown>;
      try {
        parsed = KEY_SCHEMAS[key].safeParse(JSON.parse(row.value));
      } catch {
        parsed = { success: false } as z.ZodSafeParseResult<unknown>;
      }
      if (parsed.success) (settings as Record<Key, unknown>)[key] = parsed.data;
      else logger.warn('settings.unreadable_value', { key, usingDefault: true });
    }
    return settings;
  }

  const writeAll = db.transaction((changes: Partial<ShopSettings>) => {
    const at = clock();
    for (const [key, value] of Object.entries(changes)) writeSetting(db, key, value, at);
  });

  return {
    read,
    update(changes) {
      const checked = ShopSettingsSchema.partial().strict().parse(changes);
      writeAll(checked);
      return read();
    },
  };
}
