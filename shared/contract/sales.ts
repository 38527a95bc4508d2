/** Channels and events of selling: the sale, the offline queue, catalog, balances, connectivity. */
import { z } from 'zod';
import { MoneySchema } from '../money';
import { ErrorCodeSchema } from '../errors';
import { ProviderIdSchema } from './app';
import { defineChannel, defineEvent } from './define';
import { BillDetailsSchema, BundleIncludesSchema, SaleKindSchema } from './sale-kinds';

/** The ledger's state machine (docs/architecture.md, "A sale's life"). */
export const SALE_STATES = ['created', 'queued', 'sending', 'pending', 'unknown', 'succeeded', 'failed', 'refund_due', 'refunded'] as const;
export const SaleStateSchema = z.enum(SALE_STATES);
export type SaleState = z.infer<typeof SaleStateSchema>;

const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. MX');
/** National number, digits only (5512345678); the country says how many digits. */
const NationalPhoneSchema = z.string().regex(/^\d{6,15}$/, 'digits only, no country code');
const IsoTimeSchema = z.string().min(10);
/** A PIN typed for an owner's override (4–6 digits); checked by the core, never stored or echoed. */
export const OwnerPinSchema = z.string().regex(/^\d{4,6}$/, '4 to 6 digits');

export const SaleSchema = z.object({
  id: z.string(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  cashierId: z.string(),
  shiftId: z.string(),
  provider: ProviderIdSchema,
  country: CountrySchema,
  carrier: z.string(),
  sku: z.string().nullable(),
  /** Empty for a bill payment (its account number is in `bill`). */
  phone: NationalPhoneSchema.or(z.literal('')),
  /** What the customer pays, in the shop's currency. */
  price: MoneySchema,
  /** What the provider deducted from the shop's balance, once known. */
  cost: MoneySchema.nullable(),
  exchangeRate: z.string().nullable(),
  providerTransactionId: z.string().nullable(),
  operatorTransactionId: z.string().nullable(),
  state: SaleStateSchema,
  attempts: z.number().int().nonnegative(),
  failureCode: ErrorCodeSchema.nullable(),
  failureMessage: z.string().nullable(),
  /** Issue 14: what was sold; the ledger always says, absent (older fixtures) reads as a top-up. */
  kind: SaleKindSchema.optional(),
  /** What the provider was asked to send when it is not `price` (USD: an international top-up's face value, a bill's total). */
  faceValue: MoneySchema.nullable().optional(),
  /** The shop's rate (MXN per USD, decimal text) and markup percent that priced `faceValue` into `price`. */
  shopRate: z.string().nullable().optional(),
  markupPercent: z.string().nullable().optional(),
  /** Sold as "No sé la compañía": `carrier` is the one the provider detected ('' until it answers). */
  carrierDetected: z.boolean().optional(),
  bill: BillDetailsSchema.nullable().optional(),
});
export type Sale = z.infer<typeof SaleSchema>;

export const SaleEventSchema = z.object({
  seq: z.number().int().positive(),
  at: IsoTimeSchema,
  fromState: SaleStateSchema.nullable(),
  toState: SaleStateSchema,
  detail: z.string().nullable(),
});
export type SaleEvent = z.infer<typeof SaleEventSchema>;

export const QueueStatusSchema = z.object({
  queued: z.number().int().nonnegative(),
  queuedTotal: MoneySchema,
  inFlight: z.number().int().nonnegative(),
  awaitingProvider: z.number().int().nonnegative(),
  refundDue: z.number().int().nonnegative(),
  refundDueTotal: MoneySchema,
});
export type QueueStatus = z.infer<typeof QueueStatusSchema>;

export const CatalogProductSchema = z.object({
  provider: ProviderIdSchema,
  sku: z.string().nullable(),
  name: z.string(),
  carrier: z.string(),
  type: z.enum(['topup', 'bundle']),
  /** A bundle's contents as its catalog entry describes them (issue 14). */
  includes: BundleIncludesSchema.optional(),
  amount: MoneySchema.nullable(),
  min: MoneySchema.nullable(),
  max: MoneySchema.nullable(),
});
export type CatalogProductView = z.infer<typeof CatalogProductSchema>;

export const CatalogSchema = z.object({
  country: CountrySchema,
  /** `sold`: this shop's sales with the carrier in the country (issue 14: most sold first). */
  carriers: z.array(z.object({ name: z.string(), providers: z.array(ProviderIdSchema), sold: z.number().int().nonnegative().optional() })),
  products: z.array(CatalogProductSchema),
  refreshedAt: IsoTimeSchema.nullable(),
});
export type Catalog = z.infer<typeof CatalogSchema>;

export const BalancesSchema = z.object({
  balances: z.array(
    z.object({
      provider: ProviderIdSchema,
      balance: MoneySchema,
      available: MoneySchema,
      low: z.boolean(),
      refreshedAt: IsoTimeSchema,
    }),
  ),
});
export type Balances = z.infer<typeof BalancesSchema>;

export const ConnectivitySchema = z.object({
  online: z.boolean(),
  providers: z.array(
    z.object({
      id: ProviderIdSchema,
      reachable: z.boolean(),
      checkedAt: IsoTimeSchema.nullable(),
      lastError: z.string().nullable(),
      /** When the client-side rate limiter lets the next request go (the provider is being paced); absent or null: not paced. */
      pacedUntil: IsoTimeSchema.nullable().optional(),
    }),
  ),
});
export type Connectivity = z.infer<typeof ConnectivitySchema>;

export const SellInputSchema = z
  .object({
    /** Chosen by the renderer once per confirm screen: a double tap or a resend returns the same sale. */
    requestId: z.string().uuid(),
    phone: NationalPhoneSchema,
    country: CountrySchema,
    /** Omitted in Mexico: "No sé la compañía", the provider detects it (MobiSend). */
    carrier: z.string().min(1).max(60).optional(),
    amount: MoneySchema.optional(),
    sku: z.string().min(1).max(64).optional(),
    provider: ProviderIdSchema.optional(),
    /** Abroad (priced in USD): the pesos the confirm screen showed; a different price now is refused (quote_changed). */
    expectedCharge: MoneySchema.optional(),
    /** An owner's PIN typed on the spot: lets a sale through while an earlier one to the number is unresolved (recorded). */
    ownerPin: OwnerPinSchema.optional(),
    /** The cashier answered "¿Otra recarga igual?" with yes: the same number and amount again within the window. */
    repeatConfirmed: z.boolean().optional(),
  })
  .strict()
  .refine((input) => Boolean(input.amount) !== Boolean(input.sku), { message: 'give exactly one of amount or sku' })
  .refine((input) => input.carrier !== undefined || input.country === 'MX', { message: 'the carrier may be left out only in Mexico', path: ['carrier'] });
export type SellInput = z.infer<typeof SellInputSchema>;

/** What the ledger knows about earlier sales to a number, asked before the read-back; writes nothing. */
export const ResellCheckSchema = z.object({
  /** A sale to this number still unresolved (created, queued, sending, pending, unknown): blocks a new one. */
  unresolved: SaleSchema.nullable(),
  /** The latest sale of the same number and amount within the window: ask "¿Otra recarga igual?". */
  sameRecently: SaleSchema.nullable(),
  windowMinutes: z.number().int().nonnegative(),
});
export type ResellCheck = z.infer<typeof ResellCheckSchema>;

/**
 * What today's list adds to sales.list: filter by several states at once (the owed sales, the ones waiting), a
 * search by the number's last digits or a folio, and keyset paging (the page after a given sale).
 */
const SalesListPagingFields = {
  states: z.array(SaleStateSchema).min(1).max(SALE_STATES.length).optional(),
  search: z.string().min(1).max(60).optional(),
  afterSaleId: z.string().min(1).max(100).optional(),
  /** Also the day's count and amount per state (read on their own, so the first rows never wait for them). */
  withTotals: z.boolean().optional(),
};

/** The page's context: how many sales match in all, whether more follow, and the day's count and amount per state. */
const SalesListPageAnswer = {
  matched: z.number().int().nonnegative().optional(),
  more: z.boolean().optional(),
  totals: z.array(z.object({ state: SaleStateSchema, count: z.number().int().nonnegative(), amount: MoneySchema })).optional(),
};
export type SalesListTotals = NonNullable<z.infer<z.ZodObject<typeof SalesListPageAnswer>>['totals']>;

export const salesChannels = {
  'sales.sell': defineChannel({
    input: SellInputSchema,
    output: SaleSchema,
    access: 'cashier',
    description: 'Record a sale durably, then send it (or queue it when offline); answers with its state',
  }),
  'sales.get': defineChannel({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.object({ sale: SaleSchema, events: z.array(SaleEventSchema) }),
    access: 'cashier',
    description: 'One sale with its history',
  }),
  'sales.list': defineChannel({
    input: z
      .object({
        state: SaleStateSchema.optional(),
        today: z.boolean().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        // Today's list (issue 14): a filter by states, a search, and the next page after a sale.
        ...SalesListPagingFields,
      })
      .strict(),
    output: z.object({ sales: z.array(SaleSchema), ...SalesListPageAnswer }),
    access: 'cashier',
    description: 'Sales, newest first, optionally only today or only one state; today\'s list by page, searched and filtered, with its totals',
  }),
  'sales.checkResell': defineChannel({
    input: z
      .object({ phone: NationalPhoneSchema, country: CountrySchema, amount: MoneySchema.optional(), sku: z.string().min(1).max(64).optional() })
      .strict(),
    output: ResellCheckSchema,
    access: 'cashier',
    description: 'Before the read-back: an unresolved sale to this number, or the same number and amount within the window',
  }),
  'sales.refundAtCounter': defineChannel({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: SaleSchema,
    access: 'cashier',
    description: 'Right after a failure, the cashier who sold it handed the cash back (refund_due → refunded, this shift)',
  }),
  'sales.markRefunded': defineChannel({
    input: z
      .object({
        id: z.string().min(1),
        ownerPin: OwnerPinSchema.optional(),
        /** The shift whose cash paid it back (recorded in the sale's history); default: the signed-in user's shift now. */
        fromShiftId: z.string().min(1).max(120).optional(),
      })
      .strict(),
    output: SaleSchema,
    access: 'owner',
    ownerOverride: true,
    description: 'Paying out a refund_due sale later: an owner, or a cashier with an owner PIN typed on the spot (recorded)',
  }),
  'sales.recentNumbers': defineChannel({
    input: z.object({ limit: z.number().int().min(1).max(20).optional() }).strict(),
    output: z.object({
      numbers: z.array(
        z.object({
          phone: NationalPhoneSchema,
          country: CountrySchema,
          carrier: z.string(),
          lastSoldAt: IsoTimeSchema,
          /** The last sale to the number and its state, so the counter shows it beside the number. */
          lastSaleId: z.string().optional(),
          lastState: SaleStateSchema.optional(),
        }),
      ),
    }),
    access: 'cashier',
    description: 'The last numbers sold to, for customers who top up every week',
  }),
  'queue.status': defineChannel({
    input: z.object({}).strict(),
    output: QueueStatusSchema,
    access: 'cashier',
    description: 'Queued sales, sales awaiting the provider, sales owed back to customers',
  }),
  'catalog.get': defineChannel({
    input: z.object({ country: CountrySchema, kind: z.enum(['topup', 'bundle']).optional() }).strict(),
    output: CatalogSchema,
    access: 'cashier',
    description: 'Carriers and products from the cached catalog (works offline)',
  }),
  'balances.get': defineChannel({
    input: z.object({}).strict(),
    output: BalancesSchema,
    access: 'cashier',
    description: 'Provider balances as last refreshed',
  }),
  'connectivity.get': defineChannel({
    input: z.object({}).strict(),
    output: ConnectivitySchema,
    access: 'cashier',
    description: 'Whether each provider answered lately',
  }),
};

export const salesEvents = {
  'sale.changed': defineEvent({ payload: SaleSchema, description: 'A sale changed state' }),
  'queue.changed': defineEvent({ payload: QueueStatusSchema, description: 'The queue or the refunds owed changed' }),
  'connectivity.changed': defineEvent({ payload: ConnectivitySchema, description: 'A provider became reachable or unreachable' }),
  'balances.changed': defineEvent({ payload: BalancesSchema, description: 'Balances were refreshed' }),
};
