/**
 * Channels about updates: what the update policy (electron/core/updates/policy.ts) decides now and why, the
 * owner's confirmation, and the owner's update settings. The channel names, decisions and reason codes are
 * declared here once; the core's policy uses these very lists.
 */
import { z } from 'zod';
import { defineChannel } from './define';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const UPDATE_DECISIONS = ['install-now', 'wait', 'ask-owner'] as const;
/** Stable codes: the app shows each as a sentence in Spanish or English. */
export const UPDATE_REASON_CODES = [
  'no_update_downloaded',
  'sale_in_flight',
  'offline_queue_not_empty',
  'outcomes_unresolved',
  'shop_open_needs_owner',
  'shop_open_owner_confirmed',
  'shop_closed',
] as const;

export const UPDATE_CHECK_RESULTS = ['up-to-date', 'downloading', 'downloaded', 'error'] as const;

export const UpdateChannelSchema = z.enum(UPDATE_CHANNELS);

/** When the app last asked the update feed and what it found (version: the one offered, or the running one). */
export const LastUpdateCheckSchema = z.object({
  at: z.iso.datetime(),
  result: z.enum(UPDATE_CHECK_RESULTS),
  version: z.string().optional(),
  error: z.string().optional(),
});

/** Whole hours on the shop's clock: open 0–23, close 1–24; close before open crosses midnight; 0 → 24 is all day. */
export const ShopHoursSchema = z
  .object({
    open: z.number().int().min(0).max(23),
    close: z.number().int().min(1).max(24),
  })
  .strict()
  .refine((hours) => hours.open !== hours.close, 'open and close must differ (0 → 24 is open all day; a close before the open hour crosses midnight)');

export const UpdatePolicyResultSchema = z.object({
  decision: z.enum(UPDATE_DECISIONS),
  reason: z.object({ code: z.enum(UPDATE_REASON_CODES), message: z.string() }),
  shopOpen: z.boolean(),
});

export const UpdateStatusSchema = z.object({
  version: z.string(),
  /** The decision now (with the update the app last downloaded, if any). */
  policy: UpdatePolicyResultSchema,
  /** The decision if an update were ready now, so the owner hears what would happen before one arrives. */
  ifUpdateReady: UpdatePolicyResultSchema,
  /** What in the ledger holds an update back. */
  ledger: z.object({ sending: z.boolean(), queued: z.number().int(), unknown: z.number().int(), pending: z.number().int() }),
  channel: UpdateChannelSchema,
  shopHours: z.object({ open: z.number().int(), close: z.number().int() }),
  timeZone: z.string(),
  ownerConfirmed: z.boolean(),
  ownerAllowsNonEmptyQueue: z.boolean(),
  lastCheck: LastUpdateCheckSchema.nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const updatesChannels = {
  'updates.status': defineChannel({
    input: z.object({}).strict(),
    output: UpdateStatusSchema,
    access: 'tech',
    description: 'Whether a downloaded update may install now and why, the channel, shop hours and the last check',
  }),
  'updates.confirm': defineChannel({
    input: z.object({ allowNonEmptyQueue: z.boolean() }).strict(),
    output: UpdateStatusSchema,
    access: 'owner',
    description: 'The owner’s yes (valid 12 h): install at the next idle moment, optionally even with a non-empty queue',
  }),
  'updates.configure': defineChannel({
    input: z.object({ channel: UpdateChannelSchema.optional(), shopHours: ShopHoursSchema.optional() }).strict(),
    output: UpdateStatusSchema,
    access: 'owner',
    description: 'The owner’s update settings: stable or beta channel (never a downgrade), shop hours',
  }),
};
