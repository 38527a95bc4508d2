/** Channels about the app itself: what it is, whether it is healthy, its settings (credentials masked). */
import { z } from 'zod';
import { isValidTimeZone } from '../business-day';
import { defineChannel, defineEvent } from './define';

export const ProviderIdSchema = z.enum(['relier', 'mobisend', 'liquido']);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

export const AppModeSchema = z.enum(['demo', 'live']);
export type AppMode = z.infer<typeof AppModeSchema>;
export const HostKindSchema = z.enum(['electron', 'browser', 'cli']);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: AppModeSchema,
  /** Only for a technician or an owner: signed out (or a cashier), nothing about the machine is told. */
  host: HostKindSchema.optional(),
  platform: z.string().optional(),
  dataDir: z.string().optional(),
  /** The last change of version seen at start-up ("updated from X to Y"), so the app can say what changed. */
  lastUpdate: z.object({ from: z.string(), to: z.string(), at: z.string() }).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
/** The whole app info, as the core holds it: the machine fields are always known inside. */
export type FullAppInfo = AppInfo & Required<Pick<AppInfo, 'host' | 'platform' | 'dataDir'>>;

export const HealthSchema = z.object({
  ok: z.boolean(),
  database: z.object({ ok: z.boolean(), schemaVersion: z.number().int() }),
  providers: z.array(z.object({ id: ProviderIdSchema, configured: z.boolean(), mode: AppModeSchema })),
  checkedAt: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/** A credential as the renderer may see it: never the value, only that it is set and its last 4 characters. */
export const MaskedSecretSchema = z.object({ set: z.boolean(), last4: z.string().max(4) });

/** How long a session may sit idle before the core ends it, when the shop has not chosen. */
export const DEFAULT_IDLE_SIGN_OUT_MINUTES = 15;

export const SettingsViewSchema = z.object({
  language: z.enum(['es-MX', 'en']),
  kiosk: z.boolean(),
  // Phone and RFC (issue 10) are optional: receipts print them when the owner gave them.
  shop: z.object({ name: z.string(), address: z.string(), phone: z.string().optional(), rfc: z.string().optional() }),
  receiptWidthMm: z.union([z.literal(58), z.literal(80)]),
  // The business day (see shared/business-day.ts). Shops set up before these existed read the defaults,
  // America/Mexico_City from midnight, which the settings store fills in for any key not stored.
  timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone, e.g. America/Mexico_City'),
  dayStartHour: z.number().int().min(0).max(23),
  /** How long a sale of the same number and amount makes the counter ask "¿Otra recarga igual?" (0: never). */
  resellWindowMinutes: z.number().int().min(0).max(120),
  /** After this long without a call, the core ends the session (the counter goes back to sign-in). */
  idleSignOutMinutes: z.number().int().min(1).max(240),
  providers: z.array(
    z.object({
      id: ProviderIdSchema,
      enabled: z.boolean(),
      mode: AppModeSchema,
      baseUrl: z.string(),
      credentials: z.record(z.string(), MaskedSecretSchema),
    }),
  ),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const appChannels = {
  'app.info': defineChannel({
    input: z.object({}).strict(),
    output: AppInfoSchema,
    access: 'public',
    description: 'Name, version, demo or live mode; for a technician or an owner also the host, platform and data folder',
  }),
  'app.health': defineChannel({
    input: z.object({}).strict(),
    output: HealthSchema,
    access: 'tech',
    description: 'Database and provider configuration health, for the diagnostics screen',
  }),
  'settings.get': defineChannel({
    input: z.object({}).strict(),
    output: SettingsViewSchema,
    access: 'cashier',
    description: 'Current settings with every credential masked',
  }),
  'app.ping': defineChannel({
    input: z.object({ echo: z.string().max(200) }).strict(),
    output: z.object({ echo: z.string(), at: z.string() }),
    access: 'public',
    description: 'Round-trip check: answers with the text and pushes an app.pong event carrying it',
  }),
};

export const appEvents = {
  'app.pong': defineEvent({
    payload: z.object({ echo: z.string(), at: z.string() }),
    description: 'Pushed after app.ping, so hosts can prove events reach the renderer',
  }),
};
