/**
 * The owner's accounts outside the drawer: refunds owed, provider balances and their low-balance thresholds,
 * reconciliation of a business day against each provider's own records, deposits to provider accounts and the
 * float check, and the exports (CSV of sales, PDF or CSV of a report or a Z). Every channel here is owner-only
 * except `accounts.balanceWarnings`, which the counter's status bar reads.
 *
 * Exports come back as a file for the renderer to download: text for CSV, base64 for PDF, with a file name.
 */
import { z } from 'zod';
import { MoneySchema, type Money } from '../money';
import { ErrorCodeSchema } from '../errors';
import { ProviderIdSchema, type ProviderId } from './app';
import { SaleStateSchema } from './sales';
import { ReportGroupingSchema, Z_NUMBER_PATTERN } from './backoffice';
import { defineChannel } from './define';

/** A business day's calendar date (shared/business-day.ts), YYYY-MM-DD. */
export const BusinessDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');
const IsoTimeSchema = z.string().min(10);

// ---------------------------------------------------------------------------------------------------------------
// Low-balance thresholds: the setting `lowBalanceThresholds` (the settings registry imports schema and default)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Per provider, the available balance under which the counter warns, in the provider's balance currency (all
 * three keep the shop's balance in USD); null: no warning for that provider.
 */
export const LowBalanceThresholdsSchema = z
  .object({ relier: MoneySchema.nullable(), mobisend: MoneySchema.nullable(), liquido: MoneySchema.nullable() })
  .strict();
export type LowBalanceThresholds = z.infer<typeof LowBalanceThresholdsSchema>;
export const LOW_BALANCE_THRESHOLDS_SETTING = 'lowBalanceThresholds';
/** 20 USD each: about 340 MXN of top-ups at Relier's documented rate, a couple of hours of a busy counter. */
export const DEFAULT_LOW_BALANCE_THRESHOLDS: Readonly<LowBalanceThresholds> = {
  relier: { minor: 2000, currency: 'USD' },
  mobisend: { minor: 2000, currency: 'USD' },
  liquido: { minor: 2000, currency: 'USD' },
};

// ---------------------------------------------------------------------------------------------------------------
// Refunds owed
// ---------------------------------------------------------------------------------------------------------------

export const RefundOwedSchema = z.object({
  saleId: z.string(),
  soldAt: IsoTimeSchema,
  /** When the sale became owed back (failed → refund_due). */
  owedSince: IsoTimeSchema,
  /** Whole minutes since owedSince, at the time of the answer. */
  ageMinutes: z.number().int().nonnegative(),
  /** The customer's number, masked to its last four digits (******5678) unless fullNumbers was asked. */
  phone: z.string(),
  phoneMasked: z.boolean(),
  country: z.string(),
  carrier: z.string(),
  provider: ProviderIdSchema,
  cashierId: z.string(),
  shiftId: z.string(),
  amount: MoneySchema,
  failureCode: ErrorCodeSchema.nullable(),
});
export type RefundOwed = z.infer<typeof RefundOwedSchema>;

export const RefundsOwedSchema = z.object({
  refunds: z.array(RefundOwedSchema),
  count: z.number().int().nonnegative(),
  /** Sum of the amounts, per currency (the shop sells in one, so usually one entry). */
  totals: z.array(MoneySchema),
});
export type RefundsOwed = z.infer<typeof RefundsOwedSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Balances
// ---------------------------------------------------------------------------------------------------------------

export const ProviderBalanceSchema = z.object({
  provider: ProviderIdSchema,
  /** The balance as the provider reports it, in its own currency (USD for all three). */
  balance: MoneySchema.nullable(),
  available: MoneySchema.nullable(),
  /** Relier: the account's credit limit. */
  creditLimit: MoneySchema.nullable(),
  /** Relier: the last exchange rate it charged ("1 USD = 17.0068 MXN" → "17.0068"), from the latest sale that carried one. */
  exchangeRate: z.string().nullable(),
  exchangeRateAt: IsoTimeSchema.nullable(),
  threshold: MoneySchema.nullable(),
  /** available < threshold (same currency). */
  low: z.boolean(),
  /** When the figures were read from the provider; null when never. */
  refreshedAt: IsoTimeSchema.nullable(),
  /** 'live': asked now; 'cached': the last known (the provider did not answer, or refresh was not asked). */
  source: z.enum(['live', 'cached', 'none']),
  /** Why the live read failed, when it did. */
  error: z.object({ code: ErrorCodeSchema, message: z.string() }).nullable(),
});
export type ProviderBalance = z.infer<typeof ProviderBalanceSchema>;

