import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createSettingsStore } from '../../electron/core/settings/store';
import { silentLogger } from '../../electron/core/kernel/logger';
import { createMemoryPrinter, createReceiptsModule, rendererPrinter } from '../../electron/core/receipts';
import type { Sale } from '../../shared/contract/sales';
import { AppError } from '../../shared/errors';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sale: Sale = {
  id: 'sale-1',
  createdAt: '2025-03-01T17:05:00.000Z',
  updatedAt: '2025-03-01T17:05:01.000Z',
  cashierId: 'u1',
  shiftId: 's1',
  provider: 'mobisend',
  country: 'MX',
  carrier: 'Movistar',
  sku: null,
  phone: '5512345678',
  price: { minor: 10000, currency: 'MXN' },
  cost: null,
  exchangeRate: null,
  providerTransactionId: 'MS-1',
  operatorTransactionId: null,
  state: 'queued',
  attempts: 0,
  failureCode: null,
  failureMessage: null,
};

function setup(printer = createMemoryPrinter()) {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-receipts-'));
  dirs.push(dir);
  const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  dbs.push(db);
  const settings = createSettingsStore(db, silentLogger);
  settings.update({ shop: { name: 'Tienda Lupita', address: 'Calle 5 #10' }, receiptWidthMm: 80 });
  const receipts = createReceiptsModule({
    settings,
    printer,
    logger: silentLogger,
    getSale: (id) => (id === sale.id ? sale : null),
    userName: (id) => (id === 'u1' ? 'Lupita' : null),
    timeZone: 'America/Mexico_City',
  });
  return { receipts, printer, settings };
}

const context = { host: 'test' as const };

describe('receipts module', () => {
  it("renders with the shop's width and language, and follows the language setting", async () => {
    const { receipts } = setup();
    const first = await receipts.handlers['receipts.render']({ saleId: 'sale-1' }, context);
    expect(first).toMatchObject({ columns: 48, widthMm: 80, language: 'es-MX' });
    expect(first.lines.join('\n')).toContain('Tienda Lupita');
    expect(first.lines.join('\n')).toContain('Lupita');
    expect(await receipts.handlers['settings.setLanguage']({ language: 'en' }, context)).toEqual({ language: 'en' });
    const second = await receipts.handlers['receipts.render']({ saleId: 'sale-1', widthMm: 58, copy: true }, context);
    expect(second).toMatchObject({ columns: 32, widthMm: 58, language: 'en' });
    expect(second.lines.join('\n')).toContain('COPY');
  });

  it('prints through the host printer with the paper size in microns', async () => {
    const printer = createMemoryPrinter();
    const { receipts } = setup(printer);
    const printed = await receipts.handlers['receipts.print']({ saleId: 'sale-1' }, context);
    expect(printed).toMatchObject({ via: 'printer', printed: true });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.widthMicrons).toBe(80_000);
    expect(printer.jobs[0]!.html).toContain('Tienda Lupita');
  });

  it('hands the receipt back to the page in the browser host, and refuses an unknown sale', async () => {
    const { receipts } = setup(createMemoryPrinter());
    const browser = createReceiptsModule({ settings: setup().settings, printer: rendererPrinter, logger: silentLogger, getSale: () => sale, userName: () => null });
    expect(await browser.handlers['receipts.print']({ saleId: 'sale-1' }, context)).toMatchObject({ via: 'renderer', printed: false });
    expect(() => receipts.handlers['receipts.render']({ saleId: 'nope' }, context)).toThrow(AppError);
  });
});
