/**
 * The Electron update scheduler in plain Node, with a fake electron-updater and a real ledger: what a tech
 * would check on a kiosk. It asks the feed at start and every few hours, installs a downloaded update only
 * when the policy allows (never mid-sale, queue drained, owner's yes in shop hours, by itself at night),
 * never leaves install-on-quit on while the policy says wait, keeps downgrades off on either channel, and
 * records each check's result.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/kernel/logger';
import { Ledger } from '../../electron/core/ledger/ledger';
import type { SaleState } from '../../shared/contract/sales';
import { giveOwnerConsent, readLastUpdateCheck, saveUpdateSettings } from '../../electron/core/updates/settings';
import { createUpdateScheduler, type UpdaterPort } from '../../electron/main/update-scheduler';

const HOUR = 3_600_000;
const MINUTE = 60_000;
// Mexico City is UTC−6; the default shop hours are 8:00–21:00.
const TUESDAY_NOON = Date.parse('2026-03-10T18:00:00Z');
const TUESDAY_11PM = Date.parse('2026-03-11T05:00:00Z');

class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true; // electron-updater's default: the scheduler must turn it off
  allowDowngrade = false;
  allowPrerelease = false;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  private channelValue: string | null = null;
  /** What the next check finds: a newer version (downloaded at once), nothing, or a failure. */
  nextCheck: { offer: string } | 'nothing' | Error = 'nothing';

  get channel(): string | null {
    return this.channelValue;
  }
  set channel(value: string | null) {
    // Like electron-updater: choosing a channel quietly allows downgrades.
    this.channelValue = value;
    this.allowDowngrade = true;
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    const next = this.nextCheck;
    if (next instanceof Error) throw next;
    if (next === 'nothing') this.emit('update-not-available', { version: '0.1.0' });
    else {
      this.emit('update-available', { version: next.offer });
      this.emit('update-downloaded', { version: next.offer });
    }
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function saleIn(ledger: Ledger, state: SaleState): string {
  const id = randomUUID();
  ledger.createSale({
    id,
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
  const path: Partial<Record<SaleState, SaleState[]>> = { sending: ['sending'], queued: ['queued'], unknown: ['sending', 'unknown'], pending: ['sending', 'pending'], succeeded: ['sending', 'succeeded'] };
  let from: SaleState = 'created';
  for (const to of path[state] ?? []) {
    ledger.transition(id, from, to);
    from = to;
  }
  return id;
}

describe('update scheduler', () => {
  let db: Database;
  let ledger: Ledger;
  let updater: FakeUpdater;
  let clock: number;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'saldo-sched-')), 'saldo.sqlite') });
    ledger = new Ledger(db);
    updater = new FakeUpdater();
    clock = TUESDAY_11PM;
  });
  afterEach(() => {
    vi.useRealTimers();
    db.close();
  });

  const scheduler = () => createUpdateScheduler({ updater, db, logger: silentLogger, now: () => clock });
  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('checks at start and again every four hours, not only at start-up', async () => {
    scheduler().start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.checks).toBe(1);
    await advance(4 * HOUR);
    expect(updater.checks).toBe(2);
    await advance(8 * HOUR);
    expect(updater.checks).toBe(4);
  });

  it('downloads in the background, never installs on quit by default, and keeps downgrades off on either channel', async () => {
    const updates = scheduler();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await updates.checkNow();
    expect(updater.channel).toBe('latest');
    expect(updater.allowDowngrade).toBe(false);
    saveUpdateSettings(db, { channel: 'beta' }, new Date(clock));
    await updates.checkNow();
    expect(updater.channel).toBe('beta');
    expect(updater.allowPrerelease).toBe(true);
    expect(updater.allowDowngrade).toBe(false);
    saveUpdateSettings(db, { channel: 'stable' }, new Date(clock));
    await updates.checkNow();
    expect({ channel: updater.channel, allowPrerelease: updater.allowPrerelease, allowDowngrade: updater.allowDowngrade }).toEqual({ channel: 'latest', allowPrerelease: false, allowDowngrade: false });
  });

  it('records what each check found, for the tech', async () => {
    const updates = scheduler();
    await updates.checkNow();
    expect(readLastUpdateCheck(db)).toMatchObject({ result: 'up-to-date', version: '0.1.0', at: new Date(clock).toISOString() });
    updater.nextCheck = new Error('getaddrinfo ENOTFOUND updates.saldo.invalid');
    await updates.checkNow();
    expect(readLastUpdateCheck(db)).toMatchObject({ result: 'error', error: 'getaddrinfo ENOTFOUND updates.saldo.invalid' });
  });

  it('at night with an idle ledger, installs the downloaded update by itself, silently, restarting the app', async () => {
    saleIn(ledger, 'succeeded');
    updater.nextCheck = { offer: '0.2.0' };
    await scheduler().checkNow();
    expect(updater.installs).toEqual([[true, true]]);
    expect(readLastUpdateCheck(db)).toMatchObject({ result: 'downloaded', version: '0.2.0' });
  });

  it('never installs while a sale is being sent; installs at the first check of the policy after it settles', async () => {
    const saleId = saleIn(ledger, 'sending');
    updater.nextCheck = { offer: '0.2.0' };
    const updates = scheduler();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updates.downloadedVersion).toBe('0.2.0');
    expect(updater.installs).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await advance(5 * MINUTE);
    expect(updater.installs).toEqual([]);
    ledger.transition(saleId, 'sending', 'succeeded');
    await advance(MINUTE);
    expect(updater.installs).toHaveLength(1);
  });

  it('waits for the offline queue to drain unless the owner allows installing with it', async () => {
    saleIn(ledger, 'queued');
    saleIn(ledger, 'unknown');
    updater.nextCheck = { offer: '0.2.0' };
    const updates = scheduler();
    await updates.checkNow();
    expect(updates.evaluate()).toMatchObject({ decision: 'wait', reason: { code: 'offline_queue_not_empty' } });
    expect(updater.autoInstallOnAppQuit).toBe(false);
    giveOwnerConsent(db, true, new Date(clock));
    expect(updates.evaluate()).toMatchObject({ decision: 'install-now' });
    expect(updater.installs).toHaveLength(1);
  });

  it('in shop hours asks the owner, and installs at the next idle moment once the owner says yes', async () => {
    clock = TUESDAY_NOON;
    updater.nextCheck = { offer: '0.2.0' };
    const updates = scheduler();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updates.evaluate()).toMatchObject({ decision: 'ask-owner', reason: { code: 'shop_open_needs_owner' } });
    await advance(30 * MINUTE);
    expect(updater.installs).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    giveOwnerConsent(db, false, new Date(clock));
    const saleId = saleIn(ledger, 'sending'); // a customer arrives just then
    await advance(MINUTE);
    expect(updater.installs).toEqual([]);
    ledger.transition(saleId, 'sending', 'succeeded');
    await advance(MINUTE);
    expect(updater.installs).toHaveLength(1);
  });

  it('stops asking the feed once it is installing', async () => {
    updater.nextCheck = { offer: '0.2.0' };
    const updates = scheduler();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.installs).toHaveLength(1);
    await advance(12 * HOUR);
    expect(updater.checks).toBe(1);
  });
});
