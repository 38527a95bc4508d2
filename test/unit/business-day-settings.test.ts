/**
 * The shop's time zone and day start hour are settings: Mexico City from midnight until the owner says
 * otherwise, checked when saved and when read back, and what the core counts as "today" and as a shift.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { silentLogger, type Logger } from '../../electron/core/kernel/logger';
import { createSettingsStore, writeSetting } from '../../electron/core/settings/store';
import { FakeAdapter, harness, sellInput, success, type Harness } from '../sales/fakes';

function freshStore(logger: Logger = silentLogger) {
  const db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'saldo-day-')), 'saldo.sqlite') });
  return { db, store: createSettingsStore(db, logger) };
}

describe('business day settings', () => {
  it('default to Mexico City with the day starting at midnight', () => {
    expect(freshStore().store.read()).toMatchObject({ timeZone: 'America/Mexico_City', dayStartHour: 0 });
  });

  it('keep a time zone and start hour the owner saves', () => {
    const { store } = freshStore();
    store.update({ timeZone: 'America/Tijuana', dayStartHour: 5 });
    expect(store.read()).toMatchObject({ timeZone: 'America/Tijuana', dayStartHour: 5 });
  });

  it('refuse a zone that does not exist and an hour outside 0–23', () => {
    const { store } = freshStore();
    expect(() => store.update({ timeZone: 'Mars/Olympus_Mons' })).toThrow();
    expect(() => store.update({ dayStartHour: 24 })).toThrow();
    expect(() => store.update({ dayStartHour: 5.5 })).toThrow();
    expect(store.read()).toMatchObject({ timeZone: 'America/Mexico_City', dayStartHour: 0 });
  });

  it('fall back to the default for a value edited by hand into nonsense, and say so', () => {
    const warnings: string[] = [];
    const { db, store } = freshStore({ ...silentLogger, warn: (event, fields) => warnings.push(`${event}:${String(fields?.key)}`) });
    writeSetting(db, 'timeZone', 'Nowhere/Atlantis');
    writeSetting(db, 'dayStartHour', -1);
    expect(store.read()).toMatchObject({ timeZone: 'America/Mexico_City', dayStartHour: 0 });
    expect(warnings.sort()).toEqual(['settings.unreadable_value:dayStartHour', 'settings.unreadable_value:timeZone']);
  });
});

describe('the core counts today and shifts by the shop business day', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a sale at 03:00 in Tijuana with days starting at 05:00 belongs to the day before', async () => {
    // 2026-03-15 10:00 UTC is 03:00 PDT (UTC−7) in Tijuana; that business day began 2026-03-14 05:00 PDT.
    h = harness([new FakeAdapter('relier', () => success('RLR-DAY'))], { clock: { now: () => Date.parse('2026-03-15T10:00:00Z') } });
    writeSetting(h.db, 'timeZone', 'America/Tijuana');
    writeSetting(h.db, 'dayStartHour', 5);
    expect(new Date(h.module.service.startOfToday()).toISOString()).toBe('2026-03-14T12:00:00.000Z');
    const sale = await h.module.service.sell(sellInput());
    expect(sale.shiftId).toBe('shift-2026-03-14-u-cashier');
  });
});
