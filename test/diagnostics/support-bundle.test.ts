/**
 * Issue 11's proof: a session in live mode where every credential (from the environment) is one unique canary
 * value and an owner signs in with a canary PIN; sales go through, one waits in the queue while a provider is
 * offline. Then the diagnostics say so, and the support bundle, unzipped file by file (the database copy too),
 * holds neither the canary nor any PIN hash, salt or full phone number.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../shared/contract/app';
import type { Diagnostics, SupportBundle } from '../../shared/contract/diagnostics';
import { hashPin } from '../../electron/core/auth';
import { PROVIDER_ENV } from '../../electron/core/providers/config';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox';

const CANARY = `canary-${randomUUID()}`;
// Six digits that start with 9: no demo PIN, and printed so a failing run can be told apart.
const CANARY_PIN = `9${String(randomInt(0, 100_000)).padStart(5, '0')}`;
const SOLD_PHONE = '5512345678';
const QUEUED_PHONE = '5587654321';

let dataDir: string;
let core: SaldoCore;
const sandboxes = new Map<ProviderId, RunningSandbox>();

const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
  const answer = await core.dispatcher.invoke(channel, input, { host: 'test' });
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
};

const sell = (phone: string) => call<{ state: string }>('sales.sell', { requestId: randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });

beforeAll(async () => {
  console.log(`support bundle canary: ${CANARY}, PIN ${CANARY_PIN}`);
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-diagnostics-'));
  const credentials = { apiKey: CANARY, customerId: CANARY, reconcileKey: CANARY, accessToken: CANARY };
  for (const provider of ['relier', 'mobisend', 'liquido'] as const) sandboxes.set(provider, await startSandbox(provider, { credentials, asyncDelayMs: 30, rateWindowScale: 0.001 }));
  const url = (provider: ProviderId) => sandboxes.get(provider)!.url;
  const env = {
    [PROVIDER_ENV.relier.url]: url('relier'),
    [PROVIDER_ENV.relier.apiKey]: CANARY,
    [PROVIDER_ENV.relier.customerId]: CANARY,
    [PROVIDER_ENV.relier.reconcileKey]: CANARY,
    [PROVIDER_ENV.mobisend.url]: url('mobisend'),
    [PROVIDER_ENV.mobisend.apiKey]: CANARY,
    [PROVIDER_ENV.liquido.url]: url('liquido'),
    [PROVIDER_ENV.liquido.apiKey]: CANARY,
    [PROVIDER_ENV.liquido.accessToken]: CANARY,
    SALDO_PROVIDER_TIMEOUT_MS: '2000',
  };
  core = await createSaldoCore({
    dataDir,
    host: 'cli',
    version: '0.0.0-test',
    validateContract: true,
    startSync: false,
    pinHashCost: { N: 1024 },
    env,
    demoProviders: () => Promise.reject(new Error('live mode must not start demo providers')),
    sales: { online: { waitMs: 2_000, pollMs: 25 } },
  });
  await core.recovery;
  const { hash, salt } = await hashPin(CANARY_PIN, { N: 1024, r: 8, p: 1 });
  core.db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('canary-owner', 'Dueña canario', 'owner', ?, ?, ?)").run(hash, salt, new Date().toISOString());
  // Live mode has no demo users: a cashier of the shop's own, so the bundle holds more than one PIN hash to hide.
  const cashierPin = await hashPin('864213', { N: 1024, r: 8, p: 1 });
  core.db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('canary-cashier', 'Cajero canario', 'cashier', ?, ?, ?)").run(cashierPin.hash, cashierPin.salt, new Date().toISOString());

  // A wrong PIN first (logged), then the canary PIN.
  expect((await core.dispatcher.invoke('auth.signIn', { pin: '000000' }, { host: 'test' })).ok).toBe(false);
  await call('auth.signIn', { pin: CANARY_PIN });
  expect((await sell(SOLD_PHONE)).state).toBe('succeeded');
  // Line down: the next sale waits in the queue. Then two providers come back; Relier stays offline.
  for (const sandbox of sandboxes.values()) await sandbox.control.setOffline(true);
  expect((await sell(QUEUED_PHONE)).state).toBe('queued');
  await sandboxes.get('mobisend')!.control.setOffline(false);
  await sandboxes.get('liquido')!.control.setOffline(false);
  // A careless log line that carries a credential and a number: the bundle's own redaction must catch it.
  core.logger.warn('test.careless_line', { note: `sent x-api-key ${CANARY} for ${SOLD_PHONE}`, headers: { 'x-customer-id': CANARY } });
}, 60_000);

afterAll(async () => {
  await core?.close();
  await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('diagnostics with a provider offline and a sale in the queue', () => {
  let diagnostics: Diagnostics;
  beforeAll(async () => {
    diagnostics = await call<Diagnostics>('app.diagnostics');
  }, 30_000);

  it('names the offline provider and the queued sale among the problems', () => {
    expect(diagnostics.problems).toContainEqual({ code: 'provider_unreachable', provider: 'relier' });
    expect(diagnostics.problems).toContainEqual({ code: 'queue_not_empty', count: 1 });
    expect(diagnostics.problems.map((problem) => problem.code)).not.toContain('integrity_failed');
  });

  it('probes each provider now: Relier unreachable, the other two answering with a measured latency', () => {
    const byId = Object.fromEntries(diagnostics.providers.map((provider) => [provider.id, provider]));
    expect(byId.relier).toMatchObject({ configured: true, reachable: false, balance: null });
    for (const id of ['mobisend', 'liquido']) {
      expect(byId[id]).toMatchObject({ configured: true, reachable: true });
      expect(byId[id]!.latencyMs).toBeGreaterThanOrEqual(0);
    }
    // MobiSend reports a balance; the sandbox started with 10,000 USD and one 50 MXN sale went through Relier.
    expect(byId.mobisend!.balance).toEqual({ minor: 1_000_000, currency: 'USD' });
  });

  it('reports the queue, a sound database, the chain head and the connectivity changes of the day', () => {
    expect(diagnostics).toMatchObject({ mode: 'live', version: '0.0.0-test', dataDir, database: { integrity: 'ok', integrityOk: true }, chain: { ok: true } });
    expect(diagnostics.queue).toMatchObject({ queued: 1, queuedTotal: { minor: 5000, currency: 'MXN' }, unknown: 0 });
    const last = core.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM sale_events ORDER BY seq DESC LIMIT 1').get();
    expect(diagnostics.chain.head).toEqual(last);
    expect(diagnostics.database.sizeBytes).toBeGreaterThan(0);
    const relierChanges = diagnostics.connectivity.transitions.filter((change) => change.provider === 'relier');
    expect(relierChanges.at(-1)).toMatchObject({ reachable: false });
    expect(diagnostics.logs.lines.length).toBeGreaterThan(0);
    expect(diagnostics.logs.lines.length).toBeLessThanOrEqual(200);
    expect(diagnostics.updates).toEqual({ channel: 'stable', lastCheckAt: null, lastResult: null });
  });
});

describe('the support bundle', () => {
  let files: Record<string, Uint8Array>;
  let secrets: string[];
  beforeAll(async () => {
    const users = core.db.prepare<[], { pin_hash: string; pin_salt: string }>('SELECT pin_hash, pin_salt FROM users').all();
    expect(users.length).toBe(2);
    // The whole stored hash, its base64 digest alone, and the salt.
    secrets = users.flatMap((user) => [user.pin_hash, user.pin_hash.split('$').at(-1)!, user.pin_salt]);
    const bundle = await call<SupportBundle>('diagnostics.supportBundle');
    files = unzipSync(new Uint8Array(Buffer.from(bundle.base64, 'base64')));
    expect(Object.keys(files).sort()).toEqual(bundle.files.slice().sort());
  }, 30_000);

  it('holds diagnostics, settings, schema, logs and a database copy', () => {
    for (const name of ['diagnostics.json', 'settings.json', 'schema.sql', 'logs/saldo.log', 'database/saldo-masked.sqlite']) expect(Object.keys(files)).toContain(name);
    expect(Buffer.from(files['schema.sql']!).toString()).toContain('CREATE TABLE sales');
  });

  it('contains neither the canary credential nor any PIN hash or salt, in any file', () => {
    for (const [name, bytes] of Object.entries(files)) {
      const buffer = Buffer.from(bytes);
      expect(buffer.includes(CANARY), `${name} holds the canary`).toBe(false);
      for (const secret of secrets) expect(buffer.includes(secret), `${name} holds a PIN hash or salt`).toBe(false);
      expect(buffer.includes(SOLD_PHONE) || buffer.includes(QUEUED_PHONE), `${name} holds a full phone number`).toBe(false);
    }
    // The PIN itself is looked for in the text files only: six digits can occur by chance inside a binary page.
    for (const name of Object.keys(files).filter((file) => !file.endsWith('.sqlite'))) expect(Buffer.from(files[name]!).includes(CANARY_PIN), name).toBe(false);
  });

  it('keeps the last 4 digits of each number and no PIN hash in the database copy', () => {
    const folder = mkdtempSync(join(tmpdir(), 'saldo-bundle-copy-'));
    const file = join(folder, 'copy.sqlite');
    writeFileSync(file, files['database/saldo-masked.sqlite']!);
    const copy = new BetterSqlite3(file, { readonly: true });
    try {
      const phones = copy.prepare<[], { phone: string }>('SELECT phone FROM sales ORDER BY created_ms').all().map((row) => row.phone);
      expect(phones).toEqual(['******5678', '******4321']);
      expect(copy.prepare('SELECT DISTINCT pin_hash, pin_salt FROM users').all()).toEqual([{ pin_hash: '', pin_salt: '' }]);
      expect(copy.prepare('SELECT count(*) AS n FROM sale_events').get()).toEqual({ n: diagnosticsEvents() });
    } finally {
      copy.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says in its settings that credentials are set, without any part of them', () => {
    const settings = JSON.parse(Buffer.from(files['settings.json']!).toString()) as { providers: Array<{ id: string; credentials: Record<string, unknown> }> };
    const relier = settings.providers.find((provider) => provider.id === 'relier');
    expect(relier?.credentials).toEqual({ apiKey: { set: true }, customerId: { set: true }, reconcileKey: { set: true } });
  });
});

describe('who may look', () => {
  it('refuses diagnostics and the bundle to a cashier, and to nobody signed in', async () => {
    await call('auth.signOut');
    for (const channel of ['app.diagnostics', 'diagnostics.supportBundle']) {
      expect(await core.dispatcher.invoke(channel, {}, { host: 'test' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    await call('auth.signIn', { pin: '864213' }); // the shop's cashier
    for (const channel of ['app.diagnostics', 'diagnostics.supportBundle']) {
      expect(await core.dispatcher.invoke(channel, {}, { host: 'test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

function diagnosticsEvents(): number {
  return (core.db.prepare('SELECT count(*) AS n FROM sale_events').get() as { n: number }).n;
}
