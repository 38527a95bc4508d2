/**
 * The updates.* channels through the one dispatcher, as the owner's and the tech's screens will call them:
 * a tech or owner may ask, only an owner may say yes or change the settings, nonsense is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes } from '../../electron/sandbox';

let core: SaldoCore;
let dataDir: string;
const ELEVEN_AT_NIGHT = new Date('2026-03-11T05:00:00Z'); // 23:00 in Mexico City

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-update-channels-'));
  core = await createSaldoCore({ dataDir, host: 'cli', version: '0.1.0', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, clock: () => ELEVEN_AT_NIGHT, demoProviders: () => startDemoSandboxes() });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (channel: string, input: unknown = {}) => core.dispatcher.invoke(channel, input, { host: 'test' });

describe('updates channels', () => {
  it('tell an owner (or a tech) what would happen with an update ready, and refuse a cashier or nobody', async () => {
    core.session.signOut();
    expect(await call('updates.status')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    core.session.signIn({ id: 'u-cashier', name: 'Ana', role: 'cashier' });
    expect(await call('updates.status')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('updates.confirm', { allowNonEmptyQueue: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.session.signIn({ id: 'u-owner', name: 'Carla', role: 'owner' });
    expect(await call('updates.status')).toMatchObject({
      ok: true,
      value: { version: '0.1.0', policy: { reason: { code: 'no_update_downloaded' } }, ifUpdateReady: { decision: 'install-now', reason: { code: 'shop_closed' } }, channel: 'stable' },
    });
  });

  it('take the owner’s yes and the owner’s settings, and refuse impossible hours', async () => {
    expect(await call('updates.confirm', { allowNonEmptyQueue: true })).toMatchObject({ ok: true, value: { ownerConfirmed: true, ownerAllowsNonEmptyQueue: true } });
    expect(await call('updates.configure', { channel: 'beta', shopHours: { open: 0, close: 24 } })).toMatchObject({
      ok: true,
      value: { channel: 'beta', shopHours: { open: 0, close: 24 }, ifUpdateReady: { decision: 'install-now', reason: { code: 'shop_open_owner_confirmed' } } },
    });
    expect(await call('updates.configure', { shopHours: { open: 9, close: 9 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('updates.configure', { channel: 'nightly' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
