/**
 * The kiosk's Electron adapter applies the pure rules and nothing more: a kiosk window refuses its close and
 * the quit shortcuts until app.requestExit was granted (or an update installs); the display blocker follows
 * the shop hours. Electron itself is replaced by a recording stand-in (no Electron binary here).
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const blocker = vi.hoisted(() => ({ started: [] as string[], stopped: [] as number[] }));
vi.mock('electron', () => ({
  app: { isPackaged: false },
  powerSaveBlocker: {
    start: (type: string) => blocker.started.push(type),
    stop: (id: number) => blocker.stopped.push(id),
  },
}));

const { createKioskGate, guardKioskWindow, keepDisplayAwakeInShopHours } = await import('../../electron/main/kiosk');
const { silentLogger } = await import('../../electron/core/kernel/logger');

/** A BrowserWindow as far as the guard uses it: its events and its page's events. */
function fakeWindow() {
  const window = new EventEmitter() as EventEmitter & { webContents: EventEmitter };
  window.webContents = new EventEmitter();
  return window;
}

function attemptClose(window: ReturnType<typeof fakeWindow>): boolean {
  const event = { preventDefault: vi.fn() };
  window.emit('close', event);
  return event.preventDefault.mock.calls.length === 0;
}

function pressKeys(window: ReturnType<typeof fakeWindow>, input: { key: string; control?: boolean; alt?: boolean }): boolean {
  const event = { preventDefault: vi.fn() };
  window.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, meta: false, alt: false, ...input });
  return event.preventDefault.mock.calls.length === 0;
}

describe('a kiosk window', () => {
  it('refuses its close and Ctrl+Q / Alt+F4 until an exit is granted, then lets them through', () => {
    const window = fakeWindow();
    const gate = createKioskGate(true, silentLogger);
    guardKioskWindow(window as never, gate);
    expect(attemptClose(window)).toBe(false);
    expect(pressKeys(window, { key: 'q', control: true })).toBe(false);
    expect(pressKeys(window, { key: 'F4', alt: true })).toBe(false);
    expect(pressKeys(window, { key: '5' })).toBe(true);
    expect(gate.mayQuit('app-quit')).toBe(false);

    gate.authorizeExit();
    expect(attemptClose(window)).toBe(true);
    expect(gate.mayQuit('app-quit')).toBe(true);
  });

  it('lets an update install close it', () => {
    const window = fakeWindow();
    const gate = createKioskGate(true, silentLogger);
    guardKioskWindow(window as never, gate);
    gate.allowUpdateInstall();
    expect(attemptClose(window)).toBe(true);
  });

  it('lets Windows end the session (shutdown, restart, log-off) close it', () => {
    const window = fakeWindow();
    const gate = createKioskGate(true, silentLogger);
    guardKioskWindow(window as never, gate);
    window.emit('query-session-end', { preventDefault: vi.fn() });
    expect(attemptClose(window)).toBe(true);
    expect(gate.mayQuit('app-quit')).toBe(true);
  });

  it('a desktop window (not kiosk) closes as any window does', () => {
    const window = fakeWindow();
    guardKioskWindow(window as never, createKioskGate(false, silentLogger));
    expect(attemptClose(window)).toBe(true);
    expect(pressKeys(window, { key: 'q', control: true })).toBe(true);
  });
});

describe('the display blocker', () => {
  beforeEach(() => {
    blocker.started.length = 0;
    blocker.stopped.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('holds the display awake while the shop is open and lets go when it closes', () => {
    let hours = { open: 0, close: 24 };
    const stop = keepDisplayAwakeInShopHours({ kiosk: true, shopHours: () => hours, timeZone: () => 'America/Mexico_City', logger: silentLogger });
    expect(blocker.started).toEqual(['prevent-display-sleep']);
    // The owner shortens the hours to a window that excludes now (an hour that already passed, one hour long).
    const hourNow = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Mexico_City', hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
    hours = { open: (hourNow + 2) % 24, close: ((hourNow + 3) % 24) || 24 };
    vi.advanceTimersByTime(60_000);
    expect(blocker.stopped).toHaveLength(1);
    stop();
    expect(blocker.started).toHaveLength(1);
  });

  it('never holds it for a desktop window', () => {
    const stop = keepDisplayAwakeInShopHours({ kiosk: false, shopHours: () => ({ open: 0, close: 24 }), timeZone: () => 'America/Mexico_City', logger: silentLogger });
    vi.advanceTimersByTime(5 * 60_000);
    expect(blocker.started).toEqual([]);
    stop();
  });
});
