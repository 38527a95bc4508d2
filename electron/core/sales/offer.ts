/**
 * What the counter can offer beyond Mexico's carriers, from the cached catalogs (so it works offline): the
 * countries with products, most sold first, each saying whether it can be sold now; an international top-up's
 * quote in pesos; the carrier a number was last sold with. Reads only.
 */
import type { InternationalQuote, OfferedCountry } from '../../../shared/contract/catalog';
import type { PricingSettings } from '../../../shared/contract/sale-kinds';
import { countryByCode } from '../../../shared/countries';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { pricingFor } from '../../../shared/pricing';
import type { CacheStore } from '../ledger/cache';
import type { SalesStats } from '../ledger/sales-stats';
import { quoteInPesos } from './pricing-settings';
import { pricedInDollars } from './sale-terms';

export interface SalesOfferDeps {
  cache: CacheStore;
  stats: SalesStats;
  pricing: () => PricingSettings;
}

/** Lower case without accents, so "peru" finds Perú. */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export class SalesOffer {
  constructor(private readonly deps: SalesOfferDeps) {}

  /** Countries Saldo can validate numbers for and whose catalog is cached; most sold first, Mexico first on a tie. */
  countries(search?: string): { countries: OfferedCountry[]; refreshedAt: string | null } {
    const sold = this.deps.stats.salesByCountry();
    const pricing = this.deps.pricing();
    const wanted = search ? folded(search.trim()) : '';
    let refreshedAt: string | null = null;
    const countries: OfferedCountry[] = [];
    for (const cached of this.deps.cache.cachedCountries()) {
      const known = countryByCode(cached.country);
      if (!known) continue; // no phone rules for it: it cannot be sold safely
      if (wanted && ![known.code, known.name.es, known.name.en].some((text) => folded(text).includes(wanted))) continue;
      const at = this.deps.cache.catalog(known.code).refreshedAt;
      if (at && (!refreshedAt || at > refreshedAt)) refreshedAt = at;
      const needsPricing = pricedInDollars(known.code);
      const priced = !needsPricing || pricingFor(pricing, known.code) !== null;
      countries.push({
        code: known.code,
        currency: cached.currency,
        carriers: cached.carriers,
        sold: sold.get(known.code) ?? 0,
        sellable: priced && cached.carriers.length > 0,
        reason: cached.carriers.length === 0 ? 'no_catalog' : priced ? null : 'pricing_not_set',
      });
    }
    countries.sort((a, b) => b.sold - a.sold || Number(b.code === 'MX') - Number(a.code === 'MX') || a.code.localeCompare(b.code));
    return { countries, refreshedAt };
  }

  /** A top-up abroad priced in pesos: the cached product of that carrier and amount (or SKU), at the owner's pricing. */
  quoteInternational(input: { country: string; carrier: string; amount?: Money; sku?: string }): InternationalQuote {
    if (!pricedInDollars(input.country)) throw new AppError('invalid_input', `${input.country} is sold in its own currency: no quote in pesos is needed`);
    const products = this.deps.cache.products(input.country).filter((product) => sameName(product.carrier, input.carrier));
    const product = input.sku
      ? products.find((item) => item.sku === input.sku)
      : products.find((item) => item.type === 'topup' && item.amount?.minor === input.amount?.minor && item.amount?.currency === input.amount?.currency);
    if (!product?.amount) throw new AppError('invalid_input', `No ${input.carrier} product in ${input.country} for this ${input.sku ? 'SKU' : 'amount'} in the saved catalog`);
    return {
      country: input.country,
      carrier: product.carrier,
      provider: product.provider,
      sku: product.sku,
      productName: product.name,
      kind: product.type,
      recipientGets: product.amount,
      pricing: quoteInPesos(this.deps.pricing(), input.country, product.amount),
    };
  }

  carrierHint(phone: string, country: string): { carrier: string | null; lastSoldAt: string | null; detected: boolean } {
    const last = this.deps.stats.lastCarrier(phone, country);
    if (!last || !last.carrier) return { carrier: null, lastSoldAt: null, detected: false };
    return { carrier: last.carrier, lastSoldAt: new Date(last.lastMs).toISOString(), detected: last.detected };
  }
}
