/**
 * The status bar at the kiosk's 1024×768, signed in as the owner (the most sections): a long "Sin conexión con
 * Relier" keeps the header to one row, every button is at least 56 px, and the pills stay readable.
 */
import { expect, test } from './counter-fixture';

test('one-row header with 56 px targets while Relier is down, in both languages', async ({ page, counter }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await counter.open(page);
  await page.keyboard.type('4321');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Cambiar cajero' })).toBeVisible();
  await counter.sandbox('relier').control.setOffline(true);
  await expect
    .poll(async () => {
      await counter.core.sales.sync.refresh();
      return counter.core.sales.connectivity.snapshot().providers.find((provider) => provider.id === 'relier')?.reachable;
    })
    .toBe(false);
  await expect(page.getByTestId('connectivity')).toContainText('Sin conexión con Relier');
  for (const language of ['es', 'en']) {
    if (language === 'en') await page.getByRole('button', { name: 'Cambiar idioma a English' }).click();
    const header = page.locator('.status-bar');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(72);
    for (const button of await header.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box?.height, await button.innerText()).toBeGreaterThanOrEqual(56);
      expect(box?.width, await button.innerText()).toBeGreaterThanOrEqual(56);
      // Nothing cut off: the text fits its button.
      expect(await button.evaluate((element) => element.scrollWidth <= element.clientWidth), await button.innerText()).toBe(true);
    }
    await page.screenshot({ path: `artifacts/screenshots/20-header-relier-down-${language}-1024x768.png` });
  }
  expect(counter.consoleErrors).toEqual([]);
});
