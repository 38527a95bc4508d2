/**
 * The counter's end-to-end fixture: a fresh Saldo per test (./fixtures.ts startTestSaldo: own data folder,
 * real core in demo mode with its demo cashier and owner, in-process sandboxes, the browser host), plus
 * helpers that drive the app the way a cashier does: by role and accessible name.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import type { ProviderId } from '../../shared/contract/app';
import type { Envelope } from '../../shared/contract';
import type { RunningSandbox } from '../../electron/sandbox';
import type { SaldoCore } from '../../electron/core/runtime';
import type { BrowserHost } from '../../electron/browser-host/server';
import { mkdirSync } from 'node:fs';
import { instrumentPage, startTestSaldo } from './fixtures';
import { writeSetting } from '../../electron/core/settings/store';
import { ROUTING_POLICY_KEY } from '../../electron/core/sales/policy';
import type {} from '../../renderer/src/bridge/types';

export interface CounterFixture {
  core: SaldoCore;
  host: BrowserHost;
  consoleErrors: string[];
  open(page: Page): Promise<void>;
  sandbox(provider: ProviderId): RunningSandbox;
  /** Sends every sale to this provider (the owner's routing setting). */
  routeTo(provider: ProviderId): void;
  setAllOffline(offline: boolean): Promise<void>;
  /**
   * Every sandbox offline, and the core has learnt it from its own requests (catalog and balance refreshes; a
   * lost answer counts as a line down only after a few in a row). Until then the core keeps trying queued sales
   * on providers it still believes reachable, and a queued sale is caught "Enviando" at random.
   */
  takeLineDown(): Promise<void>;
}

export const root = resolve(import.meta.dirname, '..', '..');
export const screenshotsDir = join(root, 'artifacts', 'screenshots');
export const receiptsDir = join(root, 'artifacts', 'receipts');

export const test = base.extend<{ counter: CounterFixture }>({
  // eslint-disable-next-line no-empty-pattern
  counter: async ({}, use) => {
    const { core, host, close } = await startTestSaldo({ sales: { sync: { backoffBaseMs: 200, backoffMaxMs: 1_000, tickMs: 250 } } });
    const consoleErrors: string[] = [];
    const fixture: CounterFixture = {
      core,
      host,
      consoleErrors,
      async open(page) {
        await instrumentPage(page, consoleErrors);
        await page.goto(host.appUrl);
        await expect(page.getByRole('button', { name: /^(Entrar|Sign in)$/ })).toBeVisible();
      },
      sandbox(provider) {
        const found = core.sandboxes.find((sandbox) => sandbox.provider === provider);
        if (!found) throw new Error(`no ${provider} sandbox`);
        return found;
      },
      routeTo(provider) {
        const policy = { countries: { MX: { default: [provider] } }, fallback: [provider] };
        writeSetting(core.db, ROUTING_POLICY_KEY, policy);
      },
      async setAllOffline(offline) {
        await Promise.all(core.sandboxes.map((sandbox) => sandbox.control.setOffline(offline)));
      },
      async takeLineDown() {
        await fixture.setAllOffline(true);
        await expect
          .poll(async () => {
            await core.sales.sync.refresh();
            return core.sales.connectivity.snapshot().online;
          })
          .toBe(false);
      },
    };
    await use(fixture);
    await close();
  },
});

export { expect };

export async function pressDigits(page: Page, digits: string, keypadName: RegExp = /^(Teclado numérico|Number keypad)$/): Promise<void> {
  const keypad = page.getByRole('group', { name: keypadName });
  for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

export async function signIn(page: Page, pin = '1234'): Promise<void> {
  await pressDigits(page, pin);
  await page.getByRole('button', { name: /^(Entrar|Sign in)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Cambiar cajero|Switch cashier)$/ })).toBeVisible();
}

/** Number → carrier → amount tile, up to the confirm screen. */
export async function startSale(page: Page, sale: { phone: string; carrier: string; amount: string }): Promise<void> {
  await pressDigits(page, sale.phone);
  await page.getByRole('button', { name: /^(Continuar|Continue)$/ }).click();
  await page.getByRole('button', { name: sale.carrier, exact: true }).click();
  await page.getByRole('group', { name: /^(Recargas|Top-ups)$/ }).getByRole('button', { name: sale.amount, exact: true }).click();
  await expect(page.getByTestId('confirm-number')).toBeVisible();
}

export function confirmButton(page: Page) {
  return page.getByRole('button', { name: /^(Cobrar .* y enviar|Charge .* and send)$/ });
}

/** The result panel once the sale has an answer. */
export function result(page: Page) {
  return page.locator('[data-result]');
}

/** Calls the contract from the page, as the app does (for checks the UI does not expose). */
export async function invokeInPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ([name, payload]) => {
      const invoke = (window.saldo!.invoke as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name as string]!;
      return invoke(payload);
    },
    [channel, input] as const,
  );
  const envelope = answer as Envelope<T>;
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
