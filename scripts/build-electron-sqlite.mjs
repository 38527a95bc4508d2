// Builds better-sqlite3 for Electron's ABI into native/electron/, beside (not over) the Node build in
// node_modules that the tests load. The Electron host passes the result as better-sqlite3's `nativeBinding`.
// Tries the published prebuilt binary first, then a source build against Electron's headers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const outDir = join(root, 'native', 'electron');
const target = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, 'electron-version.txt');

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is already built`);
  process.exit(0);
}

const workDir = join(outDir, 'better-sqlite3');
rmSync(workDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), workDir, {
  recursive: true,
  filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
});

const bin = (name) => join(root, 'node_modules', '.bin', name);
const attempts = [
  [bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion]],
  [bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']],
];
for (const [command, args] of attempts) {
  const run = spawnSync(command, args, { cwd: workDir, stdio: 'inherit' });
  const built = join(workDir, 'build', 'Release', 'better_sqlite3.node');
  if (run.status === 0 && existsSync(built)) {
    cpSync(built, target);
    writeFileSync(stamp, electronVersion);
    rmSync(workDir, { recursive: true, force: true });
    console.log(`better-sqlite3 built for Electron ${electronVersion}: ${target}`);
    process.exit(0);
  }
}
console.error(`Could not build better-sqlite3 for Electron ${electronVersion} (no prebuilt binary and no Electron headers reachable).`);
process.exit(1);
