/**
 * Each test gets its own Saldo: a fresh temporary data folder, the real core in demo mode, and the browser
 * host serving the built renderer on loopback. `app.open()` loads the page with the host's token.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { SaldoCoreOptions } from '../../electron/core/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

export interface SaldoFixture {
  core: SaldoCore;
  host: BrowserHost;
  dataDir: string;
  consoleErrors: string[];
  open(page: Page): Promise<void>;
}

const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

export interface TestSaldo {
  core: SaldoCore<RunningSandbox>;
  host: BrowserHost;
  dataDir: string;
  close(): Promise<void>;
}

/** Collects what a person would see as a broken page: console errors and uncaught exceptions. */
/**
 * Collects the page's console errors and counts its print calls instead of running them: headless Chromium's print
 * can swallow the next key press, and the count is what a spec checks ("one print action").
 */
export async function instrumentPage(page: Page, into: string[]): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(message.text());
  });
  page.on('pageerror', (error) => into.push(error.message));
  await page.addInitScript(() => {
    const counted = window as unknown as { saldoPrints: number };
    counted.saldoPrints = 0;
    window.print = () => {
      counted.saldoPrints += 1;
    };
  });
}

/** How many times the page asked the browser to print. */
export function browserPrints(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { saldoPrints: number }).saldoPrints);
}

/** A fresh Saldo: its own data folder, the real core in demo mode, the browser host serving the built renderer. */
export async function startTestSaldo(options: Partial<SaldoCoreOptions<RunningSandbox>> = {}): Promise<TestSaldo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saldo-e2e-'));
  const core = await createSaldoCore({
    dataDir,
    host: 'browser',
    version: '0.0.0-test',
    validateContract: true,
    pinHashCost: { N: 1024 },
    demoProviders: () => startDemoSandboxes(),
    ...options,
  });
  const host = await startBrowserHost({ core, rendererDir });
  return {
    core,
    host,
    dataDir,
    async close() {
      await host.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ saldo: SaldoFixture }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  saldo: async ({}, use) => {
    const { core, host, dataDir, close } = await startTestSaldo();
    const consoleErrors: string[] = [];
    const fixture: SaldoFixture = {
      core,
      host,
      dataDir,
      consoleErrors,
      async open(page) {
        await instrumentPage(page, consoleErrors);
        await page.goto(host.appUrl);
      },
    };
    await use(fixture);
    await close();
  },
});

export { expect };
