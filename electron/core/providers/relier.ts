/**
 * Relier Group: Mexico top-ups in MXN paid from a USD balance.
 * No idempotency: a lost answer is unknown, resolved by status (transaction id) or the reconciliation CSV
 * (matched by our `reference`). The asynchronous endpoint is preferred because its id comes back at once.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { moneyFromMajor, toMajorNumber, type Money } from '../../../shared/money';
import { ProviderClient, type Answer, type ProviderLogger } from './provider-client';
import {
  classifyCarrierMessage,
  failed,
  knownFailure,
  notSupported,
  possibleDuplicate,
  providerError,
  serverFailure,
  succeeded,
  type RequestKind,
} from './provider-error';
import { retryAtFromHeader } from './http';
import { createProviderRateLimiters, type ProviderRateLimiters } from './rate-limiter';
import type {
  Balance,
  Carrier,
  CatalogProduct,
  ProviderAdapter,
  ProviderCapabilities,
  ProviderError,
  ProviderResult,
  ReconciliationRow,
  StatusQuery,
  StatusResult,
  TopupRequest,
  TopupResult,
  TopupState,
} from './types';

export interface RelierConfig {
  baseUrl: string;
  apiKey: string;
  customerId: string;
  /** The export's own key (x-reconcile-key); without it reconciliation is not available. */
  reconcileKey?: string;
  timeoutMs?: number;
  /** Use the asynchronous endpoint when a request does not say (default true). */
  preferAsync?: boolean;
}

/** What every adapter accepts beside its provider's config. */
export interface AdapterRuntimeOptions {
  logger?: ProviderLogger;
  /** Scales the client-side rate windows (tests and benchmarks); 1 is real time. */
  rateLimitTimeScale?: number;
  rateLimitMaxWaitMs?: number;
  /** Days of reconciliation export searched for a reference (Relier). */
  reconcileLookbackDays?: number;
}

/** The carriers the document lists; Relier has no carrier endpoint and routes by number itself. */
export const RELIER_CARRIERS = ['Telcel', 'Movistar', 'AT&T', 'Unefon', 'Virgin'] as const;
export const RELIER_MIN_MXN = 10;
export const RELIER_MAX_MXN = 500;

const READ: RequestKind = { sale: false, idempotent: false };
const SALE: RequestKind = { sale: true, idempotent: false };

const decimal = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
const optionalText = z.string().nullish();

const ErrorBody = z.object({ success: z.literal(false).optional(), error: z.string().optional(), message: z.string().optional() });

const BalanceBody = z.object({
  success: z.literal(true),
  customer_id: z.string().optional(),
  current_balance: decimal,
  credit_limit: decimal.optional(),
  currency: z.string().optional(),
});

const SyncTopupBody = z.object({
  success: z.literal(true),
  transaction: z.object({
    id: z.string().min(1),
    status: z.string(),
    amount_mxn: decimal.optional(),
    amount: decimal.optional(),
    amount_usd: decimal.optional(),
    exchange_rate: decimal.optional(),
    reference: optionalText,
    // The sync answer spells it camelCase; the status answer snake_case. Both are read.
    operatorTransactionId: optionalText,
    operator_transaction_id: optionalText,
    currency: z.string().optional(),
  }),
  billing: z.object({ deducted_usd: decimal.optional(), exchange_rate: decimal.optional() }).optional(),
});

const StatusBody = z.object({
  success: z.literal(true),
  transaction: z.object({
    id: z.string().min(1).optional(),
    transaction_id: z.string().min(1).optional(),
    status: z.string(),
    amount_mxn: decimal.optional(),
    amount_usd: decimal.optional(),
    exchange_rate: decimal.optional(),
    reference: optionalText,
    operator_transaction_id: optionalText,
    operatorTransactionId: optionalText,
    error: optionalText,
    error_message: optionalText,
  }),
});

const CsvRow = z.object({
  transaction_id: z.string().optional(),
  id: z.string().optional(),
  reference: z.string().optional(),
  phone: z.string(),
  amount_mxn: z.string().regex(/^\d+(\.\d+)?$/),
  amount_usd: z.string().regex(/^\d+(\.\d+)?$/).optional().or(z.literal('')),
  status: z.string(),
  created_at: z.string(),
});

