/**
 * The owner's back office (issue 13): the shift of this PC's drawer and its cash, the X (running figures) and
 * the Z (the sealed close of a business day), and reports over the ledger. The shapes here are the ones the
 * command line prints (`shift …`, `report …`, `close-day …`), so the screens, the CLI and the exports read the
 * same numbers. Money is integer minor units with its currency beside it, always.
 */
import { z } from 'zod';
import { MoneySchema, NonNegativeMoneySchema, PositiveMoneySchema } from '../money';
import { SaleStateSchema } from './sales';
import { OwnerPinSchema } from './sales';
import { defineChannel } from './define';

const IsoTimeSchema = z.string().min(10);
const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** One line that says something: starts with a visible character. */
const ReasonSchema = z.string().regex(/^\S[^\n]{0,199}$/, 'one line, 1 to 200 characters, starting with a visible one');
const NoteSchema = z.string().regex(/^\S[^\n]{0,499}$/, 'one line, 1 to 500 characters, starting with a visible one');

/**
 * The most a drawer holds or moves at once: 10,000,000.00 (in minor units). Far beyond any counter, and small
 * enough that a day's sums of floats, counts and movements stay exact integers.
 */
export const MAX_DRAWER_MINOR = 1_000_000_000;
const withinDrawer = { message: 'at most 10,000,000.00', path: ['minor'] };
const DrawerAmountSchema = NonNegativeMoneySchema.refine((amount) => amount.minor <= MAX_DRAWER_MINOR, withinDrawer);
const DrawerMovementSchema = PositiveMoneySchema.refine((amount) => amount.minor <= MAX_DRAWER_MINOR, withinDrawer);

// ---------------------------------------------------------------------------------------------------------
// The owner's shift policy (settings key `shiftPolicy`; the settings registry stores it, the core reads it).

export const ShiftPolicySchema = z
  .object({
    /** A zero-float shift opens by itself at the first sale when none is open, so the counter keeps working. */
    autoOpen: z.boolean(),
    /** A closing difference (over or short) above this needs the owner's PIN and a note. */
    differenceTolerance: DrawerAmountSchema,
  })
  .strict();
export type ShiftPolicy = z.infer<typeof ShiftPolicySchema>;
export const DEFAULT_SHIFT_POLICY: Readonly<ShiftPolicy> = { autoOpen: true, differenceTolerance: { minor: 5000, currency: 'MXN' } };
export const SHIFT_POLICY_SETTING_KEY = 'shiftPolicy';

// ---------------------------------------------------------------------------------------------------------
// Shifts and cash

/** open: selling; ended: the cashier counted the drawer (blind); closed: the owner reviewed and closed it. */
export const SHIFT_STATES = ['open', 'ended', 'closed'] as const;
export const ShiftStateSchema = z.enum(SHIFT_STATES);
export type ShiftState = z.infer<typeof ShiftStateSchema>;

/** How long a shift may stay open before the counter and the owner are warned. */
export const SHIFT_STALE_AFTER_MS = 24 * 3_600_000;