export const BalanceWarningSchema = z.object({
  provider: ProviderIdSchema,
  available: MoneySchema,
  threshold: MoneySchema,
  refreshedAt: IsoTimeSchema,
});
export type BalanceWarning = z.infer<typeof BalanceWarningSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation
// ---------------------------------------------------------------------------------------------------------------

/** What the owner should do about a line; the renderer shows each as a sentence (es/en). */
export const RECONCILE_ACTIONS = [
  /** Both sides agree. */
  'none',
  /** The ledger has it unknown/pending; the provider's records settle it (press settle, or it was settled). */
  'settle',
  /** Settled from the provider's records during this run. */
  'settled',
  /** The ledger says delivered; the provider has no record: claim it with the provider's support with the folio. */
  'claim_with_provider',
  /** The provider charged a sale the ledger does not know: made outside Saldo (another PC, an unrecorded CLI spend)? */
  'investigate_unrecorded',
  /** The ledger has it failed/owed back but the provider delivered: the customer may have the airtime and the refund. */
  'check_customer_before_refund',
  /** Amounts or cost differ: check the provider's statement; the ledger keeps what the provider answered at the time. */
  'check_amount',
  /** The ledger has it unknown/pending and the provider has no record yet: wait and reconcile again (never resend). */
  'wait',
  /** Not sent yet or never reached the provider (queued/created): nothing to compare. */
  'not_sent',
] as const;
export const ReconcileActionSchema = z.enum(RECONCILE_ACTIONS);
export type ReconcileAction = z.infer<typeof ReconcileActionSchema>;

export const ProviderRecordStateSchema = z.enum(['succeeded', 'pending', 'failed']);

export const ReconcileLineSchema = z.object({
  provider: ProviderIdSchema,
  /** The ledger's sale; null for a line missing in the ledger. */
  saleId: z.string().nullable(),
  providerTransactionId: z.string().nullable(),
  /** Masked to the last four digits. */
  phone: z.string().nullable(),
  ledgerState: SaleStateSchema.nullable(),
  providerState: ProviderRecordStateSchema.nullable(),
  ledgerAmount: MoneySchema.nullable(),
  providerAmount: MoneySchema.nullable(),
  ledgerCost: MoneySchema.nullable(),
  providerCost: MoneySchema.nullable(),
  /** For `differs`: what differs. */
  differences: z.array(z.enum(['state', 'amount', 'cost'])),
  action: ReconcileActionSchema,
  /** The action in English words, for logs and the command line. */
  advice: z.string(),
});
export type ReconcileLine = z.infer<typeof ReconcileLineSchema>;

export const ProviderReconcileSourceSchema = z.object({
  provider: ProviderIdSchema,
  /** Which of the provider's records were read. */
  source: z.enum(['reconciliation_export', 'orders_list', 'status_by_key', 'none']),
  /** False when the provider's records could not be read (then its sales are in no list). */
  ok: z.boolean(),
  error: z.object({ code: ErrorCodeSchema, message: z.string() }).nullable(),
  ledgerSales: z.number().int().nonnegative(),
  providerRecords: z.number().int().nonnegative(),
});

