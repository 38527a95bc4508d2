/**
 * Time and trust (issue 15, items 4 and 6): an outcome not known yet says to keep the cash, what to tell the
 * customer and how the outcome will arrive; the status bar counts it and opens it on a tap; when it settles
 * later the counter says so once, with number and amount. Switching cashier mid-sale asks first.
 */
import type { Page } from '@playwright/test';
import { expect, pressDigits, result, signIn, test } from './counter-fixture';
import { captureGuard, missingKeys } from './counter-guard-shots';

async function toAmounts(page: Page, keypad = /^(Teclado numérico|Number keypad)$/, next = /^(Continuar|Continue)$/): Promise<void> {
  await pressDigits(page, '5512345678', keypad);
  await page.getByRole('button', { name: next }).click();
  await page.getByRole('button', { name: 'Telcel', exact: true }).click();
}

test('an unresolved sale says what to do with the cash, is counted in the status bar, and is announced once when it settles', async ({ page, counter }) => {
  counter.routeTo('relier');
  await counter.open(page);
  await signIn(page);
  const relier = counter.sandbox('relier').control;
  // The top-up is processed but its answer is lost, and status checks fail for now: the outcome stays unknown.
  relier.setFaults([
    { kind: 'reset_after_commit', count: 1, method: 'POST', phone: '5512345678' },
    { kind: 'server_error', method: 'GET' },
  ]);
  await toAmounts(page);
  await page.getByRole('group', { name: 'Recargas' }).getByRole('button', { name: '$50.00', exact: true }).click();
  await page.getByRole('button', { name: 'Cobrar $50.00 y enviar' }).click();
  await expect(result(page)).toHaveAttribute('data-result', /^(unknown|pending)$/, { timeout: 30_000 });
  await expect(page.getByText('Conserve el efectivo en la caja: no lo devuelva todavía.')).toBeVisible();
  await expect(page.getByText('Dígale al cliente: «Su recarga se está confirmando con la compañía; en unos minutos sabremos si llegó.»')).toBeVisible();
  await expect(page.getByText(/^Saldo le avisará en esta pantalla en cuanto se sepa/)).toBeVisible();
  await expect(page.getByText('No se realizó')).toHaveCount(0);
  const violations = await captureGuard(page, '40-result-verifying', 'es');

  const verifying = page.getByRole('button', { name: 'Ver las ventas en verificación (1)' });
  await expect(verifying).toHaveText('Verificando: 1');
  await page.getByRole('button', { name: 'Siguiente venta' }).click();
  await verifying.click();
  await expect(page.getByRole('group', { name: 'Filtrar por estado' }).getByRole('button', { name: 'Verificando' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('row').filter({ hasText: '55 1234 5678' })).toContainText('Verificando');

  // The provider answers again: the sale settles while the cashier looks at another screen.
  relier.setFaults([]);
  const notice = page.getByTestId('settled-notice');
  await expect(notice).toContainText('55 1234 5678 · $50.00: Entregada', { timeout: 45_000 });
  await expect(verifying).toHaveCount(0);
  violations.push(...(await captureGuard(page, '41-settled-notice', 'es')));
  await notice.getByRole('button', { name: 'Entendido' }).click();
  await expect(notice).toHaveCount(0);
  // Once: later refreshes of the same sale bring no second notice.
  await page.getByRole('group', { name: 'Filtrar por estado' }).getByRole('button', { name: 'Todas' }).click();
  await page.getByRole('button', { name: 'Actualizar' }).click();
  await page.waitForTimeout(1_000);
  await expect(notice).toHaveCount(0);
  expect(violations).toEqual([]);
  expect(counter.consoleErrors).toEqual([]);
});

for (const words of [
  { language: 'es', switchTo: null, keypad: /^Teclado numérico$/, next: /^Continuar$/, switchCashier: 'Cambiar cajero', title: '¿Descartar la venta en curso?', body: 'La venta a 55 1234 5678 todavía no se envió. Si cambia de cajero, se descarta y no se cobra.', keep: 'Seguir con la venta', discard: 'Descartar y cambiar cajero', signIn: 'Entrar' },
  { language: 'en', switchTo: 'Cambiar idioma a English', keypad: /^Number keypad$/, next: /^Continue$/, switchCashier: 'Switch cashier', title: 'Discard the sale in progress?', body: 'The sale to 55 1234 5678 has not been sent. Switching cashier discards it and nothing is charged.', keep: 'Keep the sale', discard: 'Discard and switch cashier', signIn: 'Sign in' },
] as const) {
  test(`${words.language}: switching cashier mid-sale asks before discarding the sale in progress`, async ({ page, counter }) => {
    await counter.open(page);
    if (words.switchTo) await page.getByRole('button', { name: words.switchTo }).click();
    await signIn(page);
    await toAmounts(page, words.keypad, words.next);
    await page.getByRole('button', { name: words.switchCashier }).click();
    const dialog = page.getByRole('alertdialog', { name: words.title });
    await expect(dialog).toContainText(words.body);
    const violations = await captureGuard(page, '42-switch-cashier', words.language);
    await dialog.getByRole('button', { name: words.keep }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('55 1234 5678')).toBeVisible();

    await page.getByRole('button', { name: words.switchCashier }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: words.discard }).click();
    await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();
    expect(violations).toEqual([]);
    expect(await missingKeys(page)).toEqual([]);
  });
}

/** "HH:MM" on the counter's clock (the page runs in this process's time zone). */
function clockTime(at: number): string {
  const time = new Date(at);
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

test('the read-back asks for the line again when shown, and the status bar shows a paced provider until when', async ({ page, counter }) => {
  await counter.open(page);
  await signIn(page);
  await toAmounts(page);
  await expect(page.getByTestId('connectivity')).toHaveText(/En línea/);
  // Every provider goes offline, and the core learns it from its own requests before the read-back asks.
  await counter.takeLineDown();
  await page.getByRole('group', { name: 'Recargas' }).getByRole('button', { name: '$50.00', exact: true }).click();
  await expect(page.getByTestId('confirm-line')).toHaveText('Sin conexión: la recarga quedará en cola si la tienda lo permite.');
  await expect(page.getByTestId('connectivity')).toHaveText(/Sin conexión/);
  await page.getByRole('button', { name: /^← Atrás$/ }).click();

  // The line is back, and Relier answers its next read with a 429 asking to wait four minutes.
  await counter.setAllOffline(false);
  counter.sandbox('relier').control.setFaults([
    { kind: 'respond', count: 1, method: 'GET', status: 429, body: { success: false, error: 'Too many requests' }, headers: { 'retry-after': '240' } },
  ]);
  const askedAt = Date.now();
  await counter.core.sales.sync.refresh();
  const answeredAt = Date.now();
  // The wait counts from the 429's arrival; accept either minute when that straddles a minute boundary.
  const until = [clockTime(askedAt + 240_000), clockTime(answeredAt + 240_000)];
  await page.getByRole('group', { name: 'Recargas' }).getByRole('button', { name: '$50.00', exact: true }).click();
  await expect(page.getByTestId('paced')).toHaveText(new RegExp(`^Relier en pausa hasta las (${until.join('|')})$`));
  await expect(page.getByTestId('confirm-line')).toHaveText('Línea: en línea.');
});
