/**
 * After an update, in Chromium against the browser host: the data folder last ran 1.4.0, the app now runs
 * 1.5.0, and its last check downloaded 1.6.0 with the shop open (hours 0 → 24). An owner is told "Saldo se
 * actualizó de 1.4.0 a 1.5.0" and asked "Hay una actualización lista: ¿instalar ahora?"; "Instalar ahora"
 * records the owner's yes and the sentence says what happens next. A cashier sees what changed but is never
 * asked; a dismissed notice stays away. Both languages; screenshots in artifacts/screenshots/. Last, the way
 * out of a kiosk ("Cerrar Saldo" on the diagnostics screen) as a browser tab answers it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';
import { ownerPermissionAt, recordUpdateCheck, saveUpdateSettings } from '../../electron/core/updates/settings';
import { ensureDir, expect, pressDigits, screenshotsDir, test } from './counter-fixture';
import { instrumentPage } from './fixtures';

const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

interface UpdatedSaldo {
  core: SaldoCore<RunningSandbox>;
  host: BrowserHost;
  close(): Promise<void>;
}

/** A data folder that ran 1.4.0 (its last check downloaded 1.6.0), opened now by 1.5.0. */
async function startUpdatedSaldo(): Promise<UpdatedSaldo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saldo-e2e-updated-'));
  const common = { dataDir, host: 'browser' as const, validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() };
  const before = await createSaldoCore({ ...common, version: '1.4.0' });
  saveUpdateSettings(before.db, { shopHours: { open: 0, close: 24 } }, new Date());
  recordUpdateCheck(before.db, { at: new Date().toISOString(), result: 'downloaded', version: '1.6.0' });
  await before.close();
  const core = await createSaldoCore({ ...common, version: '1.5.0' });
  const host = await startBrowserHost({ core, rendererDir });
  return {
    core,
    host,
    async close() {
      await host.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function capture(page: Page, name: string): Promise<void> {
  ensureDir(screenshotsDir);
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: join(screenshotsDir, `${name}-${size.width}x${size.height}.png`) });
  }
}

async function signInWith(page: Page, pin: string, signIn: string): Promise<void> {
  await pressDigits(page, pin);
  await page.getByRole('button', { name: signIn }).click();
}

const missingKeys = (page: Page) => page.evaluate(() => (window as unknown as { __saldoMissingKeys?: string[] }).__saldoMissingKeys ?? []);

test('Spanish: the owner hears what changed and says yes to the update waiting', async ({ page }) => {
  test.setTimeout(90_000);
  const saldo = await startUpdatedSaldo();
  const errors: string[] = [];
  try {
    await instrumentPage(page, errors);
    await page.goto(saldo.host.appUrl);
    await signInWith(page, '4321', 'Entrar');

    const whatChanged = page.getByTestId('what-changed');
    await expect(whatChanged).toContainText('Saldo se actualizó de 1.4.0 a 1.5.0');
    const ready = page.getByTestId('update-ready');
    await expect(ready.getByRole('heading')).toHaveText('Hay una actualización lista: ¿instalar ahora?');
    await expect(ready).toContainText('Versión 1.6.0');
    await expect(ready).toContainText('La tienda está abierta: la actualización se instala cuando el dueño lo confirme, en un momento sin ventas.');
    await capture(page, '30-updates-owner-asked-es');

    expect(ownerPermissionAt(saldo.core.db, Date.now()).ownerConfirmed).toBe(false);
    await ready.getByRole('button', { name: 'Instalar ahora' }).click();
    await expect(ready.getByTestId('update-reason')).toHaveText('El dueño confirmó: la actualización se instala en el próximo momento sin ventas.');
    await expect(ready.getByRole('heading')).toHaveText('Hay una actualización lista');
    await expect(ready.getByRole('button', { name: 'Instalar ahora' })).toHaveCount(0);
    expect(ownerPermissionAt(saldo.core.db, Date.now())).toEqual({ ownerConfirmed: true, ownerAllowsNonEmptyQueue: false });
    await capture(page, '31-updates-owner-confirmed-es');

    await whatChanged.getByRole('button', { name: 'Entendido' }).click();
    await expect(whatChanged).toHaveCount(0);
    expect(await missingKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await saldo.close();
  }
});

test('English: a cashier sees what changed and is never asked; once dismissed the owner is only asked', async ({ page }) => {
  test.setTimeout(90_000);
  const saldo = await startUpdatedSaldo();
  const errors: string[] = [];
  try {
    await instrumentPage(page, errors);
    await page.goto(saldo.host.appUrl);
    await page.getByRole('button', { name: 'Cambiar idioma a English' }).click();
    await signInWith(page, '1234', 'Sign in');

    const whatChanged = page.getByTestId('what-changed');
    await expect(whatChanged).toContainText('Saldo was updated from 1.4.0 to 1.5.0');
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    await capture(page, '32-updates-cashier-en');
    await whatChanged.getByRole('button', { name: 'Got it' }).click();
    await expect(whatChanged).toHaveCount(0);

    await saldo.core.dispatcher.invoke('auth.signOut', {}, { host: 'test' });
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await signInWith(page, '4321', 'Sign in');
    const ready = page.getByTestId('update-ready');
    await expect(ready.getByRole('heading')).toHaveText('An update is ready: install it now?');
    await expect(ready).toContainText('The shop is open: the update installs once the owner confirms, at a moment without sales.');
    await expect(whatChanged).toHaveCount(0);
    await capture(page, '33-updates-owner-asked-en');
    await ready.getByRole('button', { name: 'Later' }).click();
    await expect(ready).toHaveCount(0);
    expect(ownerPermissionAt(saldo.core.db, Date.now()).ownerConfirmed).toBe(false);

    expect(await missingKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await saldo.close();
  }
});

test('Closing Saldo (the way out of a kiosk) is on the owner’s diagnostics screen; a browser tab says it cannot close itself', async ({ page }) => {
  test.setTimeout(90_000);
  const saldo = await startUpdatedSaldo();
  const errors: string[] = [];
  try {
    await instrumentPage(page, errors);
    await page.goto(saldo.host.appUrl);
    await signInWith(page, '4321', 'Entrar');
    await page.getByRole('navigation').getByRole('button', { name: 'Diagnóstico' }).click();
    // The last update check, in words: the 1.6.0 the updater downloaded.
    await expect(page.locator('dd').filter({ hasText: /· actualización descargada$/ })).toHaveCount(1, { timeout: 20_000 });
    const exit = page.getByRole('region', { name: 'Cerrar Saldo' });
    await exit.getByRole('button', { name: 'Cerrar Saldo…' }).click();
    await exit.getByRole('button', { name: 'Cancelar' }).click();
    await exit.getByRole('button', { name: 'Cerrar Saldo…' }).click();
    await exit.getByRole('button', { name: 'Sí, cerrar Saldo ahora' }).click();
    await expect(exit.getByRole('status')).toHaveText('Desde el navegador Saldo no puede cerrarse solo: cierre la pestaña.');
    await exit.scrollIntoViewIfNeeded();
    await capture(page, '34-kiosk-exit-browser-es');
    expect(await missingKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await saldo.close();
  }
});
