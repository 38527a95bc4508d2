// `npm test`: typecheck, lint, unit + integration + crash tests (vitest, plain Node), the Electron build,
// then end-to-end tests in Chromium (Playwright). Every step runs even when an earlier one fails, so one run
// shows everything that is wrong; the last line is the tally of all tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, 'artifacts', 'test-reports');
rmSync(join(results, 'unit.json'), { force: true });
rmSync(join(results, 'e2e.json'), { force: true });
mkdirSync(results, { recursive: true });

const chromium = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit, integration, crash', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`]],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  // Electron security scan of the built app: fails on any high or medium finding not reviewed in docs/security.md.
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['end-to-end', 'npx', ['playwright', 'test']],
];

const failed = [];
for (const [name, command, args] of steps) {
  if (name === 'end-to-end' && !existsSync(chromium)) {
    console.error(`\nend-to-end: Chromium is not at ${chromium}. Install it with: apt-get install -y chromium (or set SALDO_CHROMIUM).`);
    failed.push(name);
    continue;
  }
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`── ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) failed.push(name);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failures = 0;
let skipped = 0;
const unit = readJson(join(results, 'unit.json'));
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failures += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
const e2e = readJson(join(results, 'e2e.json'));
if (e2e?.stats) {
  passed += e2e.stats.expected ?? 0;
  failures += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
  skipped += e2e.stats.skipped ?? 0;
}

if (failed.length) console.log(`\nFailed steps: ${failed.join(', ')}`);
console.log(`\n${passed} passed, ${failures} failed, ${skipped} skipped`);
process.exit(failed.length ? 1 : 0);
