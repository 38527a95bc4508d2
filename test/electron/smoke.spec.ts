/**
 * The foundation smoke, run against the real Electron host with Playwright's Electron launcher. Where no
 * Electron binary exists (its download is blocked on this project's CI machines), every spec here reports
 * itself skipped with the reason; the same checks run against the browser host in test/e2e.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { channelNames, eventNames } from '../../shared/contract';
import { findElectronBinary } from './electron-binary';
import type {} from '../../renderer/src/bridge/types';

const binary = findElectronBinary();
const mainEntry = resolve(import.meta.dirname, '..', '..', 'out', 'main', 'index.js');

test.describe('Electron host', () => {
  test.skip('missing' in binary, `Electron specs need the Electron binary: ${'missing' in binary ? binary.missing : ''}`);

  test('opens one hardened window whose bridge is exactly the contract', async () => {
    if (!('path' in binary)) return;
    const app = await electron.launch({
      executablePath: binary.path,
      args: [mainEntry, '--no-sandbox'],
      env: { ...process.env, SALDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'saldo-electron-')) },
    });
    const page = await app.firstWindow();
    await expect(page.locator('#root')).not.toBeEmpty();
    const probe = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      const bridge = scope.saldo as { invoke: Record<string, unknown>; subscribe: Record<string, unknown> };
      return { require: typeof scope.require, process: typeof scope.process, invoke: Object.keys(bridge.invoke).sort(), subscribe: Object.keys(bridge.subscribe).sort() };
    });
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.invoke).toEqual([...channelNames].sort());
    expect(probe.subscribe).toEqual([...eventNames].sort());
    const info = await page.evaluate(() => window.saldo!.invoke['app.info']({}));
    // Signed out, only name, version and mode: nothing about the machine (issue 12).
    expect(info).toEqual({ ok: true, value: { name: 'Saldo', version: expect.any(String), mode: 'demo' } });
    // Served from app://saldo, never file://; the scheme serves nothing outside out/renderer.
    expect(page.url()).toBe('app://saldo/index.html');
    const outside = await page.evaluate(() => fetch('app://saldo/%2e%2e%2fmain%2findex.js').then((response) => response.status));
    expect(outside).toBeGreaterThanOrEqual(400);
    await app.close();
  });
});
