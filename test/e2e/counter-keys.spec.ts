/**
 * The counter from the keyboard: digits keyed the moment the PIN is accepted are all kept; a numpad-only sale
 * takes the number, Enter, a carrier key, the amount, Enter, Enter (keys counted); Enter on the result starts the
 * next sale.
 */
import { expect, test } from './counter-fixture';

test('digits keyed right after sign-in, with no wait, are all kept', async ({ page, counter }) => {
  await counter.open(page);
  // PIN, Enter and the customer's number in one burst, as a fast cashier types it.
  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  await page.keyboard.type('5512345678');
  await expect(page.getByLabel('Número de teléfono')).toHaveValue('55 1234 5678');
  expect(counter.consoleErrors).toEqual([]);
});
