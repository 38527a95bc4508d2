/**
 * MobiSend D2C: top-ups in 100+ countries, bundles, bill payment.
 * Every POST carries an Idempotency-Key (replayed by MobiSend for 24 h), so a lost answer is resolved by
 * sending the same request with the same key again. Status is by order id; history pages by offset.
 */
import { z } from 'zod';
import { money, moneyFromMajor, toMajorNumber, type Money } from '../../../shared/money';
import { ProviderClient, type Answer } from './provider-client';
import type { Biller, BillerSearch, Page, BillPaymentRequest, BillPaymentResult, OrderFilter, MobiSendOrder } from './mobisend-types';
import { BalanceBody, BillersBody, CatalogBody, ErrorBody, OrderBody, OrdersBody, type OrderShape, type ProductShape, ProvidersBody } from './mobisend-wire';
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

export interface MobiSendConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}

export const MOBISEND_BILLPAY_FEES = { standard: money(75, 'USD'), rush: money(125, 'USD') } as const;

const READ: RequestKind = { sale: false, idempotent: true };
const SALE: RequestKind = { sale: true, idempotent: true };

/** MobiSend's one place of error classification. */
export function classifyMobiSendAnswer(answer: Answer, context: RequestKind): ProviderError | undefined {
  const body = ErrorBody.safeParse(answer.json);
  const message = (body.success ? (body.data.error ?? body.data.message) : undefined) ?? `HTTP ${answer.status}`;
  const status = answer.status;
  const orderId = failedOrderId(answer.json);
  const withOrder = (error: ProviderError): ProviderError => (orderId ? { ...error, providerTransactionId: orderId } : error);
  if (status >= 200 && status < 300) {
    if (!body.success || body.data.success !== false) return undefined;
    // HTTP 200 with success:false: a provider rejection, classified by the message the table lists.
    const carrierCode = classifyCarrierMessage(message);
    if (carrierCode === 'possible_duplicate') return withOrder(possibleDuplicate(message, status));
    if (carrierCode) return withOrder(knownFailure(carrierCode, message, status));
    if (/insufficient balance/i.test(message)) return withOrder(knownFailure('insufficient_balance', message, status));
    if (/must be \d+ digits|invalid/i.test(message)) return withOrder(knownFailure('invalid_input', message, status));
    return withOrder(knownFailure('provider_error', message, status));
  }
  if (status === 400 || status === 404 || status === 422) return knownFailure('invalid_input', message, status);
  if (status === 401) return knownFailure('bad_credentials', message, status);
  // 403 means either; an unauthorised IP is a credentials problem, not money.
  if (status === 403) return knownFailure(/\bIP\b/i.test(message) ? 'bad_credentials' : 'insufficient_balance', message, status);
  if (status === 429) {
    const retryAt = retryAtFromHeader(answer.headers.get('retry-after'), Date.now());
    return providerError('rate_limited', message, { outcomeKnown: true, retrySameKeySafe: true, httpStatus: status, ...(retryAt ? { retryAt } : {}) });
  }
  if (status >= 500) return serverFailure(message, context, status);
  return knownFailure('provider_error', message, status);
}

function failedOrderId(json: unknown): string | undefined {
  const parsed = z.object({ order: z.object({ id: z.string() }) }).safeParse(json);
  return parsed.success ? parsed.data.order.id : undefined;
}

function mobiSendState(status: string): TopupState | undefined {
  const normalized = status.toUpperCase();
  if (normalized === 'SUCCESS' || normalized === 'COMPLETED') return 'succeeded';
  if (normalized === 'PENDING' || normalized === 'PROCESSING') return 'pending';
  if (normalized === 'FAILED' || normalized === 'REJECTED') return 'failed';
  return undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== null)) as T;
}

const usd = (value: number | string | undefined): Money | undefined => (value === undefined ? undefined : moneyFromMajor(value, 'USD'));

