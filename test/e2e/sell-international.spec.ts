/**
 * An international top-up priced in pesos: the owner sets the exchange rate on its screen; the cashier finds
 * Honduras by name, sells Tigo $5 USD, charges the pesos the read-back shows and the receipt says both amounts.
 */
import type { Sale } from '../../shared/contract/sales';
import { confirmButton, expect, invokeInPage, pressDigits, result, signIn, test } from './counter-fixture';
import { typeLetters } from './sell-more-fixture';

test('a Honduras top-up: MXN charged, what the recipient gets, the receipt', async ({ page, counter }) => {
  await counter.open(page);
  await signIn(page, '4321');
  await page.getByRole('button', { name: 'Recarga internacional' }).click();
  await expect(page.getByTestId('waiting-for-rate')).toContainText('Honduras');
  await page.getByRole('button', { name: 'Fijar tipo de cambio' }).click();
  const all = page.getByRole('group', { name: 'Para todos los países' });
  await all.getByLabel('Pesos por dólar').fill('18.5x');
  await all.getByLabel('Margen (%)').fill('5');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Escriba un número mayor que 0 y hasta 1000, con hasta 4 decimales.')).toBeVisible();
  await all.getByLabel('Pesos por dólar').fill('18.50');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('status')).toHaveText('Guardado. Los precios nuevos se usan desde la siguiente venta.');
  await page.getByRole('button', { name: /Recarga internacional$/ }).click();

  await typeLetters(page, 'hond');
  await page.getByRole('button', { name: /^Honduras/ }).click();
  await pressDigits(page, '99991234');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByRole('button', { name: 'Tigo', exact: true }).click();
  // $5 USD × 18.50 × 1.05 = $97.125 → $97.13 MXN (half-up).
  const five = page.getByRole('button', { name: /^Topup 5 USD/ });
  await expect(five).toContainText('$97.13 MXN');
  await expect(five).toContainText('Recibe $5.00 USD');
  await page.getByRole('button', { name: 'Paquetes' }).click();
  await expect(page.getByRole('button', { name: /^Topup/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Paquete 1GB/ })).toContainText('7 días');
  await page.getByRole('button', { name: 'Todo' }).click();
  await five.click();

  await expect(page.getByTestId('confirm-number')).toHaveText('+504 9999-1234');
  await expect(page.getByTestId('charge')).toHaveText('$97.13 MXN');
  await expect(page.getByTestId('recipient-gets')).toHaveText('$5.00 USD');
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveText('Recarga entregada');
  await expect(page.getByText('Recibe $5.00 USD')).toBeVisible();

  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(receipt).toContainText('97.13');
  await expect(receipt).toContainText('5.00 USD');
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  expect(sales[0]).toMatchObject({ country: 'HN', carrier: 'Tigo', state: 'succeeded', price: { minor: 9_713, currency: 'MXN' }, faceValue: { minor: 500, currency: 'USD' }, shopRate: '18.50' });
  expect(counter.consoleErrors).toEqual([]);
});
