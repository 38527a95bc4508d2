/**
 * A cashier's sale from sign-in to the receipt PDF, once through each provider; a rejected number fails in
 * words and no receipt claims success; a double tap sends exactly one sale; an invalid number or an amount out
 * of range cannot be confirmed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ProviderId } from '../../shared/contract/app';
import type { RenderedReceipt } from '../../shared/contract/receipts';
import type { Sale } from '../../shared/contract/sales';
import { receiptHtml } from '../../shared/receipt';
import { confirmButton, ensureDir, expect, invokeInPage, pressDigits, receiptsDir, result, signIn, startSale, test } from './counter-fixture';

/** Renders the receipt at both widths to PDF in Chromium and checks every line fits and every field is there. */
async function receiptPdfs(page: Page, saleId: string, name: string, expected: string[]): Promise<void> {
  for (const widthMm of [58, 80] as const) {
    const receipt = await invokeInPage<RenderedReceipt>(page, 'receipts.render', { saleId, widthMm });
    expect(receipt.columns).toBe(widthMm === 58 ? 32 : 48);
    for (const line of receipt.lines) expect(line.length, line).toBeLessThanOrEqual(receipt.columns);
    const text = receipt.lines.join('\n');
    // Long values (a uuid folio) wrap over full lines: compare without the line breaks and padding.
    const joined = text.replace(/\s+/g, '');
    for (const field of expected) expect(joined).toContain(field.replace(/\s+/g, ''));
    const printPage = await page.context().newPage();
    await printPage.setContent(receiptHtml(receipt));
    const fits = await printPage.locator('pre.receipt').evaluate((pre) => pre.scrollWidth <= pre.clientWidth + 1);
    expect(fits, `receipt overflows ${widthMm} mm`).toBe(true);
    const pdf = await printPage.pdf({ width: `${widthMm}mm`, height: '200mm', printBackground: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(ensureDir(receiptsDir), `${name}-${widthMm}mm.pdf`), pdf);
    await printPage.close();
  }
}

const PROVIDERS: ProviderId[] = ['relier', 'mobisend', 'liquido'];

for (const provider of PROVIDERS) {
  test(`a full sale through ${provider}, from sign-in to the receipt PDF`, async ({ page, counter }) => {
    counter.routeTo(provider);
    await counter.open(page);
    await signIn(page);
    await startSale(page, { phone: '5512345678', carrier: 'Telcel', amount: '$50.00' });
    await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
    await confirmButton(page).click();
    await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveText('Recarga entregada');
    await expect(page.getByText(/Folio del proveedor: \S+/)).toBeVisible();

    await page.getByRole('button', { name: 'Imprimir recibo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Recibo' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('receipt')).toContainText('RECARGA ENTREGADA');
    const sales = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
    expect(sales.sales).toHaveLength(1);
    const sale = sales.sales[0]!;
    expect(sale.provider).toBe(provider);
    expect(sale.state).toBe('succeeded');
    await receiptPdfs(page, sale.id, `sale-${provider}`, [
      'Mi Tienda',
      'Cajero demo',
      'Telcel',
      '55 **** 5678',
      '$50.00',
      'MXN',
      sale.providerTransactionId!,
      ...(sale.operatorTransactionId ? [sale.operatorTransactionId] : []),
      'RECARGA ENTREGADA',
    ]);
    await dialog.getByRole('button', { name: 'Cerrar recibo' }).click();
    await page.getByRole('button', { name: 'Siguiente venta' }).click();
    await expect(page.getByLabel('Número de teléfono')).toHaveValue('');
    expect(counter.consoleErrors).toEqual([]);
  });
}

test("Relier's always-fail number fails in words and no receipt claims success", async ({ page, counter }) => {
  counter.routeTo('relier');
  await counter.open(page);
  await signIn(page);
  await startSale(page, { phone: '5500000001', carrier: 'Telcel', amount: '$20.00' });
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'failed', { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveText('No se realizó');
  await expect(page.getByText(/^Motivo: /)).toBeVisible();
  await expect(page.getByText('Dígale al cliente: «Su recarga no se pudo hacer: el sistema de recargas tuvo una falla. Le devolvemos su dinero.»')).toBeVisible();
  // The amount is named as the top-up not made, never as charged.
  await expect(page.getByText('Telcel · 55 0000 0001 · recarga de $20.00 no realizada')).toBeVisible();
  await expect(page.getByText(/entregada/i)).toHaveCount(0);
  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(receipt).toContainText('NO REALIZADA');
  await expect(receipt).not.toContainText('ENTREGADA');
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  for (const language of ['es-MX', 'en'] as const) {
    const rendered = await invokeInPage<RenderedReceipt>(page, 'receipts.render', { saleId: sales[0]!.id, language });
    expect(rendered.lines.join(' ')).not.toMatch(/ENTREGADA|delivered/i);
  }
});

test('a double tap on confirm sends exactly one sale', async ({ page, counter }) => {
  counter.routeTo('mobisend');
  await counter.open(page);
  await signIn(page);
  await startSale(page, { phone: '5512345678', carrier: 'Movistar', amount: '$30.00' });
  await confirmButton(page).dblclick();
  await page.keyboard.press('Enter');
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  expect(sales).toHaveLength(1);
  const requests = counter.sandbox('mobisend').control.records().deliveries;
  expect(requests).toHaveLength(1);
});

test('an invalid number or an amount out of range cannot be confirmed', async ({ page, counter }) => {
  await counter.open(page);
  await signIn(page);
  const next = page.getByRole('button', { name: 'Continuar' });
  await pressDigits(page, '551234567');
  await expect(next).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Faltan dígitos.')).toBeVisible();
  await pressDigits(page, '89');
  await expect(page.getByText('Sobran dígitos.')).toBeVisible();
  await expect(next).toBeDisabled();
  await page.getByRole('button', { name: 'Borrar' }).first().click();
  await expect(next).toBeEnabled();
  await next.click();
  await page.getByRole('button', { name: 'Telcel', exact: true }).click();
  const amountPad = page.getByRole('group', { name: 'Otro monto' });
  await expect(amountPad).toBeVisible();
  const use = page.locator('.other-amount').getByRole('button', { name: /^(Continuar|Usar .*)$/ });
  await pressDigits(page, '5', /^Otro monto$/);
  await expect(page.getByText('El mínimo es $10.00.')).toBeVisible();
  await expect(use).toBeDisabled();
  await pressDigits(page, '01', /^Otro monto$/);
  await expect(page.getByText('El máximo es $500.00.')).toBeVisible();
  await expect(use).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-number')).toHaveCount(0);
  await amountPad.getByRole('button', { name: 'Borrar' }).click();
  await expect(use).toHaveText('Usar $50.00');
  await use.click();
  await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
  await expect(confirmButton(page)).toHaveText('Cobrar $50.00 y enviar');
});

test('the physical keyboard, a barcode scanner and paste enter the number too', async ({ page, counter }) => {
  await counter.open(page);
  await signIn(page);
  const field = page.getByLabel('Número de teléfono');
  // A scanner types the digits fast and ends with Enter.
  await page.keyboard.type('5512345678', { delay: 5 });
  await expect(field).toHaveValue('55 1234 5678');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Compañía' })).toBeVisible();
  await page.getByRole('button', { name: 'Atrás' }).click();
  await page.keyboard.press('Escape');
  await expect(field).toHaveValue('');
  // Pasted text with the country code and punctuation.
  await field.focus();
  await field.evaluate((input) => {
    const data = new DataTransfer();
    data.setData('text', '+52 (55) 8765-4321');
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(field).toHaveValue('55 8765 4321');
  await expect(page.getByText('Número válido')).toBeVisible();
});
