/**
 * Bill payments through MobiSend (CellPay's billers): search a biller, quote the fee and the pesos to charge,
 * pay. A payment is a sale in the ledger (kind 'bill') with a top-up's guarantees; `billpay.pay` answers with it.
 */
import { z } from 'zod';
import { MoneySchema } from '../money';
import { defineChannel } from './define';
import { SaleSchema } from './sales';
import { PricedInPesosSchema } from './sale-kinds';

const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. US');
const BillerCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'the biller code from the search');
/** What billers print on a bill: letters, digits, dashes; the provider checks the rest and refuses a wrong one (account_rejected). */
export const AccountNumberSchema = z.string().regex(/^[A-Za-z0-9-]{4,30}$/, '4 to 30 letters, digits or dashes');
/** A bill's amount in USD (MobiSend takes bills in USD): more than 0, at most 2,000. */
const BillAmountSchema = MoneySchema.refine((amount) => amount.currency === 'USD' && amount.minor > 0 && amount.minor <= 200_000, 'USD, more than 0 and at most 2,000');

export const BillerSchema = z.object({
  billerCode: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  country: z.string().nullable(),
  rushAvailable: z.boolean(),
});
export type BillerView = z.infer<typeof BillerSchema>;

export const BillQuoteSchema = z.object({
  billerCode: z.string(),
  rush: z.boolean(),
  /** The bill, MobiSend's fee (standard or rush) and their total, in USD. */
  amount: MoneySchema,
  fee: MoneySchema,
  total: MoneySchema,
  /** total priced in pesos: what the cashier charges. */
  pricing: PricedInPesosSchema,
});
export type BillQuote = z.infer<typeof BillQuoteSchema>;

const QuoteInputShape = {
  billerCode: BillerCodeSchema,
  /** The biller's country from the search (its price may be the owner's per-country one); absent: the shop's default. */
  billerCountry: CountrySchema.optional(),
  amount: BillAmountSchema,
  rush: z.boolean(),
};

export const BillPayInputSchema = z
  .object({
    /** Chosen by the renderer once per confirm screen: a double tap or a resend returns the same sale. */
    requestId: z.string().uuid(),
    ...QuoteInputShape,
    billerName: z.string().min(1).max(120),
    accountNumber: AccountNumberSchema,
    /** The pesos the confirm screen showed; a different price now (the owner changed the rate) is refused: quote_changed. */
    expectedCharge: MoneySchema,
  })
  .strict();
export type BillPayInput = z.infer<typeof BillPayInputSchema>;

export const billpayChannels = {
  'billpay.billers': defineChannel({
    input: z.object({ search: z.string().min(2).max(60), country: CountrySchema.optional(), page: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ billers: z.array(BillerSchema), total: z.number().int().nonnegative() }),
    access: 'cashier',
    description: 'Billers whose name matches (MobiSend, online), 20 a page',
  }),
  'billpay.quote': defineChannel({
    input: z.object(QuoteInputShape).strict(),
    output: BillQuoteSchema,
    access: 'cashier',
    description: "A bill's fee (standard or rush), total in USD and the pesos to charge at the shop's rate and markup; writes nothing",
  }),
  'billpay.pay': defineChannel({
    input: BillPayInputSchema,
    output: SaleSchema,
    access: 'cashier',
    description: 'Record a bill payment as a sale durably, then send it (online only); answers with its state',
  }),
};
