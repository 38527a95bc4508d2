/**
 * First-run set-up: a fresh install (no owner) shows the set-up screen, whose steps are saved one at a time so it
 * can be left and resumed. While the shop has no active owner anyone at the screen may save a step (there is no one
 * to sign in as); once an owner exists only an owner may, and `setup.status` tells a signed-out caller nothing but
 * `needed: false`. Nothing sells until an owner exists and at least one provider is configured (live mode).
 */
import { z } from 'zod';
import { AppModeSchema } from './app';
import { UserSchema } from './auth';
import { defineChannel } from './define';
import { PersonNameSchema, PinSchema } from './people';
import { OfflinePolicySettingSchema, SettingsValuesSchema, ShopSchema } from './settings';

export const SETUP_STEPS = ['shop', 'businessDay', 'owner', 'providers', 'printer', 'offlinePolicy'] as const;
export const SetupStepSchema = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStepSchema>;

export const SetupStatusSchema = z.object({
  /** The set-up screen should show: no active owner (a fresh install, or demo left). */
  needed: z.boolean(),
  /** The rest is told only while set-up is needed, or to an owner or technician. */
  mode: AppModeSchema.optional(),
  steps: z.record(SetupStepSchema, z.boolean()).optional(),
  /** An owner exists and a provider is configured: the counter may sell. */
  canSell: z.boolean().optional(),
  /** Stored credentials wait for the core to start again (the host restarts it). */
  restartRequired: z.boolean().optional(),
});
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

/** One step's values, saved on its own. Providers are saved through credentials.set; the owner through setup.createOwner. */
export const SetupSaveInputSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('shop'), language: SettingsValuesSchema.shape.language.optional(), shop: ShopSchema, receiptFooter: SettingsValuesSchema.shape.receiptFooter.optional() }).strict(),
  z.object({ step: z.literal('businessDay'), timeZone: SettingsValuesSchema.shape.timeZone, dayStartHour: SettingsValuesSchema.shape.dayStartHour }).strict(),
  z.object({ step: z.literal('printer'), receiptWidthMm: SettingsValuesSchema.shape.receiptWidthMm }).strict(),
  z.object({ step: z.literal('offlinePolicy'), offlinePolicy: OfflinePolicySettingSchema }).strict(),
]);
export type SetupSaveInput = z.infer<typeof SetupSaveInputSchema>;

export const setupChannels = {
  'setup.status': defineChannel({
    input: z.object({}).strict(),
    output: SetupStatusSchema,
    access: 'public',
    description: 'Which set-up steps are done; signed out with an owner in place it says only needed: false',
  }),
  'setup.save': defineChannel({
    input: SetupSaveInputSchema,
    output: SetupStatusSchema,
    access: 'public',
    description: 'Saves one set-up step (journaled). Anyone while the shop has no owner; then an owner only (unauthenticated / forbidden)',
  }),
  'setup.createOwner': defineChannel({
    input: z.object({ name: PersonNameSchema, pin: PinSchema, pinAgain: PinSchema }).strict(),
    output: z.object({ user: UserSchema }),
    access: 'public',
    description: 'Creates the first owner (PIN typed twice: pin_mismatch) and signs them in; refused with conflict once an owner exists',
  }),
  'setup.leaveDemo': defineChannel({
    input: z.object({}).strict(),
    output: SetupStatusSchema,
    access: 'owner',
    description: 'Starts the set-up from demo mode: demo sales stay marked as demo; the demo users are disabled once the shop has its own owner',
  }),
};
