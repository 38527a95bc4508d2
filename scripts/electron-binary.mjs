// Where the Electron binary is, found without `require('electron')`: since Electron 42 that require downloads
// the binary on the spot when it is missing (a network fetch from outside the npm registry, which hangs or
// fails where it is blocked). Here a missing binary is only reported; scripts/start-electron.mjs decides
// whether to try the download. ELECTRON_OVERRIDE_DIST_PATH is honoured as electron's own index.js does.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path: string } | { missing: string, packageDir: string | null }} */
export function findElectronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed', packageDir: null };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const path = join(distDir, executable || 'electron');
  if ((executable || process.env.ELECTRON_OVERRIDE_DIST_PATH) && existsSync(path)) return { path };
  return { missing: 'the electron package is installed without its binary (its download was skipped or failed)', packageDir };
}