export const MOBISEND_CAPABILITIES: ProviderCapabilities = {
  countries: ['MX', 'HN', 'PH', 'PE', 'VE'],
  billPayment: true,
  idempotency: 'header',
  asyncTopup: false,
  statusByKey: false,
  statusById: true,
  operatorLookup: true,
  orderHistory: true,
  reconciliationExport: false,
  openAmounts: false,
};

export class MobiSendAdapter implements ProviderAdapter {
  readonly id = 'mobisend' as const;
  readonly capabilities: ProviderCapabilities = MOBISEND_CAPABILITIES;
  readonly rateLimits: ProviderRateLimiters;
  private readonly client: ProviderClient;

  constructor(
    private readonly config: MobiSendConfig,
    runtime: AdapterRuntimeOptions = {},
  ) {
    this.client = new ProviderClient({
      provider: 'mobisend',
      baseUrl: config.baseUrl,
      secrets: [config.apiKey],
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
      ...(runtime.logger ? { logger: runtime.logger } : {}),
      ...(runtime.rateLimitMaxWaitMs !== undefined ? { rateLimitMaxWaitMs: runtime.rateLimitMaxWaitMs } : {}),
    });
    this.rateLimits = createProviderRateLimiters('mobisend', { timeScale: runtime.rateLimitTimeScale ?? 1 });
  }

  private headers(idempotencyKey?: string): Record<string, string> {
    return idempotencyKey ? { 'x-api-key': this.config.apiKey, 'idempotency-key': idempotencyKey } : { 'x-api-key': this.config.apiKey };
  }

  private get<S extends z.ZodType>(path: string, schema: S, what: string, query?: Record<string, string | number | undefined>) {
    return this.client.exchange(
      { method: 'GET', path, headers: this.headers(), ...(query ? { query } : {}) },
      { context: READ, limiter: this.rateLimits.request, classify: classifyMobiSendAnswer, schema, what },
    );
  }

  async health(): Promise<ProviderResult<{ ok: boolean }>> {
    const sent = await this.client.send({ method: 'GET', path: '/', headers: this.headers() }, READ, this.rateLimits.request);
    if (!sent.ok) return sent;
    const failure = classifyMobiSendAnswer(sent.value, READ);
    if (failure && failure.code === 'bad_credentials') return failed(failure);
    return succeeded({ ok: !failure });
  }

  async balance(): Promise<ProviderResult<Balance>> {
    const result = await this.get('/balance', BalanceBody, 'balance');
    if (!result.ok) return result;
    const account = result.value.account;
    const balance = moneyFromMajor(account.balance_usd, 'USD');
    const reserved = usd(account.reserved_usd);
    const available = usd(account.available_usd) ?? (reserved ? money(balance.minor - reserved.minor, 'USD') : balance);
    return succeeded(compact({ balance, available, reserved, creditLimit: usd(account.credit_limit_usd) }));
  }

  async carriers(country: string): Promise<ProviderResult<Carrier[]>> {
    const result = await this.get('/providers', ProvidersBody, 'providers');
    if (!result.ok) return result;
    const entry = result.value.countries[country.toUpperCase()];
    return succeeded((entry?.carriers ?? []).map((carrier) => ({ id: carrier.name, name: carrier.name, country: country.toUpperCase() })));
  }

  async catalog(country: string, carrier?: string): Promise<ProviderResult<CatalogProduct[]>> {
    const code = country.toUpperCase();
    const path = carrier ? `/catalog/${code}/${encodeURIComponent(carrier)}` : `/catalog/${code}`;
    const result = await this.get(path, CatalogBody, 'catalog');
    if (!result.ok) return result;
    const groups: [string, ProductShape[]][] = result.value.carriers
      ? Object.entries(result.value.carriers)
      : [[result.value.carrier ?? carrier ?? '', result.value.products ?? []]];
    const products: CatalogProduct[] = [];
    for (const [carrierName, items] of groups) {
      for (const item of items) {
        products.push({
          sku: String(item.product_id),
          name: item.name,
          carrier: carrierName,
          country: code,
          type: item.type === 'bundle' ? 'bundle' : 'topup',
          amount: moneyFromMajor(item.amount, item.currency),
        });
      }
    }
    return succeeded(products);
  }

