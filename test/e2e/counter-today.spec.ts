/**
 * Today's list as a cashier uses it with a busy day: search by the number's last digits and by folio, the filter
 * for sales owed back (also opened from the status bar's "Por devolver"), the day's totals, headers that stay in
 * view while scrolling, a tap anywhere on a row opens the sale, and the browser's Back stays inside the app.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Sale } from '../../shared/contract/sales';
import { expect, invokeInPage, signIn, test } from './counter-fixture';

async function sell(page: Page, phone: string, pesos: number): Promise<Sale> {
  return invokeInPage<Sale>(page, 'sales.sell', { requestId: randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: pesos * 100, currency: 'MXN' } });
}

test("today's list: search by last digits and folio, owed sales, totals, sticky headers, whole rows", async ({ page, counter }) => {
  // MobiSend answers at once in the sandbox (Relier's asynchronous answers would settle later, with notices).
  counter.routeTo('mobisend');
  await counter.open(page);
  await signIn(page);
  const delivered: Sale[] = [];
  // 24 delivered sales to different numbers, and one to Relier's always-fail number (owed back).
  for (let index = 0; index < 24; index += 1) delivered.push(await sell(page, `55${String(10_000_000 + index * 7919).slice(-8)}`, [20, 30, 50][index % 3]!));
  const failed = await sell(page, '5500000001', 50);
  expect(delivered.every((sale) => sale.state === 'succeeded')).toBe(true);
  expect(failed.state).toBe('refund_due');
  // Sold behind the counter's back (the channel, not the screens): a fresh page, as after the morning's sales.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Cambiar cajero' })).toBeVisible();

  // The status bar's "Por devolver" opens the owed sales.
  await page.getByTestId('refunds').click();
  await expect(page.getByRole('heading', { name: 'Ventas de hoy' })).toBeVisible();
  const filters = page.getByRole('group', { name: 'Filtrar por estado' });
  await expect(filters.getByRole('button', { name: 'Por devolver' })).toHaveAttribute('aria-pressed', 'true');
  const rows = page.getByTestId('today-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('55 0000 0001');

  const totals = page.getByTestId('today-totals');
  const deliveredTotal = delivered.reduce((sum, sale) => sum + sale.price.minor, 0) / 100;
  await expect(totals).toContainText('Ventas de hoy25');
  await expect(totals).toContainText(`Entregadas (24)$${deliveredTotal.toFixed(2)}`);
  await expect(totals).toContainText('Por devolver (1)$50.00');

  await filters.getByRole('button', { name: 'Todas' }).click();
  await expect(rows).toHaveCount(25);
  await expect(page.getByText('Se muestran 25 de 25')).toBeVisible();

  // The last four digits a customer says out loud find their sale.
  const wanted = delivered[7]!;
  const search = page.getByRole('searchbox', { name: 'Buscar por últimos dígitos o folio' });
  await search.fill(wanted.phone.slice(-4));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(wanted.providerTransactionId!);
  // A folio read off a receipt finds it too.
  await search.fill(wanted.providerTransactionId!);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-sale-id', wanted.id);
  await search.fill('');
  await expect(rows).toHaveCount(25);

  // Headers stay in view while the list scrolls, at the kiosk's 1024×768.
  await page.setViewportSize({ width: 1024, height: 768 });
  const header = page.getByRole('columnheader', { name: 'Hora' });
  const before = await header.boundingBox();
  await page.getByTestId('today-table').evaluate((table) => table.scrollBy(0, 600));
  await expect(rows.nth(12)).toBeInViewport();
  const after = await header.boundingBox();
  expect(after?.y).toBe(before?.y);

  // A tap on the carrier cell, far from the time button, opens the sale.
  await rows.filter({ hasText: '55 0000 0001' }).getByRole('cell', { name: 'Telcel' }).click();
  await expect(page.getByRole('heading', { name: 'Detalle de la venta' })).toBeVisible();

  // The browser's Back (the preview) goes back inside Saldo, never to a blank page.
  await page.goBack();
  await expect(rows).toHaveCount(25);
  await page.goBack();
  await expect(page.getByLabel('Número de teléfono')).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByLabel('Número de teléfono')).toBeVisible();
  expect(page.url()).toContain(counter.host.appUrl.split('?')[0]!);
  expect(counter.consoleErrors).toEqual([]);
});
