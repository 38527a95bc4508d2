/**
 * Crash test: the core in a child process killed with SIGKILL at every named crash point and at random
 * moments, SALDO_CRASH_RUNS times (200 by default) over two lanes, each restart recovering before it sells.
 * Afterwards: no acknowledged sale missing, none delivered twice, no delivery without a sale, integrity_check
 * ok and the hash chain intact in every lane, and succeeded sales equal the sandboxes' deliveries to the centavo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { ProviderId } from '../../shared/contract/app';
import { integrityCheck } from '../../electron/core/db/open';
import { verifyJournal } from '../../electron/core/journal/journal';
import { CRASH_POINTS } from '../../electron/core/kernel/crash-points';
import { startSandbox, type RunningSandbox, type SandboxRecords } from '../../electron/sandbox/index';
import { tempDir } from '../sales/fakes';
import { adaptersFor, startCore, type CoreUnderTest } from '../sync/sandboxes';
import type { SandboxAddress } from './child';
import { childBuildDir, childCommand, deliveriesBySale, runLife, type LifeResult } from './harness';
import { seededRandomForTest } from '../sales/seed-for-test';
import { randomFromSeed } from '../sales/seeded-random';

const RUNS = Math.max(1, Number(process.env.SALDO_CRASH_RUNS ?? '200'));
const LANES = Math.max(1, Number(process.env.SALDO_CRASH_LANES ?? '3'));
const PROVIDERS: ProviderId[] = ['relier', 'mobisend', 'liquido'];
/** Points on the owed-back paths: their lives fail the first sale and hand it back, so the kill is reached. */
const OWED_BACK_POINTS: readonly string[] = ['between-failed-and-owed-back', 'before-refund-commit', 'after-refund-commit-before-answer'];
/** Points of the back office (issue 13): each visited once a life, after its sales. */
const BACK_OFFICE_POINTS: readonly string[] = ['before-cash-movement-commit', 'before-shift-end-commit', 'before-shift-close-commit', 'before-day-close-commit'];

let sandboxes: RunningSandbox[] = [];
const lanes: Array<{ dir: string; lives: LifeResult[] }> = [];

/**
 * Under kills too, every failure was owed back in the transaction that failed it (refund_due right after failed in
 * the chain), and a cash hand-back the child finished is refunded and recorded at the counter (one it was killed in
 * is either); only the counter refunded anything. Answers the hand-backs the children finished.
 */
function expectOwedBackAndHandedBack(cores: CoreUnderTest[], lives: LifeResult[], sales: ReadonlyMap<string, { state: string }>): unknown[] {
  for (const core of cores) {
    const failures = core.db.prepare("SELECT seq, sale_id, to_state FROM sale_events WHERE from_state = 'failed' OR to_state = 'failed' ORDER BY seq").all() as Array<{ seq: number; sale_id: string; to_state: string }>;
    const owedRightAfter = failures.filter((event) => event.to_state === 'failed').map((event) => failures.find((next) => next.seq === event.seq + 1 && next.sale_id === event.sale_id && next.to_state === 'refund_due'));
    expect(owedRightAfter.filter((next) => next === undefined)).toEqual([]);
  }
  const handedBack = lives.flatMap((life) => life.events.filter((event) => event.ev === 'handed-back'));
  for (const event of handedBack) expect(sales.get(String(event.id))?.state, `handed back ${String(event.id)}`).toBe('refunded');
  const refundedAtCounter = cores.reduce((sum, core) => sum + (core.db.prepare("SELECT COUNT(*) AS n FROM sale_events WHERE to_state = 'refunded' AND detail LIKE '%handedBackAtCounter%'").get() as { n: number }).n, 0);
  expect(refundedAtCounter).toBe([...sales.values()].filter((sale) => sale.state === 'refunded').length);
  expect(refundedAtCounter).toBeGreaterThanOrEqual(handedBack.length);
  return handedBack;
}

/**
 * A hand-back killed mid-way happened exactly once or not at all: killed before its commit the sale is still owed
 * back, killed after it refunded, never refunded twice; and "Por devolver" counts and totals what the history
 * (each sale's last event) says is owed, to the centavo.
 */
