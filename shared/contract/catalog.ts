/**
 * What there is to sell beyond Mexico's carriers: the countries the providers' catalogs offer (most sold first),
 * the owner's pricing in pesos for what is bought in USD, an international top-up's quote, and the carrier a
 * number was sold with last time (for "No sé la compañía").
 */
import { z } from 'zod';
import { MoneySchema } from '../money';
import { ProviderIdSchema } from './app';
import { defineChannel } from './define';
import { PricedInPesosSchema, PricingSettingsSchema } from './sale-kinds';

const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. HN');
const NationalPhoneSchema = z.string().regex(/^\d{6,15}$/, 'digits only, no country code');

export const OfferedCountrySchema = z.object({
  code: CountrySchema,
  /** The currency its products are sold in by the provider (MXN for Mexico, USD abroad). */
  currency: z.string(),
  carriers: z.array(z.string()),
  /** Sales to it in the ledger (all time): the list is ordered by this, most first. */
  sold: z.number().int().nonnegative(),
  /** Can be sold now: its catalog is cached, and a country priced in USD has the owner's rate. */
  sellable: z.boolean(),
  /** Why not, when not: 'no_catalog' (not fetched yet) or 'pricing_not_set'. */
  reason: z.enum(['no_catalog', 'pricing_not_set']).nullable(),
});
export type OfferedCountry = z.infer<typeof OfferedCountrySchema>;

export const InternationalQuoteSchema = z.object({
  country: CountrySchema,
  carrier: z.string(),
  provider: ProviderIdSchema,
  sku: z.string().nullable(),
  /** The catalog's product name: what the recipient gets, in the catalog's words ("Topup 5 USD", "Paquete 1GB"). */
  productName: z.string(),
  kind: z.enum(['topup', 'bundle']),
  /** What the recipient's line gets, in the currency the catalog gives it. */
  recipientGets: MoneySchema,
  pricing: PricedInPesosSchema,
});
export type InternationalQuote = z.infer<typeof InternationalQuoteSchema>;

export const catalogChannels = {
  'catalog.countries': defineChannel({
    input: z.object({ search: z.string().max(40).optional() }).strict(),
    output: z.object({ countries: z.array(OfferedCountrySchema), refreshedAt: z.string().nullable() }),
    access: 'cashier',
    description: 'Countries in the cached catalogs (works offline), most sold first; search by code or name is done by the caller or by code here',
  }),
  'catalog.quoteInternational': defineChannel({
    input: z
      .object({ country: CountrySchema, carrier: z.string().min(1).max(60), amount: MoneySchema.optional(), sku: z.string().min(1).max(64).optional() })
      .strict()
      .refine((input) => Boolean(input.amount) !== Boolean(input.sku), { message: 'give exactly one of amount or sku' }),
    output: InternationalQuoteSchema,
    access: 'cashier',
    description: 'An international top-up priced in pesos at the shop rate and markup (pricing_not_set when the owner has none); writes nothing',
  }),
  'catalog.carrierHint': defineChannel({
    input: z.object({ phone: NationalPhoneSchema, country: CountrySchema }).strict(),
    output: z.object({ carrier: z.string().nullable(), lastSoldAt: z.string().nullable(), detected: z.boolean() }),
    access: 'cashier',
    description: 'The carrier the number was last sold with (detected or chosen), to offer it first',
  }),
  'pricing.get': defineChannel({
    input: z.object({}).strict(),
    output: PricingSettingsSchema,
    access: 'cashier',
    description: "The owner's exchange rate and markup for what is bought in USD (one for all, per country)",
  }),
  'pricing.set': defineChannel({
    input: PricingSettingsSchema,
    output: PricingSettingsSchema,
    access: 'owner',
    description: "Set the shop's exchange rate (MXN per USD) and markup, one for all and per country (validated)",
  }),
};
