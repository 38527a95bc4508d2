/**
 * Who may do what, channel by channel, for every audience (signed out, cashier, owner, technician), through
 * the assembled core. The expected matrix is written by hand below from what each person should be able to
 * do at the counter, not read from the contract: a channel added without a decision here fails the first test.
 * An allowed call never answers `unauthenticated` or `forbidden`; a refused one does, and changes nothing in
 * the ledger, the settings, the users, the overrides or the keypad lock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../electron/core/auth';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';
import { channelNames } from '../../shared/contract';

type Audience = 'signed-out' | 'cashier' | 'owner' | 'tech';
const AUDIENCES: readonly Audience[] = ['signed-out', 'cashier', 'owner', 'tech'];

const EVERYONE: readonly Audience[] = AUDIENCES;
const SIGNED_IN: readonly Audience[] = ['cashier', 'owner', 'tech'];
const TECH_OR_OWNER: readonly Audience[] = ['owner', 'tech'];
const OWNER_ONLY: readonly Audience[] = ['owner'];

const PINS: Record<Exclude<Audience, 'signed-out'>, string> = { cashier: '1234', owner: '4321', tech: '246810' };

let saleId = '';
const sellInput = () => ({ requestId: crypto.randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });

/** Each channel: who may call it, and a valid input (so a refusal can only be about who is calling). */
const MATRIX: Record<string, { allowed: readonly Audience[]; input: () => unknown }> = {
  'auth.signIn': { allowed: EVERYONE, input: () => ({ pin: '1234' }) },
  'auth.signOut': { allowed: EVERYONE, input: () => ({}) },
  'auth.current': { allowed: EVERYONE, input: () => ({}) },
  'app.info': { allowed: EVERYONE, input: () => ({}) },
  'app.ping': { allowed: EVERYONE, input: () => ({ echo: 'hola' }) },
  'app.health': { allowed: TECH_OR_OWNER, input: () => ({}) },
  'settings.get': { allowed: SIGNED_IN, input: () => ({}) },
  'settings.setLanguage': { allowed: SIGNED_IN, input: () => ({ language: 'en' }) },
  'connectivity.get': { allowed: SIGNED_IN, input: () => ({}) },
  'sales.sell': { allowed: SIGNED_IN, input: sellInput },
  'sales.get': { allowed: SIGNED_IN, input: () => ({ id: saleId }) },
  'sales.list': { allowed: SIGNED_IN, input: () => ({}) },
  'sales.checkResell': { allowed: SIGNED_IN, input: () => ({ phone: '5512345678', country: 'MX', amount: { minor: 5000, currency: 'MXN' } }) },
  'sales.refundAtCounter': { allowed: SIGNED_IN, input: () => ({ id: saleId }) },
  'sales.markRefunded': { allowed: OWNER_ONLY, input: () => ({ id: saleId }) },
  'sales.recentNumbers': { allowed: SIGNED_IN, input: () => ({}) },
  'queue.status': { allowed: SIGNED_IN, input: () => ({}) },
  'catalog.get': { allowed: SIGNED_IN, input: () => ({ country: 'MX' }) },
  'balances.get': { allowed: SIGNED_IN, input: () => ({}) },
  'receipts.render': { allowed: SIGNED_IN, input: () => ({ saleId }) },
  'receipts.print': { allowed: SIGNED_IN, input: () => ({ saleId }) },
  'receipts.testPrint': { allowed: TECH_OR_OWNER, input: () => ({}) },
  'app.diagnostics': { allowed: TECH_OR_OWNER, input: () => ({}) },
  'diagnostics.supportBundle': { allowed: TECH_OR_OWNER, input: () => ({}) },
  'updates.status': { allowed: TECH_OR_OWNER, input: () => ({}) },
  'updates.confirm': { allowed: OWNER_ONLY, input: () => ({ allowNonEmptyQueue: false }) },
  'updates.configure': { allowed: OWNER_ONLY, input: () => ({ channel: 'stable' }) },
  'app.requestExit': { allowed: TECH_OR_OWNER, input: () => ({}) },
  // Issue 10: people, settings, credentials, set-up. Inputs that change nothing lasting where the test goes on
  // afterwards (an unknown user id, a wrong old PIN, a loopback address nothing listens on).
  'settings.values': { allowed: OWNER_ONLY, input: () => ({}) },
  'settings.update': { allowed: OWNER_ONLY, input: () => ({ receiptFooter: 'Gracias por su compra' }) },
  'users.list': { allowed: OWNER_ONLY, input: () => ({}) },
  'users.add': { allowed: OWNER_ONLY, input: () => ({ name: 'Mateo', role: 'cashier', pin: '918273' }) },
  'users.disable': { allowed: OWNER_ONLY, input: () => ({ id: 'no-such-user' }) },
  'users.resetPin': { allowed: OWNER_ONLY, input: () => ({ id: 'no-such-user', pin: '918274' }) },
  'users.changeOwnPin': { allowed: SIGNED_IN, input: () => ({ oldPin: '000001', newPin: '918275' }) },
  'credentials.list': { allowed: TECH_OR_OWNER, input: () => ({}) },
  'credentials.set': { allowed: TECH_OR_OWNER, input: () => ({ provider: 'mobisend', baseUrl: 'http://127.0.0.1:9', apiKey: 'access-matrix-key-0001' }) },
  'credentials.test': { allowed: TECH_OR_OWNER, input: () => ({ provider: 'mobisend' }) },
  'credentials.remove': { allowed: TECH_OR_OWNER, input: () => ({ provider: 'mobisend' }) },
  // Set-up: while the shop has an owner, only an owner saves a step; creating an owner is refused (conflict) for everyone.
  'setup.status': { allowed: EVERYONE, input: () => ({}) },
  'setup.save': { allowed: OWNER_ONLY, input: () => ({ step: 'printer', receiptWidthMm: 80 }) },
  'setup.createOwner': { allowed: EVERYONE, input: () => ({ name: 'Otra dueña', pin: '918276', pinAgain: '918276' }) },
  // Back office (issue 13): the drawer is the cashier's; reviewing, closing, X, Z and reports are the owner's.
  'shift.current': { allowed: SIGNED_IN, input: () => ({}) },
  'shift.open': { allowed: SIGNED_IN, input: () => ({ float: { minor: 50000, currency: 'MXN' } }) },
  'shift.cash': { allowed: SIGNED_IN, input: () => ({ direction: 'in', amount: { minor: 20000, currency: 'MXN' }, reason: 'cambio' }) },
  'shift.end': { allowed: SIGNED_IN, input: () => ({ count: { amount: { minor: 70000, currency: 'MXN' } } }) },
  'shift.list': { allowed: OWNER_ONLY, input: () => ({}) },
  'shift.get': { allowed: OWNER_ONLY, input: () => ({ id: 'shift-none' }) },
  'shift.close': { allowed: OWNER_ONLY, input: () => ({ id: 'shift-none' }) },
  'report.x': { allowed: OWNER_ONLY, input: () => ({}) },
  'report.get': { allowed: OWNER_ONLY, input: () => ({ by: 'hour' }) },
  'report.z': { allowed: OWNER_ONLY, input: () => ({ number: 'Z-0001' }) },
  'z.close': { allowed: OWNER_ONLY, input: () => ({}) },
  'z.list': { allowed: OWNER_ONLY, input: () => ({}) },
  'z.get': { allowed: OWNER_ONLY, input: () => ({ number: 'Z-0001' }) },
  // Accounts (issue 13, w7-accounts): money outside the drawer is the owner's; the counter only reads the low-balance warning.
  'accounts.refundsOwed': { allowed: OWNER_ONLY, input: () => ({ fullNumbers: true }) },
  'accounts.balances': { allowed: OWNER_ONLY, input: () => ({}) },
  'accounts.balanceWarnings': { allowed: SIGNED_IN, input: () => ({}) },
  'accounts.reconcile': { allowed: OWNER_ONLY, input: () => ({ date: '2026-01-15', settle: true }) },
  'accounts.addDeposit': { allowed: OWNER_ONLY, input: () => ({ provider: 'relier', amount: { minor: 100000, currency: 'USD' }, date: '2026-01-15', reference: `SPEI-${crypto.randomUUID()}` }) },
  'accounts.deposits': { allowed: OWNER_ONLY, input: () => ({}) },
  'accounts.floatCheck': { allowed: OWNER_ONLY, input: () => ({ date: '2026-01-15' }) },
  'accounts.exportSales': { allowed: OWNER_ONLY, input: () => ({ from: '2026-01-01', to: '2026-12-31', fullNumbers: true }) },
  'accounts.exportReport': { allowed: OWNER_ONLY, input: () => ({ format: 'pdf' }) },
  // Issue 14 (more to sell)
  'billpay.billers': { allowed: SIGNED_IN, input: () => ({ search: 'Duke' }) },
  'billpay.quote': { allowed: SIGNED_IN, input: () => ({ billerCode: '12345', amount: { minor: 15_000, currency: 'USD' }, rush: false }) },
  'billpay.pay': {
    allowed: SIGNED_IN,
    input: () => ({ requestId: crypto.randomUUID(), billerCode: '12345', billerName: 'Duke Energy', accountNumber: '1234567890', amount: { minor: 1000, currency: 'USD' }, rush: false, expectedCharge: { minor: 1, currency: 'MXN' } }),
  },
  'catalog.countries': { allowed: SIGNED_IN, input: () => ({}) },
  'catalog.quoteInternational': { allowed: SIGNED_IN, input: () => ({ country: 'HN', carrier: 'Tigo', amount: { minor: 500, currency: 'USD' } }) },
  'catalog.carrierHint': { allowed: SIGNED_IN, input: () => ({ phone: '5512345678', country: 'MX' }) },
  'pricing.get': { allowed: SIGNED_IN, input: () => ({}) },
  'pricing.set': { allowed: OWNER_ONLY, input: () => ({ default: { rate: '18.50', markupPercent: '5' }, byCountry: [] }) },
  // Last: once an owner has left demo mode the rest of this table would meet a shop in set-up.
  'setup.leaveDemo': { allowed: OWNER_ONLY, input: () => ({}) },
};

