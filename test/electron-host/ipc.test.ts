/**
 * The Electron host's IPC registration, without an Electron binary: electron/main/ipc.ts only needs an
 * ipcMain-like object. Every contract channel is registered, and a call is answered only for the app's own
 * top-level frame; anything else gets `forbidden` and reaches no handler.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes } from '../../electron/sandbox';
import { isTrustedFrame, registerContractHandlers } from '../../electron/main/ipc';
import { APP_ORIGIN } from '../../electron/main/app-protocol';

type InvokeListener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  const ipcMain = {
    handle: (channel: string, listener: InvokeListener) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const frame = (url: string, parent: object | null = null, detached = false) => ({ url, parent, detached }) as unknown as WebFrameMain;
const eventFrom = (senderFrame: WebFrameMain | null) => ({ senderFrame }) as unknown as IpcMainInvokeEvent;

let core: SaldoCore;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saldo-ipc-'));
  core = await createSaldoCore({ dataDir, host: 'electron', version: '0.0.0-test', validateContract: true, startSync: false, pinHashCost: { N: 1024 }, demoProviders: () => startDemoSandboxes() });
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('isTrustedFrame', () => {
  it('trusts the app’s own top-level page at app://saldo', () => {
    expect(APP_ORIGIN).toBe('app://saldo');
    expect(isTrustedFrame(frame('app://saldo/index.html'), APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame(frame('app://saldo/'), APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame(frame('app://saldo/index.html#/sell?x=1'), APP_ORIGIN)).toBe(true);
  });

  it('no longer trusts any file: page, not even the built renderer', () => {
    expect(isTrustedFrame(frame('file:///opt/saldo/resources/app.asar/out/renderer/index.html'), APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(frame('file:///tmp/evil.html'), APP_ORIGIN)).toBe(false);
  });

  it('refuses look-alike origins, other schemes, subframes, detached frames and garbage', () => {
    const untrusted = [
      'app://saldo.evil.example/index.html',
      'app://evil/index.html',
      'app://saldo:8080/index.html',
      'app://cashier:pin@saldo/index.html',
      'https://saldo/index.html',
      'http://saldo/index.html',
      'saldo://app/index.html',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
      '',
    ];
    for (const url of untrusted) expect(isTrustedFrame(frame(url), APP_ORIGIN), url).toBe(false);
    expect(isTrustedFrame(frame('app://saldo/index.html', {}), APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(frame('app://saldo/index.html', null, true), APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(undefined, APP_ORIGIN)).toBe(false);
  });

  it('trusts the dev server only at its exact origin (electron-vite dev)', () => {
    expect(isTrustedFrame(frame('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isTrustedFrame(frame('http://localhost:5174/'), 'http://localhost:5173')).toBe(false);
    expect(isTrustedFrame(frame('https://evil.example/'), 'http://localhost:5173')).toBe(false);
  });
});

describe('registerContractHandlers', () => {
  it('registers exactly the contract’s channels and removes them again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerContractHandlers(ipcMain, core, APP_ORIGIN);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers the app’s frame and refuses any other sender before a handler runs', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerContractHandlers(ipcMain, core, APP_ORIGIN);
    const signIn = handlers.get('auth.signIn')!;

    for (const url of ['https://evil.example/', 'file:///app/out/renderer/index.html', 'app://saldo.evil/']) {
      const foreign = await signIn(eventFrom(frame(url)), { pin: '1234' });
      expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(core.session.current()).toBeNull();
    }

    const own = await signIn(eventFrom(frame('app://saldo/index.html')), { pin: '1234' });
    expect(own).toMatchObject({ ok: true, value: { user: { role: 'cashier' } } });
    expect(core.session.current()?.role).toBe('cashier');
  });
});