export const ReconciliationSchema = z.object({
  businessDay: BusinessDateSchema,
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  providers: z.array(ProviderReconcileSourceSchema),
  matched: z.array(ReconcileLineSchema),
  missingAtProvider: z.array(ReconcileLineSchema),
  missingInLedger: z.array(ReconcileLineSchema),
  differs: z.array(ReconcileLineSchema),
  /** Sale ids settled from the provider's records in this run (only when `settle` was asked). */
  settled: z.array(z.string()),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Deposits and the float check
// ---------------------------------------------------------------------------------------------------------------

export const DepositInputSchema = z
  .object({
    provider: ProviderIdSchema,
    /** Positive; in the provider account's currency (USD for all three today). */
    amount: MoneySchema.refine((amount) => amount.minor > 0, 'a deposit is more than zero'),
    /** The day the money reached the provider account (business day); default: today. */
    date: BusinessDateSchema.optional(),
    /** The bank's reference of the transfer, as the bank prints it (no spaces at either end, so one transfer is one text). */
    reference: z.string().min(1).max(80).regex(/^\S(?:.*\S)?$/, 'no spaces at either end'),
  })
  .strict();
export type DepositInput = z.infer<typeof DepositInputSchema>;

export const DepositSchema = z.object({
  id: z.string(),
  provider: ProviderIdSchema,
  amount: MoneySchema,
  date: BusinessDateSchema,
  reference: z.string(),
  recordedAt: IsoTimeSchema,
  recordedBy: z.string(),
  /** The journal entry that records it. */
  journalSeq: z.number().int().positive(),
});
export type Deposit = z.infer<typeof DepositSchema>;

export const FLOAT_VARIANCE_CAUSES = [
  /** No balance was read before the day: nothing to start from (the check starts tomorrow). */
  'no_previous_balance',
  /** No balance was read during or after the day. */
  'no_reported_balance',
  /** More money than expected: a deposit not recorded here, or a reversal credited back. */
  'deposit_not_recorded',
  /** Less than expected: a recorded deposit the provider has not credited yet. */
  'deposit_not_credited',
  /** Less than expected: sales charged that the ledger does not have (another PC on the account, an unrecorded CLI spend). */
  'sales_outside_saldo',
  /** Sales still unknown or pending in the window: their cost is not in the ledger yet. */
  'open_sales',
  /** Delivered sales without a recorded cost: the expected figure misses them. */
  'sales_without_cost',
  /** A small difference: the provider's rounding or fees. */
  'rounding_or_fees',
] as const;
export const FloatVarianceCauseSchema = z.enum(FLOAT_VARIANCE_CAUSES);
export type FloatVarianceCause = z.infer<typeof FloatVarianceCauseSchema>;

export const FloatCheckLineSchema = z.object({
  provider: ProviderIdSchema,
  currency: z.string(),
  /** The balance read last before the day began (or the first read of the day), and when. */
  previousBalance: MoneySchema.nullable(),
  previousAt: IsoTimeSchema.nullable(),
  /** The balance read last by the end of the day (for today: now), and when. */
  reported: MoneySchema.nullable(),
  reportedAt: IsoTimeSchema.nullable(),
  /** Deposits dated between the two reads. */
  deposits: MoneySchema,
  /** Cost of the sales delivered between the two reads. */
  deliveredCost: MoneySchema,
  /** Cost recorded on sales that then failed (the provider gave it back). */
  reversals: MoneySchema,
  /** previousBalance + deposits − deliveredCost + reversals; null without a previous balance. */
  expected: MoneySchema.nullable(),
  /** reported − expected; null when either is missing. */
  variance: MoneySchema.nullable(),
  /** True when |variance| is above the tolerance: alert the owner. */
  alert: z.boolean(),
  likelyCauses: z.array(FloatVarianceCauseSchema),
  deliveredSales: z.number().int().nonnegative(),
  salesWithoutCost: z.number().int().nonnegative(),
  openSales: z.number().int().nonnegative(),
});
export type FloatCheckLine = z.infer<typeof FloatCheckLineSchema>;

export const FloatCheckSchema = z.object({
  businessDay: BusinessDateSchema,
  /** |variance| up to this many minor units is rounding, not an alert. */
  toleranceMinor: z.number().int().nonnegative(),
  providers: z.array(FloatCheckLineSchema),
});
export type FloatCheck = z.infer<typeof FloatCheckSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------------------------

export const ExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.enum(['text/csv', 'application/pdf']),
  /** 'utf8': content is the file's text (CSV, starting with a BOM); 'base64': the file's bytes (PDF). */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  /** Rows written (CSV data rows without the header; PDF: report lines). */
  rows: z.number().int().nonnegative(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export const PaperSizeSchema = z.enum(['A4', 'Letter']);

export const ExportSalesInputSchema = z
  .object({
    from: BusinessDateSchema,
    to: BusinessDateSchema,
    /** Full phone numbers instead of the last four digits: explicit, owner-only, recorded in the journal. */
    fullNumbers: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.from <= input.to, { message: 'from must not be after to' });

export const ExportReportInputSchema = z
  .object({
    /** A report over business days (from..to, default today), or a Z by its number. */
    from: BusinessDateSchema.optional(),
    to: BusinessDateSchema.optional(),
    zNumber: z.string().regex(Z_NUMBER_PATTERN, 'a Z number, e.g. Z-0001').optional(),
    /** For a report: the grouping of its groups table (as `report --by`). */
    by: ReportGroupingSchema.optional(),
    format: z.enum(['pdf', 'csv']),
    paper: PaperSizeSchema.optional(),
  })
  .strict()
  .refine((input) => input.zNumber === undefined || (input.from === undefined && input.to === undefined), { message: 'give a Z number or dates, not both' })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'from must not be after to' });

// ---------------------------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------------------------

export const accountsChannels = {
  'accounts.refundsOwed': defineChannel({
    input: z.object({ fullNumbers: z.boolean().optional() }).strict(),
    output: RefundsOwedSchema,
    access: 'owner',
    description: 'Sales owed back to customers, oldest first, with age, number (masked unless asked) and amount; pay one with sales.markRefunded',
  }),
  'accounts.balances': defineChannel({
    input: z.object({ refresh: z.boolean().optional() }).strict(),
    output: z.object({ balances: z.array(ProviderBalanceSchema) }),
    access: 'owner',
    description: "Each provider's balance with currency, Relier's credit limit and exchange rate, the threshold and whether it is low; refresh asks the providers now",
  }),
  'accounts.balanceWarnings': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ warnings: z.array(BalanceWarningSchema) }),
    access: 'cashier',
    description: "For the counter's status bar: the providers whose last known available balance is under the owner's threshold",
  }),
  'accounts.reconcile': defineChannel({
    input: z.object({ date: BusinessDateSchema, provider: ProviderIdSchema.optional(), settle: z.boolean().optional() }).strict(),
    output: ReconciliationSchema,
    access: 'owner',
    description: "A business day against each provider's own records: matched, missing at the provider, missing in the ledger, differs, each with what to do; settle: unknown/pending sales the records settle are settled",
  }),
  'accounts.addDeposit': defineChannel({
    input: DepositInputSchema,
    output: DepositSchema,
    access: 'owner',
    description: 'Record a deposit to a provider account (amount, currency, date, bank reference), in the journal',
  }),
  'accounts.deposits': defineChannel({
    input: z.object({ from: BusinessDateSchema.optional(), to: BusinessDateSchema.optional(), provider: ProviderIdSchema.optional() }).strict(),
    output: z.object({ deposits: z.array(DepositSchema) }),
    access: 'owner',
    description: 'Deposits recorded, newest first',
  }),
  'accounts.floatCheck': defineChannel({
    input: z.object({ date: BusinessDateSchema }).strict(),
    output: FloatCheckSchema,
    access: 'owner',
    description: 'Per provider: previous balance + deposits − cost of delivered sales (+ reversals) against the balance reported, the variance and its likely causes',
  }),
  'accounts.exportSales': defineChannel({
    input: ExportSalesInputSchema,
    output: ExportFileSchema,
    access: 'owner',
    description: 'CSV of the sales of business days from..to, one row per sale (numbers masked unless fullNumbers, which is journaled)',
  }),
  'accounts.exportReport': defineChannel({
    input: ExportReportInputSchema,
    output: ExportFileSchema,
    access: 'owner',
    description: "PDF (A4 or Letter) or CSV of a report's totals and groups, or of a Z",
  }),
};

/** Helpers the renderer and the core both use to keep the warning rule in one place. */
export function isBelowThreshold(available: Money, threshold: Money | null): boolean {
  return threshold !== null && threshold.currency === available.currency && available.minor < threshold.minor;
}

export function thresholdOf(thresholds: LowBalanceThresholds, provider: ProviderId): Money | null {
  return thresholds[provider];
}
