/**
 * What the technician reads on the diagnostics screen once logs rotate and updates run: the last log lines
 * still reach back into the rotated file when the current one has just started, and the last update check
 * is the one the updater recorded (channel, time, result).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { recordUpdateCheck } from '../../electron/core/updates/settings';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

let core: SaldoCore<RunningSandbox>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-diag-rotation-'));
  // A rotation happened just before this start: 300 older lines in saldo.log.1, the current file empty.
  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  const older = Array.from({ length: 300 }, (_, index) => JSON.stringify({ at: '2026-11-29T10:00:00.000Z', level: 'info', event: 'sale.step', seq: index + 1 }));
  writeFileSync(join(dataDir, 'logs', 'saldo.log.1'), older.join('\n') + '\n', { mode: 0o600 });
  core = await createSaldoCore({ dataDir, host: 'cli', version: '1.5.0', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
  await core.recovery;
  recordUpdateCheck(core.db, { at: '2026-11-30T06:00:00.000Z', result: 'downloaded', version: '1.6.0' });
  expect(await core.dispatcher.invoke('auth.signIn', { pin: '4321' }, { host: 'test' })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('the last 200 log lines include the rotated file’s newest, oldest first, then this run’s', async () => {
  const answer = await core.dispatcher.invoke('app.diagnostics', {}, { host: 'test' });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  const { logs, updates } = answer.value as { logs: { lines: string[] }; updates: { channel: string; lastCheckAt: string | null; lastResult: string | null } };
  expect(logs.lines).toHaveLength(200);
  const events = logs.lines.map((line) => JSON.parse(line) as { event: string; seq?: number });
  const older = events.filter((entry) => entry.event === 'sale.step').map((entry) => entry.seq);
  expect(older[0]).toBeGreaterThan(100);
  expect(older.at(-1)).toBe(300);
  expect(events.at(-1)?.event).not.toBe('sale.step');
  expect(updates).toEqual({ channel: 'stable', lastCheckAt: '2026-11-30T06:00:00.000Z', lastResult: 'downloaded' });
});
