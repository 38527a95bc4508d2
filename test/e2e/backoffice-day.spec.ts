/**
 * A business day end to end (issue 13): the owner opens the drawer; a cashier sells one top-up that is
 * delivered, one that fails (cash handed back at the counter) and one queued offline that fails when the line
 * is back and is owed back; the owner pays that refund out, counts the drawer short, closes the shift with a
 * note and their PIN, reads the X, closes the day (Z-0001) and downloads the sales CSV and the Z's PDF. The
 * figures on the screen, in the CSV and in the PDF agree with each other and with the ledger's own rows.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { confirmButton, expect, pressDigits, result, startSale, test } from './counter-fixture';

const ALWAYS_FAILS = '5500000001';

interface Figure {
  count: number;
  minor: number;
}

/** "$1,234.50" or "-$10.00" → minor units; what a person reads as money. */
function minorOf(text: string): number {
  const match = /(-?)\$?\s*([\d,]+)\.(\d{2})/.exec(text.replace(/\u2212/g, '-'));
  if (!match) throw new Error(`no amount in "${text}"`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]));
}

async function signInAs(page: Page, pin: string): Promise<void> {
  await pressDigits(page, pin);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('button', { name: 'Cambiar cajero' })).toBeVisible();
}

async function switchTo(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Cambiar cajero' }).click();
  await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
  await signInAs(page, pin);
}

/** One row of the report's "Ventas por estado" table as the owner reads it. */
async function screenFigure(page: Page, state: string): Promise<Figure> {
  const cells = page.getByTestId('report-states').locator(`tr[data-state="${state}"] td`);
  return { count: Number(await cells.nth(0).innerText()), minor: minorOf(await cells.nth(1).innerText()) };
}

/** The text cells of a PDF written uncompressed (pdfkit): each TJ array's hex strings, decoded, in order. */
function pdfCells(bytes: Buffer): string[] {
  const content = bytes.toString('latin1');
  const cells: string[] = [];
  for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const text = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join('');
    cells.push(text);
  }
  return cells;
}

/** The [count, amount] after a row's label in the PDF's totals table (its first occurrence). */
function pdfFigure(cells: readonly string[], label: string): Figure {
  const at = cells.indexOf(label);
  if (at < 0) throw new Error(`"${label}" is not in the PDF: ${cells.join(' | ')}`);
  return { count: Number(cells[at + 1]), minor: minorOf(cells[at + 2]!) };
}

