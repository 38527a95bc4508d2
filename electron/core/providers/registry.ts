/**
 * The three adapters built from one configuration. A provider without configuration gets no adapter; the
 * host decides what to do about it (demo mode starts a sandbox and fills the configuration in).
 */
import type { ProviderId } from '../../../shared/contract/app';
import { LiquidoAdapter, type LiquidoConfig } from './liquido';
import { MobiSendAdapter, type MobiSendConfig } from './mobisend';
import { RelierAdapter, type AdapterRuntimeOptions, type RelierConfig } from './relier';
import { withSafeMessages } from './safe-messages';

export type { AdapterRuntimeOptions, LiquidoConfig, MobiSendConfig, RelierConfig };

/** Base URL, credentials and timeout per provider. */
export interface ProvidersConfig {
  relier?: RelierConfig;
  mobisend?: MobiSendConfig;
  liquido?: LiquidoConfig;
}

export interface ProviderAdapters {
  relier?: RelierAdapter;
  mobisend?: MobiSendAdapter;
  liquido?: LiquidoAdapter;
}

export const PROVIDER_IDS: readonly ProviderId[] = ['relier', 'mobisend', 'liquido'];

/** Throws InsecureBaseUrlError for a plain-http base URL that is not loopback. */
export function createProviderAdapters(config: ProvidersConfig, runtime: AdapterRuntimeOptions = {}): ProviderAdapters {
  const adapters: ProviderAdapters = {};
  // Every adapter is wrapped: whatever text a provider sends back is redacted and capped before anyone sees it.
  if (config.relier) adapters.relier = withSafeMessages(new RelierAdapter(config.relier, runtime));
  if (config.mobisend) adapters.mobisend = withSafeMessages(new MobiSendAdapter(config.mobisend, runtime));
  if (config.liquido) adapters.liquido = withSafeMessages(new LiquidoAdapter(config.liquido, runtime));
  return adapters;
}
