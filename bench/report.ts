/**
 * One format for every benchmark figure: a JSON line `{name, value, unit, baseline, ratio, target, pass}`,
 * where the baseline is measured in the same run, and one writer for bench/RESULTS.md with the command.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** The target as a comparison on the ratio, e.g. "<= 2" or ">= 0.95". */
  target: string;
  pass: boolean;
  note?: string;
}

export function ratioResult(fields: Omit<BenchResult, 'ratio' | 'pass'> & { ratio?: number }): BenchResult {
  const ratio = fields.ratio ?? fields.value / fields.baseline;
  const [operator, bound] = fields.target.split(/\s+/) as ['<=' | '>=', string];
  const limit = Number(bound);
  const pass = operator === '<=' ? ratio <= limit : ratio >= limit;
  return { ...fields, ratio: Number(ratio.toFixed(3)), pass };
}

export function printResult(result: BenchResult): void {
  console.log(JSON.stringify(result));
}

/** Percentile of a sample (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function writeResultsMarkdown(results: readonly BenchResult[], command: string, file = join(import.meta.dirname, 'RESULTS.md')): void {
  const rows = results.map(
    (r) => `| ${r.name} | ${r.value} ${r.unit} | ${r.baseline} ${r.unit} | ${r.ratio} | ${r.target} | ${r.pass ? 'pass' : 'FAIL'} | ${r.note ?? ''} |`,
  );
  const text = [
    '# Benchmark results',
    '',
    `Produced by \`${command}\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores.`,
    'Each figure is a ratio against a baseline measured in the same run; targets apply to the ratio.',
    '',
    '| name | value | baseline | ratio | target | result | note |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '```jsonl',
    ...results.map((r) => JSON.stringify(r)),
    '```',
    '',
  ].join('\n');
  writeFileSync(file, text);
}

/**
 * Rewrites bench/RESULTS.md with `results` in place of the figures of the same name, every other figure kept as
 * it was (for a suite run on its own, e.g. `npx tsx bench/backoffice.ts`).
 */
export function mergeResultsMarkdown(results: readonly BenchResult[], command: string, file = join(import.meta.dirname, 'RESULTS.md')): void {
  let kept: BenchResult[] = [];
  try {
    const text = readFileSync(file, 'utf8');
    const block = /```jsonl\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    kept = block.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as BenchResult);
  } catch {
    kept = [];
  }
  const names = new Set(results.map((result) => result.name));
  writeResultsMarkdown([...kept.filter((result) => !names.has(result.name)), ...results], `npm run bench (${command} for ${[...names].join(', ')})`, file);
}
