/**
 * Liquido as its document describes it: Authorization Bearer + x-api-key,
 * errors as HTTP 200 with the code in `statusCode`, carriers (the example mixes merchantId/merchantName with
 * operatorId/operatorName, and so does the sandbox), SKUs per country and per carrier with `price` in major
 * units as the examples show, top-ups keyed by `idempotencyKey` and status by that key.
 */
import { randomBytes } from 'node:crypto';
import { money, toMajorString } from '../../shared/money';
import { SANDBOX_PRODUCTS, findCarrier, findCountry, sandboxSecret, testNumberBehaviour, type SandboxProduct } from './catalog';
import { DEFAULT_ASYNC_DELAY_MS, type SandboxOptions } from './options';
import type { Recorder } from './records';
import type { ProviderSimulator, SandboxReply, SandboxRequest } from './simulator';

const TOPUPS = '/v1/marketplace/sales/topups';
const LIQUIDO_COUNTRIES = new Set(['MX']);
const PAYMENT_METHODS_MX = new Set(['CREDIT_CARD', 'BANK_TRANSFER_MX', 'PAY_CASH']);
const MAX_KEY_LENGTH = 64;

interface LiquidoTransaction {
  idempotencyKey: string;
  transactionId: string;
  status: 'SETTLED' | 'IN_PROGRESS' | 'FAILED';
  statusCode: number;
  errorMsg: string;
  product: SandboxProduct;
  nationalNumber: string;
  createdAt: Date;
  finalAt: Date | null;
}

export class LiquidoSimulator implements ProviderSimulator {
  readonly provider = 'liquido' as const;
  readonly credentials: { apiKey: string; accessToken: string };
  private readonly asyncDelayMs: number;
  private transactions = new Map<string, LiquidoTransaction>();
  private timers = new Map<string, NodeJS.Timeout>();
  private sequence = 0;

  constructor(
    private readonly recorder: Recorder,
    options: SandboxOptions = {},
  ) {
    this.credentials = {
      apiKey: options.credentials?.apiKey ?? sandboxSecret('liquido-key', randomBytes(16).toString('hex')),
      accessToken: options.credentials?.accessToken ?? sandboxSecret('liquido-token', randomBytes(24).toString('hex')),
    };
    this.asyncDelayMs = options.asyncDelayMs ?? DEFAULT_ASYNC_DELAY_MS;
  }

  phoneOf(request: SandboxRequest): string | undefined {
    const phone = (request.body as { targetPhoneNumber?: unknown } | undefined)?.targetPhoneNumber;
    return typeof phone === 'string' ? phone : undefined;
  }

  handle(request: SandboxRequest): SandboxReply {
    if (request.headers.authorization !== `Bearer ${this.credentials.accessToken}` || request.headers['x-api-key'] !== this.credentials.apiKey) {
      return envelope(401, 'access denied');
    }
    if (!request.path.startsWith(TOPUPS)) return { status: 404, json: { statusCode: 404, errorMsg: 'not found' } };
    const parts = request.path.slice(TOPUPS.length).split('/').filter(Boolean).map(decodeURIComponent);
    if (request.method === 'POST' && parts.length === 0) return this.topup(request);
    if (request.method !== 'GET') return { status: 404, json: { statusCode: 404, errorMsg: 'not found' } };
    if (parts.length === 2 && parts[0] === 'key') return this.status(parts[1] ?? '');
    if (parts.length === 2 && parts[1] === 'merchants') return this.merchants(parts[0] ?? '');
    if (parts.length === 2 && parts[1] === 'skus') return this.skus(parts[0] ?? '', undefined);
    if (parts.length === 3 && parts[2] === 'skus') return this.skus(parts[0] ?? '', parts[1]);
    return { status: 404, json: { statusCode: 404, errorMsg: 'not found' } };
  }

  serverErrorReply(status: number): SandboxReply {
    return { status, json: { statusCode: 500, errorMsg: 'internal error' } };
  }

