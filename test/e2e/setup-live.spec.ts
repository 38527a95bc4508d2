/**
 * A fresh data folder in LIVE mode (Relier's credentials in the environment, pointing at a sandbox): the set-up
 * screen appears on its own and the demo PINs do not exist; the owner completes the set-up on the touch screen
 * (a weak PIN is refused in words, Relier's connection is tested, MobiSend's keys are typed and shown only as
 * their last 4 characters), adds a cashier, and the cashier signs in and sells; the receipt carries the shop's
 * name. Full-page screenshots in Spanish and English at 1024×768 (artifacts/screenshots/setup-*), axe finds
 * no serious violation, and no translation key is missing.
 */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { missingKeys } from './counter-guard-shots';
import { confirmButton, ensureDir, pressDigits, result, screenshotsDir } from './counter-fixture';
import { expect, test } from './setup-fixture';

const SHOP = 'Abarrotes Lupita';
const OWNER_PIN = '2580';
const CASHIER_PIN = '3691';

/** A full-page screenshot at the kiosk's 1024×768 and axe's serious or critical violations on it. */
async function capture(page: Page, name: string, checkAxe = true): Promise<string[]> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: join(ensureDir(screenshotsDir), `${name}-1024x768.png`), fullPage: true });
  if (!checkAxe) return [];
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return axe.violations.filter((found) => found.impact === 'serious' || found.impact === 'critical').map((found) => `${name}: ${found.id}: ${found.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * What shows now in Spanish, then in English (the status bar's switch), and back to Spanish. Axe runs on the
 * Spanish screen only: the English one has the same elements and colours (the suite has a time budget).
 */
async function bothLanguages(page: Page, name: string, violations: string[]): Promise<void> {
  violations.push(...(await capture(page, `setup-${name}-es`)));
  await page.getByRole('button', { name: 'Cambiar idioma a English' }).click();
  violations.push(...(await capture(page, `setup-${name}-en`, false)));
  await page.getByRole('button', { name: 'Switch language to Español' }).click();
}

test('a live shop is set up on the touch screen, a cashier is added and sells with the shop on the receipt', async ({ page, live }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  await page.setViewportSize({ width: 1024, height: 768 });
  await live.open(page);

  // The set-up shows by itself, and the demo PINs open nothing.
  await expect(page.getByRole('heading', { name: 'Configurar la tienda', level: 1 })).toBeVisible();
  for (const pin of ['1234', '4321']) {
    const answer = await page.evaluate((typed) => window.saldo!.invoke['auth.signIn']({ pin: typed }), pin);
    expect(answer.ok).toBe(false);
  }
  await bothLanguages(page, 'language', violations);
  await page.getByRole('button', { name: 'Siguiente' }).click();

  // The shop, for the receipt header and footer.
  await page.getByLabel('Nombre de la tienda').fill(SHOP);
  await page.getByLabel('Dirección').fill('Av. Juárez 12, Puebla');
  await page.getByLabel('Teléfono de la tienda').fill('222 123 4567');
  await page.getByLabel('Pie del recibo').fill('¡Vuelva pronto, vecino!');
  await page.getByRole('button', { name: 'Guardar y seguir' }).click();
  await expect(page.getByRole('heading', { name: 'Horario', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Guardar y seguir' }).click();

  // The owner: a weak PIN is refused in words, then a good one typed twice signs the owner in.
  await page.getByLabel('Nombre del dueño').fill('Guadalupe Ruiz');
  await page.getByLabel('PIN del dueño', { exact: true }).fill('1234');
  await page.getByLabel('El mismo PIN otra vez').fill('1234');
  await page.getByRole('button', { name: 'Crear dueño y entrar' }).click();
  await expect(page.getByTestId('field-problem')).toHaveText('Ese PIN es muy fácil de adivinar (un dígito repetido o una serie como 1234 o 9876). Elija otro.');
  await bothLanguages(page, 'owner-weak-pin', violations);
  await page.getByLabel('PIN del dueño', { exact: true }).fill(OWNER_PIN);
  await page.getByLabel('El mismo PIN otra vez').fill(OWNER_PIN);
  await page.getByRole('button', { name: 'Crear dueño y entrar' }).click();

  // Providers: Relier from the environment answers the test; MobiSend's keys are typed once, never shown again.
  await expect(page.getByRole('heading', { name: 'Proveedores', level: 2 })).toBeVisible();
  const relier = page.locator('[data-provider="relier"]');
  await expect(relier.getByTestId('credentials-state')).toHaveText(/^Configurado, termina en …\S{4}$/);
  await expect(relier).toContainText('Las variables de entorno de Relier están en uso');
  await page.getByRole('button', { name: 'Probar conexión con Relier' }).click();
  await expect(relier.getByTestId('credentials-test')).toContainText(/^Relier respondió bien en \d+ ms\./);
  const mobisendKey = live.mobisend.credentials.apiKey ?? '';
  await page.getByRole('button', { name: 'Configurar MobiSend' }).click();
  await page.getByLabel('Dirección de MobiSend').fill(live.mobisend.url);
  await page.getByLabel('Clave de API de MobiSend').fill(mobisendKey);
  await page.getByRole('button', { name: 'Guardar claves de MobiSend' }).click();
  const mobisend = page.locator('[data-provider="mobisend"]');
  await expect(mobisend.getByTestId('credentials-state')).toHaveText(`Configurado, termina en …${mobisendKey.slice(-4)}`);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  expect(await page.content()).not.toContain(mobisendKey);
  // The new keys take effect at the next start: the notice offers the restart; a browser tab cannot, and says so.
  const restart = page.getByTestId('restart-required');
  await expect(restart.getByRole('status')).toHaveText('Reinicie Saldo para usar las claves nuevas.');
  await bothLanguages(page, 'providers', violations);
  await restart.getByRole('button', { name: 'Reiniciar Saldo' }).click();
  await expect(restart.getByRole('status')).toHaveText('Desde el navegador Saldo no puede reiniciarse solo: deténgalo y vuelva a iniciarlo en la computadora.');
  await page.getByRole('button', { name: 'Siguiente' }).click();

  // The printer: 58 mm paper and a test print (the browser host's print dialog, counted by the fixture).
  await page.getByRole('button', { name: '58 mm' }).click();
  await page.getByRole('button', { name: 'Guardar el ancho' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Guardado.' })).toBeVisible();
  await page.getByRole('button', { name: 'Imprimir prueba' }).click();
  await expect(page.getByTestId('test-print-outcome')).toHaveText('La prueba se abrió en el diálogo de impresión del navegador: elija ahí la impresora de recibos.');
  await page.getByRole('button', { name: 'Cerrar recibo' }).click();
  await page.getByRole('button', { name: 'Siguiente' }).click();

  // The offline policy as it comes, then the shop is ready.
  await page.getByRole('button', { name: 'Guardar y seguir' }).click();
  await expect(page.getByText('La tienda está lista para vender.')).toBeVisible();
  await page.getByRole('button', { name: 'Ir al mostrador' }).click();

  // The owner adds a cashier.
  await page.getByRole('button', { name: 'Ajustes' }).click();
  await expect(page.getByLabel('Nombre de la tienda')).toHaveValue(SHOP);
  await bothLanguages(page, 'settings', violations);
  await page.getByRole('button', { name: 'Personas' }).click();
  await page.getByLabel('Nombre', { exact: true }).fill('Pedro Sánchez');
  await expect(page.getByRole('button', { name: 'Cajero', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('PIN', { exact: true }).fill(CASHIER_PIN);
  await page.getByLabel('El mismo PIN otra vez').fill(CASHIER_PIN);
  await page.getByRole('button', { name: 'Agregar persona' }).click();
  await expect(page.getByText('Persona agregada: ya puede entrar con su PIN.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Personas' }).getByRole('listitem')).toHaveCount(2);
  await bothLanguages(page, 'people', violations);

  // The demo PINs do not open the counter; the new cashier's does, and sees no settings.
  await page.getByRole('button', { name: 'Cambiar cajero' }).click();
  await pressDigits(page, '4321');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('alert')).toContainText('PIN incorrecto');
  await pressDigits(page, CASHIER_PIN);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByText('Cajero: Pedro Sánchez')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajustes' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mi PIN' })).toBeVisible();

  // Only Relier is in effect (MobiSend's typed keys wait for a restart): Relier sells open amounts.
  await pressDigits(page, '5500000000');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByRole('button', { name: 'Telcel', exact: true }).click();
  await pressDigits(page, '50', /^Otro monto$/);
  await page.locator('.other-amount').getByRole('button', { name: 'Usar $50.00' }).click();
  await confirmButton(page).click();
  await expect(result(page)).toHaveAttribute('data-result', 'succeeded', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Imprimir recibo' }).click();
  const receipt = page.getByRole('dialog', { name: 'Recibo' }).getByTestId('receipt');
  await expect(receipt).toContainText(SHOP);
  await expect(receipt).toContainText('Av. Juárez 12, Puebla');
  await expect(receipt).toContainText('Tel. 222 123 4567');
  await expect(receipt).toContainText('¡Vuelva pronto, vecino!');
  violations.push(...(await capture(page, 'setup-cashier-receipt-es')));

  expect(violations).toEqual([]);
  expect(await missingKeys(page)).toEqual([]);
  expect(live.consoleErrors).toEqual([]);
});