  async topup(request: TopupRequest): Promise<ProviderResult<TopupResult>> {
    if (!/^\d{6,15}$/.test(request.phone)) return failed(knownFailure('invalid_input', 'MobiSend needs the phone as digits only, no country code'));
    if (!request.amount) {
      // The document requires the amount even with a SKU: take it from the SKU's catalog entry.
      if (!request.sku) return failed(knownFailure('invalid_input', 'MobiSend needs an amount in local currency, or a SKU'));
      const catalog = await this.catalog(request.country, request.carrier);
      if (!catalog.ok) return catalog;
      const product = catalog.value.find((item) => item.sku === request.sku);
      if (!product?.amount) return failed(knownFailure('invalid_input', `no MobiSend product ${request.sku} in ${request.country}`));
      return this.topup({ ...request, amount: product.amount });
    }
    const result = await this.client.exchange(
      {
        method: 'POST',
        path: '/topup',
        headers: this.headers(request.idempotencyKey),
        body: compact({
          phone: request.phone,
          amount: toMajorNumber(request.amount),
          country: request.country,
          carrier: request.carrier,
          sku: request.sku,
          reference: request.reference,
        }),
      },
      { context: SALE, limiter: this.rateLimits.topup, classify: classifyMobiSendAnswer, schema: OrderBody, what: 'top-up' },
    );
    if (!result.ok) return result;
    const mapped = this.toTopupResult(result.value.order, result.value.billing?.deducted_usd);
    if (!mapped) return failed(providerError('unexpected_response', `MobiSend order status "${result.value.order.status}" is not documented`, { outcomeKnown: false, retrySameKeySafe: true }));
    if (mapped.state === 'failed') return failed(mapped.failure ?? knownFailure('provider_error', 'MobiSend reports the order failed'));
    return succeeded(mapped);
  }

  async status(query: StatusQuery): Promise<ProviderResult<StatusResult>> {
    if (!query.providerTransactionId) {
      return failed(notSupported('MobiSend looks orders up by id; resolve a lost answer by replaying the top-up with the same Idempotency-Key'));
    }
    const order = await this.order(query.providerTransactionId);
    if (!order.ok) return order;
    if (order.value === 'not_found') return succeeded({ state: 'not_found' });
    const mapped = this.toTopupResult(order.value, undefined);
    return mapped ? succeeded(mapped) : failed(providerError('unexpected_response', `MobiSend order status "${order.value.status}" is not documented`, { outcomeKnown: true, retrySameKeySafe: true }));
  }

  /** GET /order/:id, the raw order, or not_found. */
  async order(id: string): Promise<ProviderResult<OrderShape | 'not_found'>> {
    const sent = await this.client.send({ method: 'GET', path: `/order/${encodeURIComponent(id)}`, headers: this.headers() }, READ, this.rateLimits.request);
    if (!sent.ok) return sent;
    if (sent.value.status === 404) return succeeded('not_found');
    const failure = classifyMobiSendAnswer(sent.value, READ);
    if (failure) return failed(failure);
    const parsed = this.client.parse(sent.value, OrderBody, READ, 'order');
    return parsed.ok ? succeeded(parsed.value.order) : parsed;
  }

  async orders(filter: OrderFilter = {}): Promise<ProviderResult<Page<MobiSendOrder>>> {
    const result = await this.get('/orders', OrdersBody, 'orders', {
      start_date: filter.startDate,
      end_date: filter.endDate,
      status: filter.status,
      limit: filter.limit,
      offset: filter.offset,
    });
    if (!result.ok) return result;
    const items: MobiSendOrder[] = [];
    for (const order of result.value.orders) {
      const state = mobiSendState(order.status);
      if (!state) return failed(providerError('unexpected_response', `MobiSend order status "${order.status}" is not documented`, { outcomeKnown: true, retrySameKeySafe: true }));
      items.push(
        compact({
          id: order.id,
          state,
          type: order.type ?? 'topup',
          phone: order.phone ?? undefined,
          country: order.country ?? undefined,
          carrier: order.carrier ?? undefined,
          amount: order.amount !== undefined && order.currency ? moneyFromMajor(order.amount, order.currency) : undefined,
          cost: usd(order.total_usd ?? order.amount_usd),
          reference: order.reference ?? undefined,
          processedAt: order.processed_at ?? undefined,
          createdAt: order.created_at ?? undefined,
        }),
      );
    }
    return succeeded({ items, total: result.value.pagination?.total ?? items.length });
  }

