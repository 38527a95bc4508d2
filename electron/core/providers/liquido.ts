/**
 * Liquido marketplace top-ups: SKU based, `Authorization: Bearer` plus
 * `x-api-key`, `idempotencyKey` in the body and status by that key. Errors come as HTTP 200 with the real
 * code in the body's `statusCode`; both places are read.
 */
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { money, moneyFromMajor, type Money } from '../../../shared/money';
import { ProviderClient, type Answer } from './provider-client';
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
import type { AdapterRuntimeOptions } from './relier';
import type {
  Balance,
  Carrier,
  CatalogProduct,
  ProviderAdapter,
  ProviderCapabilities,
  ProviderError,
  ProviderResult,
  StatusQuery,
  StatusResult,
  TopupRequest,
  TopupResult,
  TopupState,
} from './types';

export interface LiquidoConfig {
  baseUrl: string;
  apiKey: string;
  accessToken: string;
  timeoutMs?: number;
}

const READ: RequestKind = { sale: false, idempotent: true };
const SALE: RequestKind = { sale: true, idempotent: true };
const TOPUPS = '/v1/marketplace/sales/topups';

const decimalText = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative()]);
const optionalText = z.string().nullish();

const Envelope = z.object({ statusCode: z.number().int().optional(), errorMsg: z.string().nullish() });

const MerchantsBody = z.object({
  statusCode: z.literal(200),
  merchants: z.array(
    // One entry says merchantId/merchantName, the next operatorId/operatorName: either is read.
    z.object({
      merchantId: optionalText,
      merchantName: optionalText,
      operatorId: optionalText,
      operatorName: optionalText,
      iconUrl: optionalText,
      description: optionalText,
    }),
  ),
});

const SkusBody = z.object({
  statusCode: z.literal(200),
  skus: z.array(
    z.object({
      name: z.string().min(1),
      description: z.string().optional(),
      price: decimalText,
      priceInCents: decimalText.optional(),
      currency: z.string(),
      merchantId: z.string().optional(),
    }),
  ),
});

const TransactionBody = z.object({
  statusCode: z.literal(200),
  idempotencyKey: optionalText,
  transactionId: optionalText,
  transactionStatus: z.string(),
  transactionStatusCode: z.number().int().nullish(),
  transactionErrorMsg: optionalText,
  sku: optionalText,
  price: decimalText.nullish(),
  priceInCents: decimalText.nullish(),
  currency: optionalText,
});
type TransactionShape = z.infer<typeof TransactionBody>;

/** Liquido's one place of error classification: the body's statusCode wins over the HTTP status. */
export function classifyLiquidoAnswer(answer: Answer, context: RequestKind): ProviderError | undefined {
  const envelope = Envelope.safeParse(answer.json);
  const bodyCode = envelope.success ? envelope.data.statusCode : undefined;
  const code = answer.status >= 200 && answer.status < 300 && bodyCode !== undefined ? bodyCode : answer.status;
  const message = (envelope.success && envelope.data.errorMsg ? envelope.data.errorMsg : undefined) ?? `status ${code}`;
  if (code >= 200 && code < 300) return undefined;
  if (code === 400 || code === 404 || code === 422) return knownFailure('invalid_input', message, code);
  if (code === 401) return knownFailure('bad_credentials', message, code);
  if (code === 403) return knownFailure('insufficient_balance', message, code);
  if (code === 429) {
    const retryAt = retryAtFromHeader(answer.headers.get('retry-after'), Date.now());
    return providerError('rate_limited', message, { outcomeKnown: true, retrySameKeySafe: true, httpStatus: code, ...(retryAt ? { retryAt } : {}) });
  }
  if (code >= 500) return serverFailure(message, context, code);
  return knownFailure('provider_error', message, code);
}

function liquidoState(status: string): TopupState | undefined {
  const normalized = status.toUpperCase();
  if (normalized === 'SETTLED') return 'succeeded';
  if (normalized === 'IN_PROGRESS') return 'pending';
  if (normalized === 'FAILED' || normalized === 'REJECTED') return 'failed';
  return undefined;
}

function transactionFailure(transaction: TransactionShape): ProviderError {
  const message = transaction.transactionErrorMsg || `Liquido transaction ${transaction.transactionStatus} (${transaction.transactionStatusCode ?? 'no code'})`;
  const carrierCode = classifyCarrierMessage(message);
  const error = carrierCode === 'possible_duplicate' ? possibleDuplicate(message) : knownFailure(carrierCode ?? 'provider_error', message);
  return transaction.transactionId ? { ...error, providerTransactionId: transaction.transactionId } : error;
}

