/**
 * The owner's pricing in pesos (setting 'sales.pricing'): the exchange rate the shop charges (MXN per USD) and a
 * markup, one for all countries and per country. Read and written through the settings store's readSetting and
 * writeSetting, checked by its zod schema both ways: a stored value that no longer parses reads as "not set"
 * (nothing priced in USD is sold on a guess), and a bad value is refused before anything is written.
 */
import type { Database } from 'better-sqlite3';
import { PricingSettingsSchema, type CountryPricing, type PricingSettings } from '../../../shared/contract/sale-kinds';
import { AppError } from '../../../shared/errors';
import { priceInPesos, pricingFor } from '../../../shared/pricing';
import type { PricedInPesos } from '../../../shared/contract/sale-kinds';
import { parseDecimal, toMajorString, type Money } from '../../../shared/money';
import { readSetting, writeSetting } from '../settings/store';

export const PRICING_SETTING_KEY = 'sales.pricing';

export const UNSET_PRICING: PricingSettings = { default: null, byCountry: [] };

/** Rates of zero: the schema reads the text, the core refuses a shop that would give dollars away. */
function zeroRates(settings: PricingSettings): string[] {
  const entries: Array<[string, CountryPricing | null]> = [['default', settings.default], ...settings.byCountry.map((entry): [string, CountryPricing] => [entry.country, entry])];
  return entries.filter(([, pricing]) => pricing !== null && parseDecimal(pricing.rate).units === 0n).map(([where]) => where);
}

export function loadPricing(db: Database): PricingSettings {
  const parsed = PricingSettingsSchema.safeParse(readSetting(db, PRICING_SETTING_KEY));
  return parsed.success && zeroRates(parsed.data).length === 0 ? parsed.data : UNSET_PRICING;
}

/** Stores `value` once it is valid pricing (the demo's starting rate; a person's change is journaled by the caller). */
export function savePricing(db: Database, value: unknown, at: Date = new Date()): PricingSettings {
  const pricing = validPricing(value);
  writeSetting(db, PRICING_SETTING_KEY, pricing, at);
  return pricing;
}

/** `value` as pricing, or `invalid_input` naming what is wrong (schema, a country twice, a rate of zero). */
export function validPricing(value: unknown): PricingSettings {
  const parsed = PricingSettingsSchema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', `Pricing not saved: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  const countries = parsed.data.byCountry.map((entry) => entry.country);
  const twice = countries.filter((country, index) => countries.indexOf(country) !== index);
  if (twice.length > 0) throw new AppError('invalid_input', `Pricing not saved: ${twice.join(', ')} listed more than once`);
  const zero = zeroRates(parsed.data);
  if (zero.length > 0) throw new AppError('invalid_input', `Pricing not saved: the rate must be more than 0 (${zero.join(', ')})`);
  return parsed.data;
}

/** `sent` (USD) priced for `country`, or pricing_not_set when the owner has no rate for it. */
export function quoteInPesos(settings: PricingSettings, country: string, sent: Money): PricedInPesos {
  const pricing = pricingFor(settings, country);
  if (!pricing) throw new AppError('pricing_not_set', `No exchange rate is set for ${country}: the owner sets it in Ajustes`);
  const priced = priceInPesos(sent, pricing);
  if (priced.charge.minor <= 0) throw new AppError('invalid_input', 'This amount is too small to charge in pesos');
  return priced;
}

/** The charge the confirm screen showed must be the charge now (the owner may have changed the rate meanwhile). */
export function assertSameCharge(priced: PricedInPesos, expected: Money | undefined): void {
  if (!expected) return;
  if (expected.currency !== priced.charge.currency || expected.minor !== priced.charge.minor) {
    // The expected charge came from outside: named in minor units, never formatted (its currency may be unknown).
    throw new AppError('quote_changed', `The price is now ${toMajorString(priced.charge)} ${priced.charge.currency}, not the ${expected.minor} minor units of ${expected.currency} shown`);
  }
}
