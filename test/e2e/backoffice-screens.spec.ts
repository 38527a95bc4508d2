/**
 * Every back-office screen and the cashier's shift in Spanish and in English: no missing translation key, no
 * serious or critical axe violation, and screenshots at 1024×768 and 1366×768 (artifacts/screenshots/5x-*).
 * Role-aware navigation: the owner gets the back office's tabs, a cashier only "Mi turno".
 */
import type { Page } from '@playwright/test';
import { confirmButton, expect, pressDigits, result, startSale, test } from './counter-fixture';
import { captureGuard, missingKeys } from './counter-guard-shots';
import { LOW_BALANCE_THRESHOLDS_SETTING } from '../../shared/contract/accounts';
import { writeSetting } from '../../electron/core/settings/store';

interface Words {
  language: 'es' | 'en';
  switchTo: string | null;
  signIn: string;
  switchCashier: string;
  backoffice: string;
  tabs: string;
  reports: string;
  shifts: string;
  refunds: string;
  providers: string;
  myShift: string;
  openShift: string;
  floatField: RegExp;
  endShift: string;
  oneAmount: string;
  counted: RegExp;
  done: string;
  commit: string;
  closeDay: RegExp;
  noClose: string;
  showTable: string;
  review: RegExp;
  nextSale: string;
  lowBalance: RegExp;
  dismiss: string;
  closeShift: string;
  confirmZ: RegExp;
  sealed: string;
  reconcile: string;
}

const SPANISH: Words = {
  language: 'es',
  switchTo: null,
  signIn: 'Entrar',
  switchCashier: 'Cambiar cajero',
  backoffice: 'Gestión',
  tabs: 'Gestión del negocio',
  reports: 'Informes',
  shifts: 'Turnos y caja',
  refunds: 'Devoluciones',
  providers: 'Proveedores',
  myShift: 'Mi turno',
  openShift: 'Abrir turno',
  floatField: /^Fondo de caja/,
  endShift: 'Terminar turno y contar la caja',
  oneAmount: 'Un solo monto',
  counted: /^Efectivo contado/,
  done: 'Listo, revisar conteo',
  commit: 'Guardar conteo y terminar turno',
  closeDay: /^Cerrar el día .* \(Z\)$/,
  noClose: 'No cerrar',
  showTable: 'Ver como tabla',
  review: /^Revisar el turno abierto el /,
  nextSale: 'Siguiente venta',
  lowBalance: /^Saldo bajo con Relier: quedan \$10,000\.00 USD \(aviso en \$20,000\.00 USD\)/,
  dismiss: 'Entendido',
  closeShift: 'Cerrar turno',
  confirmZ: /^Sí, cerrar el día /,
  sealed: 'Cierre Z-0001',
  reconcile: 'Conciliar',
};

const ENGLISH: Words = {
  language: 'en',
  switchTo: 'Cambiar idioma a English',
  signIn: 'Sign in',
  switchCashier: 'Switch cashier',
  backoffice: 'Back office',
  tabs: 'Back office',
  reports: 'Reports',
  shifts: 'Shifts and cash',
  refunds: 'Refunds',
  providers: 'Providers',
  myShift: 'My shift',
  openShift: 'Open shift',
  floatField: /^Opening float/,
  endShift: 'End shift and count the drawer',
  oneAmount: 'One amount',
  counted: /^Cash counted/,
  done: 'Done, check the count',
  commit: 'Save count and end shift',
  closeDay: /^Close the day .* \(Z\)$/,
  noClose: 'Do not close',
  showTable: 'Show as a table',
  review: /^Review the shift opened /,
  nextSale: 'Next sale',
  lowBalance: /^Low balance with Relier: \$10,000\.00 USD left \(warning at \$20,000\.00 USD\)/,
  dismiss: 'Got it',
  closeShift: 'Close shift',
  confirmZ: /^Yes, close the day /,
  sealed: 'Close Z-0001',
  reconcile: 'Reconcile',
};

async function signInAs(page: Page, words: Words, pin: string): Promise<void> {
  await pressDigits(page, pin);
  await page.getByRole('button', { name: words.signIn }).click();
  await expect(page.getByRole('button', { name: words.switchCashier })).toBeVisible();
}

async function signOut(page: Page, words: Words): Promise<void> {
  await page.getByRole('button', { name: words.switchCashier }).click();
  await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();
}

