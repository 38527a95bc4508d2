/** Screenshots of the counter's guard dialogs and the back office, checked with axe as the screen specs check. */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureDir, screenshotsDir } from './counter-fixture';

/**
 * The kiosk's 1024×768 always; 1366×768 too with SALDO_E2E_ALL_SIZES=1 (every shot twice costs `npm test` about a
 * minute; the wider screen only has more room).
 */
const SIZES = [{ width: 1024, height: 768 }, ...(process.env.SALDO_E2E_ALL_SIZES === '1' ? [{ width: 1366, height: 768 }] : [])] as const;

/** Saves `<name>-<language>-<size>.png` and answers the serious or critical axe violations. */
export async function captureGuard(page: Page, name: string, language: string): Promise<string[]> {
  ensureDir(screenshotsDir);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForFunction(({ width, height }) => window.innerWidth === width && window.innerHeight === height, size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(screenshotsDir, `${name}-${language}-${size.width}x${size.height}.png`) });
  }
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return axe.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${name}/${language}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

export async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __saldoMissingKeys?: string[] }).__saldoMissingKeys ?? []);
}
