/**
 * Which providers may carry a sale, in the owner's priority order. A provider is a candidate when it sells
 * into the country and either sells open amounts covering the price, or has a cached product of that carrier
 * and amount (whose SKU it then gets). A SKU sale goes to the provider whose catalog has that SKU.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { Money } from '../../../shared/money';
import type { ProviderAdapter } from '../providers/types';
import type { CacheStore } from '../ledger/cache';
import { providerOrder, type RoutingPolicy } from './policy';

export interface RouteRequest {
  country: string;
  carrier: string;
  amount?: Money;
  sku?: string;
  provider?: ProviderId;
}

export interface RouteCandidate {
  provider: ProviderId;
  sku: string | null;
}

const sameCarrier = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function routeCandidates(
  request: RouteRequest,
  policy: RoutingPolicy,
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>,
  cache: CacheStore,
): RouteCandidate[] {
  const order = request.provider ? [request.provider] : providerOrder(policy, request.country, request.carrier);
  const candidates: RouteCandidate[] = [];
  for (const id of order) {
    const adapter = adapters.get(id);
    if (!adapter || !adapter.capabilities.countries.includes(request.country)) continue;
    const products = cache.products(request.country, id).filter((product) => sameCarrier(product.carrier, request.carrier));
    if (request.sku !== undefined) {
      const product = cache.productBySku(id, request.sku);
      if (product && product.country === request.country) candidates.push({ provider: id, sku: request.sku });
      continue;
    }
    const amount = request.amount;
    if (!amount) continue;
    const fixed = products.find((product) => product.type === 'topup' && product.amount?.minor === amount.minor && product.amount.currency === amount.currency);
    if (fixed) {
      candidates.push({ provider: id, sku: fixed.sku });
      continue;
    }
    if (adapter.capabilities.openAmounts) {
      const range = products.find((product) => product.min && product.max && product.min.currency === amount.currency);
      if (!range || (range.min && range.max && amount.minor >= range.min.minor && amount.minor <= range.max.minor)) {
        candidates.push({ provider: id, sku: null });
      }
      continue;
    }
    // No cached catalog yet for this provider: let it try by amount (its adapter refuses what it cannot sell).
    if (!cache.hasCatalog(id, request.country)) candidates.push({ provider: id, sku: null });
  }
  return candidates;
}
