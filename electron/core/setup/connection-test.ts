/**
 * "Probar conexión": asks one provider, with the credentials in effect, for its balance (health where the
 * provider has no balance call) and says in one stable code what is wrong: bad_credentials, ip_not_allowed,
 * provider_unreachable, insecure_url, or the provider's own code. A fresh adapter is built for the test, so it
 * works before the core has restarted onto new credentials; its timeout is short, a person is waiting.
 */
import type { ProviderId } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { InsecureBaseUrlError } from '../providers/http';
import { createProviderAdapters, type ProvidersConfig } from '../providers/registry';
import type { ProviderAdapter, ProviderError } from '../providers/types';

export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

/** Words providers use when the shop's address is not on their allow list. */
const IP_REFUSAL = /\bIP\b|allow ?list|white ?list|not allowed from/i;

/** The stable code for a failed test, from the adapter's classified error. */
export function connectionTestError(provider: ProviderId, error: ProviderError): AppError {
  const status = error.httpStatus ? ` (HTTP ${error.httpStatus})` : '';
  if (error.notSent || error.code === 'outcome_unknown' || (error.code === 'provider_error' && !error.httpStatus)) {
    return new AppError('provider_unreachable', `${provider} did not answer: check the address and the internet connection`);
  }
  // A balance read moves no money, so a 403 here is about who is asking (the key or the shop's IP), never funds.
  if (error.code === 'bad_credentials' || error.httpStatus === 403) {
    if (IP_REFUSAL.test(error.message)) return new AppError('ip_not_allowed', `${provider} refused this shop's IP address${status}`);
    return new AppError('bad_credentials', `${provider} refused the credentials${status}`);
  }
  return new AppError(error.code, `${provider} answered with an error: ${error.message}`);
}

export interface ConnectionTestResult {
  latencyMs: number;
  balance: Money | null;
}

export async function testProviderConnection(provider: ProviderId, config: ProvidersConfig, now: () => number = Date.now): Promise<ConnectionTestResult> {
  const entry = config[provider];
  if (!entry) throw new AppError('not_configured', `${provider} has no credentials`);
  let adapter: ProviderAdapter | undefined;
  try {
    adapter = createProviderAdapters({ [provider]: { ...entry, timeoutMs: Math.min(entry.timeoutMs ?? CONNECTION_TEST_TIMEOUT_MS, CONNECTION_TEST_TIMEOUT_MS) } })[provider];
  } catch (error) {
    if (error instanceof InsecureBaseUrlError) throw new AppError('insecure_url', `${provider}: the address must use https://`);
    throw error;
  }
  if (!adapter) throw new AppError('not_configured', `${provider} has no credentials`);
  const started = now();
  const balance = await adapter.balance();
  if (balance.ok) return { latencyMs: Math.max(0, Math.round(now() - started)), balance: balance.value.balance };
  if (balance.error.code !== 'not_supported') throw connectionTestError(provider, balance.error);
  const health = await adapter.health();
  if (!health.ok) throw connectionTestError(provider, health.error);
  if (!health.value.ok) throw new AppError('provider_error', `${provider} says it is not healthy`);
  return { latencyMs: Math.max(0, Math.round(now() - started)), balance: null };
}
