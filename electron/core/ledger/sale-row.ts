/**
 * A `sales` row and the ledger's view of it: the row's columns, and how they read as a LedgerSale (the issue-14
 * columns of migration 009 included only where set, so a plain top-up reads as it always did, plus its kind).
 */
import type { Sale, SaleState } from '../../../shared/contract/sales';
import type { ProviderId } from '../../../shared/contract/app';
import type { SaleKind } from '../../../shared/contract/sale-kinds';
import type { ErrorCode } from '../../../shared/errors';
import type { Money } from '../../../shared/money';

/** A bill's terms as recorded when the sale is created (its confirmation code comes later, in operator_transaction_id). */
/** The ledger's own view of a sale: the contract's Sale plus what the engine needs. */
export interface LedgerSale extends Sale {
  requestId: string;
  idempotencyKey: string;
  createdMs: number;
  queuedMs: number | null;
}

export interface BillTerms {
  billerCode: string;
  billerName: string;
  accountNumber: string;
  rush: boolean;
  amount: Money;
  fee: Money;
}

/** What a sale sells beyond a plain top-up: its kind, what is sent in USD and how it was priced, detection, a bill. */
export interface SaleExtras {
  kind: SaleKind;
  faceValue?: Money;
  shopRate?: string;
  markupPercent?: string;
  /** "No sé la compañía": the provider detects the carrier; `carrier` is recorded as ''. */
  carrierDetect?: boolean;
  bill?: BillTerms;
}

export interface SaleRow {
  id: string;
  request_id: string;
  idempotency_key: string;
  created_at: string;
  created_ms: number;
  updated_at: string;
  cashier_id: string;
  shift_id: string;
  provider: string;
  country: string;
  carrier: string;
  sku: string | null;
  phone: string;
  price_minor: number;
  price_currency: string;
  cost_minor: number | null;
  cost_currency: string | null;
  exchange_rate: string | null;
  provider_transaction_id: string | null;
  operator_transaction_id: string | null;
  state: string;
  attempts: number;
  failure_code: string | null;
  failure_message: string | null;
  queued_ms: number | null;
  kind: SaleKind;
  face_minor: number | null;
  face_currency: string | null;
  shop_rate: string | null;
  markup_percent: string | null;
  carrier_detect: number;
  detected_carrier: string | null;
  bill_terms: string | null;
}

function billOf(row: SaleRow): Sale['bill'] {
  if (!row.bill_terms) return undefined;
  const terms = JSON.parse(row.bill_terms) as BillTerms;
  return { ...terms, total: { minor: terms.amount.minor + terms.fee.minor, currency: terms.amount.currency }, confirmationCode: row.operator_transaction_id };
}

/** The issue-14 fields, only where set, so a plain top-up reads as it always did (plus its kind). */
function extrasOf(row: SaleRow): Partial<Sale> {
  const extras: Partial<Sale> = { kind: row.kind };
  if (row.face_minor !== null && row.face_currency !== null) extras.faceValue = { minor: row.face_minor, currency: row.face_currency };
  if (row.shop_rate !== null) extras.shopRate = row.shop_rate;
  if (row.markup_percent !== null) extras.markupPercent = row.markup_percent;
  if (row.carrier_detect === 1) extras.carrierDetected = true;
  const bill = billOf(row);
  if (bill) extras.bill = bill;
  return extras;
}

export function toSale(row: SaleRow): LedgerSale {
  return {
    ...extrasOf(row),
    id: row.id,
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    createdMs: row.created_ms,
    queuedMs: row.queued_ms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cashierId: row.cashier_id,
    shiftId: row.shift_id,
    provider: row.provider as ProviderId,
    country: row.country,
    // Detected by the provider: the row keeps '' as recorded (the chained terms), the answer reads the detected one.
    carrier: row.carrier_detect === 1 ? (row.detected_carrier ?? '') : row.carrier,
    sku: row.sku,
    phone: row.phone,
    price: { minor: row.price_minor, currency: row.price_currency },
    cost: row.cost_minor !== null && row.cost_currency !== null ? { minor: row.cost_minor, currency: row.cost_currency } : null,
    exchangeRate: row.exchange_rate,
    providerTransactionId: row.provider_transaction_id,
    operatorTransactionId: row.operator_transaction_id,
    state: row.state as SaleState,
    attempts: row.attempts,
    failureCode: row.failure_code as ErrorCode | null,
    failureMessage: row.failure_message,
  };
}
