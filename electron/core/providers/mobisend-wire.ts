/**
 * The shapes of MobiSend's answers, as zod schemas: what the adapter accepts from the wire. An answer that
 * does not match is an unexpected answer, never a guess.
 */
import { z } from 'zod';

export const decimal = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
export const optionalText = z.string().nullish();

export const ErrorBody = z.object({ success: z.boolean().optional(), error: z.string().optional(), message: z.string().optional() });

export const ProvidersBody = z.object({
  success: z.literal(true),
  countries: z.record(
    z.string(),
    z.object({ carriers: z.array(z.object({ name: z.string(), products: z.number().optional() })), provider: z.string().optional() }),
  ),
});

export const Product = z.object({
  product_id: z.union([z.number(), z.string()]),
  name: z.string(),
  amount: decimal,
  currency: z.string(),
  type: z.string().optional(),
});
export type ProductShape = z.infer<typeof Product>;

export const CatalogBody = z.object({
  success: z.literal(true),
  country: z.string().optional(),
  carrier: z.string().optional(),
  // By country the document groups products by carrier; by carrier it gives no example: a flat list is read too.
  carriers: z.record(z.string(), z.array(Product)).optional(),
  products: z.array(Product).optional(),
});

export const BalanceBody = z.object({
  success: z.literal(true),
  account: z.object({
    balance_usd: decimal,
    reserved_usd: decimal.optional(),
    available_usd: decimal.optional(),
    credit_limit_usd: decimal.optional(),
    currency: z.string().optional(),
  }),
});

export const Order = z.object({
  id: z.string().min(1),
  status: z.string(),
  type: z.string().optional(),
  phone: optionalText,
  country: optionalText,
  carrier: optionalText,
  amount: decimal.optional(),
  currency: optionalText,
  amount_usd: decimal.optional(),
  exchange_rate: decimal.optional(),
  provider_reference: optionalText,
  reference: optionalText,
  biller: optionalText,
  account_number: optionalText,
  fee_usd: decimal.optional(),
  total_usd: decimal.optional(),
  rush: z.boolean().optional(),
  confirmation_code: optionalText,
  error: optionalText,
  processed_at: optionalText,
  created_at: optionalText,
});
export type OrderShape = z.infer<typeof Order>;

export const OrderBody = z.object({
  success: z.literal(true),
  order: Order,
  billing: z.object({ deducted_usd: decimal.optional(), balance_after_usd: decimal.optional() }).optional(),
});

export const OrdersBody = z.object({
  success: z.literal(true),
  orders: z.array(Order),
  pagination: z.object({ total: z.number().int(), limit: z.number().int().optional(), offset: z.number().int().optional() }).optional(),
});

export const BillersBody = z.object({
  success: z.literal(true),
  billers: z.array(
    z.object({
      id: z.union([z.number(), z.string()]),
      biller_code: z.string(),
      name: z.string(),
      category: z.string().optional(),
      country: z.string().optional(),
      rush_available: z.boolean().optional(),
      provider: z.string().optional(),
    }),
  ),
  pagination: z.object({ total: z.number().int(), page: z.number().int(), limit: z.number().int(), pages: z.number().int() }),
});
