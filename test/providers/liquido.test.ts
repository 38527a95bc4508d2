import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromMajor } from '../../shared/money';
import { LiquidoAdapter } from '../../electron/core/providers/liquido';
import type { TopupRequest } from '../../electron/core/providers/types';
import { SANDBOX_TEST_NUMBERS, countDeliveries, type RunningSandbox } from '../../electron/sandbox/index';
import { RecordingLogger, configFor, eventually, runtimeFor, startFast } from './helpers';

let sandbox: RunningSandbox;
let liquido: LiquidoAdapter;
let sequence = 0;

function sale(overrides: Partial<TopupRequest> = {}): TopupRequest {
  sequence += 1;
  return { idempotencyKey: `lq-${sequence}-${Date.now()}`, reference: `LQ-${sequence}`, phone: '5512345678', country: 'MX', sku: 'TAE050', ...overrides };
}

function adapterFor(target: RunningSandbox, changes: Partial<{ apiKey: string; accessToken: string }> = {}, timeoutMs = 3_000): LiquidoAdapter {
  const config = configFor(target, timeoutMs).liquido;
  if (!config) throw new Error('no liquido config');
  return new LiquidoAdapter({ ...config, ...changes }, runtimeFor(new RecordingLogger()));
}

beforeAll(async () => {
  sandbox = await startFast('liquido');
  liquido = adapterFor(sandbox);
});
afterEach(() => sandbox.control.clearFaults());
afterAll(() => sandbox.close());

