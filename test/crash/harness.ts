/**
 * The crash harness: runs the core in child processes against in-process sandboxes, kills each child with
 * SIGKILL at a named crash point or at a random moment, restarts, and at the end settles every lane and
 * compares ledger and sandbox records one by one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderId } from '../../shared/contract/app';
import type { SandboxRecords } from '../../electron/sandbox/index';
import type { SandboxAddress } from './child';
import type { SeededRandom } from '../sales/seeded-random';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/**
 * The child as one plain ESM file (esbuild, already installed with tsx), so a restart costs ~0.2 s instead of
 * ~0.8 s through the tsx loader; falls back to `node --import tsx` if esbuild is not loadable.
 */
export function childBuildDir(): string {
  return join(root, 'node_modules', '.cache', 'saldo-crash', String(process.pid));
}

export async function childCommand(): Promise<{ command: string; args: string[] }> {
  const source = join(here, 'child.ts');
  try {
    const esbuild = (await import('esbuild')) as { build(options: Record<string, unknown>): Promise<unknown> };
    const outDir = childBuildDir();
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, 'child.mjs');
    await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, external: ['better-sqlite3'], minify: true, logLevel: 'silent' });
    if (existsSync(outfile)) return { command: process.execPath, args: [outfile] };
  } catch {
    // fall through
  }
  return { command: process.execPath, args: ['--import', 'tsx', source] };
}

export interface ChildEvent {
  ev: string;
  [key: string]: unknown;
}

export interface LifeResult {
  events: ChildEvent[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  crashAt: string | null;
  ms: number;
}

export interface LifeOptions {
  dataDir: string;
  sandboxes: SandboxAddress[];
  /** A named crash point, or null for a random kill after recovery. */
  crashAt: string | null;
  crashAfter?: number;
  randomKillMs?: number;
  /** The lane's seeded generator: the kill delays and the child's own seed come from it. */
  random: SeededRandom;
  sales?: number;
  maxLifeMs?: number;
  /** The life's first sale fails and is handed back at once, so a kill on the owed-back paths is reached. */
  failFirst?: boolean;
  /** The life pays a bill (MobiSend) before its top-ups, so a kill on the bill-pay path is reached (issue 14). */
  bill?: boolean;
}

export function runLife(child: { command: string; args: string[] }, options: LifeOptions): Promise<LifeResult> {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SALDO_DATA_DIR: options.dataDir,
      SALDO_CRASH_SANDBOXES: JSON.stringify(options.sandboxes),
      SALDO_CRASH_SALES: String(options.sales ?? 6),
      SALDO_SEED: String(options.random.int(2 ** 32)),
    };
    delete env.SALDO_CRASH_AT;
    delete env.SALDO_CRASH_FAIL_FIRST;
    delete env.SALDO_CRASH_BILL;
    if (options.failFirst) env.SALDO_CRASH_FAIL_FIRST = '1';
    if (options.bill) env.SALDO_CRASH_BILL = '1';
    if (options.crashAt) {
      env.SALDO_CRASH_AT = options.crashAt;
      env.SALDO_CRASH_AFTER = String(options.crashAfter ?? 1);
      env.SALDO_CRASH_DELAY_MS = options.crashAt === 'after-send-before-answer' || options.crashAt === 'bill-after-send-before-answer' ? String(options.random.int(1, 6)) : '0';
    }
    const proc = spawn(child.command, child.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const events: ChildEvent[] = [];
    let buffer = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | null = null;
    const safety = setTimeout(() => proc.kill('SIGKILL'), options.maxLifeMs ?? 6_000);
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.trim()) continue;
        try {
          const event = JSON.parse(line) as ChildEvent;
          events.push(event);
          if (event.ev === 'recovered' && options.crashAt === null && killTimer === null) {
            killTimer = setTimeout(() => proc.kill('SIGKILL'), options.randomKillMs ?? options.random.int(0, 250));
          }
        } catch {
          stderr += `unparsable stdout: ${line}\n`;
        }
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    proc.on('close', (code, signal) => {
      clearTimeout(safety);
      if (killTimer) clearTimeout(killTimer);
      resolvePromise({ events, signal, code, stderr, crashAt: options.crashAt, ms: Date.now() - started });
    });
  });
}

/** Which sale each sandbox delivery belongs to: Relier by reference, the others by idempotency key. */
export function deliveriesBySale(records: Map<ProviderId, SandboxRecords>, keyToSale: (key: string) => string | null): { perSale: Map<string, { count: number; minor: number }>; orphans: string[] } {
  const perSale = new Map<string, { count: number; minor: number }>();
  const orphans: string[] = [];
  for (const [provider, record] of records) {
    for (const delivery of record.deliveries) {
      const saleId = (delivery.idempotencyKey ? keyToSale(delivery.idempotencyKey) : null) ?? (delivery.reference && provider === 'relier' ? delivery.reference : null);
      if (!saleId) {
        orphans.push(`${provider}:${delivery.transactionId}`);
        continue;
      }
      const entry = perSale.get(saleId) ?? { count: 0, minor: 0 };
      entry.count += 1;
      entry.minor += delivery.amountMinor;
      perSale.set(saleId, entry);
    }
  }
  return { perSale, orphans };
}
