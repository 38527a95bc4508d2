/**
 * "Later prints say COPIA": the core counts each sale's printed receipts (in the journal, so a restart forgets
 * nothing); the first print is the original, every later print is a copy whoever asks for it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createSaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes } from '../../electron/sandbox';
import type { PrintedReceipt } from '../../shared/contract/receipts';
import type { Sale } from '../../shared/contract/sales';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const answer = await core.dispatcher.invoke(channel, input, { host: 'test' });
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}`);
    return answer.value as T;
  };
  return { core, call };
}

it('prints the original once, then COPIA, also after a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'saldo-copies-'));
  dirs.push(dataDir);
  const first = await start(dataDir);
  await first.call('auth.signIn', { pin: '1234' });
  const sale = await first.call<Sale>('sales.sell', { requestId: randomUUID(), phone: '5512345678', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });
  const original = await first.call<PrintedReceipt>('receipts.print', { saleId: sale.id });
  expect(original.lines.join('\n')).not.toContain('COPIA');
  const second = await first.call<PrintedReceipt>('receipts.print', { saleId: sale.id });
  expect(second.lines.join('\n')).toContain('*** COPIA ***');
  await first.core.close();

  const again = await start(dataDir);
  await again.call('auth.signIn', { pin: '1234' });
  const third = await again.call<PrintedReceipt>('receipts.print', { saleId: sale.id });
  expect(third.lines.join('\n')).toContain('*** COPIA ***');
  await again.core.close();
});
