/**
 * MobiSend as its document describes it: x-api-key on every request, 120 requests a minute, the catalog and
 * billers (mobisend-catalog.ts), a USD balance with reserved and available, top-ups and bill payments (fees
 * $0.75 standard, $1.25 rush) replayed by Idempotency-Key for 24 h, orders by id and a filtered, offset-paged
 * history.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { convertByDividing, money, moneyFromMajor, toMajorNumber, type Money } from '../../shared/money';
import { SANDBOX_PRODUCTS, detectSandboxCarrier, findCarrier, findCountry, sandboxSecret, testNumberBehaviour, type SandboxProduct } from './catalog';
import { SANDBOX_BILLERS, apiStatusReply, badRequest, billersReply, catalogReply, nonNegativeInt, notFound, positiveInt, providersReply } from './mobisend-catalog';
import { DEFAULT_STARTING_BALANCE_USD, type SandboxOptions } from './options';
import { admit, MobiSendServerLimits, tooManyRequests } from './rate-limits';
import type { Recorder } from './records';
import type { ProviderSimulator, SandboxReply, SandboxRequest } from './simulator';

const DEFAULT_RATE = '17.50';
const DAY_MS = 24 * 60 * 60 * 1000;
const FEES_MINOR = { standard: 75, rush: 125 } as const;

interface StoredOrder {
  json: Record<string, unknown>;
  status: 'SUCCESS' | 'FAILED';
  createdAt: Date;
}

interface IdempotentReply {
  reply: SandboxReply;
  at: number;
}

export class MobiSendSimulator implements ProviderSimulator {
  readonly provider = 'mobisend' as const;
  readonly credentials: { apiKey: string };
  private readonly rate: string;
  private readonly startingMinorUsd: number;
  private readonly ttlMs: number;
  private readonly limits: MobiSendServerLimits | undefined;
  private balanceMinorUsd: number;
  private orders = new Map<string, StoredOrder>();
  private idempotency = new Map<string, IdempotentReply>();

  constructor(
    private readonly recorder: Recorder,
    options: SandboxOptions = {},
  ) {
    this.credentials = { apiKey: options.credentials?.apiKey ?? sandboxSecret('mobisend-key', randomBytes(16).toString('hex')) };
    this.rate = options.exchangeRate ?? DEFAULT_RATE;
    this.startingMinorUsd = moneyFromMajor(options.startingBalanceUsd ?? DEFAULT_STARTING_BALANCE_USD, 'USD').minor;
    this.ttlMs = options.idempotencyTtlMs ?? DAY_MS;
    this.limits = options.rateLimits === false ? undefined : new MobiSendServerLimits(options.rateWindowScale ?? 1);
    this.balanceMinorUsd = this.startingMinorUsd;
  }

  phoneOf(request: SandboxRequest): string | undefined {
    const phone = (request.body as { phone?: unknown } | undefined)?.phone;
    return typeof phone === 'string' ? phone : undefined;
  }

  handle(request: SandboxRequest): SandboxReply {
    if (request.headers['x-api-key'] !== this.credentials.apiKey) return { status: 401, json: { success: false, error: 'Invalid or missing API key' } };
    const admission = this.limits ? admit([this.limits.requests]) : { admitted: true as const };
    if (!admission.admitted) return tooManyRequests(admission.retryAfterSeconds, 'Rate limit exceeded');
    if (request.method === 'POST' && (request.path === '/topup' || request.path === '/billpay')) return this.idempotent(request);
    if (request.method !== 'GET') return notFound('Not found');
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const [first, second, third] = parts;
    if (parts.length === 0) return apiStatusReply();
    if (first === 'providers' && parts.length === 1) return providersReply();
    if (first === 'catalog' && second && parts.length <= 3) return catalogReply(second, third);
    if (first === 'billers' && parts.length === 1) return billersReply(request.query);
    if (first === 'balance' && parts.length === 1) return this.balance();
    if (first === 'order' && second && parts.length === 2) return this.order(second);
    if (first === 'orders' && parts.length === 1) return this.history(request.query);
    return notFound('Not found');
  }

  serverErrorReply(status: number): SandboxReply {
    return { status, json: { success: false, error: 'Internal server error' } };
  }

  duplicateReply(request: SandboxRequest): SandboxReply {
    return { status: 200, json: { success: false, error: 'POSIBLE DUPLICADO', order: this.failedOrderJson(request, randomUUID()) } };
  }

  settlePending(): void {
    // MobiSend answers every sale synchronously.
  }

  reset(): void {
    this.orders.clear();
    this.idempotency.clear();
    this.balanceMinorUsd = this.startingMinorUsd;
    this.limits?.reset();
  }

  close(): void {}

  /** Same Idempotency-Key within the TTL: the original answer, nothing processed again. */
  private idempotent(request: SandboxRequest): SandboxReply {
    const headerValue = request.headers['idempotency-key'];
    const key = typeof headerValue === 'string' && headerValue.length > 0 ? headerValue : undefined;
    const now = Date.now();
    if (key && !request.ignoreIdempotency) {
      const stored = this.idempotency.get(key);
      if (stored && now - stored.at < this.ttlMs) return { ...stored.reply, idempotencyKey: key, replayed: true };
    }
    const reply = request.path === '/topup' ? this.topup(request, key) : this.billpay(request, key);
    // Only answers that processed (or provably refused) are stored; a 5xx injected in front never reaches here.
    if (key && !request.ignoreIdempotency && reply.status < 500 && reply.status !== 429) this.idempotency.set(key, { reply, at: now });
    return key ? { ...reply, idempotencyKey: key } : reply;
  }

  private balance(): SandboxReply {
    const balance = toMajorNumber(money(this.balanceMinorUsd, 'USD'));
    return {
      status: 200,
      json: {
        success: true,
        account: {
          customer_id: 'MOBISEND_SANDBOX',
          company_name: 'Saldo Sandbox',
          balance_usd: balance,
          reserved_usd: 0,
          available_usd: balance,
          credit_limit_usd: 0,
          currency: 'USD',
        },
      },
    };
  }

  private topup(request: SandboxRequest, key: string | undefined): SandboxReply {
    const body = (request.bodyIsJson ? request.body : {}) as Record<string, unknown>;
    const country = findCountry(typeof body.country === 'string' ? body.country : 'MX');
    if (!country) return badRequest(`Unsupported country ${String(body.country)}`);
    const phone = typeof body.phone === 'string' ? body.phone : '';
    if (!/^\d+$/.test(phone) || phone.length !== country.phoneDigits) return badRequest(`Phone must be ${country.phoneDigits} digits`);
    if (!(typeof body.amount === 'number' && body.amount > 0)) return badRequest('amount is required');
    const amount = moneyFromMajor(body.amount, country.currency);
    const product = this.pickProduct(country.code, body, amount);
    if (typeof product === 'string') return badRequest(product);
    const reference = typeof body.reference === 'string' ? body.reference : undefined;

    const behaviour = testNumberBehaviour(phone);
    if (behaviour === 'rejected' || behaviour === 'possible_duplicate') {
      const id = randomUUID();
      const order = this.failedOrderJson(request, id);
      const error = behaviour === 'rejected' ? 'NO SE PUEDE ABONAR A ESTE NUMERO' : 'POSIBLE DUPLICADO';
      this.orders.set(id, { json: { ...order, type: 'topup', carrier: product.carrier.name, error, reference: reference ?? null, created_at: new Date().toISOString() }, status: 'FAILED', createdAt: new Date() });
      return { status: 200, json: { success: false, error, order }, ...(reference ? { reference } : {}) };
    }

    const cost = amount.currency === 'USD' ? amount : convertByDividing(amount, this.rate, 'USD', 'half-up');
    if (cost.minor > this.balanceMinorUsd) return { status: 403, json: { success: false, error: 'Insufficient balance' } };
    const before = this.balanceMinorUsd;
    this.balanceMinorUsd -= cost.minor;
    const id = randomUUID();
    const processedAt = new Date();
    const order = {
      id,
      status: 'SUCCESS',
      type: product.type,
      phone,
      country: country.code,
      carrier: product.carrier.name,
      amount: toMajorNumber(amount),
      currency: amount.currency,
      amount_usd: toMajorNumber(cost),
      exchange_rate: amount.currency === 'USD' ? 1 : Number(this.rate),
      provider_reference: randomBytes(3).toString('hex').toUpperCase(),
      processed_at: processedAt.toISOString(),
    };
    this.orders.set(id, { json: { ...order, reference: reference ?? null, created_at: processedAt.toISOString() }, status: 'SUCCESS', createdAt: processedAt });
    this.recorder.delivery({
      provider: 'mobisend',
      kind: 'topup',
      transactionId: id,
      ...(key ? { idempotencyKey: key } : {}),
      ...(reference ? { reference } : {}),
      phone,
      amountMinor: amount.minor,
      currency: amount.currency,
      costMinorUsd: cost.minor,
    });
    return {
      status: 200,
      json: { success: true, order, billing: this.billing(cost, before) },
      ...(reference ? { reference } : {}),
    };
  }

  private pickProduct(countryCode: string, body: Record<string, unknown>, amount: Money): SandboxProduct | string {
    const country = findCountry(countryCode);
    if (!country) return `Unsupported country ${countryCode}`;
    const type = body.type === 'bundle' || body.type === 'topup' ? body.type : undefined;
    if (body.sku !== undefined) {
      const sku = String(body.sku);
      const product = SANDBOX_PRODUCTS.find((item) => item.country === country.code && (String(item.productId) === sku || item.sku === sku));
      if (!product) return `Unknown sku ${sku}`;
      return product.amountMinor === amount.minor ? product : `sku ${sku} is ${product.amountMinor / 100} ${product.currency}, not the amount given`;
    }
    let carrierName = typeof body.carrier === 'string' ? body.carrier : undefined;
    // The document auto-detects the carrier in Mexico when it is omitted.
    if (!carrierName && country.code === 'MX') carrierName = detectSandboxCarrier(country, typeof body.phone === 'string' ? body.phone : '')?.name;
    if (!carrierName) return `carrier is required for ${country.code}`;
    const carrier = findCarrier(country, carrierName);
    if (!carrier) return `Unknown carrier ${carrierName} for ${country.code}`;
    const product = SANDBOX_PRODUCTS.find(
      (item) => item.carrier === carrier && item.country === country.code && item.amountMinor === amount.minor && (!type || item.type === type),
    );
    return product ?? `No ${carrier.name} product of ${toMajorNumber(amount)} ${amount.currency}`;
  }

  private billpay(request: SandboxRequest, key: string | undefined): SandboxReply {
    const body = (request.bodyIsJson ? request.body : {}) as Record<string, unknown>;
    if (typeof body.biller_id !== 'string' || typeof body.account_number !== 'string' || !(typeof body.amount === 'number' && body.amount > 0)) {
      return badRequest('biller_id, account_number and amount are required');
    }
    const biller = SANDBOX_BILLERS.find((item) => item.biller_code === body.biller_id);
    if (!biller) return notFound(`Biller ${body.biller_id} not found`);
    const rush = body.rush === true;
    if (rush && !biller.rush_available) return badRequest(`Rush is not available for ${biller.name}`);
    const amount = moneyFromMajor(body.amount, 'USD');
    const reference = typeof body.reference === 'string' ? body.reference : undefined;
    // The sandbox's test numbers work as account numbers too: a refused account, an anti-fraud duplicate.
    const behaviour = testNumberBehaviour(body.account_number);
    if (behaviour === 'rejected' || behaviour === 'possible_duplicate') return this.failedBill(biller.name, body.account_number, amount, rush, behaviour, reference);
    const fee = money(rush ? FEES_MINOR.rush : FEES_MINOR.standard, 'USD');
    const total = money(amount.minor + fee.minor, 'USD');
    if (total.minor > this.balanceMinorUsd) return { status: 403, json: { success: false, error: 'Insufficient balance' } };
    const before = this.balanceMinorUsd;
    this.balanceMinorUsd -= total.minor;
    const id = randomUUID();
    const processedAt = new Date();
    const order = {
      id,
      status: 'SUCCESS',
      type: 'billpay',
      biller: biller.name,
      account_number: body.account_number,
      amount_usd: toMajorNumber(amount),
      fee_usd: toMajorNumber(fee),
      total_usd: toMajorNumber(total),
      rush,
      confirmation_code: `BP${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      processed_at: processedAt.toISOString(),
    };
    this.orders.set(id, { json: { ...order, reference: reference ?? null, created_at: processedAt.toISOString() }, status: 'SUCCESS', createdAt: processedAt });
    this.recorder.delivery({
      provider: 'mobisend',
      kind: 'billpay',
      transactionId: id,
      ...(key ? { idempotencyKey: key } : {}),
      ...(reference ? { reference } : {}),
      amountMinor: amount.minor,
      currency: 'USD',
      costMinorUsd: total.minor,
    });
    return { status: 200, json: { success: true, order, billing: this.billing(total, before) }, ...(reference ? { reference } : {}) };
  }

  private failedBill(biller: string, account: string, amount: Money, rush: boolean, behaviour: 'rejected' | 'possible_duplicate', reference: string | undefined): SandboxReply {
    const id = randomUUID();
    const error = behaviour === 'rejected' ? 'INVALID ACCOUNT NUMBER' : 'POSIBLE DUPLICADO';
    const createdAt = new Date();
    const order = { id, status: 'FAILED', type: 'billpay', biller, account_number: account, amount_usd: toMajorNumber(amount), rush };
    this.orders.set(id, { json: { ...order, error, reference: reference ?? null, created_at: createdAt.toISOString() }, status: 'FAILED', createdAt });
    return { status: 200, json: { success: false, error, order }, ...(reference ? { reference } : {}) };
  }

  private order(id: string): SandboxReply {
    const order = this.orders.get(id);
    return order ? { status: 200, json: { success: true, order: order.json } } : notFound('Order not found');
  }

  private history(query: URLSearchParams): SandboxReply {
    const limit = Math.min(200, positiveInt(query.get('limit'), 50) ?? 50);
    const offset = nonNegativeInt(query.get('offset'));
    if (offset === undefined) return badRequest('offset must be a non-negative integer');
    const start = query.get('start_date');
    const end = query.get('end_date');
    for (const date of [start, end]) if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return badRequest('dates must be YYYY-MM-DD');
    const status = query.get('status')?.toUpperCase();
    if (status && status !== 'SUCCESS' && status !== 'FAILED') return badRequest('status must be success or failed');
    const matching = [...this.orders.values()]
      .filter((order) => {
        const day = order.createdAt.toISOString().slice(0, 10);
        return (!start || day >= start) && (!end || day <= end) && (!status || order.status === status);
      })
      .reverse();
    return {
      status: 200,
      json: { success: true, orders: matching.slice(offset, offset + limit).map((order) => order.json), pagination: { total: matching.length, limit, offset } },
    };
  }

  private billing(deducted: Money, beforeMinor: number): Record<string, number> {
    return {
      deducted_usd: toMajorNumber(deducted),
      balance_before_usd: toMajorNumber(money(beforeMinor, 'USD')),
      balance_after_usd: toMajorNumber(money(this.balanceMinorUsd, 'USD')),
    };
  }

  private failedOrderJson(request: SandboxRequest, id: string): Record<string, unknown> {
    const body = (request.bodyIsJson ? request.body : {}) as Record<string, unknown>;
    const country = findCountry(typeof body.country === 'string' ? body.country : 'MX');
    return {
      id,
      status: 'FAILED',
      phone: typeof body.phone === 'string' ? body.phone : '',
      country: country?.code ?? 'MX',
      amount: typeof body.amount === 'number' ? body.amount : 0,
      currency: country?.currency ?? 'MXN',
    };
  }
}