/** Relier's one place of error classification. */
export function classifyRelierAnswer(answer: Answer, context: RequestKind): ProviderError | undefined {
  const body = ErrorBody.safeParse(answer.json);
  const message = (body.success ? (body.data.error ?? body.data.message) : undefined) ?? `HTTP ${answer.status}`;
  const status = answer.status;
  if (status >= 200 && status < 300) {
    if (!body.success || body.data.success !== false) return undefined;
    const carrierCode = classifyCarrierMessage(message);
    if (carrierCode === 'possible_duplicate') return possibleDuplicate(message, status);
    return knownFailure(carrierCode ?? 'provider_error', message, status);
  }
  if (status === 400 || status === 422) return knownFailure('invalid_input', message, status);
  if (status === 401) return knownFailure('bad_credentials', message, status);
  if (status === 403) return knownFailure('insufficient_balance', message, status);
  if (status === 429) {
    // One status for two meanings: the per-number daily volume and the request rate.
    if (/daily/i.test(message)) return knownFailure('daily_limit', message, status);
    const retryAt = retryAtFromHeader(answer.headers.get('retry-after'), Date.now());
    return providerError('rate_limited', message, { outcomeKnown: true, retrySameKeySafe: true, httpStatus: status, ...(retryAt ? { retryAt } : {}) });
  }
  if (status >= 500) return serverFailure(message, context, status);
  return knownFailure('provider_error', message, status);
}

function relierState(status: string): TopupState | undefined {
  const normalized = status.toUpperCase();
  if (normalized === 'SUCCESS' || normalized === 'COMPLETED') return 'succeeded';
  if (normalized === 'PENDING' || normalized === 'PROCESSING' || normalized === 'QUEUED') return 'pending';
  if (normalized === 'FAILED' || normalized === 'ERROR' || normalized === 'REJECTED') return 'failed';
  return undefined;
}

const mxn = (value: number | string | undefined): Money | undefined => (value === undefined ? undefined : moneyFromMajor(value, 'MXN'));
const usd = (value: number | string | undefined): Money | undefined => (value === undefined ? undefined : moneyFromMajor(value, 'USD'));
const rateText = (value: number | string | undefined): string | undefined => (value === undefined ? undefined : String(value));

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== null)) as T;
}

/** What this adapter can do; test fakes reuse it so they cannot drift from the real adapter. */
export const RELIER_CAPABILITIES: ProviderCapabilities = {
  countries: ['MX'],
  billPayment: false,
  idempotency: 'none',
  asyncTopup: true,
  statusByKey: false,
  statusById: true,
  operatorLookup: false,
  orderHistory: false,
  reconciliationExport: true,
  openAmounts: true,
};

export class RelierAdapter implements ProviderAdapter {
  readonly id = 'relier' as const;
  readonly capabilities: ProviderCapabilities = RELIER_CAPABILITIES;
  readonly rateLimits: ProviderRateLimiters;
  private readonly client: ProviderClient;
  private readonly lookbackDays: number;

  constructor(
    private readonly config: RelierConfig,
    runtime: AdapterRuntimeOptions = {},
  ) {
    this.client = new ProviderClient({
      provider: 'relier',
      baseUrl: config.baseUrl,
      secrets: [config.apiKey, config.customerId, config.reconcileKey ?? ''],
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
      ...(runtime.logger ? { logger: runtime.logger } : {}),
      ...(runtime.rateLimitMaxWaitMs !== undefined ? { rateLimitMaxWaitMs: runtime.rateLimitMaxWaitMs } : {}),
    });
    this.rateLimits = createProviderRateLimiters('relier', { timeScale: runtime.rateLimitTimeScale ?? 1 });
    this.lookbackDays = runtime.reconcileLookbackDays ?? 2;
  }

  private get authHeaders(): Record<string, string> {
    return { 'x-api-key': this.config.apiKey, 'x-customer-id': this.config.customerId };
  }

  async health(): Promise<ProviderResult<{ ok: boolean }>> {
    const sent = await this.client.send({ method: 'GET', path: '/health' }, READ, this.rateLimits.request);
    return sent.ok ? succeeded({ ok: sent.value.status >= 200 && sent.value.status < 300 }) : sent;
  }