for (const words of [SPANISH, ENGLISH]) {
  test(`back office in ${words.language === 'es' ? 'Spanish' : 'English'}: role-aware navigation, no missing key, no serious axe violation, screenshots`, async ({ page, counter }) => {
    test.setTimeout(150_000);
    const lang = words.language;
    const violations: string[] = [];
    const shot = async (name: string) => violations.push(...(await captureGuard(page, name, lang)));
    counter.routeTo('relier');
    // The owner warns under 20,000 USD at Relier; the sandbox holds 10,000: the counter says so.
    writeSetting(counter.core.db, LOW_BALANCE_THRESHOLDS_SETTING, { relier: { minor: 2_000_000, currency: 'USD' }, mobisend: null, liquido: null });
    await counter.open(page);
    if (words.switchTo) await page.getByRole('button', { name: words.switchTo }).click();

    // A cashier: no back office, their own shift.
    await signInAs(page, words, '1234');
    await expect(page.getByTestId('low-balance-warning')).toContainText(words.lowBalance);
    await shot('49-counter-low-balance');
    await page.getByTestId('low-balance-warning').getByRole('button', { name: words.dismiss }).click();
    const sections = page.getByRole('navigation', { name: lang === 'es' ? 'Secciones' : 'Sections' });
    await expect(sections.getByRole('button', { name: words.backoffice })).toHaveCount(0);
    await sections.getByRole('button', { name: words.myShift }).click();
    await expect(page.getByRole('heading', { name: words.myShift, level: 1 })).toBeVisible();
    await shot('50-my-shift-closed');
    await page.getByRole('textbox', { name: words.floatField }).fill('500');
    await page.getByRole('button', { name: words.openShift, exact: true }).click();
    await expect(page.getByRole('button', { name: words.endShift })).toBeVisible();
    await shot('51-my-shift-open');

    // One delivered sale, so the reports and charts have a figure.
    await sections.getByRole('button', { name: lang === 'es' ? 'Vender' : 'Sell' }).click();
    await startSale(page, { phone: '5512345678', carrier: 'Telcel', amount: '$50.00' });
    await confirmButton(page).click();
    await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
    await page.getByRole('button', { name: words.nextSale }).click();

    await sections.getByRole('button', { name: words.myShift }).click();
    await page.getByRole('button', { name: words.endShift }).click();
    await shot('52-blind-count-pieces');
    await page.getByRole('button', { name: words.oneAmount }).click();
    await page.getByRole('textbox', { name: words.counted }).fill('540');
    await page.getByRole('button', { name: words.done }).click();
    await shot('53-blind-count-confirm');
    await page.getByRole('button', { name: words.commit }).click();
    await expect(page.getByTestId('figure-difference')).toBeVisible();
    await shot('54-shift-counted');
    await signOut(page, words);

    // The owner: the back office and its tabs.
    await signInAs(page, words, '4321');
    await sections.getByRole('button', { name: words.backoffice }).click();
    const tabs = page.getByRole('navigation', { name: words.tabs });
    await expect(tabs.getByRole('button')).toHaveText([words.reports, words.shifts, words.refunds, words.providers]);
    await expect(page.getByTestId('report-states')).toBeVisible();
    await shot('55-reports-x');
    await page.getByTestId('chart-hour').getByRole('button', { name: words.showTable }).click();
    await page.getByTestId('chart-hour').scrollIntoViewIfNeeded();
    await shot('56-reports-chart-table');
    await page.getByRole('button', { name: words.closeDay }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await shot('57-close-day-dialog');
    await page.getByRole('button', { name: words.noClose }).click();

    await tabs.getByRole('button', { name: words.shifts }).click();
    await expect(page.getByRole('heading', { name: words.shifts, level: 1 })).toBeVisible();
    await shot('58-shifts');
    await page.getByRole('button', { name: words.review }).first().click();
    await expect(page.getByTestId('shift-review')).toBeVisible();
    await shot('59-shift-review');
    // Within the tolerance: the owner closes it without a PIN; then the day can close.
    await page.getByRole('button', { name: words.closeShift }).click();
    await expect(page.getByTestId('shift-review')).toHaveCount(0);

    await tabs.getByRole('button', { name: words.reports }).click();
    await page.getByRole('button', { name: words.closeDay }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: words.confirmZ }).click();
    await expect(page.getByTestId('z-seal')).toContainText(words.sealed);
    await shot('62-z-sealed');

    await tabs.getByRole('button', { name: words.refunds }).click();
    await expect(page.getByRole('heading', { name: words.refunds, level: 1 })).toBeVisible();
    await shot('60-refunds');
    await tabs.getByRole('button', { name: words.providers }).click();
    await expect(page.getByRole('heading', { name: words.providers, level: 1 })).toBeVisible();
    await expect(page.getByTestId('balances').getByRole('row')).toHaveCount(4);
    await shot('61-providers');
    await page.getByRole('button', { name: words.reconcile, exact: true }).click();
    await expect(page.getByTestId('reconcile-summary')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('reconciliation').scrollIntoViewIfNeeded();
    await shot('63-reconciliation');

    expect(await missingKeys(page)).toEqual([]);
    expect(violations).toEqual([]);
    expect(counter.consoleErrors).toEqual([]);
  });
}