const WATCHED_TABLES = ['sales', 'sale_events', 'attempts', 'settings', 'users', 'owner_overrides', 'auth_lockout', /* accounts (w7-accounts) */ 'journal', 'provider_deposits'];

let core: SaldoCore<RunningSandbox>;
let dataDir: string;
const call = (channel: string, input: unknown) => core.dispatcher.invoke(channel, input, { host: 'test' });

function snapshot(): Record<string, unknown[]> {
  return Object.fromEntries(WATCHED_TABLES.map((table) => [table, core.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
}

async function become(audience: Audience): Promise<void> {
  await call('auth.signOut', {});
  if (audience !== 'signed-out') expect(await call('auth.signIn', { pin: PINS[audience] })).toMatchObject({ ok: true });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-access-'));
  core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
  await core.recovery;
  const { hash, salt } = await hashPin(PINS.tech, { N: 1024, r: 8, p: 1 });
  core.db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('u-tech', 'Tere', 'tech', ?, ?, '2025-01-01T00:00:00Z')").run(hash, salt);
  await become('cashier');
  const sold = await call('sales.sell', sellInput());
  expect(sold).toMatchObject({ ok: true });
  if (sold.ok) saleId = (sold.value as { id: string }).id;
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('who may do what', () => {
  it('the table decides every channel of the contract, and only those', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...channelNames].sort());
  });

  // Before the table: its last row leaves demo mode, after which nothing sells.
  it("a cashier marks a sale refunded with an owner's PIN typed on the spot, and it is recorded (a refused one is not)", async () => {
    await become('cashier');
    const overrides = () => (core.db.prepare('SELECT COUNT(*) AS n FROM owner_overrides').get() as { n: number }).n;
    // The demo's test number the carrier refuses: the sale fails and is owed back.
    const failed = await call('sales.sell', { ...sellInput(), phone: '5500000001' });
    expect(failed).toMatchObject({ ok: true, value: { state: 'refund_due' } });
    const owedId = failed.ok ? (failed.value as { id: string }).id : '';
    const before = overrides();
    expect(await call('sales.markRefunded', { id: owedId, ownerPin: PINS.owner })).toMatchObject({ ok: true, value: { state: 'refunded' } });
    expect(overrides()).toBe(before + 1);
    expect(core.db.prepare('SELECT action FROM owner_overrides ORDER BY rowid DESC LIMIT 1').get()).toEqual({ action: 'sales.markRefunded' });
    // Paid already: the second payout is refused, and nothing records an override that did nothing.
    expect(await call('sales.markRefunded', { id: owedId, ownerPin: PINS.owner })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(overrides()).toBe(before + 1);
  });

  const cases = Object.entries(MATRIX).flatMap(([channel, { allowed, input }]) =>
    AUDIENCES.map((audience) => ({ channel, audience, allowed: allowed.includes(audience), input })),
  );

  it.each(cases)('$channel by $audience: allowed $allowed', async ({ channel, audience, allowed, input }) => {
    await become(audience);
    const before = snapshot();
    const answer = await call(channel, input());
    const code = answer.ok ? 'ok' : answer.error.code;
    if (allowed) {
      expect(['unauthenticated', 'forbidden'], JSON.stringify(answer)).not.toContain(code);
    } else {
      expect(code).toBe(audience === 'signed-out' ? 'unauthenticated' : 'forbidden');
      expect(snapshot()).toEqual(before);
    }
  });

  it('signed out, app.info tells the name, version and mode and nothing about the machine', async () => {
    await become('signed-out');
    expect(await call('app.info', {})).toEqual({ ok: true, value: { name: 'Saldo', version: '0.0.0-test', mode: 'demo' } });
    await become('cashier');
    expect(await call('app.info', {})).toEqual({ ok: true, value: { name: 'Saldo', version: '0.0.0-test', mode: 'demo' } });
    for (const audience of ['owner', 'tech'] as const) {
      await become(audience);
      expect(await call('app.info', {})).toMatchObject({ ok: true, value: { dataDir, host: 'cli', platform: expect.any(String) } });
    }
  });

});