  duplicateReply(request: SandboxRequest): SandboxReply {
    const key = (request.body as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
    return {
      status: 200,
      json: {
        statusCode: 200,
        errorMsg: '',
        idempotencyKey: typeof key === 'string' ? key : '',
        transactionId: this.newTransactionId(),
        transactionStatus: 'FAILED',
        transactionStatusCode: 409,
        transactionErrorMsg: 'POSIBLE DUPLICADO',
      },
    };
  }

  settlePending(): void {
    for (const [key, timer] of this.timers) {
      clearTimeout(timer);
      this.settle(key);
    }
  }

  reset(): void {
    this.close();
    this.transactions.clear();
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private merchants(countryCode: string): SandboxReply {
    const country = LIQUIDO_COUNTRIES.has(countryCode.toUpperCase()) ? findCountry(countryCode) : undefined;
    if (!country) return envelope(422, `unsupported countryCode ${countryCode}`);
    return {
      status: 200,
      json: {
        statusCode: 200,
        errorMsg: '',
        // The document's example spells the first entry merchant*, the second operator*: alternate the same way.
        merchants: country.carriers.map((carrier, index) =>
          index % 2 === 0
            ? { merchantId: carrier.id, merchantName: carrier.name, iconUrl: `https://s3.some.url/${carrier.name}.jpeg`, description: `${carrier.name} Tiempo Aire` }
            : { operatorId: carrier.id, operatorName: carrier.name, iconUrl: `https://s3.some.url/${carrier.name}.jpeg`, description: `${carrier.name} Tiempo Aire` },
        ),
      },
    };
  }

  private skus(countryCode: string, merchant: string | undefined): SandboxReply {
    const country = LIQUIDO_COUNTRIES.has(countryCode.toUpperCase()) ? findCountry(countryCode) : undefined;
    if (!country) return envelope(422, `unsupported countryCode ${countryCode}`);
    const carrier = merchant === undefined ? undefined : findCarrier(country, merchant);
    if (merchant !== undefined && !carrier) return envelope(422, `unknown merchantId ${merchant}`);
    const skus = liquidoProducts(country.code)
      .filter((product) => !carrier || product.carrier === carrier)
      .map((product) => ({
        name: product.sku,
        description: `${product.carrier.name} Tiempo Aire ${product.sku.slice(-3)}`,
        price: toMajorString(money(product.amountMinor, product.currency)).replace(/\.00$/, ''),
        currency: product.currency,
        merchantId: product.carrier.name,
      }));
    return { status: 200, json: { statusCode: 200, errorMsg: '', skus } };
  }

  private topup(request: SandboxRequest): SandboxReply {
    const body = (request.bodyIsJson ? request.body : {}) as Record<string, unknown>;
    const key = body.idempotencyKey;
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return envelope(422, 'idempotencyKey is required (at most 64 characters)');
    const existing = this.transactions.get(key);
    if (existing && request.ignoreIdempotency) {
      this.recordDelivery(existing);
      return { ...this.topupAnswer(existing), idempotencyKey: key };
    }
    if (existing) return { ...this.topupAnswer(existing), idempotencyKey: key, replayed: true };

    const countryCode = typeof body.countryCode === 'string' ? body.countryCode.toUpperCase() : 'MX';
    if (!LIQUIDO_COUNTRIES.has(countryCode)) return envelope(422, `unsupported countryCode ${countryCode}`);
    const phone = body.targetPhoneNumber;
    if (typeof phone !== 'string' || !/^\+\d{8,15}$/.test(phone)) return envelope(422, 'targetPhoneNumber must start with the country calling code, such as "+52"');
    const product = liquidoProducts(countryCode).find((item) => item.sku === body.sku);
    if (!product) return envelope(422, `unknown sku ${String(body.sku)}`);
    if (body.currency !== undefined && body.currency !== product.currency) return envelope(422, `currency must be ${product.currency}`);
    const paymentType = body.paymentType ?? 'PREPAID';
    if (paymentType !== 'PREPAID' && paymentType !== 'PAY_WITH_LINK') return envelope(422, 'paymentType must be PREPAID or PAY_WITH_LINK');
    if (paymentType === 'PAY_WITH_LINK') {
      const methods = body.allowPaymentMethods ?? ['CREDIT_CARD'];
      if (!Array.isArray(methods) || !methods.every((method) => typeof method === 'string' && PAYMENT_METHODS_MX.has(method))) {
        return envelope(422, 'allowPaymentMethods not available in MX');
      }
    }

    const nationalNumber = phone.startsWith('+52') ? phone.slice(3) : phone.slice(1);
    const behaviour = testNumberBehaviour(nationalNumber);
    const transaction: LiquidoTransaction = {
      idempotencyKey: key,
      transactionId: this.newTransactionId(),
      status: 'IN_PROGRESS',
      statusCode: 200,
      errorMsg: '',
      product,
      nationalNumber,
      createdAt: new Date(),
      finalAt: null,
    };
    this.transactions.set(key, transaction);
    if (behaviour === 'rejected' || behaviour === 'possible_duplicate') {
      transaction.status = 'FAILED';
      transaction.statusCode = behaviour === 'rejected' ? 400 : 409;
      transaction.errorMsg = behaviour === 'rejected' ? 'NO SE PUEDE ABONAR A ESTE NUMERO' : 'POSIBLE DUPLICADO';
      transaction.finalAt = new Date();
    } else if (behaviour === 'slow' || paymentType === 'PAY_WITH_LINK') {
      // A payment link waits for the customer; the slow test number waits for the carrier.
      this.timers.set(key, setTimeout(() => this.settle(key), this.asyncDelayMs));
    } else {
      this.settle(key);
    }
    return { ...this.topupAnswer(transaction), idempotencyKey: key };
  }

  private settle(key: string): void {
    this.timers.delete(key);
    const transaction = this.transactions.get(key);
    if (!transaction || transaction.status !== 'IN_PROGRESS') return;
    transaction.status = 'SETTLED';
    transaction.finalAt = new Date();
    this.recordDelivery(transaction);
  }

  private recordDelivery(transaction: LiquidoTransaction): void {
    this.recorder.delivery({
      provider: 'liquido',
      kind: 'topup',
      transactionId: transaction.transactionId,
      idempotencyKey: transaction.idempotencyKey,
      phone: transaction.nationalNumber,
      amountMinor: transaction.product.amountMinor,
      currency: transaction.product.currency,
    });
  }

  private topupAnswer(transaction: LiquidoTransaction): SandboxReply {
    return {
      status: 200,
      json: {
        statusCode: 200,
        errorMsg: '',
        idempotencyKey: transaction.idempotencyKey,
        // "sometime will be empty when processing"
        transactionId: transaction.status === 'IN_PROGRESS' ? '' : transaction.transactionId,
        transactionStatus: transaction.status,
        transactionStatusCode: transaction.statusCode,
        transactionErrorMsg: transaction.errorMsg,
      },
    };
  }

  private status(key: string): SandboxReply {
    const transaction = this.transactions.get(key);
    if (!transaction) return envelope(404, 'transaction not found');
    const price = money(transaction.product.amountMinor, transaction.product.currency);
    return {
      status: 200,
      json: {
        // The status answer is the top-up answer plus the product and times (document, "Check Top Up Status").
        ...(this.topupAnswer(transaction).json as Record<string, unknown>),
        sku: transaction.product.sku,
        price: toMajorString(price).replace(/\.00$/, ''),
        priceInCents: String(price.minor),
        currency: price.currency,
        // Two formats, as in the document: local-looking ISO without zone, and a GMT text.
        createTime: transaction.createdAt.toISOString().slice(0, 19),
        finalStatusTime: transaction.finalAt ? `${transaction.finalAt.toISOString().slice(0, 19).replace('T', ' ')} GMT+00:00` : '',
        phoneNumber: transaction.nationalNumber,
      },
    };
  }

  /** "20210715-175206-145-0369-0449", the example's shape. */
  private newTransactionId(): string {
    const now = new Date().toISOString();
    this.sequence = (this.sequence + 1) % 10_000;
    return `${now.slice(0, 10).replace(/-/g, '')}-${now.slice(11, 19).replace(/:/g, '')}-${now.slice(20, 23)}-${String(this.sequence).padStart(4, '0')}-${randomBytes(2).readUInt16BE(0).toString().padStart(4, '0').slice(0, 4)}`;
  }
}

function liquidoProducts(countryCode: string): SandboxProduct[] {
  return SANDBOX_PRODUCTS.filter((product) => product.country === countryCode && product.type === 'topup');
}

/** Liquido's errors: HTTP 200, the code in the body. */
function envelope(statusCode: number, errorMsg: string): SandboxReply {
  return { status: 200, json: { statusCode, errorMsg } };
}
