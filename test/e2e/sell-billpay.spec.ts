/**
 * A bill payment at the counter, as a cashier does it: the biller found by name on the screen's keyboard, the
 * account and amount on the keypad, the fee and the pesos to charge, the read-back, the result in words, the receipt.
 */
import type { Sale } from '../../shared/contract/sales';
import { expect, invokeInPage, pressDigits, result, test } from './counter-fixture';
import { priceDollarsAsOwner, typeLetters } from './sell-more-fixture';

test('a bill payment from the biller search to the receipt', async ({ page, counter }) => {
  await counter.open(page);
  await priceDollarsAsOwner(page);
  await page.getByRole('button', { name: 'Pagar servicio' }).click();
  await typeLetters(page, 'duke');
  await expect(page.getByLabel('Buscar empresa')).toHaveValue('duke');
  await page.getByRole('button', { name: /^Duke Energy/ }).click();

  await pressDigits(page, '1234567890', /^Teclado del número de cuenta$/);
  await expect(page.getByRole('textbox', { name: 'Número de cuenta' })).toHaveValue('1234567890');
  await page.getByRole('button', { name: /^Monto del recibo \(USD\)/ }).click();
  await pressDigits(page, '15025', /^Teclado del monto$/);
  await expect(page.locator('#bill-amount')).toHaveText('$150.25 USD');
  // Standard fee $0.75: $151.00 × 18.50 × 1.05 = $2,933.175 → $2,933.18 (half-up).
  const standard = page.getByRole('radio', { name: /^Normal/ });
  await expect(standard).toContainText('Comisión $0.75 USD');
  await expect(standard).toContainText('$2,933.18 MXN');
  await expect(page.getByRole('radio', { name: /^Urgente/ })).toContainText('Comisión $1.25 USD');
  await page.getByRole('button', { name: 'Continuar' }).click();

  await expect(page.getByTestId('confirm-account')).toHaveText('1234567890');
  await expect(page.getByTestId('charge')).toHaveText('$2,933.18 MXN');
  await expect(page.getByTestId('rate-line')).toContainText('$151.00 USD');
  await page.getByRole('button', { name: 'Cobrar $2,933.18 MXN y pagar' }).click();
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveText('Pago realizado');
  await expect(page.getByText('Duke Energy · 1234567890 · $2,933.18 MXN')).toBeVisible();

  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(receipt).toContainText('Duke Energy');
  await expect(receipt).toContainText('2,933.18');
  const { sales } = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  expect(sales).toHaveLength(1);
  expect(sales[0]).toMatchObject({ kind: 'bill', state: 'succeeded', price: { minor: 293_318, currency: 'MXN' } });
  expect(counter.sandbox('mobisend').control.records().deliveries).toHaveLength(1);
  expect(counter.consoleErrors).toEqual([]);
});
