/**
 * Starting at login, for a kiosk. Windows: a login item (the host calls `app.setLoginItemSettings` with what
 * `planAutostart` answers). Linux: an XDG autostart entry, `~/.config/autostart/saldo.desktop` (or under
 * $XDG_CONFIG_HOME), written when kiosk mode is on and removed when it is off. Everything here is plain Node:
 * the plan is pure, and applying the Linux plan touches only that one file.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const AUTOSTART_FILE_NAME = 'saldo.desktop';
/** The app starts in kiosk mode from login even before its settings are read. */
export const AUTOSTART_ARGS = ['--kiosk'] as const;

export interface AutostartContext {
  platform: NodeJS.Platform;
  /** Kiosk mode on: start at login; off: do not. */
  enabled: boolean;
  /** The program to start: the AppImage's path when run from one (APPIMAGE), else the executable. */
  executable: string;
  home: string;
  /** $XDG_CONFIG_HOME when set. */
  xdgConfigHome?: string | undefined;
}

export type AutostartPlan =
  | { kind: 'windows-login-item'; openAtLogin: boolean; path: string; args: string[] }
  | { kind: 'linux-desktop-file'; path: string; content: string | null }
  | { kind: 'unsupported'; platform: NodeJS.Platform };

/** A desktop entry's Exec value: each argument quoted when it holds a space or a character the spec reserves. */
function desktopExec(executable: string, args: readonly string[]): string {
  const quote = (value: string) => (/[\s"'\\`$]/.test(value) ? `"${value.replace(/(["`$\\])/g, '\\$1')}"` : value);
  return [executable, ...args].map(quote).join(' ');
}

export function linuxAutostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Saldo',
    'Comment=Saldo kiosk (started at login because kiosk mode is on)',
    `Exec=${desktopExec(executable, AUTOSTART_ARGS)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function linuxAutostartPath(home: string, xdgConfigHome?: string): string {
  const configHome = xdgConfigHome && xdgConfigHome.startsWith('/') ? xdgConfigHome : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

export function planAutostart(context: AutostartContext): AutostartPlan {
  switch (context.platform) {
    case 'win32':
      return { kind: 'windows-login-item', openAtLogin: context.enabled, path: context.executable, args: [...AUTOSTART_ARGS] };
    case 'linux':
      return {
        kind: 'linux-desktop-file',
        path: linuxAutostartPath(context.home, context.xdgConfigHome),
        content: context.enabled ? linuxAutostartEntry(context.executable) : null,
      };
    default:
      return { kind: 'unsupported', platform: context.platform };
  }
}

/**
 * Writes the entry (whole, through a temporary file, so a half-written entry never starts anything) or
 * removes it. Answers what changed, for the log.
 */
export function applyLinuxAutostart(plan: Extract<AutostartPlan, { kind: 'linux-desktop-file' }>): 'written' | 'removed' | 'unchanged' {
  if (plan.content === null) {
    if (!existsSync(plan.path)) return 'unchanged';
    rmSync(plan.path, { force: true });
    return 'removed';
  }
  mkdirSync(dirname(plan.path), { recursive: true });
  const temporary = `${plan.path}.${process.pid}.tmp`;
  writeFileSync(temporary, plan.content, { mode: 0o644 });
  renameSync(temporary, plan.path);
  return 'written';
}
