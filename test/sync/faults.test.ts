/**
 * Fault test: 1,000 sales while the sandboxes inject ~30% mixed faults (timeouts before and after commit,
 * resets before and after commit, 5xx before and after commit, 429, malformed bodies, latency) on every kind of
 * request. Afterwards every sale is terminal or visibly awaiting reconciliation, nothing was delivered twice,
 * nothing was delivered without a sale, and the ledger's totals equal the sandboxes' records to the centavo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ProviderId } from '../../shared/contract/app';
import { AppError } from '../../shared/errors';
import type { FaultRule, RunningSandbox, SandboxRecords } from '../../electron/sandbox/index';
import { deliveriesBySale } from '../crash/harness';
import { startCore, startSandboxes, type CoreUnderTest, type SandboxSet } from './sandboxes';
import { seededRandomForTest } from '../sales/seed-for-test';
import type { SeededRandom } from '../sales/seeded-random';

const SALES = Number(process.env.SALDO_FAULT_SALES ?? '1000');
const BATCH = 25;
const FAULT_RATE = 0.3;
const AMOUNTS = [10, 20, 30, 50, 100, 150, 200, 300, 500];
const CARRIERS = ['Telcel', 'Movistar', 'AT&T'];

let set: SandboxSet;
let core: CoreUnderTest;
/** Every random choice of the test (amounts, numbers, carriers, faults) comes from this seeded generator. */
let random: SeededRandom;

function randomFault(): FaultRule {
  const kinds: FaultRule[] = [
    { kind: 'timeout', afterCommit: true, count: 1 },
    { kind: 'timeout', afterCommit: false, count: 1 },
    { kind: 'reset_after_commit', count: 1 },
    { kind: 'reset_before_commit', count: 1 },
    { kind: 'server_error', status: 500, count: 1 },
    { kind: 'server_error', status: 503, afterCommit: true, count: 1 },
    { kind: 'respond', status: 429, body: { success: false, error: 'Too many requests' }, count: 1 },
    { kind: 'malformed_json', count: 1 },
    { kind: 'latency', latencyMs: [50, 150], count: 1 },
  ];
  return kinds[random.int(kinds.length)] ?? { kind: 'latency', latencyMs: 10, count: 1 };
}

/**
 * Faults land on random requests: a sale's requests (top-ups, replays, resends) through a rule scoped to its
 * phone number, armed at every sandbox for FAULT_RATE of the sales; status, balance and export requests
 * through GET rules armed per batch. Latency on every request besides.
 */
function armSaleFaults(sandboxes: Iterable<RunningSandbox>, phone: string): void {
  if (random.next() >= FAULT_RATE) return;
  for (const sandbox of sandboxes) sandbox.control.addFaults([{ ...randomFault(), phone, count: random.int(1, 3) }]);
}

function armReadFaults(sandboxes: Iterable<RunningSandbox>, count: number): void {
  for (const sandbox of sandboxes) {
    sandbox.control.addFaults(Array.from({ length: count }, () => ({ ...randomFault(), method: 'GET' as const })));
  }
}

beforeAll(async () => {
  set = await startSandboxes(['relier', 'mobisend', 'liquido'], { asyncDelayMs: 20, startingBalanceUsd: 1_000_000 }, 200);
});
afterAll(async () => {
  await core.close();
  await set.close();
});

