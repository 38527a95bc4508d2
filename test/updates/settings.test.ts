/**
 * The update settings as the owner and the tech meet them: stable and 8–21 until changed, nonsense refused
 * when saved and ignored when read back, the owner's yes lapsing after a shop day, and "updated from X to Y".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { writeSetting } from '../../electron/core/settings/store';
import {
  giveOwnerConsent,
  loadUpdateSettings,
  ownerPermissionAt,
  recordRunningVersion,
  saveUpdateSettings,
  withdrawOwnerConsent,
} from '../../electron/core/updates/settings';

function freshDb() {
  return openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'saldo-updates-')), 'saldo.sqlite') });
}

const HOUR = 3_600_000;
const MONDAY_9AM = new Date('2026-03-09T15:00:00Z');

describe('update settings', () => {
  it('default to the stable channel and 8:00–21:00', () => {
    expect(loadUpdateSettings(freshDb())).toEqual({ channel: 'stable', shopHours: { open: 8, close: 21 } });
  });

  it('keep what the owner saves, including hours across midnight and all day', () => {
    const db = freshDb();
    expect(saveUpdateSettings(db, { channel: 'beta', shopHours: { open: 18, close: 2 } }, MONDAY_9AM)).toEqual({ channel: 'beta', shopHours: { open: 18, close: 2 } });
    expect(saveUpdateSettings(db, { shopHours: { open: 0, close: 24 } }, MONDAY_9AM)).toEqual({ channel: 'beta', shopHours: { open: 0, close: 24 } });
  });

  it('refuse an unknown channel and impossible hours, changing nothing', () => {
    const db = freshDb();
    const refused = [
      { channel: 'nightly' },
      { shopHours: { open: 9, close: 9 } },
      { shopHours: { open: 24, close: 2 } },
      { shopHours: { open: 8, close: 0 } },
      { shopHours: { open: 8.5, close: 21 } },
      { shopHours: { open: 8, close: 21, extra: 1 } },
    ];
    for (const changes of refused) expect(() => saveUpdateSettings(db, changes as never, MONDAY_9AM)).toThrow();
    expect(loadUpdateSettings(db)).toEqual({ channel: 'stable', shopHours: { open: 8, close: 21 } });
  });

  it('read a value edited by hand into nonsense as the default', () => {
    const db = freshDb();
    writeSetting(db, 'updateChannel', 'downgrade-please');
    writeSetting(db, 'shopHours', { open: -1, close: 99 });
    expect(loadUpdateSettings(db)).toEqual({ channel: 'stable', shopHours: { open: 8, close: 21 } });
  });
});

describe('the owner’s permission', () => {
  it('is absent until given, lasts 12 hours, and can be withdrawn', () => {
    const db = freshDb();
    const now = MONDAY_9AM.getTime();
    expect(ownerPermissionAt(db, now)).toEqual({ ownerConfirmed: false, ownerAllowsNonEmptyQueue: false });
    giveOwnerConsent(db, false, MONDAY_9AM);
    expect(ownerPermissionAt(db, now + HOUR)).toEqual({ ownerConfirmed: true, ownerAllowsNonEmptyQueue: false });
    expect(ownerPermissionAt(db, now + 13 * HOUR)).toEqual({ ownerConfirmed: false, ownerAllowsNonEmptyQueue: false });
    giveOwnerConsent(db, true, MONDAY_9AM);
    expect(ownerPermissionAt(db, now + HOUR)).toEqual({ ownerConfirmed: true, ownerAllowsNonEmptyQueue: true });
    withdrawOwnerConsent(db);
    expect(ownerPermissionAt(db, now + HOUR)).toEqual({ ownerConfirmed: false, ownerAllowsNonEmptyQueue: false });
  });

  it('given "in the future" (a clock set back) does not count', () => {
    const db = freshDb();
    giveOwnerConsent(db, true, new Date(MONDAY_9AM.getTime() + 24 * HOUR));
    expect(ownerPermissionAt(db, MONDAY_9AM.getTime()).ownerConfirmed).toBe(false);
  });
});

describe('what changed after an update', () => {
  it('says nothing on the first start, then "from 0.1.0 to 0.2.0" on every start after the update', () => {
    const db = freshDb();
    expect(recordRunningVersion(db, '0.1.0', MONDAY_9AM)).toBeNull();
    expect(recordRunningVersion(db, '0.1.0', MONDAY_9AM)).toBeNull();
    const updatedAt = new Date(MONDAY_9AM.getTime() + 14 * HOUR);
    expect(recordRunningVersion(db, '0.2.0', updatedAt)).toEqual({ from: '0.1.0', to: '0.2.0', at: '2026-03-10T05:00:00.000Z' });
    expect(recordRunningVersion(db, '0.2.0', new Date(updatedAt.getTime() + HOUR))).toEqual({ from: '0.1.0', to: '0.2.0', at: '2026-03-10T05:00:00.000Z' });
  });
});
