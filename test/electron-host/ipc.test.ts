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

type InvokeListener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  const ipcMain = {
    handle: (channel: string, listener: InvokeListener) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const frame = (url: string, parent: object | null = null) => ({ url, parent }) as unknown as WebFrameMain;
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
  it('trusts only the app’s own top-level page', () => {
    expect(isTrustedFrame(frame('file:///opt/saldo/out/renderer/index.html'), 'file://')).toBe(true);
    expect(isTrustedFrame(frame('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isTrustedFrame(frame('file:///x/index.html', {}), 'file://')).toBe(false);
    expect(isTrustedFrame(frame('https://evil.example/'), 'file://')).toBe(false);
    expect(isTrustedFrame(frame('http://localhost:5174/'), 'http://localhost:5173')).toBe(false);
    expect(isTrustedFrame(frame('not a url'), 'file://')).toBe(false);
    expect(isTrustedFrame(null, 'file://')).toBe(false);
  });
});

describe('registerContractHandlers', () => {
  it('registers exactly the contract’s channels and removes them again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerContractHandlers(ipcMain, core, 'file://');
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers the app’s frame and refuses any other sender before a handler runs', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerContractHandlers(ipcMain, core, 'file://');
    const signIn = handlers.get('auth.signIn')!;

    const foreign = await signIn(eventFrom(frame('https://evil.example/')), { pin: '1234' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.session.current()).toBeNull();

    const own = await signIn(eventFrom(frame('file:///app/out/renderer/index.html')), { pin: '1234' });
    expect(own).toMatchObject({ ok: true, value: { user: { role: 'cashier' } } });
    expect(core.session.current()?.role).toBe('cashier');
  });
});
