import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ProviderId } from '../../shared/contract/app';
import { FakeAdapter, err, harness, ok, success, type Harness } from './fakes';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** A sale left as a crash leaves it: committed and claimed (attempt recorded), no outcome. */
function crashedWhileSending(h: Harness, provider: ProviderId, sku: string | null = null): { id: string; key: string } {
  const id = randomUUID();
  const key = randomUUID();
  h.module.ledger.createSale({ id, requestId: randomUUID(), idempotencyKey: key, cashierId: 'u', shiftId: 's', provider, country: 'MX', carrier: 'Telcel', sku, phone: '5512345678', price: { minor: 5000, currency: 'MXN' } });
  h.module.ledger.claimForSending(id, 'created', { provider, idempotencyKey: key, kind: 'topup' });
  return { id, key };
}

function make(adapters: FakeAdapter[], extra: Parameters<typeof harness>[1] = {}): Harness {
  const h = harness(adapters, extra);
  open.push(h);
  return h;
}

describe('start-up recovery', () => {
  it('a sale left created was never sent: it is queued', async () => {
    const h = make([new FakeAdapter('relier')]);
    const id = randomUUID();
    h.module.ledger.createSale({ id, requestId: randomUUID(), idempotencyKey: randomUUID(), cashierId: 'u', shiftId: 's', provider: 'relier', country: 'MX', carrier: 'Telcel', sku: null, phone: '5512345678', price: { minor: 5000, currency: 'MXN' } });
    const report = await h.module.recover();
    expect(report.requeued).toBe(1);
    expect(h.module.ledger.get(id)?.state).toBe('queued');
  });

  it('Liquido: status by key; not found → queued under the SAME key; found → settled', async () => {
    const liquido = new FakeAdapter('liquido');
    const h = make([liquido]);
    const lost = crashedWhileSending(h, 'liquido', 'TAE050');
    const landed = crashedWhileSending(h, 'liquido', 'TAE050');
    liquido.delivered.set(landed.key, { state: 'succeeded', providerTransactionId: 'LQ1', cost: { minor: 294, currency: 'USD' } });
    const report = await h.module.recover();
    expect(report).toMatchObject({ markedUnknown: 2, resolved: 2, stillUnknown: 0 });
    expect(h.module.ledger.get(lost.id)).toMatchObject({ state: 'queued', idempotencyKey: lost.key });
    expect(h.module.ledger.get(landed.id)).toMatchObject({ state: 'succeeded', providerTransactionId: 'LQ1', cost: { minor: 294, currency: 'USD' } });
    expect(liquido.topups).toHaveLength(0);
    expect(h.module.ledger.events(lost.id).map((event) => event.toState)).toEqual(['created', 'sending', 'unknown', 'queued']);
    expect(h.module.ledger.attempts(lost.id)[0]?.outcome).toBe('interrupted');
  });

  it('MobiSend: replays the same Idempotency-Key (safe), never a new one', async () => {
    const mobisend = new FakeAdapter('mobisend', (request) => ok({ state: 'succeeded', providerTransactionId: `MS-${request.idempotencyKey}` }));
    const h = make([mobisend]);
    const crashed = crashedWhileSending(h, 'mobisend');
    await h.module.recover();
    expect(mobisend.topups).toHaveLength(1);
    expect(mobisend.topups[0]?.idempotencyKey).toBe(crashed.key);
    expect(h.module.ledger.get(crashed.id)).toMatchObject({ state: 'succeeded', providerTransactionId: `MS-${crashed.key}` });
    expect(h.module.ledger.attempts(crashed.id).map((attempt) => attempt.kind)).toEqual(['topup', 'replay']);
  });

  it('MobiSend: a replay that is itself refused (429) says nothing about the original: still unknown, never refund_due', async () => {
    const mobisend = new FakeAdapter('mobisend', () => err({ code: 'rate_limited', httpStatus: 429 }));
    const h = make([mobisend]);
    const crashed = crashedWhileSending(h, 'mobisend');
    await h.module.recover();
    expect(mobisend.topups).toHaveLength(1);
    expect(h.module.ledger.get(crashed.id)).toMatchObject({ state: 'unknown', idempotencyKey: crashed.key });
    // A replay answered with the original's failed order (an error carrying the order's id) is definitive.
    mobisend.script = () => err({ code: 'number_rejected', message: 'NO SE PUEDE ABONAR A ESTE NUMERO', providerTransactionId: 'order-1' });
    await h.module.sync.poll();
    expect(h.module.ledger.get(crashed.id)).toMatchObject({ state: 'refund_due', providerTransactionId: 'order-1' });
  });

  it('Liquido: a sale re-queued after "not found" keeps its key and provider even when the resend is refused', async () => {
    let calls = 0;
    const liquido = new FakeAdapter('liquido', () => (++calls === 1 ? err({ code: 'provider_error', httpStatus: 503 }) : success()));
    const mobisend = new FakeAdapter('mobisend');
    const h = make([liquido, mobisend], { routingPolicy: { countries: { MX: { default: ['liquido', 'mobisend'] } }, fallback: ['liquido'] } });
    const crashed = crashedWhileSending(h, 'liquido', 'TAE050');
    await h.module.recover();
    expect(h.module.ledger.get(crashed.id)?.state).toBe('queued');
    await h.module.sync.drain();
    expect(h.module.ledger.events(crashed.id).some((event) => event.detail?.includes('same key, same provider'))).toBe(true);
    expect(h.module.ledger.get(crashed.id)).toMatchObject({ state: 'succeeded', provider: 'liquido', idempotencyKey: crashed.key });
    expect(mobisend.topups).toHaveLength(0);
    expect(liquido.topups.map((request) => request.idempotencyKey)).toEqual([crashed.key, crashed.key]);
  });

  it('MobiSend: no replay once the key may have expired; left for a person', async () => {
    let now = Date.now();
    const mobisend = new FakeAdapter('mobisend');
    const h = make([mobisend], { clock: { now: () => now } });
    const crashed = crashedWhileSending(h, 'mobisend');
    now += 25 * 3600_000;
    await h.module.recover();
    expect(mobisend.topups).toHaveLength(0);
    expect(h.module.ledger.get(crashed.id)?.state).toBe('unknown');
  });

  it('Relier: no key, no transaction id, no export key → stays unknown for reconciliation by a person', async () => {
    const relier = new FakeAdapter('relier');
    const h = make([relier]);
    const crashed = crashedWhileSending(h, 'relier');
    const report = await h.module.recover();
    expect(report).toMatchObject({ markedUnknown: 1, stillUnknown: 1 });
    expect(relier.topups).toHaveLength(0);
    expect(h.module.ledger.get(crashed.id)?.state).toBe('unknown');
  });

  it('Relier: the reconciliation export settles it (found → its state; absent long enough → provably never arrived)', async () => {
    let now = Date.now();
    const relier = new FakeAdapter('relier');
    const h = make([relier], { clock: { now: () => now }, reconcileGraceMs: 60_000 });
    const found = crashedWhileSending(h, 'relier');
    const absent = crashedWhileSending(h, 'relier');
    relier.reconcileRows = [{ providerTransactionId: 'RLR5', reference: found.id, phone: '5512345678', amount: { minor: 5000, currency: 'MXN' }, cost: { minor: 294, currency: 'USD' }, state: 'succeeded', createdAt: new Date().toISOString() }];
    await h.module.recover();
    expect(h.module.ledger.get(found.id)).toMatchObject({ state: 'succeeded', providerTransactionId: 'RLR5' });
    expect(h.module.ledger.get(absent.id)?.state).toBe('unknown');
    now += 120_000;
    await h.module.sync.poll();
    // Past the grace but the export may be cut short: nothing of ours sent later is in it yet. Still unknown.
    expect(h.module.ledger.get(absent.id)?.state).toBe('unknown');
    // A later sale of ours goes through; once the export lists it, the absence is proof.
    const later = await h.module.service.sell({ requestId: randomUUID(), phone: '5512340001', country: 'MX', carrier: 'Telcel', amount: { minor: 2000, currency: 'MXN' } });
    expect(later).toMatchObject({ state: 'succeeded', provider: 'relier' });
    await h.module.sync.poll();
    expect(h.module.ledger.get(absent.id)?.state).toBe('unknown');
    relier.reconcileRows = [...relier.reconcileRows, { providerTransactionId: later.providerTransactionId ?? '', reference: later.id, phone: later.phone, amount: { minor: 2000, currency: 'MXN' }, state: 'succeeded', createdAt: new Date().toISOString() }];
    await h.module.sync.poll();
    expect(h.module.ledger.get(absent.id)?.state).toBe('queued');
    expect(relier.topups).toHaveLength(1);
  });

  it('Relier: a known transaction id is asked about; pending sales are polled to their end', async () => {
    const relier = new FakeAdapter('relier', () => ok({ state: 'pending', providerTransactionId: 'RLR7' }));
    let final: 'pending' | 'succeeded' | 'failed' = 'pending';
    relier.status = async (query) => ({ ok: true, value: query.providerTransactionId === 'RLR7' ? (final === 'failed' ? { state: 'failed', providerTransactionId: 'RLR7' } : { state: final, providerTransactionId: 'RLR7' }) : { state: 'not_found' } });
    const h = make([relier]);
    const sale = await h.module.service.sell({ requestId: randomUUID(), phone: '5512340002', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });
    expect(sale.state).toBe('pending');
    await h.module.sync.poll();
    expect(h.module.ledger.get(sale.id)?.state).toBe('pending');
    final = 'failed';
    await h.module.sync.poll();
    expect(h.module.ledger.get(sale.id)?.state).toBe('refund_due');
    expect(relier.topups).toHaveLength(1);
  });

  it('new sales wait for the local phase of recovery', async () => {
    const relier = new FakeAdapter('relier', () => success());
    const h = make([relier]);
    const crashed = crashedWhileSending(h, 'relier');
    const recovering = h.module.recover();
    const sale = await h.module.service.sell({ requestId: randomUUID(), phone: '5512340003', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });
    await recovering;
    expect(sale.state).toBe('succeeded');
    const events = h.db.prepare('SELECT sale_id FROM sale_events ORDER BY seq').all() as Array<{ sale_id: string }>;
    const firstNew = events.findIndex((event) => event.sale_id === sale.id);
    const recovered = events.findIndex((event, index) => index > 1 && event.sale_id === crashed.id);
    expect(recovered).toBeLessThan(firstNew);
    expect(h.module.ledger.verify().ok).toBe(true);
  });
});
