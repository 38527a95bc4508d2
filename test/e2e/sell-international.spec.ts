/**
 * An international top-up priced in pesos: the owner gives Honduras its own rate and markup on the pricing screen,
 * then finds Honduras by name, sells Tigo $5 USD, charges the pesos the read-back shows; the receipt says both.
 */
import type { Sale } from '../../shared/contract/sales';
import { confirmButton, expect, invokeInPage, pressDigits, result, signIn, test } from './counter-fixture';
import { typeLetters } from './sell-more-fixture';

test('a Honduras top-up: MXN charged, what the recipient gets, the receipt', async ({ page, counter }) => {
  await counter.open(page);
  await signIn(page, '4321');
  await page.getByRole('button', { name: 'Recarga internacional' }).click();
  await page.getByRole('button', { name: 'Tipo de cambio y margen' }).click();
  // Demo mode starts at 18.50 pesos per dollar plus 5 % for every country; Honduras gets its own price.
  await expect(page.getByRole('group', { name: 'Para todos los países' }).getByLabel('Pesos por dólar')).toHaveValue('18.50');
  await page.getByRole('group', { name: 'Precio propio para un país' }).getByRole('button', { name: 'Honduras' }).click();
  const honduras = page.getByRole('group', { name: 'Honduras' });
  await honduras.getByLabel('Pesos por dólar').fill('19x');
  await honduras.getByLabel('Margen (%)').fill('2');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Escriba un número mayor que 0 y hasta 1000, con hasta 4 decimales.')).toBeVisible();
  await honduras.getByLabel('Pesos por dólar').fill('19');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardado. Los precios nuevos se usan desde la siguiente venta.')).toBeVisible();
  await page.getByRole('button', { name: /Recarga internacional$/ }).click();

  await typeLetters(page, 'hond');
  await page.getByRole('button', { name: /^Honduras/ }).click();
  await pressDigits(page, '99991234');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByRole('button', { name: 'Tigo', exact: true }).click();
  // Honduras' own price: $5 USD × 19 × 1.02 = $96.90 MXN.
  const five = page.getByRole('button', { name: /^Topup 5 USD/ });
  await expect(five).toContainText('$96.90 MXN');
  await expect(five).toContainText('Recibe $5.00 USD');
  await page.getByRole('button', { name: 'Paquetes' }).click();
  await expect(page.getByRole('button', { name: /^Topup/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Paquete 1GB/ })).toContainText('7 días');
  await page.getByRole('button', { name: 'Todo' }).click();
  await five.click();

  await expect(page.getByTestId('confirm-number')).toHaveText('+504 9999-1234');
  await expect(page.getByTestId('charge')).toHaveText('$96.90 MXN');
  await expect(page.getByTestId('recipient-gets')).toHaveText('$5.00 USD');
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveText('Recarga entregada');
  await expect(page.getByText('Recibe $5.00 USD')).toBeVisible();

  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(receipt).toContainText('96.90');
  await expect(receipt).toContainText('5.00 USD');
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  expect(sales[0]).toMatchObject({ country: 'HN', carrier: 'Tigo', state: 'succeeded', price: { minor: 9_690, currency: 'MXN' }, faceValue: { minor: 500, currency: 'USD' }, shopRate: '19', markupPercent: '2' });
  expect(counter.consoleErrors).toEqual([]);
});
