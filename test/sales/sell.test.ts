import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { SaleSchema } from '../../shared/contract/sales';
import { writeSetting } from '../../electron/core/settings/store';
import { ROUTING_POLICY_KEY, OFFLINE_POLICY_KEY, mayQueue, DEFAULT_OFFLINE_POLICY, providerOrder, DEFAULT_ROUTING_POLICY } from '../../electron/core/sales/policy';
import { shiftIdFor } from '../../electron/core/sales/service';
import { PRICING_SETTING_KEY } from '../../electron/core/sales/pricing-settings';
import { FakeAdapter, err, harness, refused, sellInput, success, timeout, ok, type Harness } from './fakes';

const open: Harness[] = [];
function make(...args: Parameters<typeof harness>): Harness {
  const h = harness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

describe('selling online', () => {
  it('records the sale and its attempt before the request leaves, then answers with the outcome', async () => {
    let seenBeforeSend: { state: string; attempts: number; outcome: string | null } | null = null;
    const relier = new FakeAdapter('relier', (request) => {
      // Another connection sees the committed sale while the request is in flight.
      const other = new BetterSqlite3(join(h.dir, 'saldo.sqlite'), { readonly: true });
      const sale = other.prepare('SELECT state, attempts FROM sales WHERE id = ?').get(request.reference) as { state: string; attempts: number };
      const attempt = other.prepare('SELECT outcome, idempotency_key FROM attempts WHERE sale_id = ?').get(request.reference) as { outcome: string | null; idempotency_key: string };
      other.close();
      expect(attempt.idempotency_key).toBe(request.idempotencyKey);
      seenBeforeSend = { ...sale, outcome: attempt.outcome };
      return success('RLR1');
    });
    const h = make([relier]);
    const sale = await h.module.handlers['sales.sell'](sellInput(), { host: 'test' });
    expect(SaleSchema.parse(sale)).toEqual(sale);
    expect(seenBeforeSend).toEqual({ state: 'sending', attempts: 1, outcome: null });
    expect(sale).toMatchObject({
      state: 'succeeded',
      provider: 'relier',
      price: { minor: 5000, currency: 'MXN' },
      cost: { minor: 294, currency: 'USD' },
      exchangeRate: '17.0068',
      providerTransactionId: 'RLR1',
      operatorTransactionId: 'OP-RLR1',
      cashierId: 'u-cashier',
      attempts: 1,
    });
    expect(sale.shiftId).toBe(shiftIdFor('u-cashier', Date.parse(sale.createdAt)));
    const { events } = await h.module.handlers['sales.get']({ id: sale.id }, { host: 'test' });
    expect(events.map((event) => event.toState)).toEqual(['created', 'sending', 'succeeded']);
    expect(h.module.ledger.attempts(sale.id)[0]?.outcome).toBe('succeeded');
    expect(h.events.filter((event) => event.name === 'sale.changed').length).toBeGreaterThanOrEqual(2);
    expect(h.module.ledger.verify().ok).toBe(true);
  });

  it('a repeated requestId (double tap) returns the same sale and sends once', async () => {
    const relier = new FakeAdapter('relier', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return success();
    });
    const h = make([relier]);
    const input = sellInput();
    const [a, b] = await Promise.all([h.module.service.sell(input), h.module.service.sell(input)]);
    const c = await h.module.service.sell(input);
    expect(a.id).toBe(b.id);
    expect(c.id).toBe(a.id);
    expect(relier.topups).toHaveLength(1);
    expect(h.module.ledger.list()).toHaveLength(1);
  });

  it('refuses to sell without a signed-in cashier', async () => {
    const h = make([new FakeAdapter('relier')]);
    h.module.service['deps'].session.signOut();
    await expect(h.module.service.sell(sellInput())).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(h.module.ledger.list()).toHaveLength(0);
  });

  it('passes back pending and unknown outcomes as they are', async () => {
    const pending = make([new FakeAdapter('relier', () => ok({ state: 'pending', providerTransactionId: 'RLR9' }))]);
    expect(await pending.module.service.sell(sellInput())).toMatchObject({ state: 'pending', providerTransactionId: 'RLR9' });
    const unknown = make([new FakeAdapter('relier', () => timeout())]);
    expect(await unknown.module.service.sell(sellInput())).toMatchObject({ state: 'unknown', failureCode: 'outcome_unknown' });
  });
});

