/** No demo user in live mode, through the assembled core: a data folder switched from demo to live. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../electron/core/auth';
import { createSaldoCore, type SaldoCoreOptions } from '../../electron/core/runtime';
import { startDemoSandboxes } from '../../electron/sandbox';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const LIVE_ENV = { SALDO_MOBISEND_URL: 'https://mobisend.example', SALDO_MOBISEND_API_KEY: 'a-real-looking-key' };

function options(dataDir: string, env: Record<string, string>): SaldoCoreOptions {
  return { dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, env, demoProviders: () => startDemoSandboxes() };
}

const sale = () => ({ requestId: crypto.randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });

describe('live mode', () => {
  it('a folder switched from demo to live: the demo PINs sign nobody in, their sales keep their cashier, no sale without an owner', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-live-'));
    dirs.push(dataDir);
    const demo = await createSaldoCore(options(dataDir, {}));
    await demo.recovery;
    const call = (core: typeof demo, channel: string, input: unknown = {}) => core.dispatcher.invoke(channel, input, { host: 'test' });
    expect(await call(demo, 'auth.signIn', { pin: '1234' })).toMatchObject({ ok: true });
    const sold = await call(demo, 'sales.sell', sale());
    expect(sold).toMatchObject({ ok: true });
    const cashierId = sold.ok ? (sold.value as { cashierId: string }).cashierId : '';
    await demo.close();

    const live = await createSaldoCore(options(dataDir, LIVE_ENV));
    try {
      expect(live.info.mode).toBe('live');
      for (const pin of ['1234', '4321']) expect(await call(live, 'auth.signIn', { pin })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(live.db.prepare('SELECT name FROM users WHERE id = ?').get(cashierId)).toEqual({ name: 'Cajero demo' });
      expect(live.db.prepare('SELECT COUNT(*) AS n FROM sales WHERE cashier_id = ?').get(cashierId)).toEqual({ n: 1 });

      // A cashier exists but no owner yet: signing in works, selling is refused and writes nothing.
      const { hash, salt } = await hashPin('778899', { N: 1024, r: 8, p: 1 });
      live.db.prepare("INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES ('u-beto', 'Beto', 'cashier', ?, ?, '2025-01-01T00:00:00Z')").run(hash, salt);
      expect(await call(live, 'auth.signIn', { pin: '778899' })).toMatchObject({ ok: true });
      const salesBefore = live.db.prepare('SELECT COUNT(*) AS n FROM sales').get();
      expect(await call(live, 'sales.sell', sale())).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/owner first/) } });
      expect(live.db.prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual(salesBefore);
    } finally {
      await live.close();
    }
  });

  it('a fresh live install has no user at all', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-live-'));
    dirs.push(dataDir);
    const live = await createSaldoCore(options(dataDir, LIVE_ENV));
    try {
      expect(live.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });
    } finally {
      await live.close();
    }
  });
});
