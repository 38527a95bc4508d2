/**
 * People and the way out of demo mode, on the demo shop: the owner adds a cashier with a PIN someone already has
 * (refused in words), gives her a new PIN when she forgets hers, disables the demo cashier after an explicit confirmation (their PIN stops working, they stay
 * on the list), a cashier changes their own PIN only with the old one; and "Salir del modo demostración" leads,
 * after its confirmation, into the set-up.
 */
import { expect, pressDigits, signIn, test } from './counter-fixture';

test('the owner manages people; a cashier changes their own PIN; leaving demo opens the set-up', async ({ page, counter }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await counter.open(page);
  await signIn(page, '4321');
  await page.getByRole('button', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Personas' }).click();
  const people = page.getByRole('list', { name: 'Personas' });
  await expect(people.getByRole('listitem')).toHaveCount(2);

  // A PIN someone has is refused with the core's sentence; a free one adds the cashier.
  await page.getByLabel('Nombre', { exact: true }).fill('Rosa Martínez');
  await page.getByLabel('PIN', { exact: true }).fill('1234');
  await page.getByLabel('El mismo PIN otra vez').fill('1234');
  await page.getByRole('button', { name: 'Agregar persona' }).click();
  await expect(page.getByTestId('field-problem')).toHaveText('Otra persona de la tienda ya tiene ese PIN. Elija otro.');
  await page.getByLabel('PIN', { exact: true }).fill('7531');
  await page.getByLabel('El mismo PIN otra vez').fill('7531');
  await page.getByRole('button', { name: 'Agregar persona' }).click();
  await expect(people.getByRole('listitem')).toHaveCount(3);

  // She forgot it: the owner gives her a new one, typed twice.
  const rosa = people.locator('[data-person="Rosa Martínez"]');
  await rosa.getByRole('button', { name: 'Nuevo PIN para Rosa Martínez' }).click();
  await rosa.getByLabel('PIN', { exact: true }).fill('7539');
  await rosa.getByLabel('El mismo PIN otra vez').fill('7539');
  await rosa.getByRole('button', { name: 'Guardar el nuevo PIN' }).click();
  await expect(rosa.getByRole('status')).toHaveText('Rosa Martínez ya tiene su nuevo PIN.');

  // Disabling asks first; "Cancelar" changes nothing, "Sí, desactivar" does.
  await page.getByRole('button', { name: 'Desactivar a Cajero demo' }).click();
  const dialog = page.getByRole('alertdialog', { name: '¿Desactivar a Cajero demo?' });
  await expect(dialog).toContainText('Sus ventas siguen con su nombre');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(people.locator('[data-person="Cajero demo"]')).not.toContainText('Desactivado');
  await page.getByRole('button', { name: 'Desactivar a Cajero demo' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sí, desactivar' }).click();
  await expect(people.locator('[data-person="Cajero demo"]')).toContainText('Desactivado');

  // The disabled cashier's PIN opens nothing; the new cashier changes her PIN, the old one first.
  await page.getByRole('button', { name: 'Cambiar cajero' }).click();
  await pressDigits(page, '1234');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('alert')).toContainText('PIN incorrecto');
  await pressDigits(page, '7531');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('alert')).toContainText('PIN incorrecto');
  await signIn(page, '7539');
  await page.getByRole('button', { name: 'Mi PIN' }).click();
  await page.getByLabel('Mi PIN actual').fill('9999');
  await page.getByLabel('Mi PIN nuevo').fill('8642');
  await page.getByLabel('El mismo PIN otra vez').fill('8642');
  await page.getByRole('button', { name: 'Cambiar mi PIN' }).click();
  await expect(page.getByTestId('field-problem')).toHaveText('El PIN actual no es correcto.');
  await page.getByLabel('Mi PIN actual').fill('7539');
  await page.getByRole('button', { name: 'Cambiar mi PIN' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Su PIN cambió.' })).toBeVisible();
  await page.getByRole('button', { name: 'Cambiar cajero' }).click();
  await signIn(page, '8642');

  // Out of demo: the owner's visible path, confirmed, opens the set-up.
  await page.getByRole('button', { name: 'Cambiar cajero' }).click();
  await signIn(page, '4321');
  await page.getByRole('button', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Salir del modo demostración' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sí, salir y configurar' }).click();
  await expect(page.getByRole('heading', { name: 'Configurar la tienda', level: 1 })).toBeVisible();
  expect(counter.consoleErrors).toEqual([]);
});
