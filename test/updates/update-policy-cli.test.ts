/**
 * `npm run cli -- update-policy` as a tech uses it on the phone with the owner: one JSON line saying what
 * the policy decides now and why, read from the real ledger and settings of the data folder.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileIn, openDatabase } from '../../electron/core/db/open';
import { Ledger } from '../../electron/core/ledger/ledger';
import { recordUpdateCheck } from '../../electron/core/updates/settings';
import { runUpdatePolicyCommand } from '../../electron/cli/update-policy';

const ELEVEN_AT_NIGHT = new Date('2026-03-11T05:00:00Z'); // 23:00 in Mexico City: the shop (8–21) is closed

function run(dataDir: string, argv: string[] = [], now = ELEVEN_AT_NIGHT): { status: number; answer: Record<string, unknown> } {
  const lines: string[] = [];
  const status = runUpdatePolicyCommand(argv, { dataDir, now: () => now, version: '0.1.0', output: (line) => lines.push(line) });
  expect(lines).toHaveLength(1);
  return { status, answer: JSON.parse(lines[0] ?? '') as Record<string, unknown> };
}

function withLedger(dataDir: string, act: (db: ReturnType<typeof openDatabase>) => void): void {
  const db = openDatabase({ file: databaseFileIn(dataDir) });
  try {
    act(db);
  } finally {
    db.close();
  }
}

function queueOneSale(db: ReturnType<typeof openDatabase>): void {
  const id = randomUUID();
  const ledger = new Ledger(db);
  ledger.createSale({ id, requestId: randomUUID(), idempotencyKey: randomUUID(), cashierId: 'u', shiftId: 's', provider: 'relier', country: 'MX', carrier: 'Telcel', sku: null, phone: '5512345678', price: { minor: 5000, currency: 'MXN' } });
  ledger.transition(id, 'created', 'queued');
}

describe('cli update-policy', () => {
  it('on a fresh kiosk: nothing to install yet; with an update ready it would install by itself at night', () => {
    const { status, answer } = run(mkdtempSync(join(tmpdir(), 'saldo-upcli-')));
    expect(status).toBe(0);
    expect(answer).toMatchObject({
      ok: true,
      updatePolicy: { decision: 'wait', reason: { code: 'no_update_downloaded' } },
      ifUpdateReady: { decision: 'install-now', reason: { code: 'shop_closed' } },
      channel: 'stable',
      shopHours: { open: 8, close: 21 },
      timeZone: 'America/Mexico_City',
      ledger: { sending: false, queued: 0, unknown: 0, pending: 0 },
    });
  });

  it('reads the queue from the ledger and the downloaded update from the app’s last check; the owner can allow it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-upcli-'));
    withLedger(dataDir, (db) => {
      queueOneSale(db);
      recordUpdateCheck(db, { at: '2026-03-11T04:00:00.000Z', result: 'downloaded', version: '0.2.0' });
    });
    expect(run(dataDir).answer).toMatchObject({
      updatePolicy: { decision: 'wait', reason: { code: 'offline_queue_not_empty' } },
      ledger: { queued: 1 },
      lastCheck: { result: 'downloaded', version: '0.2.0' },
    });
    expect(run(dataDir, ['--owner-confirms', '--allow-queue']).answer).toMatchObject({ updatePolicy: { decision: 'install-now' }, ownerAllowsNonEmptyQueue: true });
    expect(run(dataDir, ['--withdraw']).answer).toMatchObject({ updatePolicy: { decision: 'wait' }, ownerConfirmed: false });
  });

  it('changes the channel and shop hours when asked, and refuses nonsense with invalid_input', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-upcli-'));
    expect(run(dataDir, ['--channel', 'beta', '--shop-hours', '18-2']).answer).toMatchObject({ channel: 'beta', shopHours: { open: 18, close: 2 }, ifUpdateReady: { decision: 'ask-owner' } });
    for (const bad of [['--channel', 'nightly'], ['--shop-hours', 'late'], ['--shop-hours', '9-9'], ['--allow-queue'], ['--frobnicate']]) {
      const { status, answer } = run(dataDir, bad);
      expect(status).toBe(1);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(run(dataDir).answer).toMatchObject({ channel: 'beta', shopHours: { open: 18, close: 2 } });
  });

  it('is routed by `npm run cli` and prints one JSON line for SALDO_DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saldo-upcli-'));
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'update-policy'], { env: { ...process.env, SALDO_DATA_DIR: dataDir }, encoding: 'utf8' });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ ok: true, updatePolicy: { reason: { code: 'no_update_downloaded' } } });
  });
});
