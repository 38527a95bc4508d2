// `npm run preview [-- --port N]`: build the renderer when its sources are newer than the build, then run the
// browser host. Signals are passed through so Ctrl-C stops the host cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const builtIndex = join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(builtIndex) || Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared'))) > statSync(builtIndex).mtimeMs;
if (stale) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'browser-host', 'main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// `npm run` wraps this script in a shell; on SIGTERM npm ends that shell, which does not pass the signal on.
// When our parent is gone, stop the host rather than leave it serving as an orphan.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) host.kill('SIGTERM');
}, 500).unref();
