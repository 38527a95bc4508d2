/**
 * The technician's test print (Diagnóstico → Imprimir prueba): what a tech reads off the paper at 58 and 80 mm,
 * and that it goes through the same Printer as a sale's receipt (host printer, or the page's print dialog).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createSettingsStore } from '../../electron/core/settings/store';
import { silentLogger } from '../../electron/core/kernel/logger';
import { createMemoryPrinter, createReceiptsModule, rendererPrinter, type Printer } from '../../electron/core/receipts';
import { AppError } from '../../shared/errors';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const context = { host: 'test' as const };
// 1 March 2025, 11:05 in Mexico City.
const printedAt = new Date('2025-03-01T17:05:00.000Z');

function setup(printer: Printer, receiptWidthMm: 58 | 80, language: 'es-MX' | 'en' = 'es-MX') {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-test-print-'));
  dirs.push(dir);
  const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  dbs.push(db);
  const settings = createSettingsStore(db, silentLogger);
  settings.update({ shop: { name: 'Abarrotes Doña Lupita', address: 'Calle 5 #10, Col. Centro' }, receiptWidthMm, language });
  return createReceiptsModule({
    settings,
    printer,
    logger: silentLogger,
    getSale: () => null,
    userName: () => null,
    clock: () => printedAt,
    timeZone: 'America/Mexico_City',
  });
}

describe('test print', () => {
  it('on 58 mm paper: 32 columns, the shop, the date, the width and a 32-digit ruler, no line wider than the paper', async () => {
    const printer = createMemoryPrinter();
    const printed = await setup(printer, 58).handlers['receipts.testPrint']({}, context);
    expect(printed).toMatchObject({ via: 'printer', printed: true, widthMm: 58, columns: 32 });
    const text = printed.lines.join('\n');
    expect(text).toContain('Abarrotes Doña Lupita');
    expect(text).toContain('PRUEBA DE IMPRESIÓN / TEST PRINT');
    expect(text).toMatch(/Fecha:\s+01\/03\/2025,? 11:05/);
    expect(text).toMatch(/Papel:\s+58 mm · 32 col\./);
    expect(printed.lines).toContain('12345678901234567890123456789012');
    for (const line of printed.lines) expect(line.length, line).toBeLessThanOrEqual(32);
    // The same path as a sale's receipt: one job on the host's printer, paper size in microns.
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.widthMicrons).toBe(58_000);
    expect(printer.jobs[0]!.html).toContain('PRUEBA DE IMPRESIÓN / TEST PRINT');
  });

  it('on 80 mm paper: 48 columns and a 48-digit ruler, labels in the counter’s language', async () => {
    const printer = createMemoryPrinter();
    const printed = await setup(printer, 80, 'en').handlers['receipts.testPrint']({}, context);
    expect(printed).toMatchObject({ widthMm: 80, columns: 48, language: 'en' });
    const text = printed.lines.join('\n');
    expect(text).toContain('PRUEBA DE IMPRESIÓN / TEST PRINT');
    expect(text).toMatch(/Date:\s+03\/01\/2025,? 11:05/);
    expect(text).toMatch(/Paper:\s+80 mm · 48 col\./);
    expect(printed.lines).toContain('123456789012345678901234567890123456789012345678');
    for (const line of printed.lines) expect(line.length, line).toBeLessThanOrEqual(48);
    expect(printer.jobs[0]!.widthMicrons).toBe(80_000);
  });

  it('in the browser host, hands the test receipt back for the page’s print dialog', async () => {
    const printed = await setup(rendererPrinter, 58).handlers['receipts.testPrint']({}, context);
    expect(printed).toMatchObject({ via: 'renderer', printed: false, widthMm: 58 });
    expect(printed.lines.join('\n')).toContain('PRUEBA DE IMPRESIÓN / TEST PRINT');
  });

  it('says the printer failed with a stable error code when the printer throws', async () => {
    const broken: Printer = { kind: 'host', print: async () => Promise.reject(new Error('out of paper')) };
    await expect(setup(broken, 80).handlers['receipts.testPrint']({}, context)).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.code === 'internal',
    );
  });
});
