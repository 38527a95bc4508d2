/**
 * The control plane under /__sandbox/, used over HTTP as a test in another process would. Nothing here sleeps
 * for a guessed time: each test polls, with a deadline, for what a person would wait to see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromMajor } from '../../shared/money';
import { MobiSendAdapter } from '../../electron/core/providers/mobisend';
import type { RunningSandbox, SandboxRecords } from '../../electron/sandbox/index';
import { RecordingLogger, configFor, runtimeFor, startFast, startOnQuietPort } from './helpers';

let sandbox: RunningSandbox;
let adapter: MobiSendAdapter;
const control = (path: string, body?: unknown): Promise<Response> =>
  fetch(`${sandbox.url}/__sandbox/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const sale = (key: string, phone = '5512345678') => ({ idempotencyKey: key, reference: key, phone, country: 'MX', amount: moneyFromMajor(50, 'MXN') });

beforeAll(async () => {
  sandbox = await startOnQuietPort('mobisend', { idempotencyTtlMs: 100 });
  const config = configFor(sandbox, 3_000).mobisend;
  if (!config) throw new Error('no config');
  adapter = new MobiSendAdapter(config, runtimeFor(new RecordingLogger()));
});
afterAll(() => sandbox.close());

describe('sandbox control plane over HTTP', () => {
  it('sets faults for the next N requests of a phone, records every delivery, clears and resets', async () => {
    expect((await control('faults', { faults: [{ kind: 'server_error', status: 502, count: 2, phone: '5511112222' }] })).status).toBe(200);
    expect(await adapter.topup(sale('c-1', '5511112222'))).toMatchObject({ ok: false, error: { httpStatus: 502 } });
    expect(await adapter.topup(sale('c-2'))).toMatchObject({ ok: true });
    expect(await adapter.topup(sale('c-3', '5511112222'))).toMatchObject({ ok: false, error: { httpStatus: 502 } });
    expect(await adapter.topup(sale('c-4', '5511112222'))).toMatchObject({ ok: true });

    const records = (await (await control('records')).json()) as SandboxRecords;
    expect(records.deliveries.map((delivery) => delivery.idempotencyKey)).toEqual(['c-2', 'c-4']);
    expect(records.requests.filter((request) => request.fault === 'server_error')).toHaveLength(2);

    await control('faults', [{ kind: 'malformed_json' }]);
    expect(((await (await control('faults')).json()) as { faults: unknown[] }).faults).toHaveLength(1);
    await control('faults/clear', {});
    expect(await adapter.balance()).toMatchObject({ ok: true });
    expect((await control('faults', { kind: 'no-such-fault' })).status).toBe(400);

    await control('reset', {});
    expect(((await (await control('records')).json()) as SandboxRecords).deliveries).toHaveLength(0);
    expect(await adapter.status({ providerTransactionId: records.deliveries[0]?.transactionId })).toEqual({ ok: true, value: { state: 'not_found' } });
  });

  it('replays an Idempotency-Key only within its window (24 h by default, 100 ms here)', async () => {
    const first = await adapter.topup(sale('ttl-1'));
    expect(first.ok).toBe(true);
    const firstId = first.ok ? first.value.providerTransactionId : undefined;
    expect(await adapter.topup(sale('ttl-1'))).toEqual(first);
    // Once the window has passed, the same key is a new sale with its own transaction.
    const transactionOfRetry = async () => {
      const retry = await adapter.topup(sale('ttl-1'));
      return retry.ok ? retry.value.providerTransactionId : undefined;
    };
    await expect.poll(transactionOfRetry, { timeout: 2_000, interval: 20 }).not.toBe(firstId);
  });

  it('goes offline for a while over HTTP and refuses connections meanwhile', async () => {
    const balanceAnswer = async () => {
      const answer = await adapter.balance();
      return answer.ok ? 'answered' : answer.error.code === 'provider_error' && answer.error.notSent ? 'refused' : `failed: ${answer.error.code}`;
    };
    expect((await control('offline', { forMs: 600 })).status).toBe(200);
    await expect.poll(balanceAnswer, { timeout: 500, interval: 10 }).toBe('refused');
    await expect.poll(balanceAnswer, { timeout: 5_000, interval: 25 }).toBe('answered');
  });

  it('answers 429 on scaled rate windows, and recovers when the window passes', async () => {
    const fast = await startFast('mobisend', { rateWindowScale: 0.02 });
    try {
      const headers = { 'x-api-key': fast.credentials.apiKey ?? '' };
      const statuses = await Promise.all(Array.from({ length: 121 }, () => fetch(`${fast.url}/balance`, { headers }).then((answer) => answer.status)));
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      // The window is 1.2 s at this scale: the sandbox answers again once it has passed.
      await expect.poll(async () => (await fetch(`${fast.url}/balance`, { headers })).status, { timeout: 5_000, interval: 100 }).toBe(200);
    } finally {
      await fast.close();
    }
  });
});
