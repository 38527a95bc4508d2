/**
 * The owner lowers the offline cap on the settings screen (a bad value first: the core's problem shows next to
 * the field and nothing is stored); then, with the line down, a cashier's sale over the new cap is refused with
 * a sentence that names the cap, and nothing is recorded.
 */
import { confirmButton, expect, invokeInPage, result, signIn, startSale, test } from './counter-fixture';
import type { Sale } from '../../shared/contract/sales';

test('an owner lowers the offline cap; a sale over it while offline is refused naming the cap', async ({ page, counter }) => {
  counter.routeTo('relier');
  await counter.open(page);
  await signIn(page, '4321');
  await page.getByRole('button', { name: 'Ajustes' }).click();
  const offline = page.locator('[data-section="offline"]');
  const maxSale = offline.getByLabel('Máximo por venta en cola (MXN)');
  await expect(maxSale).toHaveValue('500');

  await maxSale.fill('0');
  await offline.getByRole('button', { name: 'Guardar' }).click();
  await expect(offline.getByTestId('field-problem')).toHaveText('Debe ser mayor que 0.');
  await expect(offline.getByRole('alert')).toHaveText('Revise los campos marcados: no se guardó nada.');

  await maxSale.fill('50');
  await offline.getByRole('button', { name: 'Guardar' }).click();
  await expect(offline.getByRole('status')).toHaveText('Guardado.');

  await page.getByRole('button', { name: 'Cambiar cajero' }).click();
  await signIn(page, '1234');
  await counter.takeLineDown();
  await startSale(page, { phone: '5587654321', carrier: 'Movistar', amount: '$100.00' });
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'error', { timeout: 30_000 });
  await expect(result(page)).toContainText('Sin conexión: la tienda permite en cola ventas de hasta $50.00 cada una.');
  const sales = await invokeInPage<{ sales: Sale[] }>(page, 'sales.list', { today: true });
  expect(sales.sales).toEqual([]);
  expect(counter.consoleErrors).toEqual([]);
});
