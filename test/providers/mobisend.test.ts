import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromMajor } from '../../shared/money';
import { MobiSendAdapter } from '../../electron/core/providers/mobisend';
import type { TopupRequest } from '../../electron/core/providers/types';
import { SANDBOX_TEST_NUMBERS, countDeliveries, type RunningSandbox } from '../../electron/sandbox/index';
import { RecordingLogger, configFor, runtimeFor, startFast } from './helpers';

let sandbox: RunningSandbox;
let mobisend: MobiSendAdapter;
let sequence = 0;

function sale(overrides: Partial<TopupRequest> = {}): TopupRequest {
  sequence += 1;
  return { idempotencyKey: `ms-key-${sequence}`, reference: `MS-${sequence}`, phone: '5512345678', country: 'MX', amount: moneyFromMajor(100, 'MXN'), ...overrides };
}

function adapterFor(target: RunningSandbox, apiKey?: string, timeoutMs = 3_000): MobiSendAdapter {
  const config = configFor(target, timeoutMs).mobisend;
  if (!config) throw new Error('no mobisend config');
  return new MobiSendAdapter({ ...config, ...(apiKey ? { apiKey } : {}) }, runtimeFor(new RecordingLogger()));
}

beforeAll(async () => {
  sandbox = await startFast('mobisend');
  mobisend = adapterFor(sandbox);
});
afterEach(() => sandbox.control.clearFaults());
afterAll(() => sandbox.close());

