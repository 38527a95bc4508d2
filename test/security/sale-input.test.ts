/**
 * A sale the shop cannot take is refused by the core itself, whoever calls the contract: a carrier the catalog
 * does not know for the country (or one with controls, bidi overrides or markup), a currency or country the
 * shop does not sell in, a phone number the renderer would refuse. Each answers invalid_input and writes no row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

let core: SaldoCore<RunningSandbox>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-input-'));
  core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
  await core.recovery;
  await core.sales.sync.refresh();
  expect(core.sales.cache.catalog('MX').carriers.length).toBeGreaterThan(0);
  expect((await call('auth.signIn', { pin: '1234' })).ok).toBe(true);
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (channel: string, input: unknown = {}) => core.dispatcher.invoke(channel, input, { host: 'test' });
const rowCount = (): number => (core.db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
const sale = (overrides: Record<string, unknown>) => ({ requestId: randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, ...overrides });

describe('the core checks a sale before writing it', () => {
  it('sells a well-formed Mexican top-up (the baseline the refusals are measured against)', async () => {
    const before = rowCount();
    expect(await call('sales.sell', sale({}))).toMatchObject({ ok: true, value: { carrier: 'Telcel' } });
    expect(rowCount()).toBe(before + 1);
  });

  it.each([
    ['a carrier no catalog lists', { carrier: 'Operadora Fantasma' }],
    ['a NUL in the carrier', { carrier: 'Telcel\u0000' }],
    ['a right-to-left override', { carrier: '\u202eTelcel' }],
    ['markup', { carrier: '<img src=x onerror=alert(1)>' }],
    ['US dollars in Mexico', { amount: { minor: 500, currency: 'USD' } }],
    ['lempiras in Honduras (sold in dollars)', { country: 'HN', carrier: 'Tigo', phone: '98765432', amount: { minor: 50000, currency: 'HNL' } }],
    ['pesos in Brazil', { country: 'BR', carrier: 'Vivo', phone: '11987654321', amount: { minor: 5000, currency: 'MXN' } }],
    ['a 6-digit Mexican number', { phone: '551234' }],
    ['an 11-digit Mexican number', { phone: '55123456789' }],
    ['a number that is not Mexican', { phone: '0000000000' }],
  ])('refuses %s: invalid_input, no row', async (_what, overrides) => {
    const before = rowCount();
    const answer = await call('sales.sell', sale(overrides));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rowCount()).toBe(before);
  });

  it('accepts the carrier whatever its letter case, as the catalog spells it', async () => {
    expect(await call('sales.sell', sale({ carrier: 'telcel', phone: '5587654321' }))).toMatchObject({ ok: true });
  });
});
