/**
 * Providers a host started for demo mode (the sandboxes), as the core receives them: where each one listens
 * and the credentials it accepts, the same three fields `npm run sandbox` prints. Turning them into adapter
 * configuration happens here and nowhere else, so neither the core nor the sandbox has to import the other.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { ProvidersConfig } from './registry';

export interface ProviderEndpoint {
  readonly provider: ProviderId;
  readonly url: string;
  readonly credentials: Readonly<Record<string, string>>;
}

/** A demo provider the core owns once it has asked for it: it closes it when the core closes. */
export interface DemoProvider extends ProviderEndpoint {
  close(): Promise<void>;
}

/** Adapter configuration pointing at running endpoints; a credential an endpoint lacks is sent empty (and refused). */
export function providersConfigFromEndpoints(endpoints: readonly ProviderEndpoint[], timeoutMs?: number): ProvidersConfig {
  const config: ProvidersConfig = {};
  const timeout = timeoutMs ? { timeoutMs } : {};
  for (const { provider, url, credentials } of endpoints) {
    if (provider === 'relier') {
      config.relier = {
        baseUrl: url,
        apiKey: credentials.apiKey ?? '',
        customerId: credentials.customerId ?? '',
        ...(credentials.reconcileKey ? { reconcileKey: credentials.reconcileKey } : {}),
        ...timeout,
      };
    } else if (provider === 'mobisend') {
      config.mobisend = { baseUrl: url, apiKey: credentials.apiKey ?? '', ...timeout };
    } else {
      config.liquido = { baseUrl: url, apiKey: credentials.apiKey ?? '', accessToken: credentials.accessToken ?? '', ...timeout };
    }
  }
  return config;
}