/**
 * `price` is documented as minimum-granularity units but every example shows major units ("20" for a
 * 20 MXN SKU named UNE020): it is read as major units, and `priceInCents`, when given, wins.
 */
export function liquidoPrice(price: string | number, priceInCents: string | number | null | undefined, currency: string): Money {
  if (priceInCents !== undefined && priceInCents !== null && /^\d+$/.test(String(priceInCents))) return money(Number(priceInCents), currency);
  return moneyFromMajor(price, currency);
}

/** E.164 for the body: "+52" and the national number for Mexico. */
export function liquidoPhone(country: string, nationalNumber: string): string {
  return `+${getCountryCallingCode(country.toUpperCase() as CountryCode)}${nationalNumber}`;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== null)) as T;
}

/** The PAY_WITH_LINK fields: the customer pays Liquido through a link before the top-up is sent. */
export interface LiquidoPaymentLink {
  allowPaymentMethods?: string[];
  email?: string;
  billingAddress?: {
    zipCode?: string;
    state?: string;
    city?: string;
    district?: string;
    street?: string;
    number?: string;
    complement?: string;
    country?: string;
  };
  callbackUrl?: string;
  redirectUrl?: string;
}

/** What this adapter can do; test fakes reuse it so they cannot drift from the real adapter. */
export const LIQUIDO_CAPABILITIES: ProviderCapabilities = {
  countries: ['MX', 'BR', 'CO'],
  billPayment: false,
  idempotency: 'body',
  asyncTopup: true,
  statusByKey: true,
  statusById: false,
  operatorLookup: false,
  orderHistory: false,
  reconciliationExport: false,
  openAmounts: false,
};

export class LiquidoAdapter implements ProviderAdapter {
  readonly id = 'liquido' as const;
  readonly capabilities: ProviderCapabilities = LIQUIDO_CAPABILITIES;
  readonly rateLimits: ProviderRateLimiters;
  private readonly client: ProviderClient;

  constructor(
    private readonly config: LiquidoConfig,
    runtime: AdapterRuntimeOptions = {},
  ) {
    this.client = new ProviderClient({
      provider: 'liquido',
      baseUrl: config.baseUrl,
      secrets: [config.apiKey, config.accessToken],
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
      ...(runtime.logger ? { logger: runtime.logger } : {}),
      ...(runtime.rateLimitMaxWaitMs !== undefined ? { rateLimitMaxWaitMs: runtime.rateLimitMaxWaitMs } : {}),
    });
    this.rateLimits = createProviderRateLimiters('liquido', { timeScale: runtime.rateLimitTimeScale ?? 1 });
  }

