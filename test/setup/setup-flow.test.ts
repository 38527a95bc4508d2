/**
 * A fresh install going live, and a demo shop leaving demo mode, as the set-up screen and the counter see them
 * through the assembled core: what the set-up tells whom, steps saved one at a time, the owner typed twice, nothing
 * sold before an owner and a provider, demo sales kept apart (marked, closed at the live start, left out of live
 * reports) and never sent to a real provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupStatus } from '../../shared/contract/setup';
import { LIVE_SALES_CONDITION } from '../../electron/core/ledger/live-sales';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox';
import { call, cleanUpCores, freshDir, outcome, signIn, startCore, value } from './helpers';

let sandbox: RunningSandbox;
let liveEnv: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox('mobisend');
  liveEnv = { SALDO_MOBISEND_URL: sandbox.url, SALDO_MOBISEND_API_KEY: sandbox.credentials.apiKey as string };
});
afterAll(async () => {
  await cleanUpCores();
  await sandbox.close();
});

const sale = (phone = '5512345678') => ({ requestId: crypto.randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });

describe('a fresh live install', () => {
  it('shows the set-up, saves each step on its own, creates the owner typed twice, then sells', async () => {
    const core = await startCore(freshDir('fresh'), liveEnv);
    const first = await value<SetupStatus>(core, 'setup.status');
    expect(first).toMatchObject({ needed: true, mode: 'live', canSell: false, steps: { shop: false, businessDay: false, owner: false, printer: false, offlinePolicy: false } });
    expect(await outcome(core, 'auth.signIn', { pin: '1234' })).toBe('unauthenticated');

    const afterShop = await value<SetupStatus>(core, 'setup.save', { step: 'shop', language: 'es-MX', shop: { name: 'Abarrotes Lupita', address: 'Av. Juárez 12', rfc: 'XAXX010101000' }, receiptFooter: 'Gracias' });
    expect(afterShop.steps).toMatchObject({ shop: true, businessDay: false });
    expect(await outcome(core, 'setup.save', { step: 'businessDay', timeZone: 'Mars/Olympus', dayStartHour: 4 })).toBe('invalid_input');
    await value(core, 'setup.save', { step: 'businessDay', timeZone: 'America/Monterrey', dayStartHour: 4 });

    expect(await outcome(core, 'setup.createOwner', { name: 'Lupita', pin: '908172', pinAgain: '908173' })).toBe('pin_mismatch');
    expect(await outcome(core, 'setup.createOwner', { name: 'Lupita', pin: '1111', pinAgain: '1111' })).toBe('weak_pin');
    const { user } = await value<{ user: { role: string } }>(core, 'setup.createOwner', { name: 'Lupita', pin: '908172', pinAgain: '908172' });
    expect(user.role).toBe('owner');
    expect(await value(core, 'auth.current')).toMatchObject({ user: { name: 'Lupita' } });
    expect(await outcome(core, 'setup.createOwner', { name: 'Otra', pin: '908174', pinAgain: '908174' })).toBe('conflict');

    await value(core, 'credentials.test', { provider: 'mobisend' });
    await value(core, 'setup.save', { step: 'printer', receiptWidthMm: 80 });
    const done = await value<SetupStatus>(core, 'setup.save', { step: 'offlinePolicy', offlinePolicy: { enabled: true, maxSale: { minor: 20_000, currency: 'MXN' }, maxQueuedTotal: { minor: 200_000, currency: 'MXN' }, maxAgeMs: 3_600_000 } });
    expect(done).toMatchObject({ needed: false, canSell: true, steps: { shop: true, businessDay: true, owner: true, providers: true, printer: true, offlinePolicy: true } });
    expect(await value(core, 'settings.get')).toMatchObject({ shop: { name: 'Abarrotes Lupita' }, receiptWidthMm: 80, timeZone: 'America/Monterrey', dayStartHour: 4 });

    await value(core, 'users.add', { name: 'Beto', role: 'cashier', pin: '552299' });
    await signIn(core, '552299');
    expect(await value(core, 'sales.sell', sale())).toMatchObject({ state: 'succeeded' });
    const receipt = await value<{ text: string }>(core, 'receipts.render', { saleId: (core.db.prepare('SELECT id FROM sales LIMIT 1').get() as { id: string }).id });
    expect(JSON.stringify(receipt)).toContain('Abarrotes Lupita');
    expect(core.journal.entries({ kind: 'settings.changed' }).map((entry) => entry.subject)).toEqual(
      expect.arrayContaining(['shop', 'receiptFooter', 'timeZone', 'dayStartHour', 'receiptWidthMm', 'offlinePolicy']),
    );
  }, 30_000);

  it('once an owner exists, tells a signed-out caller nothing, and only an owner saves a step', async () => {
    const dir = freshDir('owned');
    const core = await startCore(dir, liveEnv);
    await value(core, 'setup.createOwner', { name: 'Lupita', pin: '908172', pinAgain: '908172' });
    await value(core, 'users.add', { name: 'Beto', role: 'cashier', pin: '552299' });
    await call(core, 'auth.signOut');
    expect(await value(core, 'setup.status')).toEqual({ needed: false });
    const before = core.db.prepare('SELECT * FROM settings ORDER BY key').all();
    expect(await outcome(core, 'setup.save', { step: 'printer', receiptWidthMm: 80 })).toBe('unauthenticated');
    await signIn(core, '552299');
    expect(await value(core, 'setup.status')).toEqual({ needed: false });
    expect(await outcome(core, 'setup.save', { step: 'printer', receiptWidthMm: 80 })).toBe('forbidden');
    expect(core.db.prepare('SELECT * FROM settings ORDER BY key').all()).toEqual(before);
    await signIn(core, '908172');
    expect(await value(core, 'setup.status')).toMatchObject({ needed: false, steps: { owner: true } });
  }, 30_000);

  it('refuses every sale before the owner exists', async () => {
    const core = await startCore(freshDir('no-owner'), liveEnv);
    core.session.signIn({ id: 'someone', name: 'Alguien', role: 'cashier' });
    expect(await outcome(core, 'sales.sell', sale())).toBe('forbidden');
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual({ n: 0 });
  });
});

describe('demo to live', () => {
  it('marks demo sales, sells nothing after leaving demo until credentials apply, closes unfinished demo sales at the live start', async () => {
    const dir = freshDir('demo-live');
    const demo = await startCore(dir);
    await signIn(demo, '1234');
    expect(await value(demo, 'sales.sell', sale('5500000000'))).toMatchObject({ state: 'succeeded' });
    // A sale left queued in demo (the sandboxes went offline): it must never reach a real provider.
    await Promise.all(demo.sandboxes.map((running) => running.control.setOffline(true)));
    expect(await value(demo, 'sales.sell', sale('5512340000'))).toMatchObject({ state: 'queued' });
    expect(demo.db.prepare('SELECT COUNT(*) AS n FROM sales WHERE is_demo = 1').get()).toEqual({ n: 2 });

    await signIn(demo, '4321');
    expect(await value<SetupStatus>(demo, 'setup.leaveDemo')).toMatchObject({ needed: true, canSell: false });
    await signIn(demo, '1234');
    expect(await outcome(demo, 'sales.sell', sale('5512349999'))).toBe('setup_required');
    await call(demo, 'auth.signOut');
    await value(demo, 'setup.createOwner', { name: 'Lupita', pin: '908172', pinAgain: '908172' });
    for (const pin of ['1234', '4321']) expect(await outcome(demo, 'auth.signIn', { pin })).toBe('unauthenticated');
    await value(demo, 'credentials.set', { provider: 'mobisend', baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey });
    expect(await value<SetupStatus>(demo, 'setup.status')).toMatchObject({ restartRequired: true, canSell: false });
    await demo.close();

    const live = await startCore(dir);
    expect(live.info.mode).toBe('live');
    const rows = live.db.prepare('SELECT phone, state, is_demo FROM sales ORDER BY created_ms').all();
    expect(rows).toEqual([
      { phone: '5500000000', state: 'succeeded', is_demo: 1 },
      { phone: '5512340000', state: 'refunded', is_demo: 1 },
    ]);
    await signIn(live, '908172');
    // The line was last seen down (in demo), so the first live sale may queue; one sync pass sends it. That pass
    // also drains the queue and asks about open sales: a closed demo sale is neither.
    const first = await value<{ id: string }>(live, 'sales.sell', sale('5512345678'));
    await live.sales.sync.runOnce();
    expect(await value(live, 'sales.get', { id: first.id })).toMatchObject({ sale: { state: 'succeeded' } });
    expect(live.db.prepare('SELECT is_demo FROM sales WHERE phone = ?').get('5512345678')).toEqual({ is_demo: 0 });
    // What a live report counts: only the live sale.
    expect(live.db.prepare(`SELECT COUNT(*) AS n, SUM(price_minor) AS total FROM sales WHERE ${LIVE_SALES_CONDITION}`).get()).toEqual({ n: 1, total: 5000 });
    // The real provider never saw a demo sale.
    const delivered = sandbox.control.records().deliveries.map((delivery) => delivery.phone ?? '');
    expect(delivered.some((phone) => phone.endsWith('5512340000') || phone.endsWith('5500000000'))).toBe(false);
    expect(live.journal.entries({ kind: 'app.mode_changed' }).map((entry) => entry.detail)).toEqual([
      { from: null, to: 'demo' },
      { from: 'demo', to: 'live' },
    ]);
    expect(live.journal.verify().ok).toBe(true);
    expect(live.sales.ledger.verify().ok).toBe(true);
  }, 60_000);
});

describe('the first owner, twice at once', () => {
  it('two set-up screens creating the owner at the same moment make one owner; the other is a conflict', async () => {
    const core = await startCore(freshDir('race'), liveEnv);
    const answers = await Promise.all([
      call(core, 'setup.createOwner', { name: 'Lupita', pin: '908172', pinAgain: '908172' }),
      call(core, 'setup.createOwner', { name: 'Pepe', pin: '660044', pinAgain: '660044' }),
    ]);
    expect(answers.map((answer) => (answer.ok ? 'ok' : answer.error.code)).sort()).toEqual(['conflict', 'ok']);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'owner'").get()).toEqual({ n: 1 });
  });
});
