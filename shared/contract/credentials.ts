/**
 * Provider credentials typed on the screen (owner or technician). Write-only: an answer says only whether each
 * credential is set and, for a long one, its last 4 characters; it never carries a value. Environment variables
 * still win over stored credentials, and the answer says so (`source: 'env'`). Stored credentials take effect when
 * the core starts again (`restartRequired`): the host restarts it (the set-up screen says so).
 */
import { z } from 'zod';
import { MoneySchema } from '../money';
import { MaskedSecretSchema, ProviderIdSchema } from './app';
import { defineChannel } from './define';

/** A secret as typed: no surrounding spaces, no line breaks. */
const SecretInputSchema = z.string().min(1, 'required').max(512, 'at most 512 characters').regex(/^\S+$/, 'no spaces or line breaks');
/** A base URL: https, or http only to this machine (a sandbox). The core says `insecure_url` otherwise. */
const BaseUrlSchema = z
  .string()
  .max(300, 'at most 300 characters')
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'a web address such as https://api.example.com');

export const CredentialsInputSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('relier'), baseUrl: BaseUrlSchema, apiKey: SecretInputSchema, customerId: SecretInputSchema, reconcileKey: SecretInputSchema.optional() }).strict(),
  z.object({ provider: z.literal('mobisend'), baseUrl: BaseUrlSchema, apiKey: SecretInputSchema }).strict(),
  z.object({ provider: z.literal('liquido'), baseUrl: BaseUrlSchema, apiKey: SecretInputSchema, accessToken: SecretInputSchema }).strict(),
]);
export type CredentialsInput = z.infer<typeof CredentialsInputSchema>;

export const CredentialSourceSchema = z.enum(['env', 'stored', 'none']);

export const ProviderCredentialsViewSchema = z.object({
  provider: ProviderIdSchema,
  /** Where the credentials in effect come from: the environment wins over stored ones. */
  source: CredentialSourceSchema,
  /** Stored credentials exist too (they apply once the environment variables are removed). */
  stored: z.boolean(),
  baseUrl: z.string(),
  credentials: z.record(z.string(), MaskedSecretSchema),
  /** The last "Probar conexión": when, and whether it answered (with the error code if not). */
  lastTest: z.object({ at: z.string(), ok: z.boolean(), code: z.string().optional() }).nullable(),
});
export type ProviderCredentialsView = z.infer<typeof ProviderCredentialsViewSchema>;

export const CredentialsViewSchema = z.object({
  providers: z.array(ProviderCredentialsViewSchema),
  /** The running core uses other credentials than those now in effect: restart Saldo to apply them. */
  restartRequired: z.boolean(),
});
export type CredentialsView = z.infer<typeof CredentialsViewSchema>;

const ProviderOnlySchema = z.object({ provider: ProviderIdSchema }).strict();

export const credentialsChannels = {
  'credentials.list': defineChannel({
    input: z.object({}).strict(),
    output: CredentialsViewSchema,
    access: 'tech',
    description: 'Each provider: configured or not, from the environment or stored, masked (never a value)',
  }),
  'credentials.set': defineChannel({
    input: CredentialsInputSchema,
    output: CredentialsViewSchema,
    access: 'tech',
    description: "Stores a provider's base URL and credentials encrypted (secret store); journaled without the values",
  }),
  'credentials.test': defineChannel({
    input: ProviderOnlySchema,
    output: z.object({ provider: ProviderIdSchema, ok: z.literal(true), latencyMs: z.number().int().nonnegative(), balance: MoneySchema.nullable(), checkedAt: z.string() }),
    access: 'tech',
    description:
      'Calls the provider with the credentials in effect (health, then balance); a failure is an error saying what is wrong: bad_credentials, ip_not_allowed, provider_unreachable, insecure_url, not_configured',
  }),
  'credentials.remove': defineChannel({
    input: ProviderOnlySchema,
    output: CredentialsViewSchema,
    access: 'tech',
    description: "Removes a provider's stored credentials (environment variables are untouched); journaled",
  }),
};