  async billers(search: BillerSearch = {}): Promise<ProviderResult<Page<Biller>>> {
    const result = await this.get('/billers', BillersBody, 'billers', {
      search: search.search,
      country: search.country,
      category: search.category,
      page: search.page,
      limit: search.limit,
    });
    if (!result.ok) return result;
    return succeeded({
      total: result.value.pagination.total,
      items: result.value.billers.map((biller) =>
        compact({
          id: String(biller.id),
          billerCode: biller.biller_code,
          name: biller.name,
          category: biller.category,
          country: biller.country,
          rushAvailable: biller.rush_available ?? false,
        }),
      ),
    });
  }

  async billpay(request: BillPaymentRequest): Promise<ProviderResult<BillPaymentResult>> {
    if (request.amount.currency !== 'USD') return failed(knownFailure('invalid_input', 'MobiSend bill payments are in USD'));
    const result = await this.client.exchange(
      {
        method: 'POST',
        path: '/billpay',
        headers: this.headers(request.idempotencyKey),
        body: compact({
          biller_id: request.billerCode,
          account_number: request.accountNumber,
          amount: toMajorNumber(request.amount),
          rush: request.rush ?? false,
          reference: request.reference,
          first_name: request.firstName,
          last_name: request.lastName,
          zip_code: request.zipCode,
        }),
      },
      { context: SALE, limiter: this.rateLimits.topup, classify: classifyMobiSendAnswer, schema: OrderBody, what: 'bill payment' },
    );
    if (!result.ok) return result;
    const order = result.value.order;
    const state = mobiSendState(order.status);
    if (!state) return failed(providerError('unexpected_response', `MobiSend order status "${order.status}" is not documented`, { outcomeKnown: false, retrySameKeySafe: true }));
    if (state === 'failed') return failed({ ...knownFailure('provider_error', order.error ?? 'MobiSend reports the bill payment failed'), providerTransactionId: order.id });
    return succeeded(
      compact({
        state,
        providerTransactionId: order.id,
        biller: order.biller ?? undefined,
        amount: usd(order.amount_usd) ?? request.amount,
        fee: usd(order.fee_usd),
        total: usd(result.value.billing?.deducted_usd ?? order.total_usd),
        confirmationCode: order.confirmation_code ?? undefined,
      }),
    );
  }

  private toTopupResult(order: OrderShape, deductedUsd: number | string | undefined): TopupResult | undefined {
    const state = mobiSendState(order.status);
    if (!state) return undefined;
    const reason = order.error ?? 'MobiSend reports the order failed';
    return compact({
      state,
      providerTransactionId: order.id,
      // A top-up's operator reference, or a bill payment's confirmation code.
      operatorTransactionId: order.provider_reference ?? order.confirmation_code ?? undefined,
      amount: order.amount !== undefined && order.currency ? moneyFromMajor(order.amount, order.currency) : undefined,
      // What was deducted, as MobiSend reports it; never recomputed (the example's 6.02 is not 100 / 17.50).
      // A bill payment's order states its total (amount plus fee).
      cost: usd(deductedUsd ?? order.total_usd ?? order.amount_usd),
      carrier: order.carrier ?? undefined,
      exchangeRate: order.exchange_rate !== undefined ? String(order.exchange_rate) : undefined,
      failure: state === 'failed' ? { ...knownFailure(classifyCarrierMessage(reason) ?? 'provider_error', reason), providerTransactionId: order.id } : undefined,
    });
  }
}
