import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromMajor } from '../../shared/money';
import { RelierAdapter } from '../../electron/core/providers/relier';
import type { TopupRequest } from '../../electron/core/providers/types';
import { RELIER_TEST_NUMBERS, type RunningSandbox } from '../../electron/sandbox/index';
import { REFUSING_URL, RecordingLogger, configFor, eventually, runtimeFor, startFast, startOnQuietPort } from './helpers';

let sandbox: RunningSandbox;
let relier: RelierAdapter;
const logger = new RecordingLogger();
let sequence = 0;

function sale(overrides: Partial<TopupRequest> = {}): TopupRequest {
  sequence += 1;
  return {
    idempotencyKey: `key-${sequence}`,
    reference: `REF-${sequence}`,
    phone: '5512345678',
    country: 'MX',
    amount: moneyFromMajor(50, 'MXN'),
    preferAsync: false,
    ...overrides,
  };
}

function adapterFor(target: RunningSandbox, timeoutMs?: number, changes: Partial<{ apiKey: string; reconcileKey: string }> = {}): RelierAdapter {
  const config = configFor(target, timeoutMs).relier;
  if (!config) throw new Error('no relier config');
  return new RelierAdapter({ ...config, ...changes }, runtimeFor(logger));
}

beforeAll(async () => {
  sandbox = await startFast('relier', { dailyLimitMxn: 1_000 });
  relier = adapterFor(sandbox, 3_000);
});
afterEach(() => sandbox.control.clearFaults());
afterAll(() => sandbox.close());

