// `npm start`: Saldo in its Electron window (demo mode unless real credentials are configured).
// Where Electron's binary cannot be had (its download comes from outside the npm registry), stop with one
// sentence that points to the browser preview instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = resolve(import.meta.dirname, '..');
const NO_ELECTRON =
  'Saldo cannot open its desktop window here because the Electron binary could not be downloaded on this machine; run `npm run preview` to use Saldo in a browser instead.';
/** A blocked download must not hang `npm start`: give up after this long. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

let found = findElectronBinary();
if ('missing' in found && found.packageDir && existsSync(join(found.packageDir, 'install.js'))) {
  // Electron 42+ ships no install script run by npm (and allowScripts denies it for older ones): download once now.
  spawnSync(process.execPath, [join(found.packageDir, 'install.js')], { cwd: found.packageDir, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  found = findElectronBinary();
}
const binary = 'path' in found ? found.path : null;
if (!binary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}

for (const [script, args] of [
  ['npx', ['electron-vite', 'build']],
  [process.execPath, [join(root, 'scripts', 'build-electron-sqlite.mjs')]],
]) {
  const run = spawnSync(script, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const app = spawn(binary, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SALDO_SQLITE_BINDING: join(root, 'native', 'electron', 'better_sqlite3.node') },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