  async balance(): Promise<ProviderResult<Balance>> {
    const result = await this.client.exchange(
      { method: 'GET', path: '/api/balance', headers: this.authHeaders },
      { context: READ, limiter: this.rateLimits.request, classify: classifyRelierAnswer, schema: BalanceBody, what: 'balance' },
    );
    if (!result.ok) return result;
    const balance = moneyFromMajor(result.value.current_balance, 'USD');
    const creditLimit = usd(result.value.credit_limit);
    // Prepaid: the document deducts from the balance and refuses a sale above it; the credit limit is a ceiling.
    return succeeded(compact({ balance, available: balance, creditLimit }));
  }

  async carriers(country: string): Promise<ProviderResult<Carrier[]>> {
    if (country !== 'MX') return failed(notSupported(`Relier sells in Mexico only, not ${country}`));
    return succeeded(RELIER_CARRIERS.map((name) => ({ id: name, name, country: 'MX' })));
  }

  async catalog(country: string, carrier?: string): Promise<ProviderResult<CatalogProduct[]>> {
    if (country !== 'MX') return failed(notSupported(`Relier sells in Mexico only, not ${country}`));
    const carriers = carrier ? RELIER_CARRIERS.filter((name) => name.toLowerCase() === carrier.toLowerCase()) : RELIER_CARRIERS;
    return succeeded(
      carriers.map((name) => ({
        name: `${name} tiempo aire`,
        carrier: name,
        country: 'MX',
        type: 'topup' as const,
        min: moneyFromMajor(RELIER_MIN_MXN, 'MXN'),
        max: moneyFromMajor(RELIER_MAX_MXN, 'MXN'),
      })),
    );
  }

  async topup(request: TopupRequest): Promise<ProviderResult<TopupResult>> {
    const invalid = this.validateTopup(request);
    if (invalid) return failed(invalid);
    const amount = request.amount as Money;
    const useAsync = request.preferAsync ?? this.config.preferAsync ?? true;
    const result = await this.client.exchange(
      {
        method: 'POST',
        path: useAsync ? '/api/enviadespensa/topup-async' : '/api/enviadespensa/topup',
        headers: this.authHeaders,
        body: { phone: request.phone, amount: toMajorNumber(amount), reference: request.reference },
      },
      { context: SALE, limiter: this.rateLimits.topup, classify: classifyRelierAnswer, schema: SyncTopupBody, what: 'top-up' },
    );
    if (!result.ok) return result;
    const transaction = result.value.transaction;
    const state = relierState(transaction.status);
    if (!state) return failed(providerError('unexpected_response', `Relier top-up status "${transaction.status}" is not documented`, { outcomeKnown: false, retrySameKeySafe: false }));
    const rate = transaction.exchange_rate ?? result.value.billing?.exchange_rate;
    return succeeded(
      compact({
        state,
        providerTransactionId: transaction.id,
        operatorTransactionId: transaction.operatorTransactionId ?? transaction.operator_transaction_id ?? undefined,
        amount: mxn(transaction.amount_mxn ?? transaction.amount) ?? amount,
        cost: usd(result.value.billing?.deducted_usd ?? transaction.amount_usd),
        exchangeRate: rateText(rate),
      }),
    );
  }

  async status(query: StatusQuery): Promise<ProviderResult<StatusResult>> {
    if (query.providerTransactionId) return this.statusById(query.providerTransactionId);
    if (query.reference) return this.statusByReference(query.reference);
    return failed(notSupported('Relier finds a transaction by its id or, through the reconciliation export, by reference'));
  }