describe('Relier adapter against its sandbox', () => {
  it('reads health and the USD balance with its credit limit', async () => {
    expect(await relier.health()).toEqual({ ok: true, value: { ok: true } });
    const balance = await relier.balance();
    expect(balance.ok && balance.value.balance.currency).toBe('USD');
    expect(balance.ok && balance.value.creditLimit?.minor).toBeGreaterThan(0);
  });

  it('sells synchronously: 50 MXN costs 2.94 USD at 17.0068, deducted from the balance', async () => {
    const before = await relier.balance();
    const result = await relier.topup(sale());
    expect(result).toMatchObject({
      ok: true,
      value: { state: 'succeeded', amount: { minor: 5000, currency: 'MXN' }, cost: { minor: 294, currency: 'USD' }, exchangeRate: '17.0068' },
    });
    expect(result.ok && result.value.operatorTransactionId).toMatch(/^RLR\d+/);
    const after = await relier.balance();
    expect(before.ok && after.ok && before.value.balance.minor - after.value.balance.minor).toBe(294);
  });

  it('sells asynchronously by default: PENDING at once, then SUCCESS by transaction id', async () => {
    const result = await relier.topup(sale({ preferAsync: undefined }));
    expect(result).toMatchObject({ ok: true, value: { state: 'pending', amount: { minor: 5000, currency: 'MXN' } } });
    const id = result.ok ? result.value.providerTransactionId : undefined;
    const settled = await eventually(() => relier.status({ providerTransactionId: id }), (status) => status.ok && status.value.state !== 'pending');
    expect(settled).toMatchObject({ ok: true, value: { state: 'succeeded', providerTransactionId: id, cost: { minor: 294, currency: 'USD' } } });
    expect(settled.ok && 'operatorTransactionId' in settled.value && settled.value.operatorTransactionId).toMatch(/^RLR/);
  });

  it('honours the test numbers: 5500000000 succeeds, 5500000001 fails (async status FAILED, sync 500)', async () => {
    expect(await relier.topup(sale({ phone: RELIER_TEST_NUMBERS.alwaysSucceeds }))).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    const queued = await relier.topup(sale({ phone: RELIER_TEST_NUMBERS.alwaysFails, preferAsync: true }));
    const id = queued.ok ? queued.value.providerTransactionId : undefined;
    const final = await eventually(() => relier.status({ providerTransactionId: id }), (status) => status.ok && status.value.state !== 'pending');
    expect(final).toMatchObject({ ok: true, value: { state: 'failed', failure: { outcomeKnown: true } } });
    const sync = await relier.topup(sale({ phone: RELIER_TEST_NUMBERS.alwaysFails }));
    expect(sync).toMatchObject({ ok: false, error: { code: 'provider_error', outcomeKnown: false, retrySameKeySafe: false, httpStatus: 500 } });
  });

  it('reports an unknown transaction id as not_found', async () => {
    expect(await relier.status({ providerTransactionId: 'RLR0' })).toEqual({ ok: true, value: { state: 'not_found' } });
  });

  it('refuses out-of-range amounts and other currencies before sending, and the sandbox answers 400 too', async () => {
    expect(await relier.topup(sale({ amount: moneyFromMajor(9, 'MXN') }))).toMatchObject({ ok: false, error: { code: 'invalid_input', outcomeKnown: true } });
    expect(await relier.topup(sale({ amount: moneyFromMajor(5, 'USD') }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const raw = await fetch(`${sandbox.url}/api/enviadespensa/topup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': sandbox.credentials.apiKey ?? '', 'x-customer-id': sandbox.credentials.customerId ?? '' },
      body: JSON.stringify({ phone: '55123', amount: 501 }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ success: false, error: 'Validation failed' });
  });

  it('classifies 401 as bad_credentials', async () => {
    const wrong = adapterFor(sandbox, 3_000, { apiKey: 'sandbox-wrong' });
    expect(await wrong.balance()).toMatchObject({ ok: false, error: { code: 'bad_credentials', httpStatus: 401 } });
  });

  it('classifies 403 as insufficient_balance', async () => {
    const poor = await startFast('relier', { startingBalanceUsd: 1 });
    try {
      const adapter = adapterFor(poor);
      expect(await adapter.topup(sale({ amount: moneyFromMajor(100, 'MXN') }))).toMatchObject({
        ok: false,
        error: { code: 'insufficient_balance', outcomeKnown: true, httpStatus: 403 },
      });
    } finally {
      await poor.close();
    }
  });

  it('tells the daily limit from the rate limit although both are 429', async () => {
    const phone = '5511110000';
    expect(await relier.topup(sale({ phone, amount: moneyFromMajor(500, 'MXN') }))).toMatchObject({ ok: true });
    expect(await relier.topup(sale({ phone, amount: moneyFromMajor(500, 'MXN') }))).toMatchObject({ ok: true });
    expect(await relier.topup(sale({ phone, amount: moneyFromMajor(10, 'MXN') }))).toMatchObject({
      ok: false,
      error: { code: 'daily_limit', outcomeKnown: true, httpStatus: 429 },
    });

    const limited = await startFast('relier', { rateWindowScale: 1 });
    try {
      const headers = { 'content-type': 'application/json', 'x-api-key': limited.credentials.apiKey ?? '', 'x-customer-id': limited.credentials.customerId ?? '' };
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          fetch(`${limited.url}/api/enviadespensa/topup-async`, { method: 'POST', headers, body: JSON.stringify({ phone: `55${String(index).padStart(8, '0')}`, amount: 10 }) }),
        ),
      );
      // Only 200s and 429s: a stray request from another process that reused a freed port may take one slot.
      expect(answers.every((answer) => answer.status === 200 || answer.status === 429)).toBe(true);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(190);
      const result = await adapterFor(limited).topup(sale());
      expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited', outcomeKnown: true, httpStatus: 429 } });
      expect(!result.ok && result.error.retryAt).toBeGreaterThan(Date.now());
    } finally {
      await limited.close();
    }
  });

  it('exports the reconciliation CSV with its own key and finds a lost answer by reference', async () => {
    const request = sale();
    sandbox.control.setFaults([{ kind: 'reset_after_commit', path: '/api/enviadespensa/topup', count: 1 }]);
    const lost = await relier.topup(request);
    expect(lost).toMatchObject({ ok: false, error: { code: 'outcome_unknown', outcomeKnown: false, retrySameKeySafe: false } });
    const today = new Date().toISOString().slice(0, 10);
    const rows = await relier.reconcile(today, today);
    expect(rows.ok && rows.value.find((row) => row.reference === request.reference)).toMatchObject({
      state: 'succeeded',
      amount: { minor: 5000, currency: 'MXN' },
      cost: { minor: 294, currency: 'USD' },
      phone: '5512345678',
    });
    expect(await relier.status({ reference: request.reference })).toMatchObject({ ok: true, value: { state: 'succeeded' } });
    expect(await relier.status({ reference: 'never-sent' })).toEqual({ ok: true, value: { state: 'not_found' } });
    const deliveries = sandbox.control.records().deliveries.filter((delivery) => delivery.reference === request.reference);
    expect(deliveries).toHaveLength(1);
  });

  it('needs the reconcile key, not the API key, for the export', async () => {
    const wrong = adapterFor(sandbox, 3_000, { reconcileKey: sandbox.credentials.apiKey ?? '' });
    expect(await wrong.reconcile('2025-10-01', '2025-10-31')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(await relier.reconcile('2025-10-1', '2025-10-31')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves carriers and an open-amount catalog from the document (no endpoint)', async () => {
    const carriers = await relier.carriers('MX');
    expect(carriers.ok && carriers.value.map((carrier) => carrier.name)).toEqual(['Telcel', 'Movistar', 'AT&T', 'Unefon', 'Virgin']);
    expect(await relier.catalog('MX', 'telcel')).toMatchObject({ ok: true, value: [{ carrier: 'Telcel', min: { minor: 1000 }, max: { minor: 50000 } }] });
    expect(await relier.carriers('HN')).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});

describe('Relier faults, classified by the taxonomy', () => {
  it('a timeout on a sale is outcome_unknown and not safe to resend (no idempotency)', async () => {
    sandbox.control.setFaults([{ kind: 'timeout', count: 1 }]);
    const result = await adapterFor(sandbox, 250).topup(sale());
    expect(result).toMatchObject({ ok: false, error: { code: 'outcome_unknown', outcomeKnown: false, retrySameKeySafe: false } });
  });

  it('a reset before commit is still unknown to the client and delivers nothing', async () => {
    const request = sale();
    sandbox.control.setFaults([{ kind: 'reset_before_commit', count: 1 }]);
    expect(await relier.topup(request)).toMatchObject({ ok: false, error: { code: 'outcome_unknown', outcomeKnown: false } });
    expect(sandbox.control.records().deliveries.some((delivery) => delivery.reference === request.reference)).toBe(false);
  });

  it('a 5xx is provider_error with the outcome unknown', async () => {
    sandbox.control.setFaults([{ kind: 'server_error', status: 503, count: 1 }]);
    expect(await relier.topup(sale())).toMatchObject({ ok: false, error: { code: 'provider_error', outcomeKnown: false, retrySameKeySafe: false, httpStatus: 503 } });
  });

  it('malformed JSON on a 200 top-up is unexpected_response, outcome unknown, and logged', async () => {
    const before = logger.entries.length;
    sandbox.control.setFaults([{ kind: 'malformed_json', count: 1 }]);
    expect(await relier.topup(sale())).toMatchObject({ ok: false, error: { code: 'unexpected_response', outcomeKnown: false } });
    expect(logger.entries.length).toBe(before + 1);
  });

  it('malformed JSON on a read is unexpected_response with the outcome known', async () => {
    sandbox.control.setFaults([{ kind: 'malformed_json', count: 1 }]);
    expect(await relier.balance()).toMatchObject({ ok: false, error: { code: 'unexpected_response', outcomeKnown: true } });
  });

  it('phone-scoped faults hit only that number; latency slows without failing', async () => {
    sandbox.control.setFaults([
      { kind: 'server_error', phone: '5599999999' },
      { kind: 'latency', latencyMs: [40, 60] },
    ]);
    const started = Date.now();
    expect(await relier.topup(sale())).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(await relier.topup(sale({ phone: '5599999999' }))).toMatchObject({ ok: false, error: { code: 'provider_error' } });
  });

  it('an anti-fraud duplicate answer is possible_duplicate: check, never resell', async () => {
    sandbox.control.setFaults([{ kind: 'possible_duplicate', count: 1 }]);
    expect(await relier.topup(sale())).toMatchObject({ ok: false, error: { code: 'possible_duplicate', outcomeKnown: false, retrySameKeySafe: false } });
  });

  it('a refused connection is known not to have been sent', async () => {
    const adapter = new RelierAdapter({ baseUrl: REFUSING_URL, apiKey: 'k', customerId: 'c' }, runtimeFor(logger));
    expect(await adapter.topup(sale())).toMatchObject({ ok: false, error: { code: 'provider_error', outcomeKnown: true, notSent: true } });
  });

  it('goes offline and comes back on the same port', async () => {
    const flaky = await startOnQuietPort('relier');
    try {
      const adapter = adapterFor(flaky);
      await flaky.control.setOffline(true);
      expect(await adapter.balance()).toMatchObject({ ok: false, error: { notSent: true } });
      await flaky.control.setOffline(false);
      expect(await adapter.balance()).toMatchObject({ ok: true });
    } finally {
      await flaky.close();
    }
  });
});
