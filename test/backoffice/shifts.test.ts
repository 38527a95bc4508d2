/**
 * The drawer's shift as a cashier and an owner live it, through the assembled core. Expected figures are worked
 * out by hand from what happened at the counter (float, sales charged, refunds handed back, cash in and out).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mxn, startRig, PINS, type CoreRig } from './core-rig';

const SUCCEEDS = '5500000000';
const FAILS = '5500000001';

let rig: CoreRig;
afterEach(async () => {
  await rig?.close();
});

type ShiftView = Record<string, unknown> & { id: string; expected: unknown; difference: unknown; state: string };

describe('a shift of the drawer', () => {
  it('opens with a float, counts every sale charged, refunds handed back and cash moved; blind to the cashier until the count', async () => {
    rig = await startRig();
    await rig.become('cashier');
    expect(await rig.must('shift.current')).toEqual({ shift: null, suggestedFloat: mxn(0) });
    const opened = await rig.must<ShiftView>('shift.open', { float: mxn(500) });
    expect(opened).toMatchObject({ state: 'open', float: mxn(500), autoOpened: false, expected: null, counted: null, stale: false });

    const delivered = await rig.sell(SUCCEEDS, 50);
    expect(delivered).toMatchObject({ state: 'succeeded', shiftId: opened.id });
    const failed = await rig.sell(FAILS, 30);
    expect(failed).toMatchObject({ state: 'refund_due', shiftId: opened.id });
    await rig.must('sales.refundAtCounter', { id: failed.id });
    await rig.must('shift.cash', { direction: 'in', amount: mxn(200), reason: 'cambio del banco' });
    await rig.must('shift.cash', { direction: 'out', amount: mxn(100), reason: 'retiro a caja fuerte' });

    // The cashier sees nothing that gives the expected cash away.
    const blind = await rig.must<{ shift: ShiftView }>('shift.current');
    expect(blind.shift).toMatchObject({ id: opened.id, cashSales: null, refundsPaid: null, cashIn: null, cashOut: null, expected: null, difference: null });

    // The owner does: 500 + (50 + 30) − 30 + 200 − 100 = 650.
    await rig.become('owner');
    const seen = await rig.must<{ shift: ShiftView }>('shift.current');
    expect(seen.shift).toMatchObject({ cashSales: mxn(80), refundsPaid: mxn(30), cashIn: mxn(200), cashOut: mxn(100), expected: mxn(650), saleCount: 2 });

    await rig.become('cashier');
    const ended = await rig.must<ShiftView>('shift.end', { count: { amount: mxn(640) } });
    expect(ended).toMatchObject({ state: 'ended', counted: mxn(640), expected: mxn(650), difference: mxn(-10), beyondTolerance: false });

    await rig.become('owner');
    const closed = await rig.must<ShiftView>('shift.close', { id: opened.id });
    expect(closed).toMatchObject({ state: 'closed', difference: mxn(-10), closedBy: expect.any(String) });
    // The next float defaults to what was left in the drawer.
    expect(await rig.must('shift.current')).toMatchObject({ shift: null, suggestedFloat: mxn(640) });
    const kinds = rig.core.journal.entries().map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['shift.opened', 'cash.in', 'cash.out', 'shift.ended', 'shift.closed']));
  });

  it("a difference beyond the owner's tolerance needs the owner's PIN and a note; a count by denomination adds up", async () => {
    rig = await startRig();
    await rig.become('cashier');
    const opened = await rig.must<ShiftView>('shift.open', { float: mxn(0) });
    await rig.sell(SUCCEEDS, 100);
    await rig.sell(SUCCEEDS, 50);
    // 1 × 20 + 3 × 10 = 50 counted, 150 expected: 100 short (tolerance 50).
    const ended = await rig.must<ShiftView>('shift.end', { count: { currency: 'MXN', denominations: [{ unitMinor: 2000, count: 1 }, { unitMinor: 1000, count: 3 }] } });
    expect(ended).toMatchObject({ counted: mxn(50), expected: mxn(150), difference: mxn(-100), beyondTolerance: true });

    await rig.become('owner');
    expect(await rig.call('shift.close', { id: opened.id })).toMatchObject({ ok: false, error: { code: 'difference_needs_owner' } });
    expect(await rig.call('shift.close', { id: opened.id, ownerPin: PINS.owner })).toMatchObject({ ok: false, error: { code: 'difference_needs_owner' } });
    expect(await rig.call('shift.close', { id: opened.id, note: 'faltante' })).toMatchObject({ ok: false, error: { code: 'difference_needs_owner' } });
    expect(await rig.call('shift.close', { id: opened.id, note: 'faltante', ownerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rig.must('shift.get', { id: opened.id })).toMatchObject({ shift: { state: 'ended' } });

    // A cashier with the owner's PIN typed on the spot, and a note.
    await rig.become('cashier');
    expect(await rig.call('shift.close', { id: opened.id, note: 'faltante' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const closed = await rig.must<ShiftView>('shift.close', { id: opened.id, note: 'faltante de cambio', ownerPin: PINS.owner });
    expect(closed).toMatchObject({ state: 'closed', note: 'faltante de cambio' });
    await rig.become('owner');
    expect(await rig.call('shift.close', { id: opened.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('opens by itself at the first sale (zero float) by default; with autoOpen off a sale needs an open shift and writes nothing', async () => {
    rig = await startRig();
    await rig.become('cashier');
    const sale = await rig.sell(SUCCEEDS, 20);
    const current = await rig.must<{ shift: ShiftView }>('shift.current');
    expect(current.shift).toMatchObject({ id: sale.shiftId, autoOpened: true, float: mxn(0), state: 'open' });
    await rig.must('shift.end', { count: { amount: mxn(20) } });

    rig.core.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('shiftPolicy', ?, '2026-01-01T00:00:00Z')").run(JSON.stringify({ autoOpen: false, differenceTolerance: mxn(50) }));
    const salesBefore = rig.core.db.prepare('SELECT COUNT(*) AS n FROM sales').get();
    expect(await rig.call('sales.sell', { requestId: crypto.randomUUID(), phone: SUCCEEDS, country: 'MX', carrier: 'Telcel', amount: mxn(20), repeatConfirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'no_open_shift' },
    });
    expect(rig.core.db.prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual(salesBefore);
    expect(await rig.call('shift.cash', { direction: 'out', amount: mxn(5), reason: 'pago' })).toMatchObject({ ok: false, error: { code: 'no_open_shift' } });
  });

  it('one shift open at a time; bad input changes nothing', async () => {
    rig = await startRig();
    await rig.become('cashier');
    await rig.must('shift.open', { float: mxn(100) });
    expect(await rig.call('shift.open', { float: mxn(100) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const before = rig.core.db.prepare('SELECT COUNT(*) AS n FROM cash_movements').get();
    expect(await rig.call('shift.cash', { direction: 'in', amount: { minor: 100, currency: 'USD' }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await rig.call('shift.cash', { direction: 'in', amount: mxn(-5), reason: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await rig.call('shift.cash', { direction: 'in', amount: mxn(5), reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rig.core.db.prepare('SELECT COUNT(*) AS n FROM cash_movements').get()).toEqual(before);
  });

  it('a counter refund only in the shift that sold it; a later payout comes out of the drawer open then', async () => {
    rig = await startRig();
    await rig.become('cashier');
    const first = await rig.must<ShiftView>('shift.open', { float: mxn(0) });
    const failed = await rig.sell(FAILS, 40);
    await rig.must('shift.end', { count: { amount: mxn(40) } });
    const second = await rig.must<ShiftView>('shift.open', { float: mxn(40) });
    expect(await rig.call('sales.refundAtCounter', { id: failed.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await rig.become('owner');
    await rig.must('sales.markRefunded', { id: failed.id });
    const view = await rig.must<{ shift: ShiftView }>('shift.get', { id: second.id });
    expect(view.shift).toMatchObject({ refundsPaid: mxn(40), expected: mxn(0) });
    const firstView = await rig.must<{ shift: ShiftView }>('shift.get', { id: first.id });
    expect(firstView.shift).toMatchObject({ cashSales: mxn(40), refundsPaid: mxn(0), expected: mxn(40), difference: mxn(0) });
  });

  it('warns after 24 h open, and a shift open over a restart is still open with its figures', async () => {
    rig = await startRig();
    await rig.become('cashier');
    const opened = await rig.must<ShiftView>('shift.open', { float: mxn(300) });
    await rig.sell(SUCCEEDS, 50);
    await rig.must('shift.cash', { direction: 'out', amount: mxn(20), reason: 'pago de garrafón' });
    await rig.restart();
    await rig.become('owner');
    const after = await rig.must<{ shift: ShiftView }>('shift.current');
    expect(after.shift).toMatchObject({ id: opened.id, state: 'open', expected: mxn(330), stale: false });
    rig.advance(24 * 3_600_000 + 60_000);
    expect((await rig.must<{ shift: ShiftView }>('shift.current')).shift).toMatchObject({ stale: true });
  });
});
