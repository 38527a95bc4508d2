/**
 * report.export_csv_100k: the owner's sales CSV (accounts.exportSales: the rows read one by one, masked numbers,
 * the cashier's name, the shop's wall clock, decimals and centavos, quoted text) over 100,000 sales of a generated
 * ledger (bench/backoffice.ts's generator, a month and a bit of the 1,000,000-sale year), in rows per second,
 * against a raw SELECT of the same rows measured in the same run. The ratio is what writing a spreadsheet-safe
 * CSV costs over only reading the rows: at least a fifth of the reading speed (the target is the ratio, as for
 * every figure, so a busy machine moves both sides alike).
 *
 * `npx tsx bench/accounts.ts` runs it alone and merges it into bench/RESULTS.md; SALDO_BENCH_EXPORT_ROWS changes
 * the count. `npm run bench` runs it with the rest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { businessDayOf, DEFAULT_BUSINESS_DAY_RULE } from '../shared/business-day';
import { salesCsv } from '../electron/core/accounts/csv-export';
import { AccountsRepository } from '../electron/core/accounts/repository';
import { openDatabase } from '../electron/core/db/open';
import { generateLedger } from './backoffice';
import { mergeResultsMarkdown, percentile, printResult, type BenchResult } from './report';

const YEAR_START = Date.parse('2026-01-01T06:00:00Z');

function median(run: () => number, rounds: number): { ms: number; rows: number } {
  const samples: number[] = [];
  let rows = 0;
  for (let round = 0; round < rounds; round += 1) {
    const start = process.hrtime.bigint();
    rows = run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: percentile(samples, 50), rows };
}

export async function runAccountsBench(rows = Number(process.env.SALDO_BENCH_EXPORT_ROWS ?? 100_000)): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-bench-export-'));
  try {
    const db = openDatabase({ file: join(dir, 'ledger.sqlite') });
    // The generator spreads its sales over a year: ask it for a year's worth so that the first `rows` fall in the window.
    generateLedger(db, rows * 10);
    const cutoff = db.prepare<[number], { created_ms: number }>('SELECT created_ms FROM sales ORDER BY created_ms LIMIT 1 OFFSET ?').get(rows) as { created_ms: number };
    const [fromMs, toMs] = [YEAR_START, cutoff.created_ms];
    const repository = new AccountsRepository(db);
    const raw = db.prepare<[number, number]>('SELECT * FROM sales WHERE created_ms >= ? AND created_ms < ? ORDER BY created_ms, rowid').raw();
    const names = new Map([0, 1, 2, 3, 4].map((index) => [`cashier-${index}`, `Cajera ${index}`]));
    const exportOnce = () =>
      salesCsv(repository.iterateSales(fromMs, toMs), { fullNumbers: false, rule: DEFAULT_BUSINESS_DAY_RULE, userName: (id) => names.get(id) ?? null }, (ms) => businessDayOf(ms, DEFAULT_BUSINESS_DAY_RULE)).rows;
    const selectOnce = () => raw.all(fromMs, toMs).length;
    exportOnce();
    selectOnce();
    const exported = median(exportOnce, 5);
    const selected = median(selectOnce, 5);
    db.close();
    const exportRate = (exported.rows / exported.ms) * 1000;
    const selectRate = (selected.rows / selected.ms) * 1000;
    if (exported.rows !== selected.rows) throw new Error(`export wrote ${exported.rows} rows, the SELECT read ${selected.rows}`);
    return [
      {
        name: 'report.export_csv_100k',
        value: Math.round(exportRate),
        unit: 'rows/s',
        baseline: Math.round(selectRate),
        ratio: Number((exportRate / selectRate).toFixed(3)),
        target: '>= 0.2',
        pass: exportRate / selectRate >= 0.2,
        note: `${exported.rows.toLocaleString('en-US')} sales to CSV in ${exported.ms.toFixed(0)} ms (median of 5; masked numbers, names, wall clock, decimals and centavos, quoted); baseline: a raw SELECT of the same rows in ${selected.ms.toFixed(0)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await runAccountsBench();
  for (const result of results) printResult(result);
  mergeResultsMarkdown(results, 'npx tsx bench/accounts.ts');
  process.exitCode = results.every((result) => result.pass) ? 0 : 1;
}
