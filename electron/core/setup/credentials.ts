/**
 * Provider credentials from the screen (channels credentials.*, owner or technician). Stored through
 * providers/config.ts (providers.json, every credential encrypted by the SecretStore); environment variables
 * still win and the view says so. Write-only: a view carries whether each credential is set and the last 4
 * characters of a long one, never a value; the journal records who set or removed which provider's credentials
 * and the address's origin, never a credential. The running core keeps the adapters it started with: the view's
 * `restartRequired` says when the credentials in effect differ from them (the host restarts the core).
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ProviderId } from '../../../shared/contract/app';
import type { CredentialsInput, CredentialsView, ProviderCredentialsView } from '../../../shared/contract/credentials';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../ipc/dispatcher';
import type { Journal } from '../journal/journal';
import { registerSecrets } from '../kernel/redact';
import { CREDENTIAL_FIELDS, loadProviderSettings, maskProviderCredentials, providersFromEnv, saveProviderSettings } from '../providers/config';
import { parseBaseUrl, InsecureBaseUrlError } from '../providers/http';
import { PROVIDER_IDS, type ProvidersConfig } from '../providers/registry';
import type { SecretStore } from '../secrets/secret-store';
import { readSetting, writeSetting } from '../settings/store';
import { testProviderConnection } from './connection-test';

export type CredentialsHandlers = Pick<HandlerMap, 'credentials.list' | 'credentials.set' | 'credentials.test' | 'credentials.remove'>;

export const LAST_TESTS_KEY = 'credentials.lastTests';
const LastTestSchema = z.object({ at: z.string(), ok: z.boolean(), code: z.string().optional() });
const LastTestsSchema = z.record(z.string(), LastTestSchema);

export interface CredentialsDeps {
  db: Database;
  dataDir: string;
  env: Record<string, string | undefined>;
  secrets: () => SecretStore;
  journal: Journal;
  clock: () => Date;
  /** Live configuration the running core's adapters were built from (empty in demo mode). */
  running: ProvidersConfig;
  /** Who is signed in (journal actor). */
  actorId(): string | null;
}

export interface Credentials {
  handlers: CredentialsHandlers;
  view(): CredentialsView;
  /** Credentials in effect now, environment first (what the next start would use). */
  effective(): ProvidersConfig;
  /** The provider whose credentials came from the environment or whose last test answered. */
  answered(id: ProviderId): boolean;
}

const sameConfig = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function createCredentials(deps: CredentialsDeps): Credentials {
  const { db, dataDir, journal, clock } = deps;
  const fromEnv = (): ProvidersConfig => providersFromEnv(deps.env);
  const stored = (): ProvidersConfig => loadProviderSettings(dataDir, deps.secrets);
  const lastTests = (): z.infer<typeof LastTestsSchema> => {
    const parsed = LastTestsSchema.safeParse(readSetting(db, LAST_TESTS_KEY));
    return parsed.success ? parsed.data : {};
  };

  function effective(): ProvidersConfig {
    const env = fromEnv();
    const saved = stored();
    return Object.fromEntries(PROVIDER_IDS.flatMap((id) => (env[id] ?? saved[id] ? [[id, env[id] ?? saved[id]]] : []))) as ProvidersConfig;
  }

  function view(): CredentialsView {
    const env = fromEnv();
    const saved = stored();
    const tests = lastTests();
    const providers = PROVIDER_IDS.map((id): ProviderCredentialsView => {
      const inEffect = env[id] ?? saved[id];
      return {
        provider: id,
        source: env[id] ? 'env' : saved[id] ? 'stored' : 'none',
        stored: Boolean(saved[id]),
        baseUrl: inEffect?.baseUrl ?? '',
        credentials: maskProviderCredentials(id, inEffect),
        lastTest: tests[id] ?? null,
      };
    });
    const now = effective();
    return { providers, restartRequired: PROVIDER_IDS.some((id) => !sameConfig(now[id], deps.running[id])) };
  }

  function recordTest(id: ProviderId, result: { ok: boolean; code?: string }): void {
    writeSetting(db, LAST_TESTS_KEY, { ...lastTests(), [id]: { at: clock().toISOString(), ...result } }, clock());
  }

  function set(input: CredentialsInput): CredentialsView {
    if (!URL.canParse(input.baseUrl)) throw new AppError('invalid_input', 'That is not a web address', ['baseUrl: a web address such as https://api.example.com']);
    let origin: string;
    try {
      origin = parseBaseUrl(input.baseUrl).origin;
    } catch (error) {
      if (error instanceof InsecureBaseUrlError) throw new AppError('insecure_url', 'The address must use https:// (plain http only on this machine)', ['baseUrl: must use https://']);
      throw error;
    }
    const { provider, ...entry } = input;
    // From now on the redactor removes these values from every message and log line.
    registerSecrets(CREDENTIAL_FIELDS[provider].map((field) => (entry as Record<string, string | undefined>)[field]));
    const next: ProvidersConfig = { ...stored(), [provider]: entry };
    saveProviderSettings(dataDir, deps.secrets(), next);
    db.transaction(() => {
      journal.append({
        kind: 'credentials.set',
        actorId: deps.actorId(),
        subject: provider,
        detail: { provider, origin, fields: CREDENTIAL_FIELDS[provider].filter((field) => (entry as Record<string, unknown>)[field] !== undefined), environmentWins: Boolean(fromEnv()[provider]) },
      });
      const tests = lastTests();
      delete tests[provider];
      writeSetting(db, LAST_TESTS_KEY, tests, clock());
    })();
    return view();
  }

  function remove(provider: ProviderId): CredentialsView {
    const saved = stored();
    if (!saved[provider]) return view();
    const { [provider]: _removed, ...rest } = saved;
    saveProviderSettings(dataDir, deps.secrets(), rest);
    journal.append({ kind: 'credentials.removed', actorId: deps.actorId(), subject: provider, detail: { provider, environmentWins: Boolean(fromEnv()[provider]) } });
    return view();
  }

  async function test(provider: ProviderId) {
    try {
      const result = await testProviderConnection(provider, effective());
      recordTest(provider, { ok: true });
      return { provider, ok: true as const, latencyMs: result.latencyMs, balance: result.balance, checkedAt: clock().toISOString() };
    } catch (error) {
      if (error instanceof AppError) recordTest(provider, { ok: false, code: error.code });
      throw error;
    }
  }

  return {
    view,
    effective,
    answered: (id) => Boolean(fromEnv()[id]) || lastTests()[id]?.ok === true,
    handlers: {
      'credentials.list': () => view(),
      'credentials.set': (input) => set(input),
      'credentials.test': ({ provider }) => test(provider),
      'credentials.remove': ({ provider }) => remove(provider),
    },
  };
}
