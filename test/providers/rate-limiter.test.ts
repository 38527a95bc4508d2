import { describe, expect, it } from 'vitest';
import { RateLimiter, createProviderRateLimiters } from '../../electron/core/providers/rate-limiter';

function clock(start = 0): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('rate limiter', () => {
  it('allows the limit within a sliding window, then frees slots as they age out', () => {
    const time = clock();
    const limiter = RateLimiter.fromSpecs([{ limit: 3, windowMs: 1_000 }], { now: time.now });
    expect([limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire()]).toEqual([true, true, true, false]);
    expect(limiter.nextFreeAt()).toBe(1_000);
    time.advance(999);
    expect(limiter.tryAcquire()).toBe(false);
    time.advance(1);
    expect(limiter.tryAcquire()).toBe(true);
  });

  it('Relier: a top-up counts against 200/min and 300/15 min; a read only against the latter', () => {
    const time = clock();
    const relier = createProviderRateLimiters('relier', { now: time.now });
    let topups = 0;
    while (relier.topup.tryAcquire()) topups += 1;
    expect(topups).toBe(200);
    let reads = 0;
    while (relier.request.tryAcquire()) reads += 1;
    expect(reads).toBe(100);
    time.advance(60_000);
    expect(relier.topup.tryAcquire()).toBe(false);
    time.advance(14 * 60_000);
    expect(relier.topup.tryAcquire()).toBe(true);
  });

  it('MobiSend: 120 requests a minute; Liquido documents none', () => {
    const time = clock();
    const mobisend = createProviderRateLimiters('mobisend', { now: time.now });
    let count = 0;
    while (mobisend.topup.tryAcquire()) count += 1;
    expect(count).toBe(120);
    expect(mobisend.request.tryAcquire()).toBe(false);
    const liquido = createProviderRateLimiters('liquido', { now: time.now });
    expect(Array.from({ length: 1_000 }, () => liquido.topup.tryAcquire()).every(Boolean)).toBe(true);
  });

  it('acquire() waits for a slot, in order, with windows scaled down', async () => {
    const limiter = RateLimiter.fromSpecs([{ limit: 2, windowMs: 60_000 }], { timeScale: 0.001 });
    const started = Date.now();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limiter.acquire().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('acquire() gives up when its signal aborts', async () => {
    const limiter = RateLimiter.fromSpecs([{ limit: 1, windowMs: 60_000 }]);
    limiter.tryAcquire();
    await expect(limiter.acquire(AbortSignal.timeout(20))).rejects.toThrow();
  });
});
