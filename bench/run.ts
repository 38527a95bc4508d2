/**
 * `npm run bench`: every benchmark in one run, one JSON line per figure, and bench/RESULTS.md rewritten with
 * the command. Each figure is a ratio against a baseline measured in the same run (bench/report.ts).
 */
import { printResult, writeResultsMarkdown, type BenchResult } from './report';
import { runLedgerBench } from './ledger';

const suites: Array<[string, () => Promise<BenchResult[]>]> = [['ledger and sync', () => runLedgerBench()]];

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
