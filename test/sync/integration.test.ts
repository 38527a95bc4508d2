import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ProviderId } from '../../shared/contract/app';
import type { SandboxRecords } from '../../electron/sandbox/index';
import { sellInput } from '../sales/fakes';
import { deliveriesPerSale, startCore, startSandboxes, type CoreUnderTest, type SandboxSet } from './sandboxes';

let set: SandboxSet;
let core: CoreUnderTest;

function sandbox(id: ProviderId) {
  const found = set.sandboxes.get(id);
  if (!found) throw new Error(`no ${id} sandbox`);
  return found;
}

function records(): Map<ProviderId, SandboxRecords> {
  return new Map([...set.sandboxes].map(([id, running]) => [id, running.control.records()]));
}

function keyToSale(key: string): string | null {
  const row = core.db.prepare('SELECT sale_id FROM attempts WHERE idempotency_key = ? LIMIT 1').get(key) as { sale_id: string } | undefined;
  return row?.sale_id ?? null;
}

async function settle(id: string): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline && ['pending', 'unknown'].includes(core.module.ledger.get(id)?.state ?? '')) {
    await core.module.sync.poll();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

function expectNoDuplicates(): void {
  for (const [saleId, count] of deliveriesPerSale(records(), keyToSale)) expect(count, `sale ${saleId}`).toBe(1);
}

beforeAll(async () => {
  set = await startSandboxes(['relier', 'mobisend', 'liquido']);
});
afterAll(async () => {
  await set.close();
});
afterEach(async () => {
  await core.close();
  for (const running of set.sandboxes.values()) running.control.reset();
});

describe('sales against the sandboxes over HTTP', () => {
  it('refreshes catalogs and balances into SQLite, then sells by amount and by SKU', async () => {
    core = startCore(set.adapters);
    await core.module.sync.refresh();
    const catalog = await core.module.handlers['catalog.get']({ country: 'MX' }, { host: 'test' });
    expect(catalog.carriers.find((carrier) => carrier.name === 'Telcel')?.providers.sort()).toEqual(['liquido', 'mobisend', 'relier']);
    const balances = await core.module.handlers['balances.get']({}, { host: 'test' });
    // Liquido documents no balance endpoint.
    expect(balances.balances.map((balance) => balance.provider).sort()).toEqual(['mobisend', 'relier']);

    const byAmount = await core.module.service.sell(sellInput());
    expect(byAmount).toMatchObject({ state: 'succeeded', provider: 'relier', cost: { minor: 294, currency: 'USD' }, exchangeRate: '17.0068' });
    const sku = catalog.products.find((product) => product.provider === 'liquido' && product.carrier === 'Telcel' && product.type === 'topup')?.sku;
    expect(sku).toBeTruthy();
    const bySku = await core.module.service.sell(sellInput({ amount: undefined, sku: sku ?? '' }));
    expect(bySku).toMatchObject({ state: 'succeeded', provider: 'liquido', sku });
    expect(records().get('relier')?.deliveries.map((delivery) => delivery.reference)).toEqual([byAmount.id]);
    expectNoDuplicates();
    expect(core.module.ledger.verify().ok).toBe(true);
  });

  it('fails over when Relier provably refuses (insufficient balance), never when its answer is lost', async () => {
    core = startCore(set.adapters);
    sandbox('relier').control.setFaults([{ kind: 'respond', path: '/api/enviadespensa', status: 403, body: { success: false, error: 'Insufficient balance' }, count: 1 }]);
    const moved = await core.module.service.sell(sellInput());
    expect(moved).toMatchObject({ state: 'succeeded', provider: 'mobisend', attempts: 2 });

    sandbox('relier').control.setFaults([{ kind: 'reset_after_commit', path: '/api/enviadespensa', count: 1 }]);
    const lost = await core.module.service.sell(sellInput());
    expect(lost).toMatchObject({ state: 'unknown', provider: 'relier', attempts: 1 });
    expect(records().get('mobisend')?.deliveries).toHaveLength(1);
    // The reconciliation export finds it (the sandbox issues a reconcile key), then its status settles it.
    await settle(lost.id);
    expect(core.module.ledger.get(lost.id)?.state).toBe('succeeded');
    expectNoDuplicates();
  });

  it('MobiSend: a lost answer is settled by replaying the same Idempotency-Key, delivered once', async () => {
    core = startCore(set.adapters, { routingPolicy: { countries: { MX: { default: ['mobisend'] } }, fallback: ['mobisend'] } });
    sandbox('mobisend').control.setFaults([{ kind: 'reset_after_commit', path: '/topup', count: 1 }]);
    const sale = await core.module.service.sell(sellInput());
    expect(sale.state).toBe('unknown');
    await core.module.sync.poll();
    expect(core.module.ledger.get(sale.id)).toMatchObject({ state: 'succeeded', attempts: 2 });
    const replays = records().get('mobisend')?.requests.filter((request) => request.path === '/topup') ?? [];
    expect(new Set(replays.map((request) => request.idempotencyKey)).size).toBe(1);
    expectNoDuplicates();
  });

  it('Liquido: a timeout after commit is settled by status by key', async () => {
    core = startCore(set.adapters, { routingPolicy: { countries: { MX: { default: ['liquido'] } }, fallback: ['liquido'] } });
    await core.module.sync.refresh();
    sandbox('liquido').control.setFaults([{ kind: 'timeout', method: 'POST', count: 1 }]);
    const sale = await core.module.service.sell(sellInput());
    expect(sale.state).toBe('unknown');
    sandbox('liquido').control.settlePending();
    await core.module.sync.poll();
    expect(core.module.ledger.get(sale.id)?.state).toBe('succeeded');
    expectNoDuplicates();
  });

  it('queues while every provider is offline, then drains when the line is back', async () => {
    core = startCore(set.adapters);
    for (const running of set.sandboxes.values()) await running.control.setOffline(true);
    // The engine notices (kept-alive connections die with a reset, new ones are refused).
    await core.module.sync.refresh();
    const first = await core.module.service.sell(sellInput({ amount: { minor: 2000, currency: 'MXN' } }));
    const second = await core.module.service.sell(sellInput({ amount: { minor: 3000, currency: 'MXN' } }));
    expect([first.state, second.state]).toEqual(['queued', 'queued']);
    expect((await core.module.handlers['connectivity.get']({}, { host: 'test' })).online).toBe(false);
    await expect(core.module.service.sell(sellInput({ amount: { minor: 60_000, currency: 'MXN' } }))).rejects.toMatchObject({ code: 'offline_not_allowed' });
    for (const running of set.sandboxes.values()) await running.control.setOffline(false);
    core.module.sync.start();
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && core.module.ledger.countInStates(['queued', 'sending', 'pending']) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(core.module.ledger.get(first.id)?.state).toBe('succeeded');
    expect(core.module.ledger.get(second.id)?.state).toBe('succeeded');
    // Taken for sending oldest first (arrival order at the server may differ: requests run in parallel).
    const queuedAt = core.db.prepare("SELECT seq FROM sale_events WHERE sale_id = ? AND to_state = 'queued' ORDER BY seq DESC LIMIT 1").get(second.id) as { seq: number };
    const claims = core.db.prepare("SELECT sale_id FROM sale_events WHERE from_state = 'queued' AND to_state = 'sending' AND seq > ? ORDER BY seq").all(queuedAt.seq) as Array<{ sale_id: string }>;
    expect(claims.map((row) => row.sale_id)).toEqual([first.id, second.id]);
    expect((records().get('relier')?.deliveries ?? []).map((delivery) => delivery.amountMinor).sort()).toEqual([2000, 3000]);
    expectNoDuplicates();
  });

  it('a double tap with the same requestId sends once over HTTP', async () => {
    core = startCore(set.adapters);
    const input = sellInput({ requestId: randomUUID() });
    const [a, b] = await Promise.all([core.module.service.sell(input), core.module.service.sell(input)]);
    expect(a.id).toBe(b.id);
    expect(a.state).toBe('succeeded');
    expect(records().get('relier')?.deliveries).toHaveLength(1);
  });
});