export const ShiftSchema = z.object({
  id: z.string(),
  state: ShiftStateSchema,
  /** The business day the shift opened in (shared/business-day.ts). */
  businessDay: IsoDateSchema,
  openedAt: IsoTimeSchema,
  openedBy: z.string(),
  /** When the cashier counted the drawer and ended the shift. */
  endedAt: IsoTimeSchema.nullable(),
  endedBy: z.string().nullable(),
  /** When the owner reviewed and closed it. */
  closedAt: IsoTimeSchema.nullable(),
  closedBy: z.string().nullable(),
  /** Opened automatically at the first sale (zero float) under shiftPolicy.autoOpen. */
  autoOpened: z.boolean(),
  float: MoneySchema,
  /**
   * The running figures. Null while the count is blind: a cashier asking about an open shift does not see
   * them (they would reveal the expected cash); an owner always does; after the count everyone does.
   */
  cashSales: MoneySchema.nullable(),
  refundsPaid: MoneySchema.nullable(),
  cashIn: MoneySchema.nullable(),
  cashOut: MoneySchema.nullable(),
  /** float + cashSales − refundsPaid + cashIn − cashOut; null while blind. */
  expected: MoneySchema.nullable(),
  /** What the cashier counted; null until the shift is ended. */
  counted: MoneySchema.nullable(),
  /** counted − expected (negative: short); null until counted and while blind. */
  difference: MoneySchema.nullable(),
  /** True when the difference is beyond the owner's tolerance (null until counted). */
  beyondTolerance: z.boolean().nullable(),
  /** The owner's note at close (required beyond the tolerance). */
  note: z.string().nullable(),
  /** Open for more than 24 h: warn on the counter and to the owner. */
  stale: z.boolean(),
  /** How many sales belong to this shift (any state). */
  saleCount: z.number().int().nonnegative(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const CASH_DIRECTIONS = ['in', 'out'] as const;
export const CashDirectionSchema = z.enum(CASH_DIRECTIONS);

export const CashMovementSchema = z.object({
  id: z.string(),
  shiftId: z.string(),
  at: IsoTimeSchema,
  actorId: z.string(),
  direction: CashDirectionSchema,
  /** Always positive; the direction says which way it went. */
  amount: MoneySchema,
  reason: z.string(),
});
export type CashMovement = z.infer<typeof CashMovementSchema>;

/** One denomination line of a count: `count` pieces of `unit` (e.g. 3 × 200.00 MXN); a note or coin is at most 10,000.00. */
export const DenominationLineSchema = z
  .object({ unitMinor: z.number().int().positive().max(1_000_000), count: z.number().int().min(0).max(100_000) })
  .strict();

/** The cashier's blind count: one amount, or pieces per denomination (the core adds them up). */
export const BlindCountSchema = z.union([
  z.object({ amount: DrawerAmountSchema }).strict(),
  z.object({ currency: z.string().regex(/^[A-Z]{3}$/), denominations: z.array(DenominationLineSchema).min(1).max(40) }).strict(),
]);
export type BlindCount = z.infer<typeof BlindCountSchema>;

export const CurrentShiftSchema = z.object({
  shift: ShiftSchema.nullable(),
  /** What was left in the drawer at the last close: the default float of the next shift. */
  suggestedFloat: MoneySchema,
});

// ---------------------------------------------------------------------------------------------------------
// Reports

/** Every ledger state appears in a report's totals, even at zero (failed and refunded lines always show). */
export const StateFigureSchema = z.object({ count: z.number().int().nonnegative(), amount: MoneySchema });
export type StateFigure = z.infer<typeof StateFigureSchema>;

export const ReportTotalsSchema = z.object({
  created: StateFigureSchema,
  queued: StateFigureSchema,
  sending: StateFigureSchema,
  pending: StateFigureSchema,
  unknown: StateFigureSchema,
  succeeded: StateFigureSchema,
  failed: StateFigureSchema,
  refund_due: StateFigureSchema,
  refunded: StateFigureSchema,
  /** Every sale in the period: the sum of the nine states above, to the centavo. */
  all: StateFigureSchema,
  /** Provider cost of delivered sales whose cost is known, in the shop's currency at each sale's recorded rate. */
  cost: MoneySchema,
  /** The same cost as the providers charged it, one amount per currency (e.g. USD). */
  costCharged: z.array(MoneySchema),
  /** Delivered sales whose cost is known (the margin covers these only). */
  costKnownCount: z.number().int().nonnegative(),
  /** Price − cost over the delivered sales whose cost is known. */
  margin: MoneySchema,
});
export type ReportTotals = z.infer<typeof ReportTotalsSchema>;

export const REPORT_GROUPINGS = ['cashier', 'carrier', 'provider', 'state', 'hour', 'day', 'shift'] as const;
export const ReportGroupingSchema = z.enum(REPORT_GROUPINGS);
export type ReportGrouping = z.infer<typeof ReportGroupingSchema>;

/** One group of a report (one cashier, one hour…): the same figures as the totals; the groups add up to them. */
export const ReportGroupSchema = ReportTotalsSchema.extend({ key: z.string() });
export type ReportGroup = z.infer<typeof ReportGroupSchema>;

export const ShiftDifferenceSchema = z.object({
  shiftId: z.string(),
  state: ShiftStateSchema,
  expected: MoneySchema.nullable(),
  counted: MoneySchema.nullable(),
  difference: MoneySchema.nullable(),
});

/** A sale that was open (queued, pending, unknown, sending) at an earlier Z and settled in this report's period. */
export const CarriedItemSchema = z.object({
  saleId: z.string(),
  zNumber: z.string(),
  stateAtClose: SaleStateSchema,
  state: SaleStateSchema,
  amount: MoneySchema,
  settledAt: IsoTimeSchema,
});

export const ReportSchema = z.object({
  /** First and last business day covered (inclusive), YYYY-MM-DD. */
  from: IsoDateSchema,
  to: IsoDateSchema,
  currency: z.string(),
  /** Live mode leaves demo sales out; demo mode shows them. */
  includesDemo: z.boolean(),
  totals: ReportTotalsSchema,
  by: ReportGroupingSchema.nullable(),
  groups: z.array(ReportGroupSchema),
  /** Refunds owed now among the period's sales and refunds paid in the period (counter and owner payouts). */
  refunds: z.object({ owed: StateFigureSchema, paid: StateFigureSchema, paidAtCounter: StateFigureSchema }),
  cashMovements: z.object({ in: StateFigureSchema, out: StateFigureSchema }),
  shifts: z.array(ShiftDifferenceSchema),
  carried: z.array(CarriedItemSchema),
  /** Set when the report is a Z's frozen figures. */
  zNumber: z.string().nullable(),
  generatedAt: IsoTimeSchema,
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportQuerySchema = z
  .object({
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    by: ReportGroupingSchema.optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Z: the sealed close of a business day

export const Z_NUMBER_PATTERN = /^Z-\d{4,}$/;

export const OpenItemSchema = z.object({ saleId: z.string(), state: SaleStateSchema, amount: MoneySchema, createdAt: IsoTimeSchema });

export const ZSchema = z.object({
  /** Gapless: Z-0001, Z-0002, … */
  number: z.string().regex(Z_NUMBER_PATTERN),
  businessDay: IsoDateSchema,
  closedAt: IsoTimeSchema,
  closedBy: z.string(),
  /** Frozen at close: stored, never recomputed. */
  totals: ReportTotalsSchema,
  refunds: ReportSchema.shape.refunds,
  cashMovements: ReportSchema.shape.cashMovements,
  shifts: z.array(ShiftDifferenceSchema),
  /** Hash of the last sale event at close (the sale chain's head); null when the ledger had no event yet. */
  chainHead: z.string().nullable(),
  /** sale_events sequence numbers this Z covers: after the previous Z's lastSeq, up to the head at close. */
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  /** Sales of the day still queued, pending or unknown at close; carried into later reports when they settle. */
  openItems: z.object({ count: z.number().int().nonnegative(), amount: MoneySchema, sales: z.array(OpenItemSchema) }),
  /** Every delivered sale since the shop began, never reset. */
  grandTotal: MoneySchema,
  completeness: z.object({
    /** No event is missing from firstSeq…lastSeq and every sale of the day has its events in the chain. */
    sequenceComplete: z.boolean(),
    eventCount: z.number().int().nonnegative(),
    openCount: z.number().int().nonnegative(),
  }),
});
export type Z = z.infer<typeof ZSchema>;

export const ZSummarySchema = ZSchema.pick({ number: true, businessDay: true, closedAt: true, closedBy: true, grandTotal: true }).extend({
  delivered: StateFigureSchema,
});

// ---------------------------------------------------------------------------------------------------------

export const backofficeChannels = {
  'shift.current': defineChannel({
    input: z.object({}).strict(),
    output: CurrentShiftSchema,
    access: 'cashier',
    description: "This PC's open (or ended, awaiting the owner) shift; a cashier gets it blind (no expected cash)",
  }),
  'shift.open': defineChannel({
    input: z.object({ float: DrawerAmountSchema.optional() }).strict(),
    output: ShiftSchema,
    access: 'cashier',
    description: 'Open the drawer with a counted float (default: what was left at the last close); one open at a time',
  }),
  'shift.cash': defineChannel({
    input: z.object({ direction: CashDirectionSchema, amount: DrawerMovementSchema, reason: ReasonSchema }).strict(),
    output: CashMovementSchema,
    access: 'cashier',
    description: 'Cash put in or taken out of the open shift\'s drawer, with a reason (drop to the safe, a payout)',
  }),
  'shift.end': defineChannel({
    input: z.object({ count: BlindCountSchema }).strict(),
    output: ShiftSchema,
    access: 'cashier',
    description: 'The cashier ends the shift with a blind count; the answer then shows expected cash and the difference',
  }),
  'shift.list': defineChannel({
    input: z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), state: ShiftStateSchema.optional() }).strict(),
    output: z.object({ shifts: z.array(ShiftSchema) }),
    access: 'owner',
    description: 'Shifts with their figures, newest first',
  }),
  'shift.get': defineChannel({
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: z.object({ shift: ShiftSchema, movements: z.array(CashMovementSchema) }),
    access: 'owner',
    description: 'One shift with its cash movements',
  }),
  'shift.close': defineChannel({
    input: z.object({ id: z.string().min(1).max(100), note: NoteSchema.optional(), ownerPin: OwnerPinSchema.optional() }).strict(),
    output: ShiftSchema,
    // Owner-only, checked in the handler (not by the dispatcher's ownerOverride) so that the PIN is checked, and its
    // use recorded, only after the shift was found counted: a cashier passes with an owner's PIN typed on the spot.
    access: 'cashier',
    description: "The owner reviews an ended shift and closes it (a cashier only with the owner's PIN); a difference beyond the tolerance needs the owner's PIN and a note",
  }),
  'report.x': defineChannel({
    input: z.object({ date: IsoDateSchema.optional() }).strict(),
    output: ReportSchema,
    access: 'owner',
    description: 'The X: running figures of a business day (today by default); changes nothing',
  }),
  'report.get': defineChannel({
    input: ReportQuerySchema,
    output: ReportSchema,
    access: 'owner',
    description: 'A report for a day or a range of business days, optionally grouped',
  }),
  'report.z': defineChannel({
    input: z.object({ number: z.string().regex(Z_NUMBER_PATTERN) }).strict(),
    output: ReportSchema,
    access: 'owner',
    description: "A Z's frozen figures as a report",
  }),
  'z.close': defineChannel({
    input: z.object({ date: IsoDateSchema.optional() }).strict(),
    output: ZSchema,
    access: 'owner',
    description: 'Close a business day (the Z): refused while a shift of that day is open or a sale is still sending; never redone',
  }),
  'z.list': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ zs: z.array(ZSummarySchema) }),
    access: 'owner',
    description: 'Every Z, newest first',
  }),
  'z.get': defineChannel({
    input: z.object({ number: z.string().regex(Z_NUMBER_PATTERN) }).strict(),
    output: ZSchema,
    access: 'owner',
    description: 'One Z as it was sealed',
  }),
};
