/**
 * Ledger and sync benchmarks, each against a baseline measured in the same run:
 *  - recording a sale durably (sale row + hash-chained event, one synchronous=FULL transaction) against a raw
 *    better-sqlite3 insert with the same pragmas: target ratio <= 2;
 *  - draining 2,000 queued sales into the Relier sandbox whose rate windows and latency are scaled down by
 *    the same factor (so the documents' latency-to-limit ratio holds): achieved rate / allowed rate >= 0.95
 *    with zero 429 answers;
 *  - the drain's speed-up over sending one at a time as the Relier document's sample client does.
 *
 * `npx tsx bench/ledger.ts` prints one JSON line per figure and writes bench/RESULTS.md;
 * `runLedgerBench()` returns the figures for bench/run.ts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { applyPragmas, openDatabase } from '../electron/core/db/open';
import { createEventBus } from '../electron/core/ipc/event-bus';
import { silentLogger } from '../electron/core/kernel/logger';
import { createSession } from '../electron/core/auth/session';
import { Ledger } from '../electron/core/ledger/ledger';
import { createProviderAdapters } from '../electron/core/providers/registry';
import { PROVIDER_RATE_LIMITS } from '../electron/core/providers/rate-limiter';
import { createSalesModule } from '../electron/core/sales-module';
import { providersConfigFromEndpoints } from '../electron/core/providers/endpoints';
import { startSandbox } from '../electron/sandbox/index';
import { printResult, ratioResult, writeResultsMarkdown, type BenchResult } from './report';

export interface LedgerBenchOptions {
  recordSamples?: number;
  drainSales?: number;
  sequentialSales?: number;
  /** Shrinks Relier's rate windows and its 2–10 s processing time alike. */
  timeScale?: number;
}

function newSale(): Parameters<Ledger['createSale']>[0] {
  return {
    id: randomUUID(),
    requestId: randomUUID(),
    idempotencyKey: randomUUID(),
    cashierId: 'bench',
    shiftId: 'shift-bench',
    provider: 'relier',
    country: 'MX',
    carrier: 'Telcel',
    sku: null,
    phone: '5512345678',
    price: { minor: 5000, currency: 'MXN' },
  };
}