describe('Liquido adapter against its sandbox', () => {
  it('reads carriers whichever field names an entry uses', async () => {
    const raw = (await (await fetch(`${sandbox.url}/v1/marketplace/sales/topups/MX/merchants`, {
      headers: { authorization: `Bearer ${sandbox.credentials.accessToken}`, 'x-api-key': sandbox.credentials.apiKey ?? '' },
    })).json()) as { merchants: Record<string, string>[] };
    expect(raw.merchants[0]).toHaveProperty('merchantId');
    expect(raw.merchants[1]).toHaveProperty('operatorId');
    const carriers = await liquido.carriers('MX');
    expect(carriers.ok && carriers.value.map((carrier) => [carrier.id, carrier.name])).toEqual([
      ['TA', 'Telcel'], ['MOV', 'Movistar'], ['ATT', 'AT&T'], ['UNE', 'Unefon'], ['VIR', 'Virgin'], ['BAIT', 'Bait'],
    ]);
    expect(await liquido.health()).toEqual({ ok: true, value: { ok: true } });
  });

  it('lists SKUs per country and per carrier (by id or by the name the SKU list uses), price in major units', async () => {
    const all = await liquido.catalog('MX');
    expect(all.ok && all.value.find((product) => product.sku === 'TAE010')).toMatchObject({ carrier: 'Telcel', amount: { minor: 1000, currency: 'MXN' } });
    const byId = await liquido.catalog('MX', 'UNE');
    const byName = await liquido.catalog('MX', 'Unefon');
    expect(byId.ok && byId.value.length).toBeGreaterThan(0);
    expect(byId).toEqual(byName);
    expect(byId.ok && byId.value.every((product) => product.carrier === 'Unefon')).toBe(true);
    expect(await liquido.catalog('ZZ')).toMatchObject({ ok: false, error: { code: 'invalid_input', httpStatus: 422 } });
  });

  it('tops up PREPAID with +52 and the key in the body; status by key', async () => {
    const request = sale();
    const result = await liquido.topup(request);
    expect(result).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect(await liquido.status({ idempotencyKey: request.idempotencyKey })).toMatchObject({
      ok: true,
      value: { state: 'succeeded', amount: { minor: 5000, currency: 'MXN' }, providerTransactionId: result.ok ? result.value.providerTransactionId : '' },
    });
    const delivery = sandbox.control.records().deliveries.find((item) => item.idempotencyKey === request.idempotencyKey);
    expect(delivery?.phone).toBe('5512345678');
  });

  it('turns an amount and carrier into that carrier\'s SKU', async () => {
    expect(await liquido.topup(sale({ sku: undefined, amount: moneyFromMajor(20, 'MXN'), carrier: 'Unefon' }))).toMatchObject({
      ok: true,
      value: { state: 'succeeded', amount: { minor: 2000 } },
    });
    expect(await liquido.topup(sale({ sku: undefined, amount: moneyFromMajor(21, 'MXN'), carrier: 'Unefon' }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('replays the same idempotencyKey without processing it again', async () => {
    const request = sale();
    const first = await liquido.topup(request);
    expect(await liquido.topup(request)).toEqual(first);
    expect(countDeliveries(sandbox.control.records(), 'idempotencyKey').get(request.idempotencyKey)).toBe(1);
  });

  it('PAY_WITH_LINK stays IN_PROGRESS until paid, then SETTLED', async () => {
    const request = sale();
    const result = await liquido.topupWith(request, { allowPaymentMethods: ['BANK_TRANSFER_MX', 'CREDIT_CARD'], email: 'customer@example.com' });
    expect(result).toMatchObject({ ok: true, value: { state: 'pending' } });
    expect(result.ok && result.value.providerTransactionId).toBeUndefined();
    const settled = await eventually(() => liquido.status({ idempotencyKey: request.idempotencyKey }), (status) => status.ok && status.value.state !== 'pending');
    expect(settled).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect(await liquido.topupWith(sale(), { allowPaymentMethods: ['PIX'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', httpStatus: 422 } });
  });

  it('a slow number is IN_PROGRESS, then settles', async () => {
    const request = sale({ phone: SANDBOX_TEST_NUMBERS.slow });
    expect(await liquido.topup(request)).toMatchObject({ ok: true, value: { state: 'pending' } });
    sandbox.control.settlePending();
    expect(await liquido.status({ idempotencyKey: request.idempotencyKey })).toMatchObject({ ok: true, value: { state: 'succeeded' } });
  });

  it('classifies FAILED transactions and errors sent as HTTP 200 with statusCode in the body', async () => {
    const rejected = await liquido.topup(sale({ phone: SANDBOX_TEST_NUMBERS.rejected }));
    expect(rejected).toMatchObject({ ok: false, error: { code: 'number_rejected', outcomeKnown: true } });
    expect(!rejected.ok && rejected.error.providerTransactionId).toBeTruthy();
    expect(await liquido.topup(sale({ phone: SANDBOX_TEST_NUMBERS.possibleDuplicate }))).toMatchObject({ ok: false, error: { code: 'possible_duplicate', outcomeKnown: false } });
    expect(await adapterFor(sandbox, { accessToken: 'sandbox-wrong' }).carriers('MX')).toMatchObject({ ok: false, error: { code: 'bad_credentials', httpStatus: 401 } });
    expect(await liquido.topup(sale({ sku: 'NOPE' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', httpStatus: 422 } });
    expect(await liquido.status({ idempotencyKey: 'never-sent' })).toEqual({ ok: true, value: { state: 'not_found' } });
    expect(await liquido.balance()).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });

  it('a lost answer is unknown, safe to resend with the same key, and resolved by status', async () => {
    const request = sale();
    sandbox.control.setFaults([{ kind: 'timeout', count: 1 }]);
    expect(await adapterFor(sandbox, {}, 250).topup(request)).toMatchObject({ ok: false, error: { code: 'outcome_unknown', outcomeKnown: false, retrySameKeySafe: true } });
    expect(await liquido.status({ idempotencyKey: request.idempotencyKey })).toMatchObject({ ok: true, value: { state: 'succeeded' } });

    const before = sale();
    sandbox.control.setFaults([{ kind: 'reset_before_commit', count: 1 }]);
    expect(await liquido.topup(before)).toMatchObject({ ok: false, error: { code: 'outcome_unknown' } });
    expect(await liquido.status({ idempotencyKey: before.idempotencyKey })).toEqual({ ok: true, value: { state: 'not_found' } });

    sandbox.control.setFaults([{ kind: 'server_error', count: 1 }]);
    expect(await liquido.topup(sale())).toMatchObject({ ok: false, error: { code: 'provider_error', outcomeKnown: false, retrySameKeySafe: true, httpStatus: 500 } });
    sandbox.control.setFaults([{ kind: 'malformed_json', count: 1 }]);
    expect(await liquido.topup(sale())).toMatchObject({ ok: false, error: { code: 'unexpected_response', outcomeKnown: false, retrySameKeySafe: true } });
  });
});