/** The sales CSV: a BOM, a header, one quoted row per sale; per state, count and amount in minor units. */
function csvFigures(text: string): Record<string, Figure> {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,|^)(?=,|$)/g)].map((match) => (match[1] ?? match[2] ?? '').replace(/""/g, '"'));
  const header = split(lines[0]!);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no ${name} column in ${header.join(',')}`);
    return index;
  };
  const [state, amount, amountMinor, currency] = [column('state'), column('amount'), column('amount_minor'), column('currency')];
  const figures: Record<string, Figure> = {};
  for (const line of lines.slice(1)) {
    const row = split(line);
    expect(row[currency]).toBe('MXN');
    // The decimal column and the centavos column say the same amount.
    expect(Math.round(Number(row[amount]) * 100)).toBe(Number(row[amountMinor]));
    const figure = (figures[row[state]!] ??= { count: 0, minor: 0 });
    figure.count += 1;
    figure.minor += Number(row[amountMinor]);
  }
  return figures;
}

async function saved(download: Promise<Download>): Promise<Buffer> {
  const file = await download;
  const path = await file.path();
  return readFileSync(path);
}

test('a day: shift, sales, refund paid, short count closed with PIN and note, X, Z, CSV and PDF agree with the ledger', async ({ page, counter }) => {
  test.setTimeout(180_000);
  counter.routeTo('relier');
  await counter.open(page);
  const sections = page.getByRole('navigation', { name: 'Secciones' });
  const tabs = page.getByRole('navigation', { name: 'Gestión del negocio' });
  const status = page.getByRole('status', { name: 'Estado del mostrador' });

  // The owner opens the drawer with a float of 500.
  await signInAs(page, '4321');
  await sections.getByRole('button', { name: 'Gestión' }).click();
  await tabs.getByRole('button', { name: 'Turnos y caja' }).click();
  await page.getByRole('textbox', { name: /^Fondo de caja/ }).fill('500');
  await page.getByRole('button', { name: 'Abrir turno', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Turno abierto.' })).toBeVisible();

  // The cashier: delivered, failed (cash handed back now), queued offline that later fails (owed back).
  await switchTo(page, '1234');
  await startSale(page, { phone: '5512345678', carrier: 'Telcel', amount: '$50.00' });
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Siguiente venta' }).click();

  await startSale(page, { phone: ALWAYS_FAILS, carrier: 'Telcel', amount: '$20.00' });
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'failed', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Sí, lo devolví ahora' }).click();
  await page.getByRole('button', { name: 'Siguiente venta' }).click();

  // The line goes down for MobiSend, the only provider this sale may take: nothing answers it, so it queues.
  // (Relier's sandbox keeps answering the core's refreshes for a while after going offline here, which would
  // keep the counter "online"; routing around it keeps this test about the back office.)
  counter.routeTo('mobisend');
  await counter.setAllOffline(true);
  await startSale(page, { phone: ALWAYS_FAILS, carrier: 'Telcel', amount: '$30.00' });
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'queued', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Siguiente venta' }).click();
  await counter.setAllOffline(false);
  await expect(status.getByTestId('refunds')).toHaveText('Por devolver: 1 ($30.00)', { timeout: 45_000 });

  // The owner pays the refund out of this shift's drawer; the status bar follows.
  await switchTo(page, '4321');
  await sections.getByRole('button', { name: 'Gestión' }).click();
  await tabs.getByRole('button', { name: 'Devoluciones' }).click();
  const owedRow = page.getByTestId('refunds-table').getByRole('row').filter({ hasText: '$30.00' });
  await expect(owedRow).toContainText('5500000001'.slice(-4));
  await owedRow.getByRole('button', { name: /^Marcar devuelta la venta a .* de \$30\.00$/ }).click();
  await expect(page.getByText('No hay devoluciones pendientes.')).toBeVisible();
  await expect(status.getByTestId('refunds')).toHaveText('Por devolver: 0');

  // A drop to the safe, then the owner counts the drawer (one amount) well short.
  await tabs.getByRole('button', { name: 'Turnos y caja' }).click();
  await page.getByRole('textbox', { name: /^Monto/ }).fill('100');
  await page.getByRole('button', { name: 'Depósito a la caja fuerte' }).click();
  await page.getByRole('button', { name: 'Registrar salida' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Salida de efectivo registrada.' })).toBeVisible();
  await page.getByRole('button', { name: 'Terminar turno y contar la caja' }).click();
  await page.getByRole('button', { name: 'Un solo monto' }).click();
  await page.getByRole('textbox', { name: /^Efectivo contado/ }).fill('300');
  await page.getByRole('button', { name: 'Listo, revisar conteo' }).click();
  await page.getByRole('button', { name: 'Guardar conteo y terminar turno' }).click();

  // The shift's figures add up: float + cash sales − refunds paid + in − out = expected; counted − expected = difference.
  const figures = page.getByTestId('current-shift').getByTestId('shift-figures');
  const read = async (id: string) => minorOf(await figures.getByTestId(id).locator('td').innerText());
  await expect(figures.getByTestId('figure-difference')).toBeVisible();
  const [float, cashSales, refundsPaid, cashIn, cashOut, expected, counted, difference] = await Promise.all(
    ['figure-float', 'figure-cash-sales', 'figure-refunds-paid', 'figure-cash-in', 'figure-cash-out', 'figure-expected', 'figure-counted', 'figure-difference'].map(read),
  );
  expect([float, cashIn, cashOut, counted]).toEqual([50_000, 0, 10_000, 30_000]);
  // The cashier charged all three sales (50 + 20 + 30) and the drawer paid two back (20 at the counter, 30 by the owner).
  expect(cashSales).toBe(10_000);
  expect(refundsPaid).toBe(5_000);
  expect(float! + cashSales! - refundsPaid! + cashIn! - cashOut!).toBe(expected);
  expect(counted! - expected!).toBe(difference);
  expect(difference).toBeLessThan(-5_000);
  await expect(figures.getByTestId('figure-difference')).toContainText('Faltante');

  // The owner closes it: beyond the tolerance, a note and the PIN.
  await page.getByRole('button', { name: /^Revisar el turno abierto el / }).first().click();
  await expect(page.getByText('La diferencia pasa la tolerancia: escriba una nota y su PIN para cerrar.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cerrar turno' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Nota (obligatoria)' }).fill('Faltante por revisar con el cajero');
  await page.getByRole('button', { name: 'Cerrar turno' }).click();
  const pinDialog = page.getByRole('alertdialog');
  await pressDigits(page, '4321', /^Teclado del PIN del dueño$/);
  await pinDialog.getByRole('button', { name: 'Autorizar' }).click();
  await expect(page.getByRole('button', { name: /^Revisar el turno abierto el / }).first()).toBeVisible();
  await expect(page.locator('tr[data-shift-id]').first()).toContainText('Cerrado');

  // The X: the day's running figures; the parts add up to the total line.
  await tabs.getByRole('button', { name: 'Informes' }).click();
  await expect(page.getByTestId('report-heading')).toContainText('Informe X');
  const states = ['succeeded', 'failed', 'refund_due', 'refunded', 'queued', 'pending', 'unknown'] as const;
  const screen: Record<string, Figure> = {};
  for (const state of [...states, 'all']) screen[state] = await screenFigure(page, state);
  expect(screen.succeeded).toEqual({ count: 1, minor: 5_000 });
  expect(screen.refunded).toEqual({ count: 2, minor: 5_000 });
  expect(screen.failed!.count + screen.refund_due!.count).toBe(0);
  expect(states.reduce((sum, state) => sum + screen[state]!.count, 0)).toBe(screen.all!.count);
  expect(states.reduce((sum, state) => sum + screen[state]!.minor, 0)).toBe(screen.all!.minor);

  // The Z.
  await page.getByRole('button', { name: /^Cerrar el día .* \(Z\)$/ }).click();
  const confirmZ = page.getByRole('alertdialog');
  await expect(confirmZ.getByRole('button', { name: /^Sí, cerrar el día / })).toBeEnabled();
  await confirmZ.getByRole('button', { name: /^Sí, cerrar el día / }).click();
  await expect(page.getByTestId('z-seal')).toContainText('Cierre Z-0001');
  await expect(page.getByTestId('z-open-items')).toContainText('Ventas abiertas al cierre: 0');
  for (const state of [...states, 'all']) expect(await screenFigure(page, state)).toEqual(screen[state]);

  // Downloads: the sales CSV and the Z's PDF.
  const csv = csvFigures((await saved(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar ventas (CSV)' }).click()]).then(([download]) => download))).toString('utf8'));
  const pdf = pdfCells(await saved(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar Z-0001 (PDF)' }).click()]).then(([download]) => download)));
  expect(pdf.join(' ')).toContain('Z-0001');

  // The ledger's own rows.
  const ledger: Record<string, Figure> = {};
  for (const row of counter.core.db.prepare('SELECT state, COUNT(*) AS count, SUM(price_minor) AS minor FROM sales GROUP BY state').all() as { state: string; count: number; minor: number }[]) {
    ledger[row.state] = { count: row.count, minor: row.minor };
  }
  const none: Figure = { count: 0, minor: 0 };
  const pdfLabels: Record<string, string> = { succeeded: 'Entregadas', failed: 'Fallidas', refund_due: 'Por devolver', refunded: 'Devueltas', all: 'Todas' };
  for (const state of ['succeeded', 'failed', 'refund_due', 'refunded'] as const) {
    expect(ledger[state] ?? none, state).toEqual(screen[state]);
    expect(csv[state] ?? none, state).toEqual(screen[state]);
    expect(pdfFigure(pdf, pdfLabels[state]!), state).toEqual(screen[state]);
  }
  expect(pdfFigure(pdf, pdfLabels.all!)).toEqual(screen.all);
  expect(Object.values(csv).reduce((sum, figure) => sum + figure.count, 0)).toBe(screen.all!.count);
  expect(counter.consoleErrors).toEqual([]);
});
