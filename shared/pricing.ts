/**
 * Pricing in pesos, the one rule (docs/architecture.md, "Pricing in pesos"): what is bought in USD (an
 * international top-up's face value, a bill's amount plus fee) is charged in MXN as
 *
 *   charge (centavos) = round half-up ( sent (cents) × rate × (1 + markup / 100) )
 *
 * computed exactly in integers from the decimal texts (no float anywhere), rounded once, at the end. The rate
 * is the shop's (MXN per 1 USD, up to 4 decimals), the markup a percent (up to 2 decimals). Pure: no Node, no DOM.
 */
import { divideRounded, money, parseDecimal, type Money } from './money';
import type { CountryPricing, PricedInPesos, PricingSettings } from './contract/sale-kinds';

export const CHARGE_CURRENCY = 'MXN';

/** The owner's price for a country: its own, else the one for all; null when neither is set. */
export function pricingFor(settings: PricingSettings, country: string): CountryPricing | null {
  const own = settings.byCountry.find((entry) => entry.country === country);
  return own ? { rate: own.rate, markupPercent: own.markupPercent } : settings.default;
}

/** `sent` (USD) priced in pesos at `pricing`, by the rule above. */
export function priceInPesos(sent: Money, pricing: CountryPricing): PricedInPesos {
  if (sent.currency !== 'USD') throw new RangeError(`only USD is priced in pesos, not ${sent.currency}`);
  if (!Number.isSafeInteger(sent.minor) || sent.minor < 0) throw new RangeError('the amount sent must be a non-negative whole number of cents');
  const rate = parseDecimal(pricing.rate);
  const markup = parseDecimal(pricing.markupPercent);
  const markupScale = 10n ** BigInt(markup.scale);
  // cents and centavos both have 2 digits, so minor × rate × (100 + markup%) / 100 is already in centavos.
  const numerator = BigInt(sent.minor) * rate.units * (100n * markupScale + markup.units);
  const denominator = 10n ** BigInt(rate.scale) * 100n * markupScale;
  const charge = money(Number(divideRounded(numerator, denominator, 'half-up')), CHARGE_CURRENCY);
  return { sent, charge, rate: pricing.rate, markupPercent: pricing.markupPercent };
}
