// `npm test`: typecheck, lint, unit + integration + crash tests (vitest, plain Node), the Electron build,
// then end-to-end tests in Chromium (Playwright). Every step runs even when an earlier one fails, so one run
// shows everything that is wrong; the last line is the tally of all tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, 'artifacts', 'test-reports');
rmSync(join(results, 'unit.json'), { force: true });
rmSync(join(results, 'e2e.json'), { force: true });
mkdirSync(results, { recursive: true });

const chromium = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';
// Each stage is a list of steps run side by side. Typecheck and lint are one process each and read the same files
// without writing any, so on two cores they share a stage; everything else runs alone (the test suites are timing
// bound, and the security scan reads what the build wrote).
const stages = [
  [
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint', 'npm', ['run', '--silent', 'lint']],
  ],
  [['unit, integration, crash', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`]]],
  [['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']]],
  // Electron security scan of the built app: fails on any high or medium finding not reviewed in docs/security.md.
  [['electronegativity', 'node', ['scripts/electronegativity.mjs']]],
  [['end-to-end', 'npx', ['playwright', 'test']]],
];

/** Runs one step; a step that shares its stage has its output held and printed whole when it ends. */
function runStep([name, command, args], alone) {
  return new Promise((done) => {
    const started = Date.now();
    if (alone) console.log(`\n── ${name} ──`);
    const child = spawn(command, args, { cwd: root, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
    const held = [];
    child.stdout?.on('data', (chunk) => held.push(chunk));
    child.stderr?.on('data', (chunk) => held.push(chunk));
    child.on('close', (status) => {
      if (!alone) {
        console.log(`\n── ${name} ──`);
        process.stdout.write(Buffer.concat(held));
      }
      console.log(`── ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      done(status === 0);
    });
    child.on('error', (error) => {
      console.log(`── ${name}: FAILED to start (${error.message})`);
      done(false);
    });
  });
}

const failed = [];
for (const stage of stages) {
  const runnable = stage.filter(([name]) => {
    if (name === 'end-to-end' && !existsSync(chromium)) {
      console.error(`\nend-to-end: Chromium is not at ${chromium}. Install it with: apt-get install -y chromium (or set SALDO_CHROMIUM).`);
      failed.push(name);
      return false;
    }
    return true;
  });
  const outcomes = await Promise.all(runnable.map((step) => runStep(step, runnable.length === 1)));
  runnable.forEach(([name], index) => {
    if (!outcomes[index]) failed.push(name);
  });
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

// A CI log is often read from its tail: name every failed or retried test there, not only the count.
const unitFailures = (unit?.testResults ?? []).flatMap((file) =>
  (file.assertionResults ?? [])
    .filter((test) => test.status === 'failed')
    .map((test) => `${file.name.replace(root + '/', '')} › ${test.fullName}: ${String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`),
);
const suiteErrors = (unit?.testResults ?? [])
  .filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'))
  .map((file) => `${file.name.replace(root + '/', '')}: ${String(file.message ?? '').split('\n')[0].slice(0, 300)}`);
const e2eProblems = [];
const walk = (suite, trail) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status === 'unexpected' || test.status === 'flaky') e2eProblems.push(`${test.status}: ${[...trail, spec.title].join(' › ')}`);
    }
  }
  for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
};
for (const suite of e2e?.suites ?? []) walk(suite, [suite.title]);
const problems = [...unitFailures, ...suiteErrors, ...e2eProblems];
if (problems.length) console.log(`\nTests that failed or were retried:\n${problems.map((line) => `  - ${line}`).join('\n')}`);

if (failed.length) console.log(`\nFailed steps: ${failed.join(', ')}`);
console.log(`\n${passed} passed, ${failures} failed, ${skipped} skipped`);
process.exit(failed.length ? 1 : 0);