/** Durable sale record vs raw insert, interleaved in rounds so disk noise hits both alike. */
export function benchRecord(samples = 600): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-bench-'));
  try {
    const db = openDatabase({ file: join(dir, 'ledger.sqlite') });
    const ledger = new Ledger(db);
    const raw = new BetterSqlite3(join(dir, 'raw.sqlite'));
    applyPragmas(raw);
    raw.exec('CREATE TABLE sales (id TEXT PRIMARY KEY, request_id TEXT, phone TEXT, price_minor INTEGER, price_currency TEXT, state TEXT) STRICT');
    const insert = raw.prepare('INSERT INTO sales (id, request_id, phone, price_minor, price_currency, state) VALUES (?, ?, ?, ?, ?, ?)');
    let durableNs = 0n;
    let rawNs = 0n;
    const rounds = 10;
    const perRound = Math.max(1, Math.floor(samples / rounds));
    for (let round = 0; round < rounds; round += 1) {
      let start = process.hrtime.bigint();
      for (let index = 0; index < perRound; index += 1) insert.run(randomUUID(), randomUUID(), '5512345678', 5000, 'MXN', 'created');
      rawNs += process.hrtime.bigint() - start;
      start = process.hrtime.bigint();
      for (let index = 0; index < perRound; index += 1) ledger.createSale(newSale());
      durableNs += process.hrtime.bigint() - start;
    }
    const count = rounds * perRound;
    const durableUs = Number(durableNs / BigInt(count)) / 1000;
    const rawUs = Number(rawNs / BigInt(count)) / 1000;
    if (!ledger.verify().ok) throw new Error('bench ledger chain does not verify');
    db.close();
    raw.close();
    return ratioResult({
      name: 'ledger.record_sale_durable',
      value: Number(durableUs.toFixed(1)),
      unit: 'us/sale',
      baseline: Number(rawUs.toFixed(1)),
      target: '<= 2',
      note: `${count} sales: sale row + hash-chained event in one transaction vs one raw INSERT; both WAL + synchronous=FULL`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Drain vs the documented limit, and vs one-at-a-time sending. */
export async function benchDrain(sales = 2000, sequentialSales = 100, timeScale = 0.01): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-bench-'));
  const sandbox = await startSandbox('relier', { rateWindowScale: timeScale, startingBalanceUsd: 1_000_000, dailyLimitMxn: 1_000_000_000 });
  // Relier processes a top-up in 2–10 s; scaled like the windows.
  const latency: [number, number] = [2000 * timeScale, 10_000 * timeScale];
  sandbox.control.setFaults([{ kind: 'latency', latencyMs: latency, path: '/api/enviadespensa' }]);
  const adapters = (): ReturnType<typeof createProviderAdapters> => createProviderAdapters(providersConfigFromEndpoints([sandbox], 5_000), { rateLimitTimeScale: timeScale });
  try {
    // Baseline: the document's sample client, one synchronous top-up after another.
    const sequential = adapters().relier;
    if (!sequential) throw new Error('no relier adapter');
    const seqStart = performance.now();
    let sequential429 = 0;
    for (let index = 0; index < sequentialSales; index += 1) {
      const result = await sequential.topup({ idempotencyKey: randomUUID(), reference: `SEQ-${index}`, phone: '5512345678', country: 'MX', amount: { minor: 5000, currency: 'MXN' }, preferAsync: false });
      if (!result.ok && result.error.code === 'rate_limited') {
        // Counted, waited out and sent again (the sample client would give up on a 429).
        sequential429 += 1;
        await sleep(Math.max(1, (result.error.retryAt ?? Date.now()) - Date.now()));
        index -= 1;
        continue;
      }
      if (!result.ok || result.value.state !== 'succeeded') throw new Error(`sequential top-up failed: ${JSON.stringify(result)}`);
    }
    const sequentialRate = sequentialSales / ((performance.now() - seqStart) / 1000);
    sandbox.control.reset();
    sandbox.control.setFaults([{ kind: 'latency', latencyMs: latency, path: '/api/enviadespensa' }]);
    await sleep(Math.ceil(15 * 60_000 * timeScale) + 50);

    const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
    const session = createSession();
    session.signIn({ id: 'bench', name: 'Bench', role: 'owner' });
    const built = adapters();
    const module = createSalesModule({
      db,
      adapters: [built.relier].filter((adapter) => adapter !== undefined),
      events: createEventBus({ logger: silentLogger, validatePayloads: false }),
      session,
      logger: silentLogger,
      sync: { concurrency: 64, preferAsync: false, rateTimeScale: timeScale },
    });
    const ledger = module.ledger;
    ledger.transaction(() => {
      for (let index = 0; index < sales; index += 1) {
        const sale = ledger.createSale({ ...newSale(), phone: `55${String(10_000_000 + index)}` });
        ledger.transition(sale.id, 'created', 'queued');
      }
    });
    const start = performance.now();
    // What the background loop does: drain, and after a refusal (backed off with jitter) drain again.
    let sent = 0;
    while (ledger.countInStates(['queued']) > 0 && performance.now() - start < 600_000) {
      sent += (await module.sync.drain()).sent;
      if (ledger.countInStates(['queued']) > 0) await sleep(20);
    }
    const seconds = (performance.now() - start) / 1000;
    const succeeded = ledger.countInStates(['succeeded']);
    const records = sandbox.control.records();
    const tooMany = records.requests.filter((request) => request.outcome === 429).length;
    await module.close();
    db.close();

    // The least time any compliant client needs for `sales` top-ups under every documented window.
    const windows = [...PROVIDER_RATE_LIMITS.relier.requests, ...PROVIDER_RATE_LIMITS.relier.topups];
    const minimumSeconds = Math.max(...windows.map((window) => (window.windowMs * timeScale * (Math.ceil(sales / window.limit) - 1)) / 1000));
    const allowedRate = sales / minimumSeconds;
    const achievedRate = succeeded / seconds;
    const drained = ratioResult({
      name: 'sync.drain_rate_vs_allowed',
      value: Number(achievedRate.toFixed(2)),
      unit: 'sales/s',
      baseline: Number(allowedRate.toFixed(2)),
      target: '>= 0.95',
      note: `${succeeded}/${sales} succeeded (${sent} requests) in ${seconds.toFixed(2)} s; Relier windows and 2–10 s latency ×${timeScale}; 429 answers: ${tooMany}`,
    });
    const speedup = ratioResult({
      name: 'sync.drain_speedup_vs_sequential',
      value: Number(achievedRate.toFixed(2)),
      unit: 'sales/s',
      baseline: Number(sequentialRate.toFixed(2)),
      target: '>= 1.5',
      note: `one-at-a-time sync top-ups like the Relier sample client (${sequentialSales} sales, ${sequential429} refused with 429 and resent); the documented limit caps the speed-up at ${(allowedRate / sequentialRate).toFixed(2)}×`,
    });
    return [{ ...drained, pass: drained.pass && tooMany === 0 && succeeded === sales }, speedup];
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runLedgerBench(options: LedgerBenchOptions = {}): Promise<BenchResult[]> {
  const record = benchRecord(options.recordSamples);
  const drain = await benchDrain(options.drainSales, options.sequentialSales, options.timeScale);
  return [record, ...drain];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await runLedgerBench();
  for (const result of results) printResult(result);
  writeResultsMarkdown(results, 'npx tsx bench/ledger.ts');
  process.exitCode = results.every((result) => result.pass) ? 0 : 1;
}