function expectRefundsExactlyOnce(cores: CoreUnderTest[], lives: LifeResult[], sales: ReadonlyMap<string, { state: string }>): { killedBeforeRefundCommit: number; killedAfterRefundCommit: number } {
  const killedMidHandBack = (point: string): string[] =>
    lives.filter((life) => life.signal === 'SIGKILL' && life.crashAt === point).flatMap((life) => {
      const finished = new Set(life.events.filter((event) => event.ev === 'handed-back').map((event) => String(event.id)));
      return life.events.filter((event) => event.ev === 'handing-back' && !finished.has(String(event.id))).map((event) => String(event.id));
    });
  const killedBeforeCommit = killedMidHandBack('before-refund-commit');
  const killedAfterCommit = killedMidHandBack('after-refund-commit-before-answer');
  expect(killedBeforeCommit.length, 'hand-backs killed before their commit').toBeGreaterThan(0);
  expect(killedAfterCommit.length, 'hand-backs killed after their commit').toBeGreaterThan(0);
  for (const id of killedBeforeCommit) expect(sales.get(id)?.state, `killed before committing the hand-back of ${id}`).toBe('refund_due');
  for (const id of killedAfterCommit) expect(sales.get(id)?.state, `killed after committing the hand-back of ${id}`).toBe('refunded');
  for (const core of cores) {
    const refundEvents = core.db.prepare("SELECT sale_id, COUNT(*) AS n FROM sale_events WHERE to_state = 'refunded' GROUP BY sale_id").all() as Array<{ sale_id: string; n: number }>;
    expect(refundEvents.filter((row) => row.n !== 1 || sales.get(row.sale_id)?.state !== 'refunded')).toEqual([]);
    const lastEvents = core.db.prepare('SELECT e.sale_id, e.to_state, s.price_minor FROM sale_events e JOIN sales s ON s.id = e.sale_id WHERE e.seq = (SELECT MAX(seq) FROM sale_events WHERE sale_id = e.sale_id)').all() as Array<{ sale_id: string; to_state: string; price_minor: number }>;
    const owedByHistory = lastEvents.filter((row) => row.to_state === 'refund_due');
    const queue = core.module.ledger.queueStatus('MXN');
    expect({ refundDue: queue.refundDue, refundDueTotal: queue.refundDueTotal.minor }).toEqual({ refundDue: owedByHistory.length, refundDueTotal: owedByHistory.reduce((sum, row) => sum + row.price_minor, 0) });
  }
  return { killedBeforeRefundCommit: killedBeforeCommit.length, killedAfterRefundCommit: killedAfterCommit.length };
}

/**
 * Back office under kills (issue 13): a cash movement, a shift's count, its close and a Z are each all or nothing
 * with their journal entry; killed at their named point before the commit, none of them happened; a shift open when
 * a life was killed is the open shift of the next life; every sale is in an existing shift; the journal verifies.
 */
