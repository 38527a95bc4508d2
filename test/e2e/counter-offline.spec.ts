/**
 * Line down: the sale is queued and its receipt says the airtime is on its way. Line back: it is delivered,
 * and the status bar and today's list follow without a reload; the reprint says delivered and COPY.
 */
import { confirmButton, expect, result, signIn, startSale, test } from './counter-fixture';

test('line down queues the sale; line back delivers it and the screens follow without a reload', async ({ page, counter }) => {
  counter.routeTo('relier');
  await counter.open(page);
  await signIn(page);
  await counter.takeLineDown();

  await startSale(page, { phone: '5587654321', carrier: 'Movistar', amount: '$100.00' });
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'queued', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveText('En cola');
  const status = page.getByRole('status', { name: 'Estado del mostrador' });
  await expect(status.getByTestId('queue')).toHaveText('En cola: 1');
  await expect(status.getByTestId('connectivity')).toContainText('Sin conexión', { timeout: 15_000 });

  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(receipt).toContainText('EN CAMINO');
  await expect(receipt).toContainText('en camino');
  await expect(receipt).not.toContainText('ENTREGADA');
  await page.getByRole('button', { name: 'Cerrar recibo' }).click();

  await page.getByRole('button', { name: 'Ventas de hoy' }).click();
  const row = page.getByRole('row').filter({ hasText: '55 8765 4321' });
  await expect(row).toContainText('En cola');

  await counter.setAllOffline(false);
  await expect(row).toContainText('Entregada', { timeout: 45_000 });
  await expect(status.getByTestId('queue')).toHaveText('En cola: 0');
  await expect(status.getByTestId('connectivity')).toContainText('En línea', { timeout: 15_000 });

  await row.getByRole('button', { name: /^Ver venta de / }).click();
  await expect(page.getByRole('heading', { name: 'Historial' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Entregada' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Reimprimir recibo' }).click();
  const copy = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(copy).toContainText('COPIA');
  await expect(copy).toContainText('RECARGA ENTREGADA');
  expect(counter.consoleErrors).toEqual([]);
});
