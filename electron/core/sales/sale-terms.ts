/**
 * What a sale is, from what the cashier chose: what the provider is asked to send (an amount or a product, in
 * the currency the provider prices that country in), what the customer pays (the same, or the pesos of the
 * owner's pricing for a country priced in USD), its kind (a catalog bundle or a top-up), and whether the
 * provider detects the carrier ("No sé la compañía", Mexico, MobiSend only). Writes nothing.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { PricingSettings } from '../../../shared/contract/sale-kinds';
import type { SellInput } from '../../../shared/contract/sales';
import { countryByCode } from '../../../shared/countries';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { CacheStore } from '../ledger/cache';
import type { SaleExtras } from '../ledger/ledger';
import type { ProviderAdapter } from '../providers/types';
import { assertSameCharge, quoteInPesos } from './pricing-settings';
import type { RouteCandidate } from './routing';

/** The one provider that detects a Mexican number's carrier when none is named. */
export const DETECTING_PROVIDER: ProviderId = 'mobisend';

export interface SaleTermsOf {
  /** What the customer pays (MXN, or the country's sale currency where no pricing applies). */
  price: Money;
  /** What the provider is asked to send, in the provider's currency for the country. */
  face: Money;
  /** The provider whose catalog holds the chosen product, if a product was chosen. */
  skuProvider: ProviderId | null;
  extras: SaleExtras;
}

/** True where the provider prices the country in US dollars and the shop charges pesos (MobiSend abroad). */
export function pricedInDollars(country: string): boolean {
  return countryByCode(country)?.saleCurrency === 'USD';
}

export function termsOfSale(input: SellInput, cache: CacheStore, pricing: () => PricingSettings): SaleTermsOf {
  const detect = input.carrier === undefined;
  if (detect && input.sku) throw new AppError('invalid_input', 'A product belongs to a carrier: name the carrier, or give an amount for the provider to detect it');
  let face = input.amount ?? null;
  let skuProvider: ProviderId | null = null;
  let kind: SaleExtras['kind'] = 'topup';
  if (input.sku) {
    const product = cache.productBySku(input.provider ?? null, input.sku);
    if (!product || !product.amount) throw new AppError('invalid_input', `Unknown product ${input.sku}: refresh the catalog or pick another`);
    face = product.amount;
    skuProvider = product.provider;
    if (product.type === 'bundle') kind = 'bundle';
  }
  if (!face || face.minor <= 0) throw new AppError('invalid_input', 'The amount must be more than zero');
  const extras: SaleExtras = { kind, ...(detect ? { carrierDetect: true } : {}) };
  if (!pricedInDollars(input.country) || face.currency !== 'USD') return { price: face, face, skuProvider, extras };
  const priced = quoteInPesos(pricing(), input.country, face);
  assertSameCharge(priced, input.expectedCharge);
  return { price: priced.charge, face, skuProvider, extras: { ...extras, faceValue: face, shopRate: priced.rate, markupPercent: priced.markupPercent } };
}

/** "No sé la compañía": only the detecting provider can take it, by amount. */
export function detectingRoute(adapters: ReadonlyMap<ProviderId, ProviderAdapter>, country: string): RouteCandidate[] {
  const adapter = adapters.get(DETECTING_PROVIDER);
  return adapter && country === 'MX' && adapter.capabilities.countries.includes(country) ? [{ provider: DETECTING_PROVIDER, sku: null }] : [];
}