function expectBackOfficeAtomic(cores: CoreUnderTest[], laneList: ReadonlyArray<{ lives: LifeResult[] }>): Record<string, number> {
  const seen = { cashMoved: 0, shiftsClosed: 0, zClosed: 0, openOverKill: 0 };
  cores.forEach((core, index) => {
    const db = core.db;
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    const entries = db.prepare('SELECT kind, subject, detail FROM journal').all() as Array<{ kind: string; subject: string | null; detail: string }>;
    const movements = (db.prepare('SELECT id FROM cash_movements').all() as Array<{ id: string }>).map((row) => row.id).sort();
    const journaledMovements = entries.filter((entry) => entry.kind === 'cash.in' || entry.kind === 'cash.out').map((entry) => String((JSON.parse(entry.detail) as { movementId: string }).movementId)).sort();
    expect(journaledMovements).toEqual(movements);
    const counted = (db.prepare("SELECT id FROM shifts WHERE state <> 'open' AND legacy = 0").all() as Array<{ id: string }>).map((row) => row.id).sort();
    expect(entries.filter((entry) => entry.kind === 'shift.ended').map((entry) => entry.subject).sort()).toEqual(counted);
    const closed = (db.prepare("SELECT id FROM shifts WHERE state = 'closed' AND legacy = 0").all() as Array<{ id: string }>).map((row) => row.id).sort();
    expect(entries.filter((entry) => entry.kind === 'shift.closed').map((entry) => entry.subject).sort()).toEqual(closed);
    const zs = db.prepare('SELECT number, business_day, body FROM day_closes ORDER BY number').all() as Array<{ number: number; business_day: string; body: string }>;
    expect(zs.map((z) => z.number)).toEqual(zs.map((_, position) => position + 1));
    expect(entries.filter((entry) => entry.kind === 'day.closed').map((entry) => entry.subject)).toEqual(zs.map((z) => z.business_day));
    for (const z of zs) {
      const items = (db.prepare('SELECT COUNT(*) AS n FROM day_close_open_items WHERE z_number = ?').get(z.number) as { n: number }).n;
      expect(items).toBe((JSON.parse(z.body) as { openItems: { count: number } }).openItems.count);
    }
    expect((db.prepare('SELECT COUNT(*) AS n FROM sales WHERE shift_id NOT IN (SELECT id FROM shifts)').get() as { n: number }).n).toBe(0);
    expect((db.prepare("SELECT COUNT(*) AS n FROM shifts WHERE state = 'open'").get() as { n: number }).n).toBeLessThanOrEqual(1);

    const lives = laneList[index]?.lives ?? [];
    const count = (ev: string) => lives.reduce((sum, life) => sum + life.events.filter((event) => event.ev === ev).length, 0);
    const midStep = (started: string, finished: string, point: string | null) =>
      lives.filter((life) => life.signal === 'SIGKILL' && life.crashAt === point && life.events.some((event) => event.ev === started) && !life.events.some((event) => event.ev === finished)).length;
    // Killed at the named point before the commit: not there. Killed at random in between: either.
    expect(movements.length).toBeGreaterThanOrEqual(count('cash-moved'));
    expect(movements.length).toBeLessThanOrEqual(count('cash-moved') + midStep('cash-moving', 'cash-moved', null));
    expect(zs.length).toBeGreaterThanOrEqual(count('z-closed'));
    expect(zs.length).toBeLessThanOrEqual(count('z-closed') + midStep('z-closing', 'z-closed', null));
    expect(closed.length).toBeGreaterThanOrEqual(count('shift-closed'));
    expect(closed.length).toBeLessThanOrEqual(count('shift-closed') + midStep('shift-closing', 'shift-closed', null));
    // A shift open when its life was killed is still the open one when the next life starts.
    lives.forEach((life, position) => {
      const next = lives[position + 1];
      const lastAck = life.events.filter((event) => event.ev === 'ack').at(-1);
      const recovered = next?.events.find((event) => event.ev === 'recovered');
      if (!recovered || life.signal !== 'SIGKILL' || !lastAck || life.events.some((event) => event.ev === 'shift-ending')) return;
      expect(recovered.openShift, 'the open shift after a kill').toBe(lastAck.shiftId);
      seen.openOverKill += 1;
    });
    seen.cashMoved += movements.length;
    seen.shiftsClosed += closed.length;
    seen.zClosed += zs.length;
  });
  return seen;
}

beforeAll(async () => {
  sandboxes = [];
  for (const provider of PROVIDERS) {
    const sandbox = await startSandbox(provider, { asyncDelayMs: 20, rateWindowScale: 0.001 });
    // Some latency on every request widens the "in flight" windows the kills aim at.
    sandbox.control.setFaults([{ kind: 'latency', latencyMs: [2, 20] }]);
    sandboxes.push(sandbox);
  }
});

afterAll(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  for (const lane of lanes) rmSync(lane.dir, { recursive: true, force: true });
  rmSync(childBuildDir(), { recursive: true, force: true });
});

