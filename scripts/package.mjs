// `npm run package`: electron-vite build, better-sqlite3 for Electron, electron-builder → dist/.
// electron-builder does not expand ${env.X} in win.signtoolOptions.publisherName, and that name must be exactly
// the code-signing certificate's subject CN (the installed kiosk refuses updates signed by anyone else), so the
// release machine supplies it in SALDO_WIN_PUBLISHER_NAME and this script passes it as a config override.
// electron-builder.yml keeps only a placeholder; a Windows build without the variable stops before building.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PUBLISHER_ENV = 'SALDO_WIN_PUBLISHER_NAME';
export const MISSING_PUBLISHER_MESSAGE =
  `Set ${PUBLISHER_ENV} to the exact subject CN of the Windows code-signing certificate before building for Windows.`;

const WINDOWS_FLAGS = new Set(['--win', '--windows', '-w']);
const OTHER_PLATFORM_FLAGS = new Set(['--linux', '-l', '--mac', '--macos', '-m', '-o']);

/** Whether electron-builder, given these arguments on this host, builds a Windows installer. */
function buildsForWindows(platform, builderArgs) {
  if (builderArgs.some((arg) => WINDOWS_FLAGS.has(arg))) return true;
  // Without a platform flag electron-builder builds for the host it runs on.
  return platform === 'win32' && !builderArgs.some((arg) => OTHER_PLATFORM_FLAGS.has(arg));
}

/**
 * The electron-builder arguments for a release: the caller's own arguments plus the publisher name from the
 * environment. Pure: reads nothing but its parameters.
 * @param {{ platform: string, env: Record<string, string | undefined>, builderArgs?: string[] }} input
 * @returns {{ ok: true, builderArgs: string[] } | { ok: false, message: string }}
 */
export function electronBuilderArguments({ platform, env, builderArgs = [] }) {
  const publisherName = env[PUBLISHER_ENV]?.trim() ?? '';
  if (publisherName === '') {
    return buildsForWindows(platform, builderArgs) ? { ok: false, message: MISSING_PUBLISHER_MESSAGE } : { ok: true, builderArgs: [...builderArgs] };
  }
  return { ok: true, builderArgs: [...builderArgs, `--config.win.signtoolOptions.publisherName=${publisherName}`] };
}

const root = resolve(import.meta.dirname, '..');

/** Runs one step with this Node (no shell: the publisher name may hold spaces and dots); stops on failure. */
function runStep(script, args) {
  const result = spawnSync(process.execPath, [resolve(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main() {
  const builder = electronBuilderArguments({ platform: process.platform, env: process.env, builderArgs: process.argv.slice(2) });
  if (!builder.ok) {
    console.error(builder.message);
    process.exit(1);
  }
  runStep('node_modules/electron-vite/bin/electron-vite.js', ['build']);
  runStep('scripts/build-electron-sqlite.mjs', []);
  runStep('node_modules/electron-builder/cli.js', builder.builderArgs);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
