/**
 * Pacing made visible (issue 15): while a provider's client-side rate limiter holds requests back, the
 * connectivity snapshot and event say until when; when the wait is over, they say it is not paced. Status
 * checks the counter is waiting on go before background polls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Connectivity } from '../../shared/contract/sales';
import { createProviderRateLimiters, type ProviderRateLimiters } from '../../electron/core/providers/rate-limiter';
import type { StatusQuery } from '../../electron/core/providers/types';
import { FakeAdapter, harness, ok, sellInput, type Harness } from './fakes';

const open: Harness[] = [];
function make(...args: Parameters<typeof harness>): Harness {
  const h = harness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

class PacedAdapter extends FakeAdapter {
  // Relier's documented windows, a minute shrunk to 300 ms so the wait ends within the test.
  readonly rateLimits: ProviderRateLimiters = createProviderRateLimiters('relier', { timeScale: 0.005 });
}

function relierPacing(snapshot: Connectivity): string | null | undefined {
  return snapshot.providers.find((provider) => provider.id === 'relier')?.pacedUntil;
}

describe('pacing is visible', () => {
  it('says until when a provider is paced, in connectivity.get and connectivity.changed, and clears when it ends', async () => {
    const relier = new PacedAdapter('relier');
    const h = make([relier]);
    expect(relierPacing(await h.module.handlers['connectivity.get']({}, { host: 'test' }))).toBeNull();

    // 200 top-ups a minute: the 200th fills the window.
    while (relier.rateLimits.topup.tryAcquire()) {
      /* fill the window */
    }
    const before = Date.now();
    await h.module.service.sell(sellInput());
    const paced = relierPacing(await h.module.handlers['connectivity.get']({}, { host: 'test' }));
    expect(paced).toBeTruthy();
    expect(Date.parse(paced ?? '')).toBeGreaterThan(before);
    const announced = h.events.filter((event) => event.name === 'connectivity.changed').map((event) => relierPacing(event.payload as Connectivity));
    // The event said the same wait (the limiter's clock moves by a millisecond or two between readings).
    expect(Math.abs(Date.parse(announced.at(-1) ?? '') - Date.parse(paced ?? ''))).toBeLessThan(1000);

    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(relierPacing(await h.module.handlers['connectivity.get']({}, { host: 'test' }))).toBeNull();
    const after = h.events.filter((event) => event.name === 'connectivity.changed').map((event) => relierPacing(event.payload as Connectivity));
    expect(after.at(-1)).toBeNull();
  });

  it("while a provider is paced, background polls wait and only the counter's status checks queue for its next slot", async () => {
    const relier = new PacedAdapter('relier', () => ok({ state: 'pending', providerTransactionId: `RLR-${Math.random()}` }));
    const h = make([relier]);
    const waiting = await h.module.service.sell(sellInput());
    const other = await h.module.service.sell(sellInput());
    expect([waiting.state, other.state]).toEqual(['pending', 'pending']);
    const asked: string[] = [];
    relier.status = async (query: StatusQuery) => {
      asked.push(query.reference ?? '');
      return { ok: true, value: { state: 'pending' } };
    };
    // Not paced: a background poll asks at once.
    await h.module.sender.resolve(other.id, 'background');
    expect(asked).toEqual([other.id]);

    while (relier.rateLimits.request.tryAcquire()) {
      /* spend the shared request budget */
    }
    await h.module.sender.resolve(other.id, 'background');
    expect(asked).toEqual([other.id]);
    // The counter's check is the one that asks (the fake does not wait for the slot; the real adapters do).
    await h.module.sender.resolve(waiting.id, 'counter');
    expect(asked).toEqual([other.id, waiting.id]);
  });
});
