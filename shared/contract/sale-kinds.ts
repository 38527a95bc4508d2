/**
 * What a sale sells beyond a plain Mexican top-up: its kind, a bill payment's terms, an international top-up's
 * pricing, a bundle's contents. Shared by sales.ts (the Sale), billpay.ts and catalog.ts.
 */
import { z } from 'zod';
import { MoneySchema } from '../money';

/** topup: airtime; bundle: a product that is not plain airtime (data, days, apps); bill: a bill payment. */
export const SALE_KINDS = ['topup', 'bundle', 'bill'] as const;
export const SaleKindSchema = z.enum(SALE_KINDS);
export type SaleKind = z.infer<typeof SaleKindSchema>;

/**
 * Decimal text, e.g. "18.50": MXN the shop charges per 1 USD, under 1000, up to 4 decimals. A rate of zero is
 * refused by the core when the owner saves it (core/sales/pricing-settings.ts).
 */
export const ShopRateSchema = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a decimal like 18.50 (MXN per USD)');
/** Decimal text, e.g. "5" or "7.5": percent added on top of the converted amount, 0 to 100, up to 2 decimals. */
export const MarkupPercentSchema = z.string().regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, 'a percent from 0 to 100 like 5 or 7.5');

/** The owner's price for one country (or for all): rate and markup. */
export const CountryPricingSchema = z.object({ rate: ShopRateSchema, markupPercent: MarkupPercentSchema }).strict();
export type CountryPricing = z.infer<typeof CountryPricingSchema>;

/** How the shop prices what it buys in USD (international top-ups, bills): one price for all, per country overrides. */
export const PricingSettingsSchema = z
  .object({
    /** For every country without its own; null: not set (nothing priced in USD can be sold until it is). */
    default: CountryPricingSchema.nullable(),
    /** A country's own price, one entry per country (the core refuses a country listed twice). */
    byCountry: z.array(z.object({ country: z.string().regex(/^[A-Z]{2}$/), rate: ShopRateSchema, markupPercent: MarkupPercentSchema }).strict()).max(250),
  })
  .strict();
export type PricingSettings = z.infer<typeof PricingSettingsSchema>;

/** The USD→MXN pricing of one sale, exactly as charged (docs/architecture.md, "Pricing in pesos"). */
export const PricedInPesosSchema = z.object({
  /** What the provider is asked to send (USD): a top-up's face value, or a bill's amount plus fee. */
  sent: MoneySchema,
  /** What the customer pays (MXN). */
  charge: MoneySchema,
  rate: ShopRateSchema,
  markupPercent: MarkupPercentSchema,
});
export type PricedInPesos = z.infer<typeof PricedInPesosSchema>;

/** A bill payment's terms as recorded on its sale. */
export const BillDetailsSchema = z.object({
  billerCode: z.string(),
  billerName: z.string(),
  accountNumber: z.string(),
  rush: z.boolean(),
  /** The bill's amount (USD, as MobiSend takes it), its fee (standard 0.75, rush 1.25) and their total. */
  amount: MoneySchema,
  fee: MoneySchema,
  total: MoneySchema,
  /** MobiSend's confirmation code once paid. */
  confirmationCode: z.string().nullable(),
});
export type BillDetails = z.infer<typeof BillDetailsSchema>;

/** What a bundle includes, read from the catalog's description; fields absent where the catalog does not say. */
export const BundleIncludesSchema = z.object({
  /** Data in megabytes (2 GB is 2048). */
  dataMb: z.number().int().positive().optional(),
  days: z.number().int().positive().optional(),
  minutes: z.number().int().positive().optional(),
  /** Social apps named by the catalog ("WhatsApp", "Facebook"). */
  apps: z.array(z.string()),
  /** The catalog's own words, to show as they are. */
  description: z.string(),
});
export type BundleIncludes = z.infer<typeof BundleIncludesSchema>;
