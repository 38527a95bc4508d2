/**
 * The documents' own examples: each adapter must parse them (served as-is over HTTP), each sandbox must answer
 * in the same shape (key by key, type by type), and each sandbox must accept the documents' example requests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromMajor } from '../../shared/money';
import { LiquidoAdapter } from '../../electron/core/providers/liquido';
import { MobiSendAdapter } from '../../electron/core/providers/mobisend';
import { RelierAdapter } from '../../electron/core/providers/relier';
import { RELIER_TEST_NUMBERS, SANDBOX_TEST_NUMBERS, type RunningSandbox } from '../../electron/sandbox/index';
import { RecordingLogger, fixture, runtimeFor, shapeOf, startFast } from './helpers';

interface Canned {
  status: number;
  body: unknown;
}

/** Answers each path with a canned document example and remembers the request bodies it got. */
class FixtureServer {
  readonly routes = new Map<string, Canned>();
  readonly received: { path: string; headers: Record<string, unknown>; body: unknown }[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        this.received.push({ path, headers: request.headers, body: text ? (JSON.parse(text) as unknown) : undefined });
        const canned = this.routes.get(`${request.method} ${path}`);
        response.writeHead(canned?.status ?? 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(canned?.body ?? { error: 'no fixture' }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  serve(route: string, file: string, status = 200): void {
    this.routes.set(route, { status, body: fixture(file) });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

const docs = new FixtureServer();
const logger = new RecordingLogger();
beforeAll(() => docs.start());
afterAll(() => docs.close());

const mxSale = { idempotencyKey: 'doc-key', reference: 'ORDER-12345', phone: '5512345678', country: 'MX' };

describe('adapters parse the documents\' examples', () => {
  it('Relier: balance, sync and async top-up, status (both operator id spellings), 403 and the daily 429', async () => {
    const relier = new RelierAdapter({ baseUrl: docs.url, apiKey: 'sandbox-k', customerId: 'C' }, runtimeFor(logger));
    docs.serve('GET /api/balance', 'relier/balance.json');
    expect(await relier.balance()).toEqual({ ok: true, value: { balance: { minor: 20000, currency: 'USD' }, available: { minor: 20000, currency: 'USD' }, creditLimit: { minor: 20000, currency: 'USD' } } });

    docs.serve('POST /api/enviadespensa/topup', 'relier/topup-sync-success.json');
    expect(await relier.topup({ ...mxSale, amount: moneyFromMajor(50, 'MXN'), preferAsync: false })).toEqual({
      ok: true,
      value: {
        state: 'succeeded',
        providerTransactionId: 'RLR1697234567890',
        operatorTransactionId: 'RLR789456123',
        amount: { minor: 5000, currency: 'MXN' },
        cost: { minor: 294, currency: 'USD' },
        exchangeRate: '17.0068',
      },
    });
    expect(Object.keys(docs.received.at(-1)?.body as object).sort()).toEqual(Object.keys(fixture('relier/topup-request.json') as object).sort());

    docs.serve('POST /api/enviadespensa/topup-async', 'relier/topup-async-success.json');
    expect(await relier.topup({ ...mxSale, amount: moneyFromMajor(50, 'MXN') })).toEqual({
      ok: true,
      value: { state: 'pending', providerTransactionId: 'RLR1697234567890', amount: { minor: 5000, currency: 'MXN' } },
    });

    docs.serve('GET /api/transaction/RLR1697234567890', 'relier/status.json');
    // `amount` in the status example is the USD cost (2.94); amount_mxn is what the line received.
    expect(await relier.status({ providerTransactionId: 'RLR1697234567890' })).toEqual({
      ok: true,
      value: {
        state: 'succeeded',
        providerTransactionId: 'RLR1697234567890',
        operatorTransactionId: 'RLR789456123',
        amount: { minor: 5000, currency: 'MXN' },
        cost: { minor: 294, currency: 'USD' },
        exchangeRate: '17.0068',
      },
    });

    docs.serve('POST /api/enviadespensa/topup', 'relier/topup-insufficient-balance-403.json', 403);
    expect(await relier.topup({ ...mxSale, amount: moneyFromMajor(50, 'MXN'), preferAsync: false })).toMatchObject({ ok: false, error: { code: 'insufficient_balance', outcomeKnown: true } });
    docs.serve('POST /api/enviadespensa/topup', 'relier/topup-daily-limit-429.json', 429);
    expect(await relier.topup({ ...mxSale, amount: moneyFromMajor(100, 'MXN'), preferAsync: false })).toMatchObject({ ok: false, error: { code: 'daily_limit' } });
  });

  it('MobiSend: providers, catalog, billers, balance, top-up (6.02 taken as deducted), failure, bill payment', async () => {
    const mobisend = new MobiSendAdapter({ baseUrl: docs.url, apiKey: 'sandbox-k' }, runtimeFor(logger));
    docs.serve('GET /providers', 'mobisend/providers.json');
    expect(await mobisend.carriers('MX')).toMatchObject({ ok: true, value: [{ name: 'Telcel' }, { name: 'Movistar' }, { name: 'AT&T' }] });
    docs.serve('GET /catalog/MX', 'mobisend/catalog-country.json');
    expect(await mobisend.catalog('MX')).toEqual({
      ok: true,
      value: [
        { sku: '123', name: 'Recarga $50', carrier: 'Telcel', country: 'MX', type: 'topup', amount: { minor: 5000, currency: 'MXN' } },
        { sku: '124', name: 'Paquete Internet 2GB', carrier: 'Telcel', country: 'MX', type: 'bundle', amount: { minor: 10000, currency: 'MXN' } },
      ],
    });
    docs.serve('GET /billers', 'mobisend/billers.json');
    expect(await mobisend.billers({ search: 'electric', country: 'US', limit: 20 })).toMatchObject({ ok: true, value: { total: 1200, items: [{ id: '456', billerCode: '12345' }] } });
    docs.serve('GET /balance', 'mobisend/balance.json');
    expect(await mobisend.balance()).toMatchObject({ ok: true, value: { balance: { minor: 500000 }, available: { minor: 500000 }, reserved: { minor: 0 } } });

    docs.serve('POST /topup', 'mobisend/topup-success.json');
    expect(await mobisend.topup({ ...mxSale, carrier: 'Telcel', amount: moneyFromMajor(100, 'MXN') })).toEqual({
      ok: true,
      value: {
        state: 'succeeded',
        providerTransactionId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        operatorTransactionId: 'ABC123',
        amount: { minor: 10000, currency: 'MXN' },
        cost: { minor: 602, currency: 'USD' },
        exchangeRate: '17.5',
        // The carrier the order names (what "No sé la compañía" shows as detected).
        carrier: 'Telcel',
      },
    });
    expect(docs.received.at(-1)?.headers['idempotency-key']).toBe('doc-key');
    const sent = docs.received.at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject(fixture('mobisend/topup-request-mx.json') as object);

    docs.serve('POST /topup', 'mobisend/topup-failure.json');
    expect(await mobisend.topup({ ...mxSale, amount: moneyFromMajor(100, 'MXN') })).toMatchObject({
      ok: false,
      error: { code: 'number_rejected', outcomeKnown: true, providerTransactionId: 'a1b2c3d4-...' },
    });

    docs.serve('POST /billpay', 'mobisend/billpay-success.json');
    expect(await mobisend.billpay({ idempotencyKey: 'doc-bill', reference: 'INV-2026-001', billerCode: '12345', accountNumber: '1234567890', amount: moneyFromMajor(150, 'USD') })).toEqual({
      ok: true,
      value: {
        state: 'succeeded',
        providerTransactionId: 'b2c3d4e5-...',
        biller: 'Duke Energy',
        amount: { minor: 15000, currency: 'USD' },
        fee: { minor: 75, currency: 'USD' },
        total: { minor: 15075, currency: 'USD' },
        confirmationCode: 'BP789012',
      },
    });
    expect(docs.received.at(-1)?.body).toEqual(fixture('mobisend/billpay-request.json'));
  });

  it('Liquido: merchants in both spellings, SKUs (duplicate name, major-unit price), top-up and status', async () => {
    const liquido = new LiquidoAdapter({ baseUrl: docs.url, apiKey: 'sandbox-k', accessToken: 'sandbox-t' }, runtimeFor(logger));
    const base = '/v1/marketplace/sales/topups';
    docs.serve(`GET ${base}/MX/merchants`, 'liquido/merchants.json');
    expect(await liquido.carriers('MX')).toEqual({
      ok: true,
      value: [
        { id: 'TA', name: 'Telcel', country: 'MX', iconUrl: 'https://s3.some.url/Telcel.jpeg' },
        { id: 'MOV', name: 'Movistar', country: 'MX', iconUrl: 'https://s3.some.url/Movistar.jpeg' },
      ],
    });
    docs.serve(`GET ${base}/MX/skus`, 'liquido/skus-country.json');
    expect(await liquido.catalog('MX')).toEqual({
      ok: true,
      value: [{ sku: 'UNE020', name: 'Unefon Tiempo Aire 015', carrier: 'Unefon', country: 'MX', type: 'topup', amount: { minor: 2000, currency: 'MXN' } }],
    });
    docs.serve(`GET ${base}/MX/Unefon/skus`, 'liquido/skus-carrier.json');
    const carrierSkus = await liquido.catalog('MX', 'Unefon');
    expect(carrierSkus.ok && carrierSkus.value.map((sku) => [sku.sku, sku.amount?.minor])).toEqual([['UNE050', 5000], ['UNE070', 7000]]);

    docs.serve(`POST ${base}`, 'liquido/topup-response.json');
    const request = fixture('liquido/topup-request.json') as Record<string, unknown>;
    const result = await liquido.topupWith(
      { idempotencyKey: String(request.idempotencyKey), reference: 'R', phone: '5512345678', country: 'MX', sku: 'TAE010' },
      { allowPaymentMethods: ['BANK_TRANSFER_MX', 'CREDIT_CARD'], email: 'customer@example.com', billingAddress: { zipCode: '04849333' }, callbackUrl: 'https://x/cb', redirectUrl: 'https://x/r' },
    );
    expect(result).toEqual({ ok: true, value: { state: 'succeeded', providerTransactionId: '20210715-175206-145-0369-0449' } });
    const sent = docs.received.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer sandbox-t');
    expect(Object.keys(sent?.body as object).sort()).toEqual(Object.keys(request).sort());
    expect((sent?.body as { targetPhoneNumber: string }).targetPhoneNumber).toBe('+525512345678');

    docs.serve(`GET ${base}/key/280a03fc-2255-11eb-adc1-0242ac120001`, 'liquido/status.json');
    expect(await liquido.status({ idempotencyKey: '280a03fc-2255-11eb-adc1-0242ac120001' })).toEqual({
      ok: true,
      value: { state: 'succeeded', providerTransactionId: '09461d96-2252-11eb-adc1-0242ac120002', amount: { minor: 1000, currency: 'MXN' } },
    });
  });
});

describe('sandboxes answer in the documents\' shapes and accept their example requests', () => {
  let relier: RunningSandbox;
  let mobisend: RunningSandbox;
  let liquido: RunningSandbox;
  beforeAll(async () => {
    [relier, mobisend, liquido] = await Promise.all([startFast('relier'), startFast('mobisend'), startFast('liquido')]);
  });
  afterAll(() => Promise.all([relier.close(), mobisend.close(), liquido.close()]));

  const relierHeaders = (): Record<string, string> => ({ 'content-type': 'application/json', 'x-api-key': relier.credentials.apiKey ?? '', 'x-customer-id': relier.credentials.customerId ?? '' });
  const mobisendHeaders = (key?: string): Record<string, string> => ({ 'content-type': 'application/json', 'x-api-key': mobisend.credentials.apiKey ?? '', ...(key ? { 'idempotency-key': key } : {}) });
  const liquidoHeaders = (): Record<string, string> => ({ 'content-type': 'application/json', authorization: `Bearer ${liquido.credentials.accessToken}`, 'x-api-key': liquido.credentials.apiKey ?? '' });
  const call = async (url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(url, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const sameShape = (actual: unknown, example: unknown): void => expect(shapeOf(actual).sort()).toEqual(shapeOf(example).sort());

  it('Relier', async () => {
    sameShape((await call(`${relier.url}/api/balance`, relierHeaders())).json, fixture('relier/balance.json'));
    const sync = await call(`${relier.url}/api/enviadespensa/topup`, relierHeaders(), fixture('relier/topup-request.json'));
    expect(sync.status).toBe(200);
    sameShape(sync.json, fixture('relier/topup-sync-success.json'));
    const queued = await call(`${relier.url}/api/enviadespensa/topup-async`, relierHeaders(), { phone: RELIER_TEST_NUMBERS.alwaysSucceeds, amount: 50, reference: 'ORDER-12345' });
    sameShape(queued.json, fixture('relier/topup-async-success.json'));
    relier.control.settlePending();
    const id = (queued.json as { transaction: { id: string } }).transaction.id;
    sameShape((await call(`${relier.url}/api/transaction/${id}`, relierHeaders())).json, fixture('relier/status.json'));

    const poor = await startFast('relier', { startingBalanceUsd: 1.2, dailyLimitMxn: 10 });
    try {
      const headers = { ...relierHeaders(), 'x-api-key': poor.credentials.apiKey ?? '', 'x-customer-id': poor.credentials.customerId ?? '' };
      const refused = await call(`${poor.url}/api/enviadespensa/topup`, headers, { phone: '5512345678', amount: 50 });
      expect(refused.status).toBe(403);
      sameShape(refused.json, fixture('relier/topup-insufficient-balance-403.json'));
      expect((await call(`${poor.url}/api/enviadespensa/topup`, headers, { phone: '5512345678', amount: 10 })).status).toBe(200);
      const daily = await call(`${poor.url}/api/enviadespensa/topup`, headers, { phone: '5512345678', amount: 10 });
      expect(daily.status).toBe(429);
      sameShape(daily.json, fixture('relier/topup-daily-limit-429.json'));
    } finally {
      await poor.close();
    }
  });

  it('MobiSend', async () => {
    const providers = (await call(`${mobisend.url}/providers`, mobisendHeaders())).json as { countries: Record<string, unknown> };
    sameShape(providers.countries.MX, (fixture('mobisend/providers.json') as { countries: Record<string, unknown> }).countries.MX);
    const catalog = (await call(`${mobisend.url}/catalog/MX`, mobisendHeaders())).json as { carriers: Record<string, unknown> };
    sameShape(catalog.carriers.Telcel, (fixture('mobisend/catalog-country.json') as { carriers: Record<string, unknown> }).carriers.Telcel);
    sameShape((await call(`${mobisend.url}/billers?search=electric&country=US&limit=20`, mobisendHeaders())).json, fixture('mobisend/billers.json'));
    sameShape((await call(`${mobisend.url}/balance`, mobisendHeaders())).json, fixture('mobisend/balance.json'));
    const sold = await call(`${mobisend.url}/topup`, mobisendHeaders('doc-1'), fixture('mobisend/topup-request-mx.json'));
    expect(sold.status).toBe(200);
    sameShape(sold.json, fixture('mobisend/topup-success.json'));
    const honduras = await call(`${mobisend.url}/topup`, mobisendHeaders('doc-2'), fixture('mobisend/topup-request-hn.json'));
    expect(honduras).toMatchObject({ status: 200, json: { success: true, order: { country: 'HN', carrier: 'Tigo', currency: 'USD' } } });
    const rejected = await call(`${mobisend.url}/topup`, mobisendHeaders('doc-3'), { phone: SANDBOX_TEST_NUMBERS.rejected, amount: 100, country: 'MX' });
    sameShape(rejected.json, fixture('mobisend/topup-failure.json'));
    const paid = await call(`${mobisend.url}/billpay`, mobisendHeaders('doc-4'), fixture('mobisend/billpay-request.json'));
    sameShape(paid.json, fixture('mobisend/billpay-success.json'));
  });

  it('Liquido', async () => {
    const base = `${liquido.url}/v1/marketplace/sales/topups`;
    const merchants = (await call(`${base}/MX/merchants`, liquidoHeaders())).json as { merchants: unknown[] };
    const example = fixture('liquido/merchants.json') as { merchants: unknown[] };
    sameShape(merchants.merchants[0], example.merchants[0]);
    sameShape(merchants.merchants[1], example.merchants[1]);
    sameShape((await call(`${base}/MX/skus`, liquidoHeaders())).json, fixture('liquido/skus-country.json'));
    sameShape((await call(`${base}/MX/UNE/skus`, liquidoHeaders())).json, fixture('liquido/skus-carrier.json'));
    const request = fixture('liquido/topup-request.json') as Record<string, unknown>;
    const sold = await call(base, liquidoHeaders(), { ...request, paymentType: 'PREPAID' });
    expect(sold.json).toMatchObject({ statusCode: 200, transactionStatus: 'SETTLED' });
    sameShape(sold.json, fixture('liquido/topup-response.json'));
    sameShape((await call(`${base}/key/${String(request.idempotencyKey)}`, liquidoHeaders())).json, fixture('liquido/status.json'));
    const linked = await call(base, liquidoHeaders(), { ...request, idempotencyKey: 'doc-link' });
    expect(linked.json).toMatchObject({ statusCode: 200, transactionStatus: 'IN_PROGRESS' });
  });
});
