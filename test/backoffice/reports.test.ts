/**
 * Reports and the Z over a ledger whose sales the test places by hand (Mexico City, day from midnight). Every
 * expected figure is worked out here from the list of sales, not from the report code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, Z } from '../../shared/contract/backoffice';
import { ledgerRig, OWNER, type LedgerRig } from './ledger-rig';

const mxn = (minor: number) => ({ minor, currency: 'MXN' });
const fig = (count: number, minor: number) => ({ count, amount: mxn(minor) });

let rig: LedgerRig;
let queuedId = '';
beforeEach(() => {
  rig = ledgerRig();
  // 2026-03-10 in Mexico City (UTC−6): 06:00Z is midnight there.
  rig.add({ at: '2026-03-10T15:05:00Z', price: 50, state: 'succeeded', cost: { minor: 294, currency: 'USD' }, rate: '17.0068' }); // cost 49.999992 → 50.00
  rig.add({ at: '2026-03-10T15:40:00Z', price: 100, state: 'succeeded', cost: { minor: 9500, currency: 'MXN' }, cashier: 'u-beto', provider: 'mobisend' });
  rig.add({ at: '2026-03-10T16:10:00Z', price: 30, state: 'succeeded', carrier: 'AT&T' }); // cost unknown
  rig.add({ at: '2026-03-10T16:20:00Z', price: 20, state: 'refund_due' });
  rig.add({ at: '2026-03-10T16:30:00Z', price: 10, state: 'refunded', cashier: 'u-beto' });
  queuedId = rig.add({ at: '2026-03-11T05:30:00Z', price: 200, state: 'queued' }); // 23:30 local: still the 10th
  rig.add({ at: '2026-03-11T06:00:00Z', price: 500, state: 'succeeded' }); // midnight local: the 11th
  rig.add({ at: '2026-03-10T05:59:59Z', price: 70, state: 'succeeded' }); // 23:59:59 on the 9th
  rig.setNow('2026-03-11T07:00:00Z');
});
afterEach(() => rig.close());

const report = (input: Record<string, unknown>) => rig.backoffice.handlers['report.get'](input as never, { host: 'test' }) as Report;
const closeDay = (date: string) => rig.backoffice.handlers['z.close']({ date }, { host: 'test' }) as Z;

describe('a day report', () => {
  it('counts and amounts for every ledger state (zeros included), cost as charged and converted, margin where the cost is known', () => {
    const day = report({ from: '2026-03-10' });
    expect(day.from).toBe('2026-03-10');
    expect(day.to).toBe('2026-03-10');
    expect(day.totals).toEqual({
      created: fig(0, 0),
      queued: fig(1, 20000),
      sending: fig(0, 0),
      pending: fig(0, 0),
      unknown: fig(0, 0),
      succeeded: fig(3, 18000),
      failed: fig(0, 0),
      refund_due: fig(1, 2000),
      refunded: fig(1, 1000),
      all: fig(6, 41000),
      cost: mxn(5000 + 9500),
      costCharged: expect.arrayContaining([{ minor: 294, currency: 'USD' }, { minor: 9500, currency: 'MXN' }]),
      costKnownCount: 2,
      margin: mxn(0 + 500),
    });
    expect(day.totals.costCharged).toHaveLength(2);
    expect(day.refunds).toEqual({ owed: fig(1, 2000), paid: fig(1, 1000), paidAtCounter: fig(0, 0) });
  });

  it.each(['cashier', 'carrier', 'provider', 'state', 'hour', 'day', 'shift'])('grouped by %s, the groups add up to the totals to the centavo', (by) => {
    const day = report({ from: '2026-03-09', to: '2026-03-11', by });
    expect(day.totals.all).toEqual(fig(8, 98000));
    const sum = (pick: (group: Report['groups'][number]) => number) => day.groups.reduce((total, group) => total + pick(group), 0);
    expect(sum((group) => group.all.count)).toBe(8);
    expect(sum((group) => group.all.amount.minor)).toBe(98000);
    expect(sum((group) => group.succeeded.amount.minor)).toBe(day.totals.succeeded.amount.minor);
    expect(sum((group) => group.cost.minor)).toBe(day.totals.cost.minor);
    expect(sum((group) => group.margin.minor)).toBe(day.totals.margin.minor);
  });

  it('names hours and days on the shop clock', () => {
    const byHour = report({ from: '2026-03-10', by: 'hour' });
    expect(byHour.groups.map((group) => [group.key, group.all.count])).toEqual([
      ['2026-03-10 09:00', 2],
      ['2026-03-10 10:00', 3],
      ['2026-03-10 23:00', 1],
    ]);
    const byDay = report({ from: '2026-03-09', to: '2026-03-11', by: 'day' });
    expect(byDay.groups.map((group) => [group.key, group.all.amount.minor])).toEqual([
      ['2026-03-09', 7000],
      ['2026-03-10', 41000],
      ['2026-03-11', 50000],
    ]);
    const byCashier = report({ from: '2026-03-10', by: 'cashier' });
    expect(byCashier.groups.map((group) => [group.key, group.all.count, group.all.amount.minor])).toEqual([
      ['u-ana', 4, 30000],
      ['u-beto', 2, 11000],
    ]);
  });

  it('refuses a range that ends before it starts, or a date that does not exist', () => {
    expect(() => report({ from: '2026-03-11', to: '2026-03-10' })).toThrow(/before it starts/);
    expect(() => report({ from: '2026-02-30' })).toThrow(/no such date/);
  });
});

describe('the Z', () => {
  it('is numbered without gaps, freezes the day, lists open items, and carries them into the report of the day they settle', () => {
    const first = closeDay('2026-03-10');
    expect(first).toMatchObject({
      number: 'Z-0001',
      businessDay: '2026-03-10',
      closedBy: OWNER.id,
      openItems: { count: 1, amount: mxn(20000), sales: [{ saleId: queuedId, state: 'queued' }] },
      grandTotal: mxn(7000 + 18000 + 50000),
      completeness: { sequenceComplete: true, openCount: 1 },
      firstSeq: 1,
    });
    expect(first.totals).toEqual(report({ from: '2026-03-10' }).totals);
    expect(first.totals.failed).toEqual(fig(0, 0));
    const head = rig.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM sale_events ORDER BY seq DESC LIMIT 1').get();
    expect(first).toMatchObject({ lastSeq: head?.seq, chainHead: head?.hash });

    expect(() => closeDay('2026-03-10')).toThrow(/already closed as Z-0001/);
    expect(() => closeDay('2026-03-09')).toThrow(/later day/);

    // The queued sale delivers on the 12th: the Z of the 10th does not move; the 12th's report carries it.
    rig.setNow('2026-03-12T16:00:00Z');
    rig.move(queuedId, 'succeeded');
    const second = closeDay('2026-03-11');
    expect(second).toMatchObject({ number: 'Z-0002', firstSeq: (head?.seq ?? 0) + 1, grandTotal: mxn(7000 + 18000 + 50000 + 20000), openItems: { count: 0 } });
    expect(rig.backoffice.handlers['z.get']({ number: 'Z-0001' }, { host: 'test' })).toEqual(first);
    const twelfth = report({ from: '2026-03-12' });
    expect(twelfth.carried).toEqual([
      { saleId: queuedId, zNumber: 'Z-0001', stateAtClose: 'queued', state: 'succeeded', amount: mxn(20000), settledAt: '2026-03-12T16:00:00.000Z' },
    ]);
    expect(() => rig.db.prepare("UPDATE day_closes SET body = '{}' WHERE number = 1").run()).toThrow(/never edited/);
    expect(rig.backoffice.dayCloser.list().map((z) => z.number)).toEqual(['Z-0002', 'Z-0001']);
  });

  it('refuses while a shift of the day is open or a sale of the day is still being sent', () => {
    rig.setNow('2026-03-10T20:00:00Z');
    rig.backoffice.shifts.open(OWNER, mxn(0));
    rig.setNow('2026-03-11T07:00:00Z');
    expect(() => closeDay('2026-03-10')).toThrow(/shift of 2026-03-10 is still open/);
    rig.backoffice.shifts.end(OWNER, { amount: mxn(0) });
    const sending = rig.add({ at: '2026-03-10T20:30:00Z', price: 40, state: 'sending' });
    expect(() => closeDay('2026-03-10')).toThrow(/still being sent/);
    rig.move(sending, 'unknown');
    expect(closeDay('2026-03-10')).toMatchObject({ number: 'Z-0001', openItems: { count: 2 } });
    expect(rig.db.prepare('SELECT COUNT(*) AS n FROM journal WHERE kind = ?').get('day.closed')).toEqual({ n: 1 });
  });
});
