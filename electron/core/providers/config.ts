/**
 * Where each provider's base URL and credentials come from, in order: environment variables, then the stored
 * settings file (credentials encrypted through a SecretStore), then demo mode (the host starts a sandbox).
 * Credentials leave this module only inside ProvidersConfig for the adapters; views get maskSecret().
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProviderId } from '../../../shared/contract/app';
import { writeFileAtomic } from '../kernel/private-files';
import { registerSecrets } from '../kernel/redact';
import type { SecretStore } from '../secrets/secret-store';
import type { LiquidoConfig, MobiSendConfig, ProvidersConfig, RelierConfig } from './registry';

export const PROVIDER_SETTINGS_FILE = 'providers.json';

/** The production base URLs the documents give; Liquido's document gives none. */
export const DOCUMENTED_BASE_URLS: Partial<Record<ProviderId, string>> = {
  relier: 'https://latcom-fix-production.up.railway.app',
  mobisend: 'https://app.via.one/api/mobisend',
};

export const PROVIDER_ENV = {
  relier: { url: 'SALDO_RELIER_URL', apiKey: 'SALDO_RELIER_API_KEY', customerId: 'SALDO_RELIER_CUSTOMER_ID', reconcileKey: 'SALDO_RELIER_RECONCILE_KEY' },
  mobisend: { url: 'SALDO_MOBISEND_URL', apiKey: 'SALDO_MOBISEND_API_KEY' },
  liquido: { url: 'SALDO_LIQUIDO_URL', apiKey: 'SALDO_LIQUIDO_API_KEY', accessToken: 'SALDO_LIQUIDO_TOKEN' },
} as const;
/** Optional: one timeout for every provider, in milliseconds. */
export const TIMEOUT_ENV = 'SALDO_PROVIDER_TIMEOUT_MS';

export class ProviderConfigError extends Error {
  override name = 'ProviderConfigError';
}

export type ProviderConfigSource = 'env' | 'stored' | 'demo';

export interface ResolvedProviderConfig {
  /** Live configuration for every provider that has one; the others are absent. */
  config: ProvidersConfig;
  sources: Record<ProviderId, ProviderConfigSource>;
}

type Env = Record<string, string | undefined>;

const StoredSettingsSchema = z.object({
  version: z.literal(1),
  providers: z.object({
    relier: z.object({ baseUrl: z.string(), apiKey: z.string(), customerId: z.string(), reconcileKey: z.string().optional(), timeoutMs: z.number().int().positive().optional() }).optional(),
    mobisend: z.object({ baseUrl: z.string(), apiKey: z.string(), timeoutMs: z.number().int().positive().optional() }).optional(),
    liquido: z.object({ baseUrl: z.string(), apiKey: z.string(), accessToken: z.string(), timeoutMs: z.number().int().positive().optional() }).optional(),
  }),
});
type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** Which fields of each provider's config are credentials (encrypted at rest, masked in views). */
export const CREDENTIAL_FIELDS = {
  relier: ['apiKey', 'customerId', 'reconcileKey'],
  mobisend: ['apiKey'],
  liquido: ['apiKey', 'accessToken'],
} as const satisfies Record<ProviderId, readonly string[]>;

const PROVIDER_IDS_IN_ORDER = ['relier', 'mobisend', 'liquido'] as const;

export function resolveProviderConfig(options: { env?: Env; dataDir?: string; secretStore?: () => SecretStore }): ResolvedProviderConfig {
  const env = options.env ?? process.env;
  const stored = options.dataDir && options.secretStore ? loadProviderSettings(options.dataDir, options.secretStore) : {};
  const fromEnv = providersFromEnv(env);
  const config: ProvidersConfig = {};
  const sources = {} as Record<ProviderId, ProviderConfigSource>;
  const pick = <K extends ProviderId>(id: K): void => {
    const value = fromEnv[id] ?? stored[id];
    if (value) (config as Record<K, unknown>)[id] = value;
    sources[id] = fromEnv[id] ? 'env' : stored[id] ? 'stored' : 'demo';
  };
  pick('relier');
  pick('mobisend');
  pick('liquido');
  // From here on the redactor removes these values from every message and log line, whoever writes them.
  registerSecrets(PROVIDER_IDS_IN_ORDER.flatMap((id) => CREDENTIAL_FIELDS[id].map((field) => (config[id] as Record<string, string | undefined> | undefined)?.[field])));
  return { config, sources };
}

