/**
 * The assembled core, as every host gets it: every channel of the contract is answered, credentials never
 * cross the boundary, and a malformed sale changes nothing in the ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';

let core: SaldoCore;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-runtime-'));
  core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 } });
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
    expect(await call('app.info')).toMatchObject({ ok: true, value: { mode: 'demo', name: 'Saldo' } });
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
