/**
 * The assembled core, as every host gets it: every channel of the contract is answered, credentials never
 * cross the boundary, and a malformed sale changes nothing in the ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

let core: SaldoCore<RunningSandbox>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-runtime-'));
  core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (channel: string, input: unknown = {}) => core.dispatcher.invoke(channel, input, { host: 'test' });

describe('the assembled core', () => {
  it('answers every channel the contract declares', () => {
    expect(core.dispatcher.missingHandlers()).toEqual([]);
  });

  it('starts in demo mode with healthy storage and all three providers configured', async () => {
    // Signed out, the app tells its name, version and mode, nothing about the machine.
    expect(await call('app.info')).toEqual({ ok: true, value: { name: 'Saldo', version: '0.0.0-test', mode: 'demo' } });
    expect((await call('auth.signIn', { pin: '4321' })).ok).toBe(true);
    expect(await call('app.info')).toMatchObject({ ok: true, value: { mode: 'demo', name: 'Saldo', host: 'cli', dataDir } });
    const health = await call('app.health');
    expect(health).toMatchObject({ ok: true, value: { ok: true, database: { ok: true } } });
    if (health.ok) expect((health.value as { providers: Array<{ configured: boolean }> }).providers.every((provider) => provider.configured)).toBe(true);
  });

  it('never sends a credential to the renderer, only whether it is set', async () => {
    const settings = await call('settings.get');
    expect(settings.ok).toBe(true);
    const text = JSON.stringify(settings);
    const secrets = core.sandboxes.flatMap((sandbox) => Object.values(sandbox.credentials)).filter((value) => value.length > 8);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('"set":true');
  });

  it('refuses a malformed sale and records nothing', async () => {
    expect((await call('auth.signIn', { pin: '1234' })).ok).toBe(true);
    const before = await call('sales.list', {});
    for (const bad of [
      { requestId: 'not-a-uuid', phone: '5512345678', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } },
      { requestId: crypto.randomUUID(), phone: '55-1234', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } },
      { requestId: crypto.randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel', amount: { minor: 50.5, currency: 'MXN' } },
      { requestId: crypto.randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel' },
    ]) {
      expect(await call('sales.sell', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await call('sales.list', {})).toEqual(before);
  });

  it('asks a signed-out counter to sign in before it sells', async () => {
    await call('auth.signOut');
    const answer = await call('sales.sell', { requestId: crypto.randomUUID(), phone: '5500000000', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('demo mode, composed by the host', () => {
  it('never asks the host for demo providers once one provider has real credentials', async () => {
    const liveDir = mkdtempSync(join(tmpdir(), 'saldo-runtime-live-'));
    const demoProviders = vi.fn(() => startDemoSandboxes());
    const env = { SALDO_MOBISEND_URL: 'https://mobisend.example', SALDO_MOBISEND_API_KEY: 'a-real-looking-key' };
    const live = await createSaldoCore({ dataDir: liveDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, env, demoProviders });
    try {
      expect(live.info.mode).toBe('live');
      expect(demoProviders).not.toHaveBeenCalled();
      expect(live.sandboxes).toEqual([]);
    } finally {
      await live.close();
      rmSync(liveDir, { recursive: true, force: true });
    }
  });

  it('closes the demo providers it was given when it closes', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'saldo-runtime-demo-'));
    const closed: string[] = [];
    const demoProviders = async () =>
      (await startDemoSandboxes()).map((sandbox) => ({
        ...sandbox,
        close: async () => {
          await sandbox.close();
          closed.push(sandbox.provider);
        },
      }));
    const demo = await createSaldoCore({ dataDir: demoDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, env: {}, demoProviders });
    expect(demo.info.mode).toBe('demo');
    await demo.close();
    rmSync(demoDir, { recursive: true, force: true });
    expect(closed.sort()).toEqual(['liquido', 'mobisend', 'relier']);
  });
});
