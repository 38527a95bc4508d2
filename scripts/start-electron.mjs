// `npm start`: Saldo in its Electron window (demo mode unless real credentials are configured).
// Where Electron's binary cannot be had (its download comes from outside the npm registry), stop with one
// sentence that points to the browser preview instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const NO_ELECTRON =
  'Saldo cannot open its desktop window here because the Electron binary could not be downloaded on this machine; run `npm run preview` to use Saldo in a browser instead.';

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary && existsSync(join(root, 'node_modules', 'electron', 'install.js'))) {
  // The install script was denied at npm install time (see allowScripts); try the download once now.
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: join(root, 'node_modules', 'electron'), stdio: 'ignore' });
  binary = electronBinary();
}
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
