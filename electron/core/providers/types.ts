/**
 * The one interface every top-up provider adapter implements. An adapter knows its provider's HTTP API and
 * nothing of the ledger: it turns a request into HTTP, and the provider's answer (or silence) into one of
 * these results, classifying every error exactly once.
 */
import type { Money } from '../../../shared/money';
import type { ProviderErrorCode } from '../../../shared/errors';
import type { ProviderId } from '../../../shared/contract/app';
import type { ProviderRateLimiters } from './rate-limiter';

export type { ProviderId };

export interface ProviderCapabilities {
  /** ISO 3166-1 alpha-2 countries it sells into. */
  countries: string[];
  billPayment: boolean;
  /** How a retry is made safe: an Idempotency-Key header, a key in the body, or not at all. */
  idempotency: 'header' | 'body' | 'none';
  asyncTopup: boolean;
  statusByKey: boolean;
  statusById: boolean;
  operatorLookup: boolean;
  orderHistory: boolean;
  reconciliationExport: boolean;
  /** Sells open amounts in a range (Relier: 10–500 MXN) rather than only fixed SKUs. */
  openAmounts: boolean;
}

/** A classified provider failure. `outcomeKnown` false means the provider may have processed the request. */
export interface ProviderError {
  code: ProviderErrorCode;
  message: string;
  outcomeKnown: boolean;
  /** True when sending the same request again with the same idempotency key cannot deliver twice. */
  retrySameKeySafe: boolean;
  /** For rate_limited: when a retry may be sent (epoch ms). */
  retryAt?: number;
  httpStatus?: number;
  /** The request provably never reached the provider (connection refused, DNS failure, client-side rate limit). */
  notSent?: boolean;
  /** The provider's id for a transaction it created and then failed (MobiSend failed order, Liquido FAILED). */
  providerTransactionId?: string;
}

export type ProviderResult<T> = { ok: true; value: T } | { ok: false; error: ProviderError };

export interface Balance {
  balance: Money;
  /** What can be spent now (balance − reserved, or balance + credit). */
  available: Money;
  reserved?: Money;
  creditLimit?: Money;
}

export interface CatalogProduct {
  /** Provider's product id or SKU; absent for an open amount range. */
  sku?: string;
  name: string;
  carrier: string;
  country: string;
  type: 'topup' | 'bundle';
  /** Fixed price, or a range for open amounts. */
  amount?: Money;
  min?: Money;
  max?: Money;
}

export interface Carrier {
  id: string;
  name: string;
  country: string;
  iconUrl?: string;
}

export interface TopupRequest {
  /** Committed to the ledger before this call; the provider sees it where it supports idempotency. */
  idempotencyKey: string;
  /** The shop's reference for the sale (the ledger's sale id), sent where the provider takes one. */
  reference: string;
  /** National number, digits only (5512345678). */
  phone: string;
  country: string;
  carrier?: string;
  amount?: Money;
  sku?: string;
  /** Relier: use the asynchronous endpoint, whose transaction id comes back at once. */
  preferAsync?: boolean;
}

export type TopupState = 'succeeded' | 'pending' | 'failed';

export interface TopupResult {
  state: TopupState;
  providerTransactionId?: string;
  operatorTransactionId?: string;
  /** What the customer's line received. */
  amount?: Money;
  /** What the provider deducted from the shop's balance (USD for all three). */
  cost?: Money;
  /** Decimal text, "1 cost-currency = rate amount-currency" (17.0068). */
  exchangeRate?: string;
  /** The carrier the provider sold with (MobiSend names the one it detected when none was given). */
  carrier?: string;
  /** For a failed state: the classified reason. */
  failure?: ProviderError;
}

export interface StatusQuery {
  idempotencyKey?: string;
  providerTransactionId?: string;
  reference?: string;
}

/** `not_found` means the provider provably has no such transaction: it was never processed. */
export type StatusResult = TopupResult | { state: 'not_found' };

export interface ReconciliationRow {
  providerTransactionId: string;
  reference?: string;
  phone: string;
  amount: Money;
  cost?: Money;
  state: TopupState;
  createdAt: string;
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly capabilities: ProviderCapabilities;
  /** The client-side limiters this adapter acquires before each request; the sync engine may pace itself on them. */
  readonly rateLimits?: ProviderRateLimiters;
  health(): Promise<ProviderResult<{ ok: boolean }>>;
  balance(): Promise<ProviderResult<Balance>>;
  carriers(country: string): Promise<ProviderResult<Carrier[]>>;
  catalog(country: string, carrier?: string): Promise<ProviderResult<CatalogProduct[]>>;
  topup(request: TopupRequest): Promise<ProviderResult<TopupResult>>;
  status(query: StatusQuery): Promise<ProviderResult<StatusResult>>;
  /** Relier's CSV export and the like; `not_supported` where the provider has none. */
  reconcile?(from: string, to: string): Promise<ProviderResult<ReconciliationRow[]>>;
}
