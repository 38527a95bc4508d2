/**
 * What the update policy reads from the settings table and what the updater writes back, each key checked by
 * its zod schema on the way in and on the way out (a value edited by hand into nonsense reads as the default):
 *   updateChannel         'stable' | 'beta'                    [stable]   (downgrades stay off on both)
 *   shopHours             { open, close } on the shop's clock   [8 → 21]
 *   updates.ownerConsent  the owner's confirmation, and whether it also covers a non-empty queue; it lapses
 *                         after CONSENT_VALID_MS so a yes given on Monday does not restart the PC on Friday
 *   updates.lastCheck     when the updater last asked the feed and what it found (for the tech and diagnostics)
 *   updates.versions      the version that ran last and the one before it: "updated from X to Y"
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { LastUpdateCheckSchema, ShopHoursSchema, UpdateChannelSchema } from '../../../shared/contract/updates';
import { readSetting, writeSetting } from '../settings/store';
import type { ShopHours, UpdateChannel } from './policy';

export const UPDATE_CHANNEL_KEY = 'updateChannel';
export const SHOP_HOURS_KEY = 'shopHours';
export const OWNER_CONSENT_KEY = 'updates.ownerConsent';
export const LAST_CHECK_KEY = 'updates.lastCheck';
export const VERSIONS_KEY = 'updates.versions';

export const DEFAULT_UPDATE_CHANNEL: UpdateChannel = 'stable';
export const DEFAULT_SHOP_HOURS: Readonly<ShopHours> = { open: 8, close: 21 };
/** How long the owner's "yes, install" counts: one shop day, not forever. */
export const CONSENT_VALID_MS = 12 * 60 * 60 * 1000;

const OwnerConsentSchema = z.object({ at: z.iso.datetime(), allowNonEmptyQueue: z.boolean() });
export type OwnerConsent = z.infer<typeof OwnerConsentSchema>;

export type LastUpdateCheck = z.infer<typeof LastUpdateCheckSchema>;

const VersionsSchema = z.object({ current: z.string(), previous: z.string().optional(), changedAt: z.iso.datetime().optional() });

export interface UpdateSettings {
  channel: UpdateChannel;
  shopHours: ShopHours;
}

function readChecked<T>(db: Database, key: string, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(readSetting(db, key));
  return parsed.success ? parsed.data : undefined;
}

export function loadUpdateSettings(db: Database): UpdateSettings {
  return {
    channel: readChecked(db, UPDATE_CHANNEL_KEY, UpdateChannelSchema) ?? DEFAULT_UPDATE_CHANNEL,
    shopHours: readChecked(db, SHOP_HOURS_KEY, ShopHoursSchema) ?? { ...DEFAULT_SHOP_HOURS },
  };
}

/** Validates and stores the owner's choices; throws a ZodError (nothing written) when either is invalid. */
export function saveUpdateSettings(db: Database, changes: Partial<UpdateSettings>, at: Date): UpdateSettings {
  const channel = changes.channel === undefined ? undefined : UpdateChannelSchema.parse(changes.channel);
  const shopHours = changes.shopHours === undefined ? undefined : ShopHoursSchema.parse(changes.shopHours);
  db.transaction(() => {
    if (channel !== undefined) writeSetting(db, UPDATE_CHANNEL_KEY, channel, at);
    if (shopHours !== undefined) writeSetting(db, SHOP_HOURS_KEY, shopHours, at);
  })();
  return loadUpdateSettings(db);
}

export interface OwnerPermission {
  ownerConfirmed: boolean;
  ownerAllowsNonEmptyQueue: boolean;
}

/** The owner's standing permission at an instant: none if never given, withdrawn or lapsed. */
export function ownerPermissionAt(db: Database, nowMs: number): OwnerPermission {
  const consent = readChecked(db, OWNER_CONSENT_KEY, OwnerConsentSchema);
  const age = consent ? nowMs - Date.parse(consent.at) : Infinity;
  const valid = age >= 0 && age < CONSENT_VALID_MS;
  return { ownerConfirmed: valid, ownerAllowsNonEmptyQueue: valid && (consent?.allowNonEmptyQueue ?? false) };
}

export function giveOwnerConsent(db: Database, allowNonEmptyQueue: boolean, at: Date): void {
  writeSetting(db, OWNER_CONSENT_KEY, { at: at.toISOString(), allowNonEmptyQueue } satisfies OwnerConsent, at);
}

export function withdrawOwnerConsent(db: Database): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(OWNER_CONSENT_KEY);
}

export function readLastUpdateCheck(db: Database): LastUpdateCheck | null {
  return readChecked(db, LAST_CHECK_KEY, LastUpdateCheckSchema) ?? null;
}

export function recordUpdateCheck(db: Database, check: LastUpdateCheck): void {
  writeSetting(db, LAST_CHECK_KEY, LastUpdateCheckSchema.parse(check), new Date(check.at));
}

export interface VersionChange {
  from: string;
  to: string;
  at: string;
}

/**
 * Records the version starting now and answers the last change of version, if any: the first start after an
 * update records it, and every later start keeps answering it (the screen decides how long to show it).
 */
export function recordRunningVersion(db: Database, version: string, at: Date): VersionChange | null {
  const stored = readChecked(db, VERSIONS_KEY, VersionsSchema);
  if (!stored) {
    writeSetting(db, VERSIONS_KEY, { current: version }, at);
    return null;
  }
  if (stored.current !== version) {
    const changed = { current: version, previous: stored.current, changedAt: at.toISOString() };
    writeSetting(db, VERSIONS_KEY, changed, at);
    return { from: stored.current, to: version, at: changed.changedAt };
  }
  return stored.previous && stored.changedAt ? { from: stored.previous, to: stored.current, at: stored.changedAt } : null;
}
