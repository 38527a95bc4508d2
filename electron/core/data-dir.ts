/**
 * Where Saldo keeps its data (SQLite, logs, encrypted settings). SALDO_DATA_DIR wins everywhere (tests and
 * scripts set a fresh temporary folder); otherwise the folder Electron would use as userData, so the browser
 * host and the command line see the same ledger as the desktop app on the same machine.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

export const APP_FOLDER_NAME = 'Saldo';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, fallback: () => string = () => defaultUserDataDir()): string {
  const fromEnv = env.SALDO_DATA_DIR?.trim();
  return fromEnv ? fromEnv : fallback();
}

/** The app's version from package.json, for hosts that are not Electron (Electron has app.getVersion()). */
export function packageVersion(packageJsonPath: string): string {
  const parsed = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
