/**
 * Property: whatever happens at the counter — sales that deliver, fail, time out or queue offline, shifts opened,
 * cash moved, drawers counted and closed, refunds handed back or paid out, restarts, syncs, day closes — after
 * every step:
 *  - a report's totals equal the sums over the ledger's own sales, worked out here from the rows (each state's
 *    count and amount, cost converted by shared/money.ts, margin), and every read path (hourly summary, covering
 *    index, full scan) gives the same figures;
 *  - the states add up to the whole;
 *  - every sale and every cash movement belongs to exactly one existing shift, and at most one shift is open;
 *  - a Z's totals never change after it is closed.
 * fast-check; the seed is printed and SALDO_SEED replays it. SALDO_BACKOFFICE_RUNS sets the number of sequences
 * (default 4, of up to 30 steps each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { businessDayOf, DEFAULT_BUSINESS_DAY_RULE } from '../../shared/business-day';
import { SALE_STATES } from '../../shared/contract/sales';
import type { Z } from '../../shared/contract/backoffice';
import { AppError } from '../../shared/errors';
import { convertByMultiplying } from '../../shared/money';
import { createBackofficeModule, type BackofficeModule } from '../../electron/core/backoffice';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createEventBus } from '../../electron/core/ipc/event-bus';
import { createJournal } from '../../electron/core/journal/journal';
import { silentLogger } from '../../electron/core/kernel/logger';
import { createSession } from '../../electron/core/auth/session';
import { createSalesModule, type SalesModule } from '../../electron/core/sales-module';
import { chooseSeed } from '../sales/seeded-random';
import { CASHIER, err, FakeAdapter, refused, success, timeout } from '../sales/fakes';
import { OWNER } from './ledger-rig';

const RUNS = Number(process.env.SALDO_BACKOFFICE_RUNS ?? '4');
const SEED = chooseSeed();
console.log(`test/backoffice/property: seed ${SEED} (replay with SALDO_SEED=${SEED}); ${RUNS} sequences`);

type Fault = 'none' | 'rejected' | 'timeout' | 'offline';
type Step =
  | { kind: 'sell'; pesos: number; fault: Fault }
  | { kind: 'advance'; minutes: number }
  | { kind: 'open'; pesos: number }
  | { kind: 'cash'; direction: 'in' | 'out'; pesos: number }
  | { kind: 'end'; offBy: number }
  | { kind: 'close' }
  | { kind: 'refundAtCounter' }
  | { kind: 'payOut' }
  | { kind: 'sync'; fault: Fault }
  | { kind: 'restart' }
  | { kind: 'closeDay'; daysAgo: number };

const fault = fc.constantFrom<Fault>('none', 'none', 'none', 'rejected', 'timeout', 'offline');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('sell' as const), pesos: fc.constantFrom(10, 20, 50, 100, 150), fault }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.constantFrom(5, 45, 300, 1440) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const), pesos: fc.constantFrom(0, 500) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cash' as const), direction: fc.constantFrom<'in' | 'out'>('in', 'out'), pesos: fc.constantFrom(20, 100) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('end' as const), offBy: fc.constantFrom(0, 0, -1000, 25000) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'close' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'refundAtCounter' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'payOut' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), fault }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('closeDay' as const), daysAgo: fc.constantFrom(0, 1) }) },
);

const dirs: string[] = [];
/** How many steps of each kind went through (the rest were refused as the counter would be): printed at the end. */
const applied = new Map<string, number>();
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`test/backoffice/property: steps applied ${JSON.stringify(Object.fromEntries(applied))}`);
});