describe('routing and failover', () => {
  it('follows the owner priority per country and carrier', async () => {
    expect(providerOrder(DEFAULT_ROUTING_POLICY, 'MX', 'Telcel')).toEqual(['relier', 'mobisend', 'liquido']);
    const relier = new FakeAdapter('relier');
    // Limited to MX and HN so that no provider here covers Peru (the real MobiSend does).
    const mobisend = new FakeAdapter('mobisend', undefined, { countries: ['MX', 'HN'] });
    const h = make([relier, mobisend]);
    writeSetting(h.db, ROUTING_POLICY_KEY, { countries: { MX: { default: ['relier', 'mobisend'], carriers: { 'at&t': ['mobisend', 'relier'] } } }, fallback: ['mobisend'] });
    // Issue 14: a top-up priced in USD is charged in pesos at the owner's rate, which must be set to sell abroad.
    writeSetting(h.db, PRICING_SETTING_KEY, { default: { rate: '18.50', markupPercent: '5' }, byCountry: [] });
    expect((await h.module.service.sell(sellInput({ carrier: 'AT&T' }))).provider).toBe('mobisend');
    expect((await h.module.service.sell(sellInput({ carrier: 'Telcel' }))).provider).toBe('relier');
    expect((await h.module.service.sell(sellInput({ carrier: 'Telcel', provider: 'mobisend' }))).provider).toBe('mobisend');
    expect((await h.module.service.sell(sellInput({ country: 'HN', carrier: 'Tigo', phone: '98765432', amount: { minor: 500, currency: 'USD' } }))).provider).toBe('mobisend');
    await expect(h.module.service.sell(sellInput({ country: 'PE', carrier: 'Bitel', phone: '987654321', amount: { minor: 500, currency: 'USD' } }))).rejects.toMatchObject({ code: 'no_provider' });
  });

  it('routes SKU sales to the provider whose catalog has the SKU, priced from the catalog', async () => {
    const liquido = new FakeAdapter('liquido');
    const h = make([new FakeAdapter('relier'), liquido]);
    h.module.cache.replaceCatalog('liquido', 'MX', [{ sku: 'TAE030', name: 'Telcel 30', carrier: 'Telcel', country: 'MX', type: 'topup', amount: { minor: 3000, currency: 'MXN' } }], new Date().toISOString());
    const sale = await h.module.service.sell(sellInput({ amount: undefined, sku: 'TAE030' }));
    expect(sale).toMatchObject({ provider: 'liquido', sku: 'TAE030', price: { minor: 3000, currency: 'MXN' }, state: 'succeeded' });
    expect(liquido.topups[0]).toMatchObject({ sku: 'TAE030' });
    await expect(h.module.service.sell(sellInput({ amount: undefined, sku: 'NOPE' }))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('fails over when the first provider provably did not process the sale, under a new key', async () => {
    const relier = new FakeAdapter('relier', () => err({ code: 'insufficient_balance', httpStatus: 403 }));
    const mobisend = new FakeAdapter('mobisend');
    const h = make([relier, mobisend]);
    const sale = await h.module.service.sell(sellInput());
    expect(sale).toMatchObject({ state: 'succeeded', provider: 'mobisend', attempts: 2 });
    const attempts = h.module.ledger.attempts(sale.id);
    expect(attempts.map((attempt) => [attempt.provider, attempt.outcome])).toEqual([
      ['relier', 'not_processed'],
      ['mobisend', 'succeeded'],
    ]);
    expect(attempts[0]?.idempotencyKey).not.toBe(attempts[1]?.idempotencyKey);
    expect(h.module.ledger.events(sale.id).map((event) => event.toState)).toEqual(['created', 'sending', 'queued', 'sending', 'succeeded']);
  });

  it('fails over on a provider-reported failure, but never on a rejected number', async () => {
    const h = make([new FakeAdapter('relier', () => ok({ state: 'failed', failure: { code: 'provider_error', message: 'processing failed', outcomeKnown: true, retrySameKeySafe: false } })), new FakeAdapter('mobisend')]);
    expect(await h.module.service.sell(sellInput())).toMatchObject({ state: 'succeeded', provider: 'mobisend' });
    const mobisend = new FakeAdapter('mobisend');
    const rejected = make([new FakeAdapter('relier', () => err({ code: 'number_rejected' })), mobisend]);
    // The cashier charged before sending: a rejection at the counter is owed back at once.
    expect(await rejected.module.service.sell(sellInput())).toMatchObject({ state: 'refund_due', failureCode: 'number_rejected', provider: 'relier' });
    expect(mobisend.topups).toHaveLength(0);
  });

  it('never fails over, nor re-sends, when the outcome is unknown', async () => {
    const relier = new FakeAdapter('relier', () => timeout());
    const mobisend = new FakeAdapter('mobisend');
    const h = make([relier, mobisend]);
    const sale = await h.module.service.sell(sellInput());
    expect(sale).toMatchObject({ state: 'unknown', provider: 'relier' });
    expect(mobisend.topups).toHaveLength(0);
    expect(relier.topups).toHaveLength(1);
    // A thrown adapter error is an unknown outcome too.
    const thrower = make([new FakeAdapter('relier', () => { throw new Error('boom'); }), new FakeAdapter('mobisend')]);
    expect(await thrower.module.service.sell(sellInput())).toMatchObject({ state: 'unknown' });
  });
});

describe('the offline policy', () => {
  it('defaults: on, at most 500 MXN a sale, 5,000 MXN queued, 24 h', () => {
    expect(DEFAULT_OFFLINE_POLICY).toEqual({ enabled: true, maxSale: { minor: 50_000, currency: 'MXN' }, maxQueuedTotal: { minor: 500_000, currency: 'MXN' }, maxAgeMs: 86_400_000 });
    const zero = { minor: 0, currency: 'MXN' };
    expect(mayQueue(DEFAULT_OFFLINE_POLICY, { minor: 50_000, currency: 'MXN' }, zero)).toEqual({ allowed: true });
    expect(mayQueue(DEFAULT_OFFLINE_POLICY, { minor: 50_001, currency: 'MXN' }, zero).allowed).toBe(false);
    expect(mayQueue(DEFAULT_OFFLINE_POLICY, { minor: 10_000, currency: 'MXN' }, { minor: 490_001, currency: 'MXN' }).allowed).toBe(false);
    expect(mayQueue(DEFAULT_OFFLINE_POLICY, { minor: 10_000, currency: 'MXN' }, { minor: 490_000, currency: 'MXN' }).allowed).toBe(true);
    expect(mayQueue({ ...DEFAULT_OFFLINE_POLICY, enabled: false }, { minor: 100, currency: 'MXN' }, zero).allowed).toBe(false);
    expect(mayQueue(DEFAULT_OFFLINE_POLICY, { minor: 100, currency: 'USD' }, zero).allowed).toBe(false);
  });

  it('queues a sale when no provider is reachable', async () => {
    const relier = new FakeAdapter('relier', () => refused());
    const mobisend = new FakeAdapter('mobisend', () => refused());
    const h = make([relier, mobisend]);
    const sale = await h.module.service.sell(sellInput());
    expect(sale).toMatchObject({ state: 'queued', provider: 'relier' });
    expect(h.module.connectivity.snapshot().online).toBe(false);
    // Now known offline: the next sale is queued at once, without trying.
    const second = await h.module.service.sell(sellInput());
    expect(second.state).toBe('queued');
    expect(relier.topups).toHaveLength(1);
    expect(await h.module.handlers['queue.status']({}, { host: 'test' })).toMatchObject({ queued: 2, queuedTotal: { minor: 10_000, currency: 'MXN' } });
  });

  it('refuses with offline_not_allowed over the per-sale limit, over the total, or when switched off', async () => {
    const h = make([new FakeAdapter('relier', () => refused())]);
    await h.module.service.sell(sellInput({ amount: { minor: 40_000, currency: 'MXN' } }));
    const tooBig = sellInput({ amount: { minor: 50_100, currency: 'MXN' } });
    const error = await h.module.service.sell(tooBig).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'offline_not_allowed' });
    expect((error as AppError).message).toMatch(/500\.00 MXN each/);
    // The cap that refused it, for the counter to name in the cashier's language: 500.00 MXN per sale.
    expect((error as AppError).issues).toEqual(['maxSale: 50000 MXN']);
    expect(h.module.ledger.byRequestId(tooBig.requestId)).toBeNull();
    for (let i = 0; i < 11; i += 1) await h.module.service.sell(sellInput({ amount: { minor: 40_000, currency: 'MXN' } }));
    await expect(h.module.service.sell(sellInput({ amount: { minor: 40_000, currency: 'MXN' } }))).rejects.toMatchObject({ code: 'offline_not_allowed', issues: ['maxQueuedTotal: 500000 MXN'] });
    expect(h.module.ledger.totalInStates(['queued'], 'MXN').minor).toBe(480_000);

    const off = make([new FakeAdapter('relier', () => refused())]);
    writeSetting(off.db, OFFLINE_POLICY_KEY, { enabled: false });
    const input = sellInput();
    // It was recorded (and charged) before the provider was found unreachable: it answers owed back, with the reason.
    expect(await off.module.service.sell(input)).toMatchObject({ state: 'refund_due', failureCode: 'offline_not_allowed' });
    expect(off.module.ledger.events(off.module.ledger.byRequestId(input.requestId)?.id ?? '').map((event) => event.toState)).toEqual(['created', 'sending', 'failed', 'refund_due']);
    // Now known offline: the next one is refused before anything is recorded.
    const next = sellInput();
    await expect(off.module.service.sell(next)).rejects.toMatchObject({ code: 'offline_not_allowed' });
    expect(off.module.ledger.byRequestId(next.requestId)).toBeNull();
  });
});

describe('queued sales: drain, expiry, refunds', () => {
  it('drains oldest first and fails over queued sales to a reachable provider', async () => {
    let relierUp = false;
    const relier = new FakeAdapter('relier', () => (relierUp ? success() : refused()));
    const h = make([relier], { sync: { preferAsync: false } });
    const a = await h.module.service.sell(sellInput({ amount: { minor: 1000, currency: 'MXN' } }));
    const b = await h.module.service.sell(sellInput({ amount: { minor: 2000, currency: 'MXN' } }));
    expect([a.state, b.state]).toEqual(['queued', 'queued']);
    relierUp = true;
    h.module.connectivity.set('relier', true, null);
    const report = await h.module.sync.runOnce();
    expect(report.drain.succeeded).toBe(2);
    const amounts = relier.topups.slice(1).map((request) => request.amount?.minor);
    expect(amounts).toEqual([1000, 2000]);
    expect(h.module.ledger.get(a.id)?.state).toBe('succeeded');
  });

  it('a queued sale that fails at every provider becomes refund_due, and can be marked refunded', async () => {
    let up = false;
    const h = make([new FakeAdapter('relier', () => (up ? err({ code: 'insufficient_balance' }) : refused()))]);
    const sale = await h.module.service.sell(sellInput());
    up = true;
    h.module.connectivity.set('relier', true, null);
    await h.module.sync.runOnce();
    expect(h.module.ledger.get(sale.id)?.state).toBe('refund_due');
    expect(await h.module.handlers['queue.status']({}, { host: 'test' })).toMatchObject({ refundDue: 1, refundDueTotal: { minor: 5000, currency: 'MXN' } });
    const refunded = await h.module.handlers['sales.markRefunded']({ id: sale.id }, { host: 'test' });
    expect(refunded.state).toBe('refunded');
    await expect(Promise.resolve().then(() => h.module.handlers['sales.markRefunded']({ id: sale.id }, { host: 'test' }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('expires queued sales older than the policy allows', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const h = make([new FakeAdapter('relier', () => refused())], { clock: { now: () => now } });
    const sale = await h.module.service.sell(sellInput());
    now += 23 * 3600_000;
    expect(h.module.sync.expire()).toBe(0);
    now += 2 * 3600_000;
    expect(h.module.sync.expire()).toBe(1);
    expect(h.module.ledger.get(sale.id)).toMatchObject({ state: 'refund_due', failureCode: 'offline_not_allowed' });
    expect(h.module.ledger.events(sale.id).map((event) => event.toState)).toEqual(['created', 'sending', 'queued', 'failed', 'refund_due']);
  });

  it('lists sales by state and today, and recent numbers', async () => {
    const h = make([new FakeAdapter('relier')]);
    await h.module.service.sell(sellInput({ phone: '5511111111' }));
    await h.module.service.sell(sellInput({ phone: '5522222222' }));
    const all = await h.module.handlers['sales.list']({ today: true }, { host: 'test' });
    expect(all.sales.map((sale) => sale.phone)).toEqual(['5522222222', '5511111111']);
    expect((await h.module.handlers['sales.list']({ state: 'failed' }, { host: 'test' })).sales).toHaveLength(0);
    const recent = await h.module.handlers['sales.recentNumbers']({ limit: 5 }, { host: 'test' });
    expect(recent.numbers.map((entry) => entry.phone)).toEqual(['5522222222', '5511111111']);
  });
});
