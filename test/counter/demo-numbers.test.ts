/**
 * Demo mode reaches every sandbox behaviour from the counter: a test number goes first to the provider that
 * shows it (MobiSend's possible duplicate), while any other number keeps the owner's routing (Relier first).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';
import type { Sale } from '../../shared/contract/sales';

let core: SaldoCore<RunningSandbox>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-demo-numbers-'));
  core = await createSaldoCore({ dataDir, host: 'cli', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
  await core.dispatcher.invoke('auth.signIn', { pin: '1234' }, { host: 'test' });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function sell(phone: string): Promise<Sale> {
  const answer = await core.dispatcher.invoke('sales.sell', { requestId: randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } }, { host: 'test' });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as Sale;
}

it("sends MobiSend's possible-duplicate test number to MobiSend, and any other number to Relier first", async () => {
  const duplicate = await sell('5500000002');
  expect(duplicate.provider).toBe('mobisend');
  expect(duplicate.state).not.toBe('succeeded');
  const mobisend = core.sandboxes.find((sandbox) => sandbox.provider === 'mobisend')!;
  expect(mobisend.control.records().requests.some((request) => request.phone === '5500000002')).toBe(true);
  expect((await sell('5512345678')).provider).toBe('relier');
});