describe('MobiSend adapter against its sandbox', () => {
  it('reads the API status, providers per country and the balance with reserved and available', async () => {
    expect(await mobisend.health()).toEqual({ ok: true, value: { ok: true } });
    const carriers = await mobisend.carriers('MX');
    expect(carriers.ok && carriers.value.map((carrier) => carrier.name)).toEqual(['Telcel', 'Movistar', 'AT&T', 'Unefon', 'Virgin', 'Bait']);
    const honduras = await mobisend.carriers('HN');
    expect(honduras.ok && honduras.value.map((carrier) => carrier.name)).toEqual(['Claro', 'Digicel', 'Tigo']);
    const balance = await mobisend.balance();
    expect(balance).toMatchObject({ ok: true, value: { balance: { currency: 'USD' }, reserved: { minor: 0 }, available: { currency: 'USD' } } });
  });

  it('lists the catalog by country (grouped by carrier) and by carrier, bundles included', async () => {
    const all = await mobisend.catalog('MX');
    expect(all.ok && new Set(all.value.map((product) => product.carrier)).size).toBe(6);
    expect(all.ok && all.value.some((product) => product.type === 'bundle')).toBe(true);
    const att = await mobisend.catalog('MX', 'AT&T');
    expect(att.ok && att.value.every((product) => product.carrier === 'AT&T' && product.amount?.currency === 'MXN')).toBe(true);
    expect(att.ok && att.value.length).toBeGreaterThan(0);
    expect(await mobisend.catalog('ZZ')).toMatchObject({ ok: false, error: { code: 'invalid_input', httpStatus: 404 } });
  });

  it('searches billers with filters and pages through them', async () => {
    const first = await mobisend.billers({ search: 'electric', country: 'US', limit: 20 });
    expect(first.ok && first.value.items[0]).toMatchObject({ billerCode: '12345', name: 'Duke Energy', rushAvailable: true });
    expect(first.ok && first.value.items.length).toBe(20);
    const total = first.ok ? first.value.total : 0;
    const last = await mobisend.billers({ search: 'electric', country: 'US', limit: 20, page: Math.ceil(total / 20) });
    expect(last.ok && last.value.items.length).toBe(total % 20 || 20);
    const cable = await mobisend.billers({ category: 'cable', limit: 200 });
    expect(cable.ok && cable.value.items.every((biller) => biller.category === 'cable')).toBe(true);
  });

  it('tops up in Mexico: 100 MXN at 17.50 deducts 5.71 USD (the document example shows 6.02)', async () => {
    const before = await mobisend.balance();
    const result = await mobisend.topup(sale({ carrier: 'Telcel' }));
    expect(result).toMatchObject({ ok: true, value: { state: 'succeeded', amount: { minor: 10000, currency: 'MXN' }, cost: { minor: 571, currency: 'USD' }, exchangeRate: '17.5' } });
    const after = await mobisend.balance();
    expect(before.ok && after.ok && before.value.available.minor - after.value.available.minor).toBe(571);
  });

  it('tops up internationally in USD, by SKU too', async () => {
    expect(await mobisend.topup(sale({ phone: '98765432', country: 'HN', carrier: 'Tigo', amount: moneyFromMajor(5, 'USD') }))).toMatchObject({
      ok: true,
      value: { state: 'succeeded', amount: { minor: 500, currency: 'USD' }, cost: { minor: 500, currency: 'USD' } },
    });
    const catalog = await mobisend.catalog('PE', 'Bitel');
    const product = catalog.ok ? catalog.value[0] : undefined;
    expect(await mobisend.topup(sale({ phone: '912345678', country: 'PE', sku: product?.sku, amount: product?.amount }))).toMatchObject({ ok: true, value: { state: 'succeeded' } });
  });

  it('replays an Idempotency-Key: same order, one delivery, even after the first answer was lost', async () => {
    const request = sale();
    const first = await mobisend.topup(request);
    const second = await mobisend.topup(request);
    expect(second).toEqual(first);
    sandbox.control.setFaults([{ kind: 'reset_after_commit', path: '/topup', count: 1 }]);
    const lost = sale();
    expect(await mobisend.topup(lost)).toMatchObject({ ok: false, error: { code: 'outcome_unknown', outcomeKnown: false, retrySameKeySafe: true } });
    expect(await mobisend.topup(lost)).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    const counts = countDeliveries(sandbox.control.records(), 'idempotencyKey');
    expect(counts.get(request.idempotencyKey)).toBe(1);
    expect(counts.get(lost.idempotencyKey)).toBe(1);
    const replays = sandbox.control.records().requests.filter((record) => record.idempotencyKey === request.idempotencyKey && record.replayed);
    expect(replays).toHaveLength(1);
  });

  it('classifies provider rejections sent as HTTP 200 with success:false', async () => {
    const rejected = await mobisend.topup(sale({ phone: SANDBOX_TEST_NUMBERS.rejected }));
    expect(rejected).toMatchObject({ ok: false, error: { code: 'number_rejected', outcomeKnown: true, httpStatus: 200, message: 'NO SE PUEDE ABONAR A ESTE NUMERO' } });
    const orderId = rejected.ok ? undefined : rejected.error.providerTransactionId;
    expect(await mobisend.status({ providerTransactionId: orderId })).toMatchObject({ ok: true, value: { state: 'failed', failure: { code: 'number_rejected' } } });
    expect(await mobisend.topup(sale({ phone: SANDBOX_TEST_NUMBERS.possibleDuplicate }))).toMatchObject({
      ok: false,
      error: { code: 'possible_duplicate', outcomeKnown: false, retrySameKeySafe: false },
    });
    sandbox.control.setFaults([{ kind: 'possible_duplicate', count: 1 }]);
    expect(await mobisend.topup(sale())).toMatchObject({ ok: false, error: { code: 'possible_duplicate' } });
  });

  it('classifies 400, 401, 403 (balance or IP), 429 and 5xx', async () => {
    expect(await mobisend.topup(sale({ phone: '551234567' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', httpStatus: 400, message: 'Phone must be 10 digits' } });
    expect(await adapterFor(sandbox, 'sandbox-wrong').balance()).toMatchObject({ ok: false, error: { code: 'bad_credentials', httpStatus: 401 } });
    sandbox.control.setFaults([{ kind: 'respond', status: 403, body: { success: false, error: 'IP not authorized' }, count: 1 }]);
    expect(await mobisend.balance()).toMatchObject({ ok: false, error: { code: 'bad_credentials', httpStatus: 403 } });
    sandbox.control.setFaults([{ kind: 'server_error', count: 1 }]);
    expect(await mobisend.topup(sale())).toMatchObject({ ok: false, error: { code: 'provider_error', outcomeKnown: false, retrySameKeySafe: true } });

    const poor = await startFast('mobisend', { startingBalanceUsd: 1 });
    try {
      expect(await adapterFor(poor).topup(sale())).toMatchObject({ ok: false, error: { code: 'insufficient_balance', httpStatus: 403 } });
    } finally {
      await poor.close();
    }
  });

  it('answers 429 past 120 requests a minute, with Retry-After', async () => {
    const busy = await startFast('mobisend', { rateWindowScale: 1 });
    try {
      const headers = { 'x-api-key': busy.credentials.apiKey ?? '' };
      const answers = await Promise.all(Array.from({ length: 120 }, () => fetch(`${busy.url}/balance`, { headers })));
      // Only 200s and 429s: a stray request from another process that reused a freed port may take one slot.
      expect(answers.every((answer) => answer.status === 200 || answer.status === 429)).toBe(true);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(110);
      const result = await adapterFor(busy).balance();
      expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited', httpStatus: 429 } });
      expect(!result.ok && result.error.retryAt).toBeGreaterThan(Date.now());
    } finally {
      await busy.close();
    }
  });

  it('pays bills with the standard and rush fees', async () => {
    const standard = await mobisend.billpay({ idempotencyKey: 'bp-1', reference: 'INV-1', billerCode: '12345', accountNumber: '1234567890', amount: moneyFromMajor(150, 'USD') });
    expect(standard).toMatchObject({ ok: true, value: { biller: 'Duke Energy', fee: { minor: 75 }, total: { minor: 15075, currency: 'USD' } } });
    const rush = await mobisend.billpay({ idempotencyKey: 'bp-2', reference: 'INV-2', billerCode: '12345', accountNumber: '1234567890', amount: moneyFromMajor(150, 'USD'), rush: true });
    expect(rush).toMatchObject({ ok: true, value: { fee: { minor: 125 }, total: { minor: 15125 } } });
    expect(await mobisend.billpay({ idempotencyKey: 'bp-1', reference: 'INV-1', billerCode: '12345', accountNumber: '1234567890', amount: moneyFromMajor(150, 'USD') })).toEqual(standard);
    expect(countDeliveries(sandbox.control.records(), 'idempotencyKey').get('bp-1')).toBe(1);
    expect(await mobisend.billpay({ idempotencyKey: 'bp-3', reference: 'INV-3', billerCode: 'nope', accountNumber: '1', amount: moneyFromMajor(1, 'USD') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', httpStatus: 404 },
    });
  });

  it('looks orders up by id and pages the history with filters', async () => {
    const sold = await mobisend.topup(sale());
    const id = sold.ok ? sold.value.providerTransactionId : undefined;
    expect(await mobisend.status({ providerTransactionId: id })).toMatchObject({ ok: true, value: { state: 'succeeded', providerTransactionId: id } });
    expect(await mobisend.status({ providerTransactionId: 'no-such-order' })).toEqual({ ok: true, value: { state: 'not_found' } });
    expect(await mobisend.status({ idempotencyKey: 'k' })).toMatchObject({ ok: false, error: { code: 'not_supported' } });

    const today = new Date().toISOString().slice(0, 10);
    const all = await mobisend.orders({ startDate: today, endDate: today, limit: 200 });
    const total = all.ok ? all.value.total : 0;
    expect(total).toBeGreaterThan(3);
    const pageOne = await mobisend.orders({ limit: 2, offset: 0 });
    const pageTwo = await mobisend.orders({ limit: 2, offset: 2 });
    expect(pageOne.ok && pageOne.value.items.length).toBe(2);
    expect(pageOne.ok && pageTwo.ok && pageOne.value.items[0]?.id !== pageTwo.value.items[0]?.id).toBe(true);
    const failedOnly = await mobisend.orders({ status: 'failed', limit: 200 });
    expect(failedOnly.ok && failedOnly.value.items.length).toBeGreaterThan(0);
    expect(failedOnly.ok && failedOnly.value.items.every((order) => order.state === 'failed')).toBe(true);
    expect(await mobisend.orders({ startDate: '2000-01-01', endDate: '2000-01-02' })).toMatchObject({ ok: true, value: { items: [], total: 0 } });
  });

  it('a timeout on a sale is unknown but safe to resend with the same key', async () => {
    const request = sale();
    sandbox.control.setFaults([{ kind: 'timeout', count: 1 }]);
    expect(await adapterFor(sandbox, undefined, 250).topup(request)).toMatchObject({ ok: false, error: { code: 'outcome_unknown', outcomeKnown: false, retrySameKeySafe: true } });
    expect(await mobisend.topup(request)).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect(countDeliveries(sandbox.control.records(), 'idempotencyKey').get(request.idempotencyKey)).toBe(1);
  });

  it('a double-delivering provider shows up in the records', async () => {
    sandbox.control.setFaults([{ kind: 'double_delivery', count: 1 }]);
    const request = sale();
    expect(await mobisend.topup(request)).toMatchObject({ ok: true });
    expect(countDeliveries(sandbox.control.records(), 'idempotencyKey').get(request.idempotencyKey)).toBe(2);
  });
});
