/**
 * A fresh shop in LIVE mode for the set-up specs: its own data folder, no owner, no demo users, and provider
 * credentials from the environment that point at sandboxes on loopback (so "live" sells into a simulator the
 * test controls, never into a real provider). The core sees them exactly as a shop's exported variables.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { SaldoCore } from '../../electron/core/runtime';
import type { BrowserHost } from '../../electron/browser-host/server';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox';
import { instrumentPage, startTestSaldo } from './fixtures';

export interface LiveShopFixture {
  core: SaldoCore;
  host: BrowserHost;
  dataDir: string;
  /** The Relier sandbox the environment's credentials point at. */
  relier: RunningSandbox;
  /** A MobiSend sandbox that is NOT in the environment: its credentials are typed in the set-up. */
  mobisend: RunningSandbox;
  consoleErrors: string[];
  open(page: Page): Promise<void>;
}

/** The environment a field tech would export for Relier: URL, key, customer and reconciliation key. */
export function relierEnv(relier: RunningSandbox): Record<string, string> {
  return {
    SALDO_RELIER_URL: relier.url,
    SALDO_RELIER_API_KEY: relier.credentials.apiKey ?? '',
    SALDO_RELIER_CUSTOMER_ID: relier.credentials.customerId ?? '',
    SALDO_RELIER_RECONCILE_KEY: relier.credentials.reconcileKey ?? '',
  };
}

export const test = base.extend<{ live: LiveShopFixture }>({
  // eslint-disable-next-line no-empty-pattern
  live: async ({}, use) => {
    const [relier, mobisend] = await Promise.all([startSandbox('relier'), startSandbox('mobisend')]);
    const { core, host, dataDir, close } = await startTestSaldo({
      env: relierEnv(relier),
      demoProviders: () => Promise.reject(new Error('a live shop never starts demo providers')),
      sales: { sync: { backoffBaseMs: 200, backoffMaxMs: 1_000, tickMs: 250 } },
    });
    const consoleErrors: string[] = [];
    await use({
      core,
      host,
      dataDir,
      relier,
      mobisend,
      consoleErrors,
      async open(page) {
        await instrumentPage(page, consoleErrors);
        await page.goto(host.appUrl);
      },
    });
    await close();
    await Promise.all([relier.close(), mobisend.close()]);
  },
});

export { expect };
