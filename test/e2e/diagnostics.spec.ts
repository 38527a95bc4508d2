/**
 * The diagnostics screen as an owner sees it, in Spanish and in English, with Relier offline (its sandbox's
 * control plane) and a sale waiting in the queue: it says both in words, shows the provider as not answering,
 * has no missing translation key and no serious axe violation, "Guardar" downloads the support bundle, and
 * "Imprimir prueba" opens the page's print dialog on the test receipt and says so.
 * Screenshots at 1024×768 and 1366×768 go to artifacts/screenshots/.
 */
import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureDir, expect, pressDigits, screenshotsDir, test } from './counter-fixture';
import { browserPrints } from './fixtures';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

const WORDS = [
  {
    language: 'es',
    switchTo: null,
    signIn: 'Entrar',
    keypad: /^Teclado numérico$/,
    section: 'Diagnóstico',
    title: 'Diagnóstico',
    problems: 'Qué falla',
    relierDown: 'Relier no responde: revise la conexión a internet. Las ventas van por otro proveedor o esperan en cola.',
    queued: 'Hay 1 venta en cola esperando la línea.',
    notAnswering: 'No responde',
    answering: 'Responde',
    save: 'Guardar paquete de soporte',
    saved: /^Paquete guardado: saldo-support-.*\.zip$/,
    wentOffline: 'Relier dejó de responder',
    logs: /^Últimas líneas del registro \(\d+\)$/,
    testPrint: 'Imprimir prueba',
    testBrowser: 'La prueba se abrió en el diálogo de impresión del navegador: elija ahí la impresora de recibos.',
    paper: /Papel: +(58 mm · 32|80 mm · 48) col\./,
    closeReceipt: 'Cerrar recibo',
  },
  {
    language: 'en',
    switchTo: 'Cambiar idioma a English',
    signIn: 'Sign in',
    keypad: /^Number keypad$/,
    section: 'Diagnostics',
    title: 'Diagnostics',
    problems: 'What is wrong',
    relierDown: 'Relier is not answering: check the internet connection. Sales go through another provider or wait in the queue.',
    queued: '1 sale is queued, waiting for the line.',
    notAnswering: 'Not answering',
    answering: 'Answering',
    save: 'Save support bundle',
    saved: /^Bundle saved: saldo-support-.*\.zip$/,
    wentOffline: 'Relier stopped answering',
    logs: /^Last log lines \(\d+\)$/,
    testPrint: 'Print a test',
    testBrowser: "The test opened in the browser's print dialog: choose the receipt printer there.",
    paper: /Paper: +(58 mm · 32|80 mm · 48) col\./,
    closeReceipt: 'Close receipt',
  },
] as const;

async function capture(page: Page, name: string, violations: string[]): Promise<void> {
  ensureDir(screenshotsDir);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForFunction(({ width, height }) => window.innerWidth === width && window.innerHeight === height, size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(screenshotsDir, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of axe.violations) {
    if (violation.impact === 'serious' || violation.impact === 'critical') {
      violations.push(`${name}: ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
  }
}

for (const words of WORDS) {
  test(`diagnostics in ${words.language === 'es' ? 'Spanish' : 'English'}: a provider offline and a queued sale, said in words; the bundle downloads`, async ({ page, counter }) => {
    test.setTimeout(90_000);
    const violations: string[] = [];
    // Every sale goes to Relier, and Relier is down: the sale waits in the queue.
    counter.routeTo('relier');
    await counter.sandbox('relier').control.setOffline(true);
    await counter.open(page);
    if (words.switchTo) await page.getByRole('button', { name: words.switchTo }).click();
    await pressDigits(page, '4321', words.keypad);
    await page.getByRole('button', { name: words.signIn }).click();
    await expect(page.getByRole('navigation').getByRole('button', { name: words.section })).toBeVisible();
    const sale = await counter.core.dispatcher.invoke('sales.sell', { requestId: randomUUID(), phone: '5587654321', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } }, { host: 'test' });
    expect(sale).toMatchObject({ ok: true, value: { state: 'queued' } });

    await page.getByRole('navigation').getByRole('button', { name: words.section }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
    const verdict = page.getByTestId('verdict');
    await expect(verdict.getByRole('heading', { name: words.problems })).toBeVisible({ timeout: 20_000 });
    await expect(verdict.getByRole('listitem').filter({ hasText: words.relierDown })).toHaveCount(1);
    await expect(verdict.getByRole('listitem').filter({ hasText: words.queued })).toHaveCount(1);
    await expect(page.getByRole('row').filter({ hasText: 'Relier' })).toContainText(words.notAnswering);
    await expect(page.getByRole('row').filter({ hasText: 'MobiSend' })).toContainText(words.answering);
    await capture(page, `20-diagnostics-${words.language}`, violations);
    // Below: the connectivity history (Relier went down today) and the last log lines, opened.
    await expect(page.getByRole('listitem').filter({ hasText: words.wentOffline })).not.toHaveCount(0);
    await page.getByText(words.logs).click();
    await page.locator('.diagnostics-logs pre').scrollIntoViewIfNeeded();
    await capture(page, `21-diagnostics-details-${words.language}`, violations);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: words.save }).click();
    expect((await download).suggestedFilename()).toMatch(/^saldo-support-.*\.zip$/);
    await expect(page.getByRole('status').filter({ hasText: words.saved })).toBeVisible();

    // The test print: the browser host hands it to the page's print dialog, as it does a sale's receipt.
    const printsBefore = await browserPrints(page);
    await page.getByRole('button', { name: words.testPrint }).click();
    await expect(page.getByRole('status').filter({ hasText: words.testBrowser })).toBeVisible();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toContainText('PRUEBA DE IMPRESIÓN / TEST PRINT');
    await expect(receipt).toContainText(words.paper);
    await expect.poll(() => browserPrints(page)).toBe(printsBefore + 1);
    await capture(page, `22-diagnostics-test-print-${words.language}`, violations);
    await page.getByRole('button', { name: words.closeReceipt }).click();
    await expect(receipt).toHaveCount(0);

    expect(await page.evaluate(() => (window as unknown as { __saldoMissingKeys?: string[] }).__saldoMissingKeys ?? [])).toEqual([]);
    expect(violations).toEqual([]);
    expect(counter.consoleErrors).toEqual([]);
  });
}
