/**
 * The kiosk's Electron side, thin: every decision is a pure function in electron/core/kiosk (tested in plain
 * Node); this file only applies them. Start at login (Windows login item, Linux autostart entry), keep the
 * display awake while the shop is open, and refuse every way out (close button, Alt+F4, Ctrl+Q, app.quit from
 * the OS) except an exit granted through `app.requestExit` or an update the policy lets install.
 */
import { app, powerSaveBlocker, type BrowserWindow } from 'electron';
import type { Logger } from '../core/kernel/logger';
import { applyLinuxAutostart, planAutostart } from '../core/kiosk/autostart';
import { decideQuit, isQuitShortcut, type QuitReason } from '../core/kiosk/exit-guard';
import { shouldKeepDisplayAwake } from '../core/kiosk/keep-awake';
import type { ShopHours } from '../core/updates/policy';

/** How often the keep-awake rule is asked again (opening and closing happen on whole hours). */
const KEEP_AWAKE_EVERY_MS = 60 * 1000;

export interface KioskGate {
  /** `app.requestExit` was granted: the next quit goes through. */
  authorizeExit(): void;
  /** An update is about to install: its quit goes through. */
  allowUpdateInstall(): void;
  /** The system is shutting down or ending the session: the app closes its database and goes. */
  allowSystemEnding(): void;
  /** Whether a quit may go ahead now (logged when refused). */
  mayQuit(reason: QuitReason): boolean;
}

export function createKioskGate(kiosk: boolean, logger: Logger): KioskGate {
  let exitAuthorized = false;
  let installingUpdate = false;
  let systemEnding = false;
  return {
    authorizeExit: () => (exitAuthorized = true),
    allowUpdateInstall: () => (installingUpdate = true),
    allowSystemEnding: () => (systemEnding = true),
    mayQuit(reason) {
      const decision = decideQuit({ kiosk, exitAuthorized, installingUpdate, systemEnding });
      if (!decision.allow) logger.warn('kiosk.quit_refused', { reason, code: decision.code });
      return decision.allow;
    },
  };
}

/** The window's own ways out: its close (button, Alt+F4 on Windows) and the quit shortcuts typed in the page. */
export function guardKioskWindow(window: BrowserWindow, gate: KioskGate): void {
  // Windows shutdown, restart or log-off: let it close cleanly instead of being killed mid-write.
  window.on('query-session-end', () => gate.allowSystemEnding());
  window.on('session-end', () => gate.allowSystemEnding());
  window.on('close', (event) => {
    if (!gate.mayQuit('window-close')) event.preventDefault();
  });
  window.webContents.on('before-input-event', (event, input) => {
    if (isQuitShortcut(input) && !gate.mayQuit('window-close')) event.preventDefault();
  });
}

/** Linux and macOS ask a process to end with SIGTERM at shutdown: the kiosk closes cleanly then too. */
export function quitOnSystemSignal(gate: KioskGate): void {
  process.once('SIGTERM', () => {
    gate.allowSystemEnding();
    app.quit();
  });
}

/** Writes or removes the login start for this platform, following kiosk mode; packaged builds only. */
export function applyAutostart(kiosk: boolean, logger: Logger): void {
  if (!app.isPackaged) return;
  const plan = planAutostart({
    platform: process.platform,
    enabled: kiosk,
    // An AppImage runs from a temporary mount; the file to start again is the AppImage itself.
    executable: process.env.APPIMAGE ?? process.execPath,
    home: app.getPath('home'),
    xdgConfigHome: process.env.XDG_CONFIG_HOME,
  });
  try {
    if (plan.kind === 'windows-login-item') {
      app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, path: plan.path, args: plan.args });
      logger.info('kiosk.autostart', { platform: 'win32', openAtLogin: plan.openAtLogin });
    } else if (plan.kind === 'linux-desktop-file') {
      logger.info('kiosk.autostart', { platform: 'linux', path: plan.path, change: applyLinuxAutostart(plan) });
    }
  } catch (error) {
    logger.warn('kiosk.autostart_failed', { error: String(error) });
  }
}

/** Holds the display awake while the rule says so, re-asked every minute; returns the stop function. */
export interface KeepAwakeOptions {
  kiosk: boolean;
  /** Read again at every evaluation: the owner may change the hours or the time zone while the app runs. */
  shopHours: () => ShopHours;
  timeZone: () => string;
  logger: Logger;
}

export function keepDisplayAwakeInShopHours(options: KeepAwakeOptions): () => void {
  let blockerId: number | null = null;
  function evaluate(): void {
    const awake = shouldKeepDisplayAwake({ kiosk: options.kiosk, shopHours: options.shopHours(), timeZone: options.timeZone(), now: Date.now() });
    if (awake && blockerId === null) {
      blockerId = powerSaveBlocker.start('prevent-display-sleep');
      options.logger.info('kiosk.display_awake', { awake });
    } else if (!awake && blockerId !== null) {
      powerSaveBlocker.stop(blockerId);
      blockerId = null;
      options.logger.info('kiosk.display_awake', { awake });
    }
  }
  evaluate();
  const timer = setInterval(evaluate, KEEP_AWAKE_EVERY_MS);
  return () => {
    clearInterval(timer);
    if (blockerId !== null) powerSaveBlocker.stop(blockerId);
    blockerId = null;
  };
}
