/**
 * Every screen in Spanish and in English: no missing translation key (i18next reports them on
 * window.__saldoMissingKeys), no serious or critical axe violation, and a screenshot of each screen at
 * 1024×768 (and 1366×768 with SALDO_E2E_ALL_SIZES=1) in artifacts/screenshots/.
 */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { confirmButton, ensureDir, expect, pressDigits, result, screenshotsDir, test } from './counter-fixture';

const SIZES = [{ width: 1024, height: 768 }, ...(process.env.SALDO_E2E_ALL_SIZES === '1' ? [{ width: 1366, height: 768 }] : [])] as const;

interface Words {
  language: 'es' | 'en';
  switchTo: string | null;
  signIn: string;
  next: string;
  topups: string;
  send: RegExp;
  delivered: string;
  failed: string;
  print: string;
  closeReceipt: string;
  nextSale: string;
  today: string;
  open: RegExp;
  history: string;
  keypad: string;
  other: string;
  sell: string;
  switchCashier: string;
  owed: string;
}

const SPANISH: Words = {
  language: 'es',
  switchTo: null,
  signIn: 'Entrar',
  next: 'Continuar',
  topups: 'Recargas',
  send: /^Cobrar .* y enviar$/,
  delivered: 'Recarga entregada',
  failed: 'No se realizó',
  print: 'Imprimir recibo',
  closeReceipt: 'Cerrar recibo',
  nextSale: 'Siguiente venta',
  today: 'Ventas de hoy',
  open: /^Ver venta de /,
  history: 'Historial',
  keypad: 'Teclado numérico',
  other: 'Otro monto',
  sell: 'Vender',
  switchCashier: 'Cambiar cajero',
  owed: 'No, queda por devolver',
};

const ENGLISH: Words = {
  language: 'en',
  switchTo: 'Cambiar idioma a English',
  signIn: 'Sign in',
  next: 'Continue',
  topups: 'Top-ups',
  send: /^Charge .* and send$/,
  delivered: 'Top-up delivered',
  failed: 'Not completed',
  print: 'Print receipt',
  closeReceipt: 'Close receipt',
  nextSale: 'Next sale',
  today: "Today's sales",
  open: /^Open the sale of /,
  history: 'History',
  keypad: 'Number keypad',
  other: 'Other amount',
  sell: 'Sell',
  switchCashier: 'Switch cashier',
  owed: 'No, it is still owed',
};

async function capture(page: Page, language: string, name: string, axeViolations: string[]): Promise<void> {
  ensureDir(screenshotsDir);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Ready when the page has the new size and has painted twice at it (layout and fonts settled).
    await page.waitForFunction(({ width, height }) => window.innerWidth === width && window.innerHeight === height, size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(screenshotsDir, `${name}-${language}-${size.width}x${size.height}.png`) });
  }
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of axe.violations) {
    if (violation.impact === 'serious' || violation.impact === 'critical') {
      axeViolations.push(`${name}/${language}: ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
  }
}

async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __saldoMissingKeys?: string[] }).__saldoMissingKeys ?? []);
}

for (const words of [SPANISH, ENGLISH]) {
  test(`every screen in ${words.language === 'es' ? 'Spanish' : 'English'}: no missing key, no serious axe violation, screenshots`, async ({ page, counter }) => {
    test.setTimeout(120_000);
    const lang = words.language;
    const violations: string[] = [];
    counter.routeTo('relier');
    await counter.open(page);
    if (words.switchTo) await page.getByRole('button', { name: words.switchTo }).click();
    await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();
    await pressDigits(page, '99', new RegExp(`^${words.keypad}$`));
    await capture(page, lang, '01-sign-in', violations);

    // A wrong PIN shows its message.
    await pressDigits(page, '99', new RegExp(`^${words.keypad}$`));
    await page.getByRole('button', { name: words.signIn }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await capture(page, lang, '02-sign-in-wrong-pin', violations);

    await pressDigits(page, '1234', new RegExp(`^${words.keypad}$`));
    await page.getByRole('button', { name: words.signIn }).click();
    await expect(page.getByRole('button', { name: words.switchCashier })).toBeVisible();
    await capture(page, lang, '03-sell-number-empty', violations);

    // A first sale, so recent numbers and today's list have something.
    await pressDigits(page, '5512345678', new RegExp(`^${words.keypad}$`));
    await capture(page, lang, '04-sell-number', violations);
    await page.getByRole('button', { name: words.next }).click();
    await page.getByRole('button', { name: 'Telcel', exact: true }).click();
    await pressDigits(page, '75', new RegExp(`^${words.other}$`));
    await capture(page, lang, '05-sell-carrier-amount', violations);
    await page.getByRole('group', { name: words.topups }).getByRole('button', { name: '$50.00', exact: true }).click();
    await capture(page, lang, '06-sell-confirm', violations);

    await confirmButton(page).click();
    await expect(page.getByTestId('elapsed')).toBeVisible();
    await capture(page, lang, '07-sell-sending', violations);
    await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveText(words.delivered);
    await capture(page, lang, '08-result-delivered', violations);

    await page.getByRole('button', { name: words.print }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await capture(page, lang, '09-receipt', violations);
    await page.getByRole('button', { name: words.closeReceipt }).click();
    await page.getByRole('button', { name: words.nextSale }).click();
    await capture(page, lang, '10-sell-recent-numbers', violations);

    // A failed sale.
    await pressDigits(page, '5500000001', new RegExp(`^${words.keypad}$`));
    await page.getByRole('button', { name: words.next }).click();
    await page.getByRole('button', { name: 'Telcel', exact: true }).click();
    await page.getByRole('group', { name: words.topups }).getByRole('button', { name: '$20.00', exact: true }).click();
    await page.getByRole('button', { name: words.send }).click();
    await expect(result(page)).toHaveAttribute('data-result', 'failed', { timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveText(words.failed);
    await capture(page, lang, '11-result-failed', violations);
    await page.getByRole('button', { name: words.owed }).click();
    await page.getByRole('button', { name: words.nextSale }).click();

    // A queued sale.
    await counter.setAllOffline(true);
    await pressDigits(page, '5587654321', new RegExp(`^${words.keypad}$`));
    await page.getByRole('button', { name: words.next }).click();
    await page.getByRole('button', { name: 'AT&T', exact: true }).click();
    await page.getByRole('group', { name: words.topups }).getByRole('button', { name: '$30.00', exact: true }).click();
    await page.getByRole('button', { name: words.send }).click();
    await expect(result(page)).toHaveAttribute('data-result', 'queued', { timeout: 30_000 });
    await capture(page, lang, '12-result-queued', violations);
    await page.getByRole('button', { name: words.nextSale }).click();

    await page.getByRole('button', { name: words.today }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(4);
    await capture(page, lang, '13-today', violations);
    await page.getByRole('button', { name: words.open }).nth(1).click();
    await expect(page.getByRole('heading', { name: words.history })).toBeVisible();
    await capture(page, lang, '14-sale-detail-refund-due', violations);
    await counter.setAllOffline(false);

    await page.getByRole('button', { name: words.sell, exact: true }).click();
    await page.getByRole('button', { name: words.switchCashier }).click();
    await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();

    expect(await missingKeys(page)).toEqual([]);
    expect(violations).toEqual([]);
    expect(counter.consoleErrors).toEqual([]);
  });
}
