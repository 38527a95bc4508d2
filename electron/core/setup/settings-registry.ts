/**
 * The registry of every setting the owner may change: its public name (shared/contract/settings.ts, which holds
 * the schemas), the settings-table key it is stored under, its default, and how it is read back. Each reader
 * is the one its owner already uses (the offline and routing policies, the update settings, the shop settings),
 * so a value the registry stores is exactly what selling, receipts and updates read on their next call: a change
 * applies at once. `update` validates every field (an `invalid_input` naming each bad one, nothing stored), then
 * writes the changed keys and one journal entry per key (who, when, from → to) in one transaction.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { SettingsChangesSchema, SettingsValuesSchema, ShopSchema, type SettingKey, type SettingsValues } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { DEFAULT_LOW_BALANCE_THRESHOLDS, LOW_BALANCE_THRESHOLDS_SETTING } from '../../../shared/contract/accounts';
import { DEFAULT_SHIFT_POLICY, SHIFT_POLICY_SETTING_KEY } from '../../../shared/contract/backoffice';
import type { Journal } from '../journal/journal';
import { loadOfflinePolicy, loadRoutingPolicy, OFFLINE_POLICY_KEY, ROUTING_POLICY_KEY } from '../sales/policy';
import { readSetting, type SettingsStore } from '../settings/store';
import { writeJournaledSetting } from '../settings/journaled-write';
import { loadUpdateSettings, SHOP_HOURS_KEY, UPDATE_CHANNEL_KEY } from '../updates/settings';

export const RECEIPT_FOOTER_KEY = 'receiptFooter';
// The back office and the accounts own these two keys' meaning, schema and default (their contracts).
export const LOW_BALANCE_THRESHOLDS_KEY = LOW_BALANCE_THRESHOLDS_SETTING;
export const SHIFT_POLICY_KEY = SHIFT_POLICY_SETTING_KEY;

export const DEFAULT_RECEIPT_FOOTER = '';

/** Where each public setting lives in the settings table. */
export const SETTING_STORAGE_KEYS: Readonly<Record<SettingKey, string>> = {
  language: 'language',
  kiosk: 'kiosk',
  shop: 'shop',
  receiptFooter: RECEIPT_FOOTER_KEY,
  receiptWidthMm: 'receiptWidthMm',
  timeZone: 'timeZone',
  dayStartHour: 'dayStartHour',
  resellWindowMinutes: 'resellWindowMinutes',
  idleSignOutMinutes: 'idleSignOutMinutes',
  offlinePolicy: OFFLINE_POLICY_KEY,
  routing: ROUTING_POLICY_KEY,
  lowBalanceThresholds: LOW_BALANCE_THRESHOLDS_KEY,
  shiftPolicy: SHIFT_POLICY_KEY,
  updateChannel: UPDATE_CHANNEL_KEY,
  shopHours: SHOP_HOURS_KEY,
};

function readChecked<T>(db: Database, key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(readSetting(db, key));
  return parsed.success ? parsed.data : fallback;
}

/** Every setting as the code reads it now (the default where nothing valid is stored). */
export function readSettingsValues(db: Database, store: SettingsStore): SettingsValues {
  const shop = store.read();
  const updates = loadUpdateSettings(db);
  return {
    language: shop.language,
    kiosk: shop.kiosk,
    // The counter's settings.get shows name and address; phone and RFC ride in the same stored object.
    shop: readChecked(db, 'shop', ShopSchema, shop.shop),
    receiptFooter: readChecked(db, RECEIPT_FOOTER_KEY, SettingsValuesSchema.shape.receiptFooter, DEFAULT_RECEIPT_FOOTER),
    receiptWidthMm: shop.receiptWidthMm,
    timeZone: shop.timeZone,
    dayStartHour: shop.dayStartHour,
    resellWindowMinutes: shop.resellWindowMinutes,
    idleSignOutMinutes: shop.idleSignOutMinutes,
    offlinePolicy: loadOfflinePolicy(db),
    routing: loadRoutingPolicy(db),
    lowBalanceThresholds: { ...DEFAULT_LOW_BALANCE_THRESHOLDS, ...readChecked(db, LOW_BALANCE_THRESHOLDS_KEY, SettingsValuesSchema.shape.lowBalanceThresholds, {}) },
    shiftPolicy: readChecked(db, SHIFT_POLICY_KEY, SettingsValuesSchema.shape.shiftPolicy, { ...DEFAULT_SHIFT_POLICY }),
    updateChannel: updates.channel,
    shopHours: updates.shopHours,
  };
}

/** zod's issues as the contract's "path: problem" lines. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`);
}

export interface SettingsRegistry {
  values(): SettingsValues;
  /** Validates `changes` (unknown keys and bad values: invalid_input, nothing stored), stores and journals them. */
  update(changes: unknown, actorId: string | null): { values: SettingsValues; changed: SettingKey[] };
  /** Whether the shop has ever stored this setting (the set-up's "step done"). */
  isStored(key: SettingKey): boolean;
}

export function createSettingsRegistry(deps: { db: Database; store: SettingsStore; journal: Journal; clock: () => Date }): SettingsRegistry {
  const { db, store, journal, clock } = deps;
  const values = (): SettingsValues => readSettingsValues(db, store);
  const storedRow = db.prepare<[string], { key: string }>('SELECT key FROM settings WHERE key = ?');

  const apply = db.transaction((changes: Partial<SettingsValues>, actorId: string | null): SettingKey[] => {
    const before = values();
    const at = clock();
    const changed: SettingKey[] = [];
    for (const key of Object.keys(changes) as SettingKey[]) {
      const to = changes[key];
      if (to === undefined) continue;
      if (writeJournaledSetting(db, journal, { storageKey: SETTING_STORAGE_KEYS[key], subject: key, from: before[key], to, actorId, at })) changed.push(key);
    }
    return changed;
  });

  return {
    values,
    update(changes, actorId) {
      const parsed = SettingsChangesSchema.safeParse(changes);
      if (!parsed.success) throw new AppError('invalid_input', 'Some settings are not valid; nothing was changed', describeIssues(parsed.error));
      const changed = apply.immediate(parsed.data, actorId);
      return { values: values(), changed };
    },
    isStored: (key) => storedRow.get(SETTING_STORAGE_KEYS[key]) !== undefined,
  };
}
