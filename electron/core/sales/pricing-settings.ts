/**
 * The owner's pricing in pesos (setting 'sales.pricing'): the exchange rate the shop charges (MXN per USD) and a
 * markup, one for all countries and per country. Read and written through the settings store's readSetting and
 * writeSetting, checked by its zod schema both ways: a stored value that no longer parses reads as "not set"
 * (nothing priced in USD is sold on a guess), and a bad value is refused before anything is written.
 */
import type { Database } from 'better-sqlite3';
import { PricingSettingsSchema, type PricingSettings } from '../../../shared/contract/sale-kinds';
import { AppError } from '../../../shared/errors';
import { priceInPesos, pricingFor } from '../../../shared/pricing';
import type { PricedInPesos } from '../../../shared/contract/sale-kinds';
import { toMajorString, type Money } from '../../../shared/money';
import { readSetting, writeSetting } from '../settings/store';

export const PRICING_SETTING_KEY = 'sales.pricing';

export const UNSET_PRICING: PricingSettings = { default: null, byCountry: {} };

export function loadPricing(db: Database): PricingSettings {
  const parsed = PricingSettingsSchema.safeParse(readSetting(db, PRICING_SETTING_KEY));
  return parsed.success ? parsed.data : UNSET_PRICING;
}

export function savePricing(db: Database, value: unknown, at: Date = new Date()): PricingSettings {
  const parsed = PricingSettingsSchema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', `Pricing not saved: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  writeSetting(db, PRICING_SETTING_KEY, parsed.data, at);
  return parsed.data;
}

/** `sent` (USD) priced for `country`, or pricing_not_set when the owner has no rate for it. */
export function quoteInPesos(settings: PricingSettings, country: string, sent: Money): PricedInPesos {
  const pricing = pricingFor(settings, country);
  if (!pricing) throw new AppError('pricing_not_set', `No exchange rate is set for ${country}: the owner sets it in Ajustes`);
  return priceInPesos(sent, pricing);
}

/** The charge the confirm screen showed must be the charge now (the owner may have changed the rate meanwhile). */
export function assertSameCharge(priced: PricedInPesos, expected: Money | undefined): void {
  if (!expected) return;
  if (expected.currency !== priced.charge.currency || expected.minor !== priced.charge.minor) {
    throw new AppError('quote_changed', `The price is now ${toMajorString(priced.charge)} ${priced.charge.currency}, not the ${toMajorString(expected)} ${expected.currency} shown`);
  }
}