class World {
  now = Date.parse('2026-04-01T15:00:00Z');
  readonly adapter = new FakeAdapter('relier');
  fault: Fault = 'none';
  db!: Database;
  sales!: SalesModule;
  backoffice!: BackofficeModule;
  readonly sealed = new Map<string, Z>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'saldo-bo-prop-'));
  private phone = 0;

  constructor() {
    dirs.push(this.dir);
    this.adapter.script = () => ({ none: success(), rejected: err({ code: 'number_rejected' }), timeout: timeout(), offline: refused() })[this.fault];
    this.adapter.healthy = true;
  }

  async start(): Promise<void> {
    this.db = openDatabase({ file: join(this.dir, 'saldo.sqlite') });
    const clock = { now: () => this.now };
    this.backoffice = createBackofficeModule({
      db: this.db,
      journal: createJournal(this.db, () => new Date(this.now)),
      clock,
      viewer: () => OWNER,
      currency: () => 'MXN',
      businessDay: () => DEFAULT_BUSINESS_DAY_RULE,
      mode: 'demo',
      verifyOwnerPin: () => Promise.resolve({ ownerId: OWNER.id }),
    });
    const session = createSession();
    session.signIn(CASHIER);
    this.sales = createSalesModule({
      db: this.db,
      adapters: [this.adapter],
      events: createEventBus({ logger: silentLogger, validatePayloads: false }),
      session,
      logger: silentLogger,
      clock,
      online: { waitMs: 0, pollMs: 1 },
      offlineRecheckMs: 0,
      reconcileGraceMs: 0,
      shifts: this.backoffice.shiftsForSales,
    });
    await this.sales.recover();
  }

  async stop(): Promise<void> {
    await this.sales.close();
    this.db.close();
  }

  private owedBack(): string | undefined {
    return this.db.prepare<[], { id: string }>("SELECT id FROM sales WHERE state = 'refund_due' ORDER BY created_ms DESC LIMIT 1").get()?.id;
  }

  async apply(next: Step): Promise<void> {
    const { shifts } = this.backoffice;
    switch (next.kind) {
      case 'sell':
        this.fault = next.fault;
        this.phone += 1;
        await this.sales.service.sell({ requestId: randomUUID(), phone: `5530${String(this.phone).padStart(6, '0')}`, country: 'MX', carrier: 'Telcel', amount: { minor: next.pesos * 100, currency: 'MXN' } });
        return;
      case 'advance':
        this.now += next.minutes * 60_000;
        return;
      case 'open':
        shifts.open(OWNER, { minor: next.pesos * 100, currency: 'MXN' });
        return;
      case 'cash':
        shifts.cash(CASHIER, next.direction, { minor: next.pesos * 100, currency: 'MXN' }, 'prueba');
        return;
      case 'end': {
        const open = shifts.row(shifts.currentId() ?? '');
        const expected = open ? shifts.figures(open.id, open.float_minor).expected : 0;
        shifts.end(CASHIER, { amount: { minor: Math.max(0, expected + next.offBy), currency: 'MXN' } });
        return;
      }
      case 'close': {
        const ended = shifts.list(OWNER, { state: 'ended' })[0];
        if (ended) shifts.close(OWNER, ended.id, 'revisado', true, OWNER.id);
        return;
      }
      case 'refundAtCounter': {
        const id = this.owedBack();
        if (id) this.sales.service.refundAtCounter(id);
        return;
      }
      case 'payOut': {
        const id = this.owedBack();
        if (id) this.sales.service.markRefunded(id, OWNER.id);
        return;
      }
      case 'sync':
        this.fault = next.fault;
        await this.sales.sync.runOnce();
        return;
      case 'restart':
        await this.stop();
        await this.start();
        return;
      case 'closeDay': {
        const date = businessDayOf(this.now - next.daysAgo * 86_400_000).date;
        const z = this.backoffice.dayCloser.close(OWNER, date);
        this.sealed.set(z.number, structuredClone(z));
        return;
      }
    }
  }

  /** The invariants, each computed from the rows here, never from the report code. */
  check(): void {
    const { db, backoffice } = this;
    const sales = db
      .prepare<[], { created_ms: number; state: string; price_minor: number; cost_minor: number | null; cost_currency: string | null; exchange_rate: string | null; shift_id: string }>(
        'SELECT created_ms, state, price_minor, cost_minor, cost_currency, exchange_rate, shift_id FROM sales',
      )
      .all();
    const shiftIds = new Set(db.prepare<[], { id: string }>('SELECT id FROM shifts').all().map((row) => row.id));
    for (const sale of sales) expect(shiftIds.has(sale.shift_id), `sale in unknown shift ${sale.shift_id}`).toBe(true);
    for (const movement of db.prepare<[], { shift_id: string }>('SELECT shift_id FROM cash_movements').all()) expect(shiftIds.has(movement.shift_id)).toBe(true);
    expect((db.prepare("SELECT COUNT(*) AS n FROM shifts WHERE state = 'open'").get() as { n: number }).n).toBeLessThanOrEqual(1);

    for (const daysAgo of [0, 1]) {
      const period = backoffice.reports.period({ from: businessDayOf(this.now - daysAgo * 86_400_000).date });
      const inPeriod = sales.filter((sale) => sale.created_ms >= period.fromMs && sale.created_ms < period.toMs);
      const fromSummary = backoffice.reports.figures(period, 'hour', 'summary');
      for (const state of SALE_STATES) {
        const mine = inPeriod.filter((sale) => sale.state === state);
        expect(fromSummary.totals[state], state).toEqual({ count: mine.length, amount: { minor: mine.reduce((sum, sale) => sum + sale.price_minor, 0), currency: 'MXN' } });
      }
      expect(SALE_STATES.reduce((sum, state) => sum + fromSummary.totals[state].count, 0)).toBe(fromSummary.totals.all.count);
      expect(fromSummary.totals.all.count).toBe(inPeriod.length);
      const costed = inPeriod.filter((sale) => sale.state === 'succeeded' && sale.cost_minor !== null && sale.cost_currency);
      const cost = costed.reduce((sum, sale) => {
        const charged = { minor: sale.cost_minor ?? 0, currency: sale.cost_currency ?? 'MXN' };
        return sum + (charged.currency === 'MXN' ? charged.minor : convertByMultiplying(charged, sale.exchange_rate ?? '0', 'MXN', 'half-up').minor);
      }, 0);
      expect(fromSummary.totals.cost.minor).toBe(cost);
      expect(fromSummary.totals.margin.minor).toBe(costed.reduce((sum, sale) => sum + sale.price_minor, 0) - cost);
      const groupsAll = fromSummary.groups.reduce((sum, group) => sum + group.all.amount.minor, 0);
      expect(groupsAll).toBe(fromSummary.totals.all.amount.minor);
      for (const path of ['indexed', 'naive'] as const) expect(backoffice.reports.figures(period, 'hour', path)).toEqual(fromSummary);
    }
    for (const [number, sealed] of this.sealed) expect(backoffice.dayCloser.get(number)).toEqual(sealed);
  }
}

/** Refusals the counter and the owner meet in normal life; anything else fails the property. */
const EXPECTED_REFUSALS = new Set(['conflict', 'no_open_shift', 'forbidden', 'offline_not_allowed', 'invalid_input']);

describe('back office property', () => {
  it('reports equal the ledger, every sale is in one shift, a Z never changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const world = new World();
        await world.start();
        try {
          for (const next of steps) {
            try {
              await world.apply(next);
              applied.set(next.kind, (applied.get(next.kind) ?? 0) + 1);
            } catch (error) {
              if (!(error instanceof AppError) || !EXPECTED_REFUSALS.has(error.code)) throw error;
            }
            world.check();
          }
        } finally {
          await world.stop();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
