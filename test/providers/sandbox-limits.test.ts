/**
 * The sandboxes enforce the rate limits their providers document (Relier: 200 top-ups a minute and 300 API
 * requests per 15 minutes, a top-up counting against both; MobiSend: 120 requests a minute), counted by the
 * sandbox itself, so a client that paces too fast meets the provider's 429 with a Retry-After.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../electron/sandbox/index';
import { admit, SlidingWindow } from '../../electron/sandbox/rate-limits';
import { startFast } from './helpers';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** Sends `count` requests one after another and returns their HTTP statuses in order. */
async function statusesOf(count: number, send: (index: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await send(index)).status);
  return statuses;
}

describe('the sandboxes’ own documented rate limits', () => {
  it('Relier: the 201st top-up within a minute is refused; top-ups count toward the 300 requests per 15 minutes', async () => {
    const relier = (sandbox = await startFast('relier', { rateWindowScale: 1 }));
    const headers = { 'content-type': 'application/json', 'x-api-key': relier.credentials.apiKey ?? '', 'x-customer-id': relier.credentials.customerId ?? '' };
    const topup = (index: number) =>
      fetch(`${relier.url}/api/enviadespensa/topup-async`, { method: 'POST', headers, body: JSON.stringify({ phone: `55${String(index).padStart(8, '0')}`, amount: 10 }) });
    const balance = () => fetch(`${relier.url}/api/balance`, { headers });

    expect(await statusesOf(200, topup)).toEqual(Array.from({ length: 200 }, () => 200));
    const refused = await topup(200);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // 200 top-ups already spent 200 of the 300 requests: 100 balance reads fit, the next one does not.
    expect(await statusesOf(100, balance)).toEqual(Array.from({ length: 100 }, () => 200));
    expect((await balance()).status).toBe(429);
  });

  it('MobiSend: the 121st request within a minute is refused with a Retry-After', async () => {
    const mobisend = (sandbox = await startFast('mobisend', { rateWindowScale: 1 }));
    const balance = () => fetch(`${mobisend.url}/balance`, { headers: { 'x-api-key': mobisend.credentials.apiKey ?? '' } });

    expect(await statusesOf(120, balance)).toEqual(Array.from({ length: 120 }, () => 200));
    const refused = await balance();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('a full window opens again once its oldest request is a window old, and a refusal takes no slot', () => {
    const perMinute = new SlidingWindow(2, 60_000);
    expect(admit([perMinute], 0)).toEqual({ admitted: true });
    expect(admit([perMinute], 10_000)).toEqual({ admitted: true });
    expect(admit([perMinute], 30_000)).toEqual({ admitted: false, retryAfterSeconds: 30 });
    expect(admit([perMinute], 59_999)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(admit([perMinute], 60_000)).toEqual({ admitted: true });
    expect(admit([perMinute], 69_999)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(admit([perMinute], 70_000)).toEqual({ admitted: true });
  });

  it('a request counted against two windows is refused when either is full, and then takes a slot in neither', () => {
    const wide = new SlidingWindow(3, 60_000);
    const narrow = new SlidingWindow(1, 1_000);
    expect(admit([wide, narrow], 0)).toEqual({ admitted: true });
    expect(admit([wide, narrow], 500)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(admit([wide], 600)).toEqual({ admitted: true });
    expect(admit([wide, narrow], 1_000)).toEqual({ admitted: true });
    expect(admit([wide], 1_100)).toEqual({ admitted: false, retryAfterSeconds: 59 });
  });
});