/** A provider counts as configured by the environment once its API key is set; then every required variable must be. */
export function providersFromEnv(env: Env): ProvidersConfig {
  const timeoutText = env[TIMEOUT_ENV];
  const timeoutMs = timeoutText && /^\d+$/.test(timeoutText) ? Number(timeoutText) : undefined;
  const timeout = timeoutMs ? { timeoutMs } : {};
  const config: ProvidersConfig = {};
  const names = PROVIDER_ENV;
  if (env[names.relier.apiKey]) {
    config.relier = {
      baseUrl: env[names.relier.url] || required(env, names.relier.url, DOCUMENTED_BASE_URLS.relier),
      apiKey: required(env, names.relier.apiKey),
      customerId: required(env, names.relier.customerId),
      ...(env[names.relier.reconcileKey] ? { reconcileKey: env[names.relier.reconcileKey] } : {}),
      ...timeout,
    } satisfies RelierConfig;
  }
  if (env[names.mobisend.apiKey]) {
    config.mobisend = {
      baseUrl: env[names.mobisend.url] || required(env, names.mobisend.url, DOCUMENTED_BASE_URLS.mobisend),
      apiKey: required(env, names.mobisend.apiKey),
      ...timeout,
    } satisfies MobiSendConfig;
  }
  if (env[names.liquido.apiKey]) {
    config.liquido = {
      baseUrl: required(env, names.liquido.url),
      apiKey: required(env, names.liquido.apiKey),
      accessToken: required(env, names.liquido.accessToken),
      ...timeout,
    } satisfies LiquidoConfig;
  }
  return config;
}

function required(env: Env, name: string, fallback?: string): string {
  const value = env[name] || fallback;
  if (!value) throw new ProviderConfigError(`${name} must be set`);
  return value;
}

/** Reads the stored settings and decrypts their credentials; no file means nothing stored. */
export function loadProviderSettings(dataDir: string, secretStore: () => SecretStore): ProvidersConfig {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PROVIDER_SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = StoredSettingsSchema.safeParse(JSON.parse(text) as unknown);
  if (!parsed.success) throw new ProviderConfigError(`${PROVIDER_SETTINGS_FILE} is not valid provider settings`);
  const store = secretStore();
  const decrypted: ProvidersConfig = {};
  for (const id of ['relier', 'mobisend', 'liquido'] as const) {
    const entry = parsed.data.providers[id];
    if (entry) (decrypted as Record<ProviderId, unknown>)[id] = transformCredentials(id, entry, (value) => store.decrypt(value));
  }
  return decrypted;
}

/** Writes the settings with every credential encrypted; the file is replaced atomically and readable only by the user. */
export function saveProviderSettings(dataDir: string, secretStore: SecretStore, config: ProvidersConfig): void {
  const providers: StoredSettings['providers'] = {};
  for (const id of ['relier', 'mobisend', 'liquido'] as const) {
    const entry = config[id];
    if (entry) (providers as Record<ProviderId, unknown>)[id] = transformCredentials(id, entry, (value) => secretStore.encrypt(value));
  }
  writeFileAtomic(join(dataDir, PROVIDER_SETTINGS_FILE), `${JSON.stringify({ version: 1, providers } satisfies StoredSettings, null, 2)}\n`);
}

function transformCredentials<T extends object>(id: ProviderId, entry: T, transform: (value: string) => string): T {
  const copy = { ...entry } as Record<string, unknown>;
  for (const field of CREDENTIAL_FIELDS[id]) {
    const value = copy[field];
    if (typeof value === 'string' && value.length > 0) copy[field] = transform(value);
  }
  return copy as T;
}

/** What a settings view may show of a credential: whether it is set and its last 4 characters. */
export function maskSecret(value: string | undefined | null): { set: boolean; last4: string } {
  if (!value) return { set: false, last4: '' };
  // A value of 8 characters or fewer would be half given away by its last 4.
  return { set: true, last4: value.length > 8 ? value.slice(-4) : '' };
}

/** Every credential of a provider's config, masked. */
export function maskProviderCredentials(id: ProviderId, config: object | undefined): Record<string, { set: boolean; last4: string }> {
  const values = (config ?? {}) as Record<string, unknown>;
  return Object.fromEntries(CREDENTIAL_FIELDS[id].map((field) => [field, maskSecret(typeof values[field] === 'string' ? (values[field] as string) : undefined)]));
}
