/** Shop settings survive a restart, and a hand-edited bad value falls back to its default instead of crashing. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { silentLogger, type Logger } from '../../electron/core/kernel/logger';
import { createSettingsStore, DEFAULT_SHOP_SETTINGS } from '../../electron/core/settings/store';

function freshFile() {
  return join(mkdtempSync(join(tmpdir(), 'saldo-settings-')), 'saldo.sqlite');
}

describe('settings store', () => {
  it('starts from the defaults (Spanish, 58 mm receipts, not kiosk)', () => {
    const store = createSettingsStore(openDatabase({ file: freshFile() }), silentLogger);
    expect(store.read()).toEqual(DEFAULT_SHOP_SETTINGS);
  });

  it('keeps what was saved across a reopen', () => {
    const file = freshFile();
    const first = openDatabase({ file });
    createSettingsStore(first, silentLogger).update({ language: 'en', shop: { name: 'Abarrotes Lupita', address: 'Calle 5 #12' }, receiptWidthMm: 80 });
    first.close();
    const reread = createSettingsStore(openDatabase({ file }), silentLogger).read();
    expect(reread).toMatchObject({ language: 'en', receiptWidthMm: 80, shop: { name: 'Abarrotes Lupita' } });
  });

  it('refuses an invalid change and writes nothing', () => {
    const store = createSettingsStore(openDatabase({ file: freshFile() }), silentLogger);
    expect(() => store.update({ receiptWidthMm: 70 as 58 })).toThrow();
    expect(() => store.update({ nonsense: true } as never)).toThrow();
    expect(store.read()).toEqual(DEFAULT_SHOP_SETTINGS);
  });

  it('uses the default for a value edited by hand into nonsense, and says so in the log', () => {
    const db = openDatabase({ file: freshFile() });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('receiptWidthMm', '\"wide\"', 'x'), ('language', '{not json', 'x')").run();
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (event, fields) => warnings.push(`${event}:${String(fields?.key)}`) };
    expect(createSettingsStore(db, logger).read()).toEqual(DEFAULT_SHOP_SETTINGS);
    expect(warnings.sort()).toEqual(['settings.unreadable_value:language', 'settings.unreadable_value:receiptWidthMm']);
  });
});
