/**
 * `npm run bench`: every benchmark in one run, one JSON line per figure, and bench/RESULTS.md rewritten with
 * the command. Each figure is a ratio against a baseline measured in the same run (bench/report.ts).
 */
import { printResult, writeResultsMarkdown, type BenchResult } from './report';
import { spawnSync } from 'node:child_process';
import { runLedgerBench } from './ledger';
import { runTodayListBench } from './today-list';
import { runUiOverheadBench } from './ui-overhead';
// Back office (issue 13)
import { runBackofficeBench } from './backoffice';
// accounts (w7-accounts)
import { runAccountsBench } from './accounts';

// The UI benchmark drives the built renderer.
const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const suites: Array<[string, () => Promise<BenchResult[]>]> = [
  ['ledger and sync', () => runLedgerBench()],
  ['counter UI overhead', () => runUiOverheadBench()],
  // Back office (issue 13): reports over 1,000,000 generated sales
  ['back office reports', () => runBackofficeBench()],
  // accounts (w7-accounts)
  ['accounts export', () => runAccountsBench()],
  ["counter today's list", () => runTodayListBench()],
];

const results: BenchResult[] = [];
for (const [name, run] of suites) {
  console.error(`bench: ${name}`);
  for (const result of await run()) {
    printResult(result);
    results.push(result);
  }
}
writeResultsMarkdown(results, 'npm run bench');
process.exitCode = results.every((result) => result.pass) ? 0 : 1;
