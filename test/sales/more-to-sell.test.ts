/**
 * Issue 14 through the assembled core and the demo sandboxes, as a cashier and an owner would check it: bill
 * payments (fees, rush, a refused account, a possible duplicate, a lost answer), international top-ups charged
 * in pesos, "No sé la compañía", bundles and the countries on offer. Expected pesos are worked out by hand from
 * the demo pricing (18.50 MXN per USD, 5 % markup), never by the code under test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';
import type { ChannelName, ChannelOutput, Envelope } from '../../shared/contract';

let core: SaldoCore<RunningSandbox>;
let dataDir: string;

const call = async <C extends ChannelName>(channel: C, input: unknown): Promise<Envelope<ChannelOutput<C>>> =>
  (await core.dispatcher.invoke(channel, input, { host: 'test' })) as Envelope<ChannelOutput<C>>;
const value = async <C extends ChannelName>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
  const answer = await call(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
};
const usd = (minor: number) => ({ minor, currency: 'USD' });
const mxn = (minor: number) => ({ minor, currency: 'MXN' });
const mobisend = () => core.sandboxes.find((sandbox) => sandbox.provider === 'mobisend')!;
const rowCount = () => (core.db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
const billDeliveries = () => mobisend().control.records().deliveries.filter((delivery) => delivery.kind === 'billpay');

const DEMO_PRICING = { default: { rate: '18.50', markupPercent: '5' }, byCountry: [] };

function payInput(overrides: Record<string, unknown> = {}) {
  return {
    requestId: crypto.randomUUID(),
    billerCode: '12345',
    billerName: 'Duke Energy',
    billerCountry: 'US',
    accountNumber: '1234567890',
    amount: usd(15_000),
    rush: false,
    // 150.75 USD × 18.50 = 2,788.875; × 1.05 = 2,928.31875 → 2,928.32 MXN
    expectedCharge: mxn(292_832),
    ...overrides,
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-more-'));
  core = await createSaldoCore({
    dataDir,
    host: 'cli',
    version: '0.0.0-test',
    validateContract: true,
    startSync: false,
    pinHashCost: { N: 1024 },
    demoProviders: () => startDemoSandboxes(),
    sales: { sync: { countries: ['MX', 'HN', 'PE', 'PH'] }, online: { waitMs: 0, pollMs: 10 } },
  });
  await core.recovery;
  await core.sales.sync.refresh();
  expect(await call('auth.signIn', { pin: '4321' })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  mobisend().control.clearFaults();
  await value('pricing.set', DEMO_PRICING);
});

describe('bill payments', () => {
  it('finds a biller by name, and quotes the standard fee of 0.75 USD and the rush fee of 1.25 USD', async () => {
    const found = await value('billpay.billers', { search: 'duke' });
    expect(found.billers[0]).toMatchObject({ billerCode: '12345', name: 'Duke Energy', rushAvailable: true });
    const standard = await value('billpay.quote', { billerCode: '12345', billerCountry: 'US', amount: usd(15_000), rush: false });
    expect(standard).toMatchObject({ fee: usd(75), total: usd(15_075), pricing: { charge: mxn(292_832), rate: '18.50', markupPercent: '5' } });
    const rush = await value('billpay.quote', { billerCode: '12345', billerCountry: 'US', amount: usd(15_000), rush: true });
    // 151.25 × 18.50 = 2,798.125; × 1.05 = 2,938.03125 → 2,938.03 MXN
    expect(rush).toMatchObject({ fee: usd(125), total: usd(15_125), pricing: { charge: mxn(293_803) } });
  });

  it('pays a bill as a sale of kind bill: recorded, sent once, confirmed, the pesos and dollars kept exactly', async () => {
    const before = billDeliveries().length;
    const sale = await value('billpay.pay', payInput());
    expect(sale).toMatchObject({ kind: 'bill', state: 'succeeded', provider: 'mobisend', price: mxn(292_832), faceValue: usd(15_075), shopRate: '18.50', markupPercent: '5' });
    expect(sale.bill).toMatchObject({ billerName: 'Duke Energy', accountNumber: '1234567890', rush: false, amount: usd(15_000), fee: usd(75), total: usd(15_075) });
    expect(sale.bill?.confirmationCode).toMatch(/^BP\d{6}$/);
    expect(billDeliveries().length).toBe(before + 1);
    expect(billDeliveries().at(-1)).toMatchObject({ reference: sale.id, amountMinor: 15_000, costMinorUsd: 15_075 });
    expect((await value('sales.get', { id: sale.id })).events.map((event: { toState: string }) => event.toState)).toEqual(['created', 'sending', 'succeeded']);
  });

  it('a second tap with the same request id answers the same payment and pays nothing more', async () => {
    const input = payInput();
    const [first, second] = await Promise.all([value('billpay.pay', input), value('billpay.pay', input)]);
    expect(second.id).toBe(first.id);
    expect(billDeliveries().filter((delivery) => delivery.reference === first.id)).toHaveLength(1);
  });

  it('an account the biller refuses fails with account_rejected and the pesos are owed back', async () => {
    const sale = await value('billpay.pay', payInput({ accountNumber: '5500000001' }));
    expect(sale).toMatchObject({ state: 'refund_due', failureCode: 'account_rejected' });
    expect(billDeliveries().some((delivery) => delivery.reference === sale.id)).toBe(false);
  });

  it('POSIBLE DUPLICADO is never taken as paid: the order is looked up and, failed there, the pesos are owed back', async () => {
    const sale = await value('billpay.pay', payInput({ accountNumber: '5500000002' }));
    expect(sale.state).toBe('unknown');
    const resolved = await core.sales.sender.resolve(sale.id);
    expect(resolved.state).toBe('refund_due');
    expect(billDeliveries().some((delivery) => delivery.reference === sale.id)).toBe(false);
  });

  it('a lost answer is resolved by replaying the same Idempotency-Key: paid once, never twice', async () => {
    mobisend().control.setFaults([{ kind: 'reset_after_commit', path: '/billpay', count: 1 }]);
    const sale = await value('billpay.pay', payInput());
    expect(sale.state).toBe('unknown');
    const resolved = await core.sales.sender.resolve(sale.id);
    expect(resolved.state).toBe('succeeded');
    expect(billDeliveries().filter((delivery) => delivery.reference === sale.id)).toHaveLength(1);
    const keys = core.sales.ledger.attempts(sale.id).map((attempt) => attempt.idempotencyKey);
    expect(new Set(keys).size).toBe(1);
  });

  it('while a payment to an account is unknown, paying that account again is refused and writes nothing; resolved, it may be paid', async () => {
    mobisend().control.setFaults([{ kind: 'reset_after_commit', path: '/billpay', count: 1 }]);
    const first = await value('billpay.pay', payInput({ accountNumber: '7700000001' }));
    expect(first.state).toBe('unknown');
    const rows = rowCount();
    const paid = billDeliveries().length;
    const again = await call('billpay.pay', payInput({ accountNumber: '7700000001' }));
    expect(again.ok ? 'ok' : again.error.code).toBe('bill_unresolved');
    expect(rowCount()).toBe(rows);
    expect(billDeliveries()).toHaveLength(paid);
    // Another account of the same biller is not held up.
    expect((await value('billpay.pay', payInput({ accountNumber: '7700000002' }))).state).toBe('succeeded');
    // The first one turns out paid (once); next month's bill to the account may then be paid.
    expect((await core.sales.sender.resolve(first.id)).state).toBe('succeeded');
    expect(billDeliveries().filter((delivery) => delivery.reference === first.id)).toHaveLength(1);
    expect((await value('billpay.pay', payInput({ accountNumber: '7700000001' }))).state).toBe('succeeded');
  });

  it('refuses, writing nothing: rush to a biller without it, a changed price, an account with spaces, MobiSend offline', async () => {
    const noRush = (await value('billpay.billers', { search: 'Metro Gas Service 003' })).billers[0]!;
    expect(noRush.rushAvailable).toBe(false);
    const rows = rowCount();
    const refusals = [
      await call('billpay.pay', payInput({ billerCode: noRush.billerCode, billerName: noRush.name, rush: true })),
      await call('billpay.pay', payInput({ expectedCharge: mxn(100) })),
      await call('billpay.pay', payInput({ accountNumber: '1234 5678' })),
    ];
    expect(refusals.map((answer) => (answer.ok ? 'ok' : answer.error.code))).toEqual(['invalid_input', 'quote_changed', 'invalid_input']);
    await mobisend().control.setOffline(true);
    try {
      await call('connectivity.get', {});
      core.sales.connectivity.observe('mobisend', { ok: false, error: { code: 'provider_error', message: 'refused', outcomeKnown: true, retrySameKeySafe: true, notSent: true } });
      const offline = await call('billpay.pay', payInput());
      expect(offline.ok ? 'ok' : offline.error.code).toBe('offline_not_allowed');
    } finally {
      await mobisend().control.setOffline(false);
      core.sales.connectivity.observe('mobisend', { ok: true, value: null });
    }
    expect(rowCount()).toBe(rows);
  });
});

describe('international top-ups priced in pesos', () => {
  it('quotes and sells 5 USD of Tigo in Honduras for 97.13 MXN, keeping USD sent, rate and markup', async () => {
    const quote = await value('catalog.quoteInternational', { country: 'HN', carrier: 'Tigo', amount: usd(500) });
    // 5.00 × 18.50 = 92.50; × 1.05 = 97.125 → 97.13 MXN
    expect(quote).toMatchObject({ recipientGets: usd(500), pricing: { sent: usd(500), charge: mxn(9713), rate: '18.50', markupPercent: '5' } });
    const sale = await value('sales.sell', { requestId: crypto.randomUUID(), phone: '98765432', country: 'HN', carrier: 'Tigo', amount: usd(500), expectedCharge: mxn(9713) });
    expect(sale).toMatchObject({ state: 'succeeded', price: mxn(9713), faceValue: usd(500), shopRate: '18.50', markupPercent: '5', kind: 'topup' });
    const delivery = mobisend().control.records().deliveries.find((item) => item.reference === sale.id);
    expect(delivery).toMatchObject({ amountMinor: 500, currency: 'USD' });
  });

  it('a per-country price wins over the one for all; without any, nothing priced in USD is sold', async () => {
    await value('pricing.set', { default: DEMO_PRICING.default, byCountry: [{ country: 'PE', rate: '20', markupPercent: '0' }] });
    const peru = await value('catalog.quoteInternational', { country: 'PE', carrier: 'Bitel', amount: usd(200) });
    expect(peru.pricing.charge).toEqual(mxn(4000)); // 2.00 × 20 = 40.00
    await value('pricing.set', { default: null, byCountry: [] });
    const rows = rowCount();
    const refused = await call('sales.sell', { requestId: crypto.randomUUID(), phone: '98765432', country: 'HN', carrier: 'Tigo', amount: usd(500) });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('pricing_not_set');
    expect(rowCount()).toBe(rows);
    const honduras = (await value('catalog.countries', {})).countries.find((country: { code: string }) => country.code === 'HN');
    expect(honduras).toMatchObject({ sellable: false, reason: 'pricing_not_set' });
  });

  it('a change of the rate is in the journal with who made it, from and to; the same rate again adds nothing', async () => {
    const pricingEntries = () => core.journal.entries({ kind: 'settings.changed', subject: 'sales.pricing' });
    const before = pricingEntries().length;
    const owner = core.session.current();
    await value('pricing.set', { default: { rate: '19.25', markupPercent: '3' }, byCountry: [] });
    await value('pricing.set', { default: { rate: '19.25', markupPercent: '3' }, byCountry: [] });
    const entries = pricingEntries();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      actorId: owner?.id,
      detail: { key: 'sales.pricing', from: DEMO_PRICING, to: { default: { rate: '19.25', markupPercent: '3' }, byCountry: [] } },
    });
  });

  it('the owner\'s rate and markup are validated; a bad one changes nothing', async () => {
    const journalLength = core.journal.entries({}).length;
    for (const bad of [{ rate: '0', markupPercent: '5' }, { rate: '18.5.0', markupPercent: '5' }, { rate: '18.50', markupPercent: '101' }, { rate: '-1', markupPercent: '1' }]) {
      const answer = await call('pricing.set', { default: bad, byCountry: [] });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('invalid_input');
    }
    const twice = await call('pricing.set', { default: null, byCountry: [{ country: 'PE', rate: '20', markupPercent: '0' }, { country: 'PE', rate: '21', markupPercent: '0' }] });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('invalid_input');
    expect(await value('pricing.get', {})).toEqual(DEMO_PRICING);
    expect(core.journal.entries({})).toHaveLength(journalLength);
  });

  it('offers the countries with a cached catalog, the most sold first', async () => {
    const { countries } = await value('catalog.countries', {});
    const codes = countries.map((country: { code: string }) => country.code);
    // So far one top-up went to Honduras and none to Mexico (bills are not top-ups): Honduras first, then Mexico
    // ahead of the other unsold countries.
    expect(codes).toEqual(['HN', 'MX', 'PE', 'PH']);
    expect(countries.every((country: { sellable: boolean }) => country.sellable)).toBe(true);
    expect((await value('catalog.countries', { search: 'peru' })).countries.map((country: { code: string }) => country.code)).toEqual(['PE']);
  });
});

describe('"No sé la compañía" and bundles', () => {
  it('sells in Mexico without a carrier; the sale names the carrier MobiSend detected, and the hint offers it next time', async () => {
    const sale = await value('sales.sell', { requestId: crypto.randomUUID(), phone: '5512345675', country: 'MX', amount: mxn(5000) });
    expect(sale).toMatchObject({ state: 'succeeded', provider: 'mobisend', carrier: 'Movistar', carrierDetected: true });
    expect(await value('catalog.carrierHint', { phone: '5512345675', country: 'MX' })).toMatchObject({ carrier: 'Movistar', detected: true });
    expect(await value('catalog.carrierHint', { phone: '5599999999', country: 'MX' })).toEqual({ carrier: null, lastSoldAt: null, detected: false });
    expect(core.sales.ledger.verify()).toMatchObject({ ok: true });
  });

  it('refuses a missing carrier outside Mexico', async () => {
    const answer = await call('sales.sell', { requestId: crypto.randomUUID(), phone: '98765432', country: 'HN', amount: usd(500) });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('invalid_input');
  });

  it('lists bundles with what they include, filtered by kind, and a bundle sold is a sale of kind bundle', async () => {
    const catalog = await value('catalog.get', { country: 'MX', kind: 'bundle' });
    expect(catalog.products.length).toBeGreaterThan(0);
    expect(catalog.products.every((product: { type: string }) => product.type === 'bundle')).toBe(true);
    const fiveGb = catalog.products.find((product: { name: string; carrier: string }) => product.name.startsWith('Paquete Internet 5GB') && product.carrier === 'Telcel')!;
    expect(fiveGb.includes).toMatchObject({ dataMb: 5120, days: 30, apps: ['WhatsApp', 'Facebook'] });
    const unlimited = catalog.products.find((product: { name: string }) => product.name.startsWith('Amigo Sin Límite'))!;
    expect(unlimited.includes).toMatchObject({ dataMb: 3072, days: 15, apps: [] });
    const topups = await value('catalog.get', { country: 'MX', kind: 'topup' });
    expect(topups.products.every((product: { type: string }) => product.type === 'topup')).toBe(true);
    const sale = await value('sales.sell', { requestId: crypto.randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel', sku: fiveGb.sku, provider: fiveGb.provider });
    expect(sale).toMatchObject({ kind: 'bundle', price: mxn(20_000) });
  });
});
