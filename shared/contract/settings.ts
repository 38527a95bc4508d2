/**
 * The owner's settings: one registry of every setting the code reads, each with its zod schema. The core
 * (electron/core/settings/registry.ts) adds the defaults and the storage; `settings.update` validates a change
 * field by field (an `invalid_input` whose issues name each bad field, e.g. "offlinePolicy.maxSale.minor: …"),
 * stores it at once and journals who changed what from what to what. `settings.get` (app.ts) stays as it was
 * for the counter; `settings.values` answers every key of this registry.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../business-day';
import { PositiveMoneySchema } from '../money';
import { ProviderIdSchema } from './app';
import { defineChannel } from './define';
import { ShopHoursSchema, UpdateChannelSchema } from './updates';
// Their meaning, schema and default belong to the back office and the accounts; the registry stores them.
import { LowBalanceThresholdsSchema } from './accounts';
import { ShiftPolicySchema } from './backoffice';

const CarrierOrderSchema = z.array(ProviderIdSchema).min(1, 'at least one provider').refine((ids) => new Set(ids).size === ids.length, 'a provider appears twice');

/** The shop as the receipt header prints it. RFC: the Mexican tax id (12 characters for a company, 13 for a person). */
export const ShopSchema = z
  .object({
    name: z.string().min(1, 'the shop needs a name').max(60, 'at most 60 characters').regex(/\S/, 'the shop needs a name'),
    address: z.string().max(200, 'at most 200 characters'),
    phone: z.string().regex(/^[\d +()-]{0,20}$/, 'digits, spaces, + ( ) - only, at most 20').optional(),
    /** Capital letters, as the SAT writes it (empty: none). */
    rfc: z.string().regex(/^([A-ZÑ&]{3,4}\d{6}[A-Z\d]{3})?$/, 'an RFC is 12 or 13 capital letters and digits, e.g. XAXX010101000').optional(),
  })
  .strict();

export const OfflinePolicySettingSchema = z
  .object({
    enabled: z.boolean(),
    /** Largest single queued sale. */
    maxSale: PositiveMoneySchema,
    /** Largest total queued at once. */
    maxQueuedTotal: PositiveMoneySchema,
    /** How long a queued sale may wait before it fails and is owed back: 5 minutes to 7 days. */
    maxAgeMs: z.number().int().min(5 * 60_000, 'at least 5 minutes').max(7 * 24 * 3_600_000, 'at most 7 days'),
  })
  .strict()
  .superRefine((policy, context) => {
    if (policy.maxSale.currency !== policy.maxQueuedTotal.currency) {
      context.addIssue({ code: 'custom', path: ['maxQueuedTotal', 'currency'], message: 'must be the currency of maxSale' });
    } else if (policy.maxQueuedTotal.minor < policy.maxSale.minor) {
      context.addIssue({ code: 'custom', path: ['maxQueuedTotal', 'minor'], message: 'must be at least the largest single sale' });
    }
  });

/** Providers in the order they are tried, per country (ISO alpha-2) and optionally per carrier. */
export const RoutingSettingSchema = z
  .object({
    countries: z.record(
      z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. MX'),
      z.object({ default: CarrierOrderSchema, carriers: z.record(z.string().min(1).max(40), CarrierOrderSchema).optional() }).strict(),
    ),
    fallback: CarrierOrderSchema,
  })
  .strict();

/** Below this prepaid balance a provider is shown as low (the back office reads it). */

/** Every setting the owner may change, by its public name (the CLI's `settings set KEY VALUE` uses these names). */
export const SettingsValuesSchema = z.object({
  language: z.enum(['es-MX', 'en']),
  kiosk: z.boolean(),
  shop: ShopSchema,
  receiptFooter: z.string().max(200, 'at most 200 characters'),
  receiptWidthMm: z.union([z.literal(58), z.literal(80)], { error: '58 or 80' }),
  timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone, e.g. America/Mexico_City'),
  dayStartHour: z.number().int().min(0).max(23),
  resellWindowMinutes: z.number().int().min(0).max(120),
  idleSignOutMinutes: z.number().int().min(1).max(240),
  offlinePolicy: OfflinePolicySettingSchema,
  routing: RoutingSettingSchema,
  lowBalanceThresholds: LowBalanceThresholdsSchema,
  shiftPolicy: ShiftPolicySchema,
  updateChannel: UpdateChannelSchema,
  shopHours: ShopHoursSchema,
});
export type SettingsValues = z.infer<typeof SettingsValuesSchema>;
export type SettingKey = keyof SettingsValues;
export const SETTING_KEYS = Object.keys(SettingsValuesSchema.shape) as SettingKey[];

/** A change of some settings: only known keys, each valid, or nothing is stored. */
export const SettingsChangesSchema = SettingsValuesSchema.partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one setting to change');

export const settingsChannels = {
  'settings.values': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ values: SettingsValuesSchema }),
    access: 'owner',
    description: 'Every setting of the registry with its current value (defaults where nothing is stored)',
  }),
  'settings.update': defineChannel({
    input: SettingsChangesSchema,
    output: z.object({ values: SettingsValuesSchema, changed: z.array(z.string()) }),
    access: 'owner',
    description: 'Changes some settings at once; each change is journaled (who, when, from → to); a bad field changes nothing',
  }),
};
