/**
 * The one window. Isolation is not optional: contextIsolation, sandbox, no Node, a strict CSP sent as a
 * header, the page served from app://saldo (never file://), navigation and new windows denied in every
 * webContents the app creates, every permission request denied. Kiosk mode is fullscreen with no menu and
 * no devtools.
 */
import { app, BrowserWindow, Menu, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/app/content-security-policy';
import { APP_ENTRY_URL } from './app-protocol';
import { decideExternalNavigation } from './navigation';

export interface MainWindowOptions {
  preloadPath: string;
  /** Dev server URL (electron-vite dev) or null to load the built page from app://saldo. */
  devServerUrl: string | null;
  kiosk: boolean;
  allowDevTools: boolean;
}

export function hardenSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** A URL leaves the app only to the system browser, and only from the allow-list (navigation.ts). */
function openExternallyIfAllowed(url: string): void {
  const decision = decideExternalNavigation(url);
  // Reviewed for Electronegativity's OPEN_EXTERNAL_JS_CHECK: only allow-listed https origins get here.
  if (decision.action === 'open-external') void shell.openExternal(decision.url);
}

/** No page of the app ever navigates, redirects, opens a window or attaches a <webview>. */
function guardNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternallyIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    if (event.isMainFrame) openExternallyIfAllowed(event.url);
  });
}

/**
 * Every webContents: the main window and the receipt printer's hidden page alike (a receipt's HTML could
 * carry a meta refresh). Call before the first window is created.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  if (options.kiosk) Menu.setApplicationMenu(null);
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0f172a',
    title: 'Saldo',
    webPreferences: {
      // Reviewed for Electronegativity's PRELOAD_JS_CHECK (scripts/electronegativity.mjs): the preload exposes
      // exactly the contract, nothing else.
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      devTools: options.allowDevTools,
    },
  });

  window.once('ready-to-show', () => window.show());

  void window.loadURL(options.devServerUrl ?? APP_ENTRY_URL);
  return window;
}
