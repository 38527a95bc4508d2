/**
 * The first start after an update, as the owner sees it: app.info says "updated from 0.1.0 to 0.2.0", and a
 * sale the old version left mid-send has been through recovery before the new version takes any sale.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes } from '../../electron/sandbox';

const dataDir = mkdtempSync(join(tmpdir(), 'saldo-after-update-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = (version: string) =>
  createSaldoCore({ dataDir, host: 'cli', version, validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });

describe('after an update restarts the app', () => {
  it('reports what changed and has already recovered what the old version left in flight', async () => {
    const before = await start('0.1.0');
    const info = await before.dispatcher.invoke('app.info', {}, { host: 'test' });
    expect(info.ok && info.value).not.toHaveProperty('lastUpdate');
    const saleId = randomUUID();
    before.sales.ledger.createSale({
      id: saleId,
      requestId: randomUUID(),
      idempotencyKey: randomUUID(),
      cashierId: 'u-cashier',
      shiftId: 'shift-test',
      provider: 'relier',
      country: 'MX',
      carrier: 'Telcel',
      sku: null,
      phone: '5512345678',
      price: { minor: 5000, currency: 'MXN' },
    });
    before.sales.ledger.transition(saleId, 'created', 'sending');
    await before.close();

    const after = await start('0.2.0');
    try {
      expect(after.sales.ledger.get(saleId)?.state).not.toBe('sending');
      const updated = await after.dispatcher.invoke('app.info', {}, { host: 'test' });
      expect(updated).toMatchObject({ ok: true, value: { version: '0.2.0', lastUpdate: { from: '0.1.0', to: '0.2.0' } } });
    } finally {
      await after.close();
    }
  });
});