  async reconcile(from: string, to: string): Promise<ProviderResult<ReconciliationRow[]>> {
    if (!this.config.reconcileKey) return failed(notSupported('no Relier reconciliation key configured'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
      return failed(knownFailure('invalid_input', 'dates must be YYYY-MM-DD'));
    }
    const sent = await this.client.send(
      { method: 'GET', path: '/api/admin/reconcile/export', query: { date_from: from, date_to: to }, headers: { 'x-reconcile-key': this.config.reconcileKey, accept: 'text/csv' } },
      READ,
      this.rateLimits.request,
    );
    if (!sent.ok) return sent;
    const failure = classifyRelierAnswer(sent.value, READ);
    if (failure) return failed(failure);
    return this.parseExport(sent.value);
  }

  private parseExport(answer: Answer): ProviderResult<ReconciliationRow[]> {
    let records: unknown[];
    try {
      records = parseCsv(answer.text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
    } catch (error) {
      return failed(this.client.unexpected(answer, READ, `CSV export: ${error instanceof Error ? error.message : String(error)}`));
    }
    const rows: ReconciliationRow[] = [];
    for (const record of records) {
      const row = CsvRow.safeParse(record);
      const id = row.success ? (row.data.transaction_id ?? row.data.id) : undefined;
      const state = row.success ? relierState(row.data.status) : undefined;
      if (!row.success || !id || !state) return failed(this.client.unexpected(answer, READ, 'CSV export row'));
      rows.push(
        compact({
          providerTransactionId: id,
          reference: row.data.reference || undefined,
          phone: row.data.phone,
          amount: moneyFromMajor(row.data.amount_mxn, 'MXN'),
          cost: row.data.amount_usd ? moneyFromMajor(row.data.amount_usd, 'USD') : undefined,
          state,
          createdAt: row.data.created_at,
        }),
      );
    }
    return succeeded(rows);
  }

  private async statusById(id: string): Promise<ProviderResult<StatusResult>> {
    const sent = await this.client.send(
      { method: 'GET', path: `/api/transaction/${encodeURIComponent(id)}`, headers: this.authHeaders },
      READ,
      this.rateLimits.request,
    );
    if (!sent.ok) return sent;
    if (sent.value.status === 404) return succeeded({ state: 'not_found' });
    const failure = classifyRelierAnswer(sent.value, READ);
    if (failure) return failed(failure);
    const parsed = this.client.parse(sent.value, StatusBody, READ, 'transaction status');
    if (!parsed.ok) return parsed;
    const transaction = parsed.value.transaction;
    const state = relierState(transaction.status);
    if (!state) return failed(this.client.unexpected(sent.value, READ, `status "${transaction.status}"`));
    const reason = transaction.error ?? transaction.error_message ?? 'Relier reports the transaction failed';
    return succeeded(
      compact({
        state,
        providerTransactionId: transaction.id ?? transaction.transaction_id ?? id,
        operatorTransactionId: transaction.operator_transaction_id ?? transaction.operatorTransactionId ?? undefined,
        amount: mxn(transaction.amount_mxn),
        cost: usd(transaction.amount_usd),
        exchangeRate: rateText(transaction.exchange_rate),
        failure: state === 'failed' ? knownFailure(classifyCarrierMessage(reason) ?? 'provider_error', reason) : undefined,
      }),
    );
  }

  /**
   * The export is Relier's only record searchable by our reference. A reference absent from every row of the
   * look-back window is reported not_found: the export lists pending transactions too.
   */
  private async statusByReference(reference: string): Promise<ProviderResult<StatusResult>> {
    const today = new Date();
    const from = new Date(today.getTime() - this.lookbackDays * 86_400_000);
    const rows = await this.reconcile(from.toISOString().slice(0, 10), today.toISOString().slice(0, 10));
    if (!rows.ok) return rows;
    const matches = rows.value.filter((row) => row.reference === reference);
    const row = matches.find((item) => item.state === 'succeeded') ?? matches.find((item) => item.state === 'pending') ?? matches[0];
    if (!row) return succeeded({ state: 'not_found' });
    return succeeded(
      compact({
        state: row.state,
        providerTransactionId: row.providerTransactionId,
        amount: row.amount,
        cost: row.cost,
        failure: row.state === 'failed' ? knownFailure('provider_error', 'Relier export lists the transaction as failed') : undefined,
      }),
    );
  }

  private validateTopup(request: TopupRequest): ProviderError | undefined {
    if (request.country !== 'MX') return notSupported(`Relier sells in Mexico only, not ${request.country}`);
    if (!/^\d{10}$/.test(request.phone)) return knownFailure('invalid_input', 'Relier needs a 10-digit Mexican number without country code');
    if (!request.amount) return knownFailure('invalid_input', 'Relier sells open amounts: give an amount in MXN, not a SKU');
    if (request.amount.currency !== 'MXN') return knownFailure('invalid_input', `Relier amounts are in MXN, not ${request.amount.currency}`);
    if (request.amount.minor < RELIER_MIN_MXN * 100 || request.amount.minor > RELIER_MAX_MXN * 100) {
      return knownFailure('invalid_input', `Relier sells ${RELIER_MIN_MXN}–${RELIER_MAX_MXN} MXN per top-up`);
    }
    return undefined;
  }
}
