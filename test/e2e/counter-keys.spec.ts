/**
 * The counter from the keyboard: digits keyed the moment the PIN is accepted are all kept; a numpad-only sale
 * takes the number, Enter, a carrier key, the amount, Enter, Enter (keys counted); its receipt prints once as the
 * original and then as COPIA; Enter on the result starts the next sale; a pasted foreign number switches country.
 */
import { expect, test } from './counter-fixture';
import { browserPrints } from './fixtures';

test('digits keyed right after sign-in, with no wait, are all kept', async ({ page, counter }) => {
  await counter.open(page);
  // PIN, Enter and the customer's number in one burst, as a fast cashier types it.
  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  await page.keyboard.type('5512345678');
  await expect(page.getByLabel('Número de teléfono')).toHaveValue('55 1234 5678');
  expect(counter.consoleErrors).toEqual([]);
});

test('a numpad-only sale: number, Enter, carrier key, amount, Enter, Enter; Enter again starts the next sale', async ({ page, counter }) => {
  const prints = () => browserPrints(page);
  await counter.open(page);
  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Número de teléfono')).toBeFocused();
  let keys = 0;
  const press = async (key: string) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  for (const digit of '5512345678') await press(digit);
  await press('Enter');
  // Telcel is the first carrier on a new install: key 1.
  await expect(page.getByRole('button', { name: /Telcel/ })).toHaveAttribute('aria-keyshortcuts', '1');
  await press('1');
  await expect(page.getByRole('button', { name: /Telcel/ })).toHaveAttribute('aria-pressed', 'true');
  await press('2');
  await press('0');
  await press('Enter');
  await expect(page.getByTestId('confirm-number')).toHaveText('55 1234 5678');
  await expect(page.getByText('$20.00').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cobrar \$20\.00 y enviar$/ })).toHaveAttribute('data-armed', 'true');
  await press('Enter');
  await expect(page.locator('[data-result]')).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  expect(keys).toBe(10 + 1 + 1 + 2 + 1 + 1);
  // One print action: the original, then the button offers a copy and the receipt says COPIA.
  const dialog = page.getByRole('dialog', { name: 'Recibo' });
  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  await expect(dialog.getByTestId('receipt')).toContainText('RECARGA ENTREGADA');
  await expect(dialog.getByTestId('receipt')).not.toContainText('COPIA');
  await expect(dialog.getByRole('button')).toHaveText(['Cerrar recibo']);
  await expect.poll(prints).toBe(1);
  await dialog.getByRole('button', { name: 'Cerrar recibo' }).click();
  await page.getByRole('button', { name: 'Imprimir copia' }).click();
  await expect(dialog.getByTestId('receipt')).toContainText('*** COPIA ***');
  await expect.poll(prints).toBe(2);
  await dialog.getByRole('button', { name: 'Cerrar recibo' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Número de teléfono')).toHaveValue('');
  await expect(page.getByLabel('Número de teléfono')).toBeFocused();
  expect(counter.consoleErrors).toEqual([]);
});

test('a Honduran number pasted while México is selected switches the country; only countries with products are offered', async ({ page, counter }) => {
  await counter.open(page);
  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  const countries = page.getByRole('group', { name: 'País' });
  await expect(countries.getByRole('button')).toHaveText(['México', 'Honduras', 'Perú', 'Filipinas']);
  await page.getByLabel('Número de teléfono').fill('+504 9999 1234');
  await expect(countries.getByRole('button', { name: 'Honduras' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Número de teléfono')).toHaveValue('9999-1234');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Claro/ })).toBeVisible();
  await expect(page.getByText('No hay productos en el catálogo guardado')).toHaveCount(0);
  expect(counter.consoleErrors).toEqual([]);
});
