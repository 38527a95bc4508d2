/**
 * The Electron host: thin by design. It holds a single-instance lock, starts the same core the other hosts
 * use (data in userData, or SALDO_DATA_DIR), serves the renderer from app://saldo, registers the contract,
 * opens the one hardened window and starts auto-updates in packaged builds. Kiosk mode comes from the
 * settings, `--kiosk` or SALDO_KIOSK=1.
 */
import { app, BrowserWindow, ipcMain, protocol } from 'electron';
import { join } from 'node:path';
import { createSaldoCore, type SaldoCore } from '../core/runtime';
import { resolveDataDir } from '../core/data-dir';
import { forwardEvents, registerContractHandlers } from './ipc';
import { createMainWindow, guardAllWebContents, hardenSession } from './window';
import { startAutoUpdates } from './updates';
import { createElectronSecretStore } from './secret-store';
import { createElectronPrinter } from './printer';
import { startDemoSandboxes } from '../sandbox';
import { APP_ORIGIN, handleAppScheme, registerAppSchemeAsPrivileged } from './app-protocol';
import { isKioskMode } from '../core/kiosk/mode';
import type { ExitRequest } from '../core/kiosk/handlers';
import { loadUpdateSettings } from '../core/updates/settings';
import { applyAutostart, createKioskGate, guardKioskWindow, keepDisplayAwakeInShopHours, quitOnSystemSignal, type KioskGate } from './kiosk';

const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;

let core: SaldoCore | null = null;
/** Who may close the app; set once kiosk mode is known (before that, nothing refuses a quit). */
let kioskGate: KioskGate | null = null;

/** `app.requestExit`, granted by the core's dispatcher (owner, tech, or a cashier with an owner PIN). */
function exitOnRequest(request: ExitRequest): boolean {
  kioskGate?.authorizeExit();
  // Started again with the same arguments (kiosk flag included) once this instance has quit.
  if (request.restart) app.relaunch();
  // After the answer has gone back to the renderer.
  setImmediate(() => app.quit());
  return true;
}

/** better-sqlite3 built for Electron's ABI: shipped as an extra resource, or built by `npm start` in development. */
function sqliteBindingForElectron(): string | undefined {
  if (app.isPackaged) return join(process.resourcesPath, 'native', 'better_sqlite3.node');
  return process.env.SALDO_SQLITE_BINDING;
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.env, () => app.getPath('userData'));
  app.setPath('userData', dataDir);
  app.setAppLogsPath(join(dataDir, 'logs'));
  core = await createSaldoCore({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    validateContract: !app.isPackaged,
    secretStore: createElectronSecretStore(dataDir),
    nativeBinding: sqliteBindingForElectron(),
    printer: createElectronPrinter(process.env.SALDO_PRINTER),
    demoProviders: () => startDemoSandboxes(),
    onExitRequested: exitOnRequest,
  });
  // Kiosk mode: the owner's setting, or forced for this launch by the field tech's flag.
  const kiosk = isKioskMode({ argv: process.argv, env: process.env, setting: core.settings.read().kiosk });
  kioskGate = createKioskGate(kiosk, core.logger);
  quitOnSystemSignal(kioskGate);
  applyAutostart(kiosk, core.logger);
  hardenSession();
  handleAppScheme(protocol, join(import.meta.dirname, '../renderer'));
  registerContractHandlers(ipcMain, core, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN);

  const window = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    devServerUrl,
    kiosk,
    allowDevTools: !app.isPackaged && !kiosk,
  });
  forwardEvents(core, window);
  guardKioskWindow(window, kioskGate);
  const { settings, db } = core;
  keepDisplayAwakeInShopHours({ kiosk, shopHours: () => loadUpdateSettings(db).shopHours, timeZone: () => settings.read().timeZone, logger: core.logger });
  // Updates start after recovery's local phase (done inside createSaldoCore) and install only when the policy allows.
  if (app.isPackaged) {
    const { db, logger } = core;
    const gate = kioskGate;
    startAutoUpdates({ db, logger, onBeforeInstall: () => gate.allowUpdateInstall() }).catch((error: unknown) => logger.warn('updates.start_failed', { error: String(error) }));
  }
}

// Before the app is ready: every renderer sandboxed whatever its options say, the privileged scheme, and the
// navigation guards for every webContents.
app.enableSandbox();
registerAppSchemeAsPrivileged(protocol);
guardAllWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // A kiosk quits only through an owner's or tech's PIN (app.requestExit) or an update's install.
    if (kioskGate && !kioskGate.mayQuit('app-quit')) {
      event.preventDefault();
      return;
    }
    void core?.close();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Saldo could not start', error);
    app.exit(1);
  });
}