describe('crash and restart', () => {
  it(`survives ${RUNS} SIGKILLs at named points and random moments`, async () => {
    const { seed } = seededRandomForTest('crash');
    const child = await childCommand();
    const addresses: SandboxAddress[] = sandboxes.map((sandbox) => ({ provider: sandbox.provider, url: sandbox.url, credentials: sandbox.credentials }));
    for (let lane = 0; lane < LANES; lane += 1) lanes.push({ dir: tempDir(), lives: [] });

    const runLane = async (laneIndex: number, runs: number): Promise<void> => {
      const lane = lanes[laneIndex];
      if (!lane) return;
      // One generator per lane: lanes run side by side, so a shared one would be drawn in a timing-dependent order.
      const random = randomFromSeed(seed + laneIndex);
      for (let run = 0; run < runs; run += 1) {
        const slot = run % (CRASH_POINTS.length + 2);
        const crashAt = slot < CRASH_POINTS.length ? (CRASH_POINTS[slot] ?? null) : null;
        const crashAfter = random.int(1, 4);
        const owedBack = crashAt !== null && OWED_BACK_POINTS.includes(crashAt);
        // Issue 14: a life aimed at the bill-pay path pays one bill first (killed at its first visit); one random life in four pays one too.
        const billPoint = crashAt !== null && crashAt.startsWith('bill-');
        const bill = billPoint || random.int(4) === 0;
        const once = owedBack || billPoint || (crashAt !== null && BACK_OFFICE_POINTS.includes(crashAt));
        lane.lives.push(await runLife(child, { dataDir: lane.dir, sandboxes: addresses, crashAt, crashAfter: once ? 1 : crashAfter, failFirst: owedBack, bill, sales: 4, random }));
      }
    };
    const perLane = Math.ceil(RUNS / LANES);
    await Promise.all(lanes.map((_, index) => runLane(index, index === LANES - 1 ? RUNS - perLane * (LANES - 1) : perLane)));

    const lives = lanes.flatMap((lane) => lane.lives);
    if (process.env.SALDO_CRASH_DEBUG) for (const life of lives.slice(0, 12)) console.log(life.crashAt, life.ms, JSON.stringify(life.events.map((event) => [event.ev, event.t])));
    expect(lives).toHaveLength(RUNS);
    const crashed = lives.filter((life) => life.events.some((event) => event.ev === 'error'));
    expect(crashed.map((life) => life.events.find((event) => event.ev === 'error'))).toEqual([]);
    const killed = lives.filter((life) => life.signal === 'SIGKILL');
    // Every named point was actually hit at least once, and most lives ended in a kill.
    for (const point of CRASH_POINTS) {
      expect(killed.some((life) => life.crashAt === point), `killed at ${point}`).toBe(true);
    }
    expect(killed.length).toBeGreaterThan(RUNS * 0.6);
    // Every restart found an intact database and chain before selling.
    for (const life of lives) {
      for (const event of life.events.filter((item) => item.ev === 'recovered')) {
        expect(event.chain).toBe(true);
        expect(event.integrity).toEqual(['ok']);
      }
    }

    const settleStarted = Date.now();
    // Settle every lane in this process: recovery, then sync until nothing is waiting.
    for (const sandbox of sandboxes) sandbox.control.clearFaults();
    const cores: CoreUnderTest[] = [];
    try {
      for (const lane of lanes) {
        const core = startCore(adaptersFor(sandboxes, 500), { reconcileGraceMs: 400 }, lane.dir);
        cores.push(core);
        await core.module.recover();
      }
      const deadline = Date.now() + 20_000;
      let still = 0;
      for (let last = -1; ; ) {
        for (const sandbox of sandboxes) sandbox.control.settlePending();
        for (const core of cores) await core.module.sync.runOnce();
        const waiting = cores.reduce((sum, core) => sum + core.module.ledger.countInStates(['created', 'sending', 'queued', 'pending', 'unknown']), 0);
        const moving = cores.reduce((sum, core) => sum + core.module.ledger.countInStates(['created', 'sending', 'queued', 'pending']), 0);
        // Done when nothing waits, or only unknowns nobody can settle yet remain, unchanged for a few seconds.
        still = waiting === last && moving === 0 ? still + 1 : 0;
        last = waiting;
        if (waiting === 0 || still >= 25 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      const sales = new Map<string, { state: string; minor: number }>();
      const keyToSale = new Map<string, string>();
      for (const core of cores) {
        expect(integrityCheck(core.db)).toEqual(['ok']);
        expect(core.module.ledger.verify()).toMatchObject({ ok: true });
        // What the provider delivers: a bill's amount (USD, its fee is MobiSend's), a top-up priced in USD its face value, else the price.
        const deliveredMinor = "CASE WHEN kind = 'bill' THEN json_extract(bill_terms, '$.amount.minor') ELSE COALESCE(face_minor, price_minor) END";
        for (const row of core.db.prepare(`SELECT id, state, ${deliveredMinor} AS minor FROM sales`).all() as Array<{ id: string; state: string; minor: number }>) sales.set(row.id, { state: row.state, minor: row.minor });
        for (const row of core.db.prepare('SELECT sale_id, idempotency_key FROM attempts').all() as Array<{ sale_id: string; idempotency_key: string }>) keyToSale.set(row.idempotency_key, row.sale_id);
      }
      // Every sale ends terminal, owed back, or visibly awaiting reconciliation; none rests in failed (the cashier
      // charged before sending, so a failure is owed back in the same transaction, whatever was killed when).
      const states = [...sales.values()].map((sale) => sale.state);
      expect(states.filter((state) => !['succeeded', 'refund_due', 'refunded', 'unknown'].includes(state))).toEqual([]);
      const handedBack = expectOwedBackAndHandedBack(cores, lives, sales);
      const midHandBack = expectRefundsExactlyOnce(cores, lives, sales);
      const backOffice = expectBackOfficeAtomic(cores, lanes);

      // No acknowledged sale is missing; an acknowledged success is still a success.
      const acks = lives.flatMap((life) => life.events.filter((event) => event.ev === 'ack'));
      expect(acks.length).toBeGreaterThan(RUNS / 2);
      for (const ack of acks) {
        const sale = sales.get(String(ack.id));
        expect(sale, `acknowledged sale ${String(ack.id)}`).toBeDefined();
        if (ack.state === 'succeeded') expect(sale?.state).toBe('succeeded');
      }

      // Deliveries, one by one: none twice, none without a sale, exactly the succeeded sales, to the centavo.
      const records = new Map<ProviderId, SandboxRecords>(sandboxes.map((sandbox) => [sandbox.provider, sandbox.control.records()]));
      const { perSale, orphans } = deliveriesBySale(records, (key) => keyToSale.get(key) ?? null);
      expect(orphans).toEqual([]);
      const history = (saleId: string): unknown => {
        for (const core of cores) {
          if (!core.module.ledger.get(saleId)) continue;
          return { events: core.module.ledger.events(saleId).map((event) => `${event.fromState}->${event.toState} ${event.detail ?? ''}`), attempts: core.module.ledger.attempts(saleId) };
        }
        return null;
      };
      const wrong = [...perSale].filter(([saleId, delivered]) => delivered.count !== 1 || sales.get(saleId)?.state !== 'succeeded');
      expect(wrong.map(([saleId, delivered]) => ({ saleId, delivered, history: history(saleId), records: [...records.values()].flatMap((record) => record.requests.filter((request) => request.reference === saleId || (request.idempotencyKey && keyToSale.get(request.idempotencyKey) === saleId))) }))).toEqual([]);
      const succeeded = [...sales.entries()].filter(([, sale]) => sale.state === 'succeeded');
      for (const [saleId] of succeeded) expect(perSale.has(saleId), `succeeded sale ${saleId} delivered`).toBe(true);
      const ledgerTotal = succeeded.reduce((sum, [, sale]) => sum + sale.minor, 0);
      const sandboxTotal = [...perSale.values()].reduce((sum, entry) => sum + entry.minor, 0);
      expect(sandboxTotal).toBe(ledgerTotal);
      const stillUnknown = [...sales.entries()].filter(([, sale]) => sale.state === 'unknown').slice(0, 3).map(([saleId]) => history(saleId));
      if (stillUnknown.length > 0) console.log('awaiting reconciliation:', JSON.stringify(stillUnknown));
      console.log(JSON.stringify({ runs: RUNS, killed: killed.length, acks: acks.length, sales: sales.size, succeeded: succeeded.length, unknown: states.filter((state) => state === 'unknown').length, refundDue: states.filter((state) => state === 'refund_due').length, handedBack: handedBack.length, ...midHandBack, ...backOffice, settleMs: Date.now() - settleStarted, lifeMs: Object.fromEntries([...CRASH_POINTS, 'random'].map((point) => { const of = lives.filter((life) => (life.crashAt ?? 'random') === point); return [point, Math.round(of.reduce((sum, life) => sum + life.ms, 0) / Math.max(1, of.length))]; })) }));
    } finally {
      for (const core of cores) {
        await core.module.close();
        core.db.close();
      }
    }
  }, 600_000);
});