  private get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.config.accessToken}`, 'x-api-key': this.config.apiKey };
  }

  private get<S extends z.ZodType>(path: string, schema: S, what: string) {
    return this.client.exchange(
      { method: 'GET', path, headers: this.headers },
      { context: READ, limiter: this.rateLimits.request, classify: classifyLiquidoAnswer, schema, what },
    );
  }

  /** Liquido documents no health endpoint: the Mexican carrier list is the cheapest authenticated read. */
  async health(): Promise<ProviderResult<{ ok: boolean }>> {
    const result = await this.carriers('MX');
    if (result.ok) return succeeded({ ok: true });
    return result.error.code === 'bad_credentials' || result.error.code === 'outcome_unknown' || result.error.notSent ? result : succeeded({ ok: false });
  }

  async balance(): Promise<ProviderResult<Balance>> {
    return failed(notSupported('Liquido documents no balance endpoint'));
  }

  async carriers(country: string): Promise<ProviderResult<Carrier[]>> {
    const code = country.toUpperCase();
    const result = await this.get(`${TOPUPS}/${code}/merchants`, MerchantsBody, 'merchants');
    if (!result.ok) return result;
    const carriers: Carrier[] = [];
    for (const merchant of result.value.merchants) {
      const id = merchant.merchantId ?? merchant.operatorId;
      const name = merchant.merchantName ?? merchant.operatorName ?? id;
      if (!id || !name) continue;
      carriers.push(compact({ id, name, country: code, iconUrl: merchant.iconUrl ?? undefined }));
    }
    return succeeded(carriers);
  }

  async catalog(country: string, carrier?: string): Promise<ProviderResult<CatalogProduct[]>> {
    const code = country.toUpperCase();
    const path = carrier ? `${TOPUPS}/${code}/${encodeURIComponent(carrier)}/skus` : `${TOPUPS}/${code}/skus`;
    const result = await this.get(path, SkusBody, 'skus');
    if (!result.ok) return result;
    const seen = new Set<string>();
    const products: CatalogProduct[] = [];
    for (const sku of result.value.skus) {
      // The document's own example lists one SKU name twice with different descriptions: the first wins.
      if (seen.has(sku.name)) continue;
      seen.add(sku.name);
      products.push({
        sku: sku.name,
        name: sku.description ?? sku.name,
        carrier: sku.merchantId ?? carrier ?? '',
        country: code,
        type: 'topup',
        amount: liquidoPrice(sku.price, sku.priceInCents, sku.currency),
      });
    }
    return succeeded(products);
  }

  async topup(request: TopupRequest): Promise<ProviderResult<TopupResult>> {
    return this.topupWith(request, undefined);
  }

  /** A top-up paid PREPAID from the merchant account, or through a Liquido payment link. */
  async topupWith(request: TopupRequest, paymentLink: LiquidoPaymentLink | undefined): Promise<ProviderResult<TopupResult>> {
    if (!/^\d{6,15}$/.test(request.phone)) return failed(knownFailure('invalid_input', 'phone must be the national number, digits only'));
    const sku = request.sku ?? (await this.skuForAmount(request));
    if (typeof sku !== 'string') return sku;
    const currency = request.amount?.currency ?? (request.country.toUpperCase() === 'MX' ? 'MXN' : undefined);
    const result = await this.client.exchange(
      {
        method: 'POST',
        path: TOPUPS,
        headers: this.headers,
        body: compact({
          idempotencyKey: request.idempotencyKey,
          targetPhoneNumber: liquidoPhone(request.country, request.phone),
          sku,
          currency,
          countryCode: request.country.toUpperCase(),
          paymentType: paymentLink ? 'PAY_WITH_LINK' : 'PREPAID',
          ...(paymentLink ?? {}),
        }),
      },
      { context: SALE, limiter: this.rateLimits.topup, classify: classifyLiquidoAnswer, schema: TransactionBody, what: 'top-up' },
    );
    if (!result.ok) return result;
    const mapped = this.toResult(result.value, request.amount);
    if (!mapped) return failed(providerError('unexpected_response', `Liquido status "${result.value.transactionStatus}" is not documented`, { outcomeKnown: false, retrySameKeySafe: true }));
    if (mapped.state === 'failed') return failed(mapped.failure ?? transactionFailure(result.value));
    return succeeded(mapped);
  }

  async status(query: StatusQuery): Promise<ProviderResult<StatusResult>> {
    if (!query.idempotencyKey) return failed(notSupported('Liquido looks top-ups up by idempotency key only'));
    const sent = await this.client.send(
      { method: 'GET', path: `${TOPUPS}/key/${encodeURIComponent(query.idempotencyKey)}`, headers: this.headers },
      READ,
      this.rateLimits.request,
    );
    if (!sent.ok) return sent;
    const envelope = Envelope.safeParse(sent.value.json);
    if (sent.value.status === 404 || (envelope.success && envelope.data.statusCode === 404)) return succeeded({ state: 'not_found' });
    const failure = classifyLiquidoAnswer(sent.value, READ);
    if (failure) return failed(failure);
    const parsed = this.client.parse(sent.value, TransactionBody, READ, 'status');
    if (!parsed.ok) return parsed;
    const mapped = this.toResult(parsed.value, undefined);
    return mapped ? succeeded(mapped) : failed(this.client.unexpected(sent.value, READ, `status "${parsed.value.transactionStatus}"`));
  }

  /** Liquido sells SKUs only: an amount with a carrier is turned into that carrier's SKU of that price. */
  private async skuForAmount(request: TopupRequest): Promise<string | ProviderResult<TopupResult>> {
    if (!request.amount || !request.carrier) return failed(knownFailure('invalid_input', 'Liquido sells SKUs: give a SKU, or an amount with a carrier'));
    const catalog = await this.catalog(request.country, request.carrier);
    if (!catalog.ok) return catalog;
    const amount = request.amount;
    const product = catalog.value.find((item) => item.amount?.minor === amount.minor && item.amount.currency === amount.currency);
    return product?.sku ?? failed(knownFailure('invalid_input', `no ${request.carrier} SKU for that amount`));
  }

  private toResult(transaction: TransactionShape, requested: Money | undefined): TopupResult | undefined {
    const state = liquidoState(transaction.transactionStatus);
    if (!state) return undefined;
    const amount =
      transaction.price !== undefined && transaction.price !== null && transaction.currency
        ? liquidoPrice(transaction.price, transaction.priceInCents, transaction.currency)
        : requested;
    return compact({
      state,
      // "sometime will be empty when processing"
      providerTransactionId: transaction.transactionId || undefined,
      amount,
      failure: state === 'failed' ? transactionFailure(transaction) : undefined,
    });
  }
}