describe('1,000 sales under 30% mixed faults', () => {
  it('ends every sale settled or visibly awaiting reconciliation, with no duplicate and exact totals', async () => {
    random = seededRandomForTest('sync faults');
    core = startCore(set.adapters, {
      routingPolicy: {
        countries: { MX: { default: ['relier', 'mobisend', 'liquido'], carriers: { Movistar: ['mobisend', 'liquido', 'relier'], 'AT&T': ['liquido', 'relier', 'mobisend'] } } },
        fallback: ['relier'],
      },
      online: { waitMs: 300, pollMs: 20 },
      reconcileGraceMs: 1_000,
      offlinePolicy: { maxQueuedTotal: { minor: 100_000_000, currency: 'MXN' } },
      offlineRecheckMs: 100,
      sync: { backoffBaseMs: 20, backoffMaxMs: 200, tickMs: 20, pollIntervalMs: 50, concurrency: 8, rateTimeScale: 0.001 },
    });
    await core.module.sync.refresh();
    core.module.sync.start();

    const outcomes = new Map<string, string>();
    for (const sandbox of set.sandboxes.values()) sandbox.control.setFaults([{ kind: 'latency', latencyMs: [0, 15] }]);
    for (let start = 0; start < SALES; start += BATCH) {
      armReadFaults(set.sandboxes.values(), 2);
      const batch = Array.from({ length: Math.min(BATCH, SALES - start) }, async () => {
        const amount = AMOUNTS[random.int(AMOUNTS.length)] ?? 50;
        const phone = `57${String(random.int(10_000_000, 99_999_999))}`;
        armSaleFaults(set.sandboxes.values(), phone);
        try {
          const sale = await core.module.service.sell({
            requestId: randomUUID(),
            phone,
            country: 'MX',
            carrier: CARRIERS[random.int(CARRIERS.length)] ?? 'Telcel',
            amount: { minor: amount * 100, currency: 'MXN' },
          });
          outcomes.set(sale.id, sale.state);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          outcomes.set(`refused:${randomUUID()}`, error.code);
        }
      });
      await Promise.all(batch);
    }
    expect(outcomes.size).toBe(SALES);

    // The line is clean again: let sync settle everything it can.
    for (const sandbox of set.sandboxes.values()) sandbox.control.clearFaults();
    await core.module.sync.stop();
    const deadline = Date.now() + 30_000;
    let still = 0;
    for (let last = -1; ; ) {
      for (const sandbox of set.sandboxes.values()) sandbox.control.settlePending();
      await core.module.sync.runOnce();
      const waiting = core.module.ledger.countInStates(['created', 'sending', 'queued', 'pending', 'unknown']);
      const moving = core.module.ledger.countInStates(['created', 'sending', 'queued', 'pending']);
      // Done when nothing waits, or only unknowns nobody can settle yet remain, unchanged for a few seconds.
      still = waiting === last && moving === 0 ? still + 1 : 0;
      last = waiting;
      if (waiting === 0 || still >= 25 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const ledger = core.module.ledger;
    const rows = core.db.prepare('SELECT id, state, price_minor, cost_minor FROM sales').all() as Array<{ id: string; state: string; price_minor: number; cost_minor: number | null }>;
    const byState = new Map<string, number>();
    for (const row of rows) byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
    // Terminal, failed and owed back, or visibly awaiting reconciliation (unknown, counted in the queue status).
    expect(rows.filter((row) => !['succeeded', 'failed', 'refund_due', 'refunded', 'unknown'].includes(row.state))).toEqual([]);
    expect((await core.module.handlers['queue.status']({}, { host: 'test' })).awaitingProvider).toBe(byState.get('unknown') ?? 0);

    const keyToSale = new Map((core.db.prepare('SELECT idempotency_key, sale_id FROM attempts').all() as Array<{ idempotency_key: string; sale_id: string }>).map((row) => [row.idempotency_key, row.sale_id]));
    const records = new Map<ProviderId, SandboxRecords>([...set.sandboxes].map(([id, sandbox]) => [id, sandbox.control.records()]));
    const { perSale, orphans } = deliveriesBySale(records, (key) => keyToSale.get(key) ?? null);
    expect(orphans).toEqual([]);
    const state = new Map(rows.map((row) => [row.id, row.state]));
    const wrong = [...perSale].filter(([id, delivered]) => delivered.count !== 1 || !['succeeded', 'unknown'].includes(state.get(id) ?? ''));
    expect(wrong.map(([id, delivered]) => ({ id, delivered, state: state.get(id), events: ledger.events(id).map((event) => `${event.fromState}->${event.toState} ${event.detail ?? ''}`) }))).toEqual([]);
    const succeeded = rows.filter((row) => row.state === 'succeeded');
    expect(succeeded.filter((row) => !perSale.has(row.id)).map((row) => row.id)).toEqual([]);
    // Totals to the centavo: what the ledger says was sold equals what the sandboxes delivered (unknowns counted apart).
    const deliveredForSucceeded = succeeded.reduce((sum, row) => sum + (perSale.get(row.id)?.minor ?? 0), 0);
    expect(deliveredForSucceeded).toBe(succeeded.reduce((sum, row) => sum + row.price_minor, 0));
    const deliveredTotal = [...perSale.values()].reduce((sum, entry) => sum + entry.minor, 0);
    const unknownDelivered = rows.filter((row) => row.state === 'unknown').reduce((sum, row) => sum + (perSale.get(row.id)?.minor ?? 0), 0);
    expect(deliveredTotal).toBe(deliveredForSucceeded + unknownDelivered);
    expect(ledger.verify().ok).toBe(true);
    const faulted = [...records.values()].reduce((sum, record) => sum + record.requests.filter((request) => request.fault && request.fault !== 'latency').length, 0);
    const requests = [...records.values()].reduce((sum, record) => sum + record.requests.length, 0);
    const faultedSales = new Set([...records.values()].flatMap((record) => record.requests.filter((request) => request.fault && request.phone).map((request) => request.phone))).size;
    console.log(JSON.stringify({ sales: SALES, states: Object.fromEntries(byState), refused: [...outcomes.keys()].filter((key) => key.startsWith('refused:')).length, requests, faulted, faultShare: Number((faulted / requests).toFixed(3)), faultedSales }));
    expect(faultedSales / SALES).toBeGreaterThan(0.2);
  }, 240_000);
});
