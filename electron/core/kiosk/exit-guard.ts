/**
 * When the app may close. A kiosk closes only after an owner or a technician asked for it through
 * `app.requestExit` (signed in, or a cashier with an owner's PIN), when an update installs (the update
 * policy already decided the moment), or when the system itself is ending (shutdown, restart, log-off,
 * SIGTERM): refusing that would only get the app killed without closing its database. Anything else (the window's close button, Alt+F4, Ctrl+Q, the OS
 * asking the app to quit) is refused. A desktop window (not kiosk) closes as any window does.
 */
export type QuitReason = 'window-close' | 'app-quit';

export interface QuitAttempt {
  kiosk: boolean;
  /** `app.requestExit` was granted for this run. */
  exitAuthorized: boolean;
  /** An update is being installed (quitAndInstall). */
  installingUpdate: boolean;
  /** The operating system is shutting down, restarting or ending the session. */
  systemEnding?: boolean;
}

export type QuitDecision = { allow: true } | { allow: false; code: 'kiosk_exit_needs_pin'; message: string };

export function decideQuit(attempt: QuitAttempt): QuitDecision {
  if (!attempt.kiosk || attempt.exitAuthorized || attempt.installingUpdate || attempt.systemEnding === true) return { allow: true };
  return { allow: false, code: 'kiosk_exit_needs_pin', message: 'In kiosk mode Saldo closes only with an owner’s or a technician’s PIN' };
}

/** A key press as Electron's `before-input-event` describes it (only the fields read here). */
export interface KeyPress {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
}

/**
 * The shortcuts that would close the window or the app: Ctrl+Q / Cmd+Q, Ctrl+W / Cmd+W, Alt+F4 (Windows
 * sends Alt+F4 to the window as a close too; the window's close guard catches that path).
 */
export function isQuitShortcut(press: KeyPress): boolean {
  if (press.type !== 'keyDown') return false;
  const key = press.key.toLowerCase();
  if ((press.control || press.meta) && (key === 'q' || key === 'w')) return true;
  return press.alt && key === 'f4';
}
