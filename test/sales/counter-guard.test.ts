/**
 * The counter's guards through the sales module, as a cashier meets them (issue 15): a re-sell while the first
 * sale is unresolved is refused and writes nothing, an owner's PIN lets it through and is recorded, the same
 * number and amount asks first; a failed sale is owed back whichever provider failed; the cashier hands the cash
 * back at the counter within 30 minutes of the failure in their own shift, otherwise an owner pays it out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ResellCheckSchema, salesChannels } from '../../shared/contract/sales';
import { writeSetting } from '../../electron/core/settings/store';
import { COUNTER_REFUND_MINUTES } from '../../electron/core/sales/refunds';
import { OFFLINE_POLICY_KEY } from '../../electron/core/sales/policy';
import { FakeAdapter, err, harness, ok, OWNER_ID, OWNER_PIN, refused, sellInput, timeout, type Harness } from './fakes';

const open: Harness[] = [];
function make(...args: Parameters<typeof harness>): Harness {
  const h = harness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

const test = { host: 'test' as const };
const rejectedNumber = (): ReturnType<typeof err> => err({ code: 'number_rejected', message: 'NO SE PUEDE ABONAR A ESTE NUMERO' });

describe('re-selling to a number', () => {
  it('an unresolved sale blocks a new one to the number, which writes nothing; checkResell says so first', async () => {
    const relier = new FakeAdapter('relier', () => timeout());
    const h = make([relier]);
    const first = await h.module.service.sell(sellInput({ phone: '5511112222' }));
    expect(first.state).toBe('unknown');

    const check = await h.module.handlers['sales.checkResell']({ phone: '5511112222', country: 'MX', amount: { minor: 10000, currency: 'MXN' } }, test);
    expect(check).toMatchObject({ unresolved: { id: first.id, state: 'unknown' }, sameRecently: null, windowMinutes: 10 });
    expect(ResellCheckSchema.parse(check)).toEqual(check);

    const again = sellInput({ phone: '5511112222', amount: { minor: 10000, currency: 'MXN' } });
    const refusal = await h.module.service.sell(again).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'resell_blocked' });
    expect(String((refusal as Error).message)).toMatch(/unknown/);
    expect(h.module.ledger.byRequestId(again.requestId)).toBeNull();
    expect(h.module.ledger.list()).toHaveLength(1);
    expect(relier.topups).toHaveLength(1);
    // Another number sells as usual.
    expect((await h.module.service.sell(sellInput({ phone: '5533334444' }))).state).toBe('unknown');
  });

  it("an owner's PIN lets the re-sell through and the new sale's history says who overrode; a wrong PIN does not", async () => {
    let call = 0;
    const h = make([new FakeAdapter('relier', () => (++call === 1 ? timeout() : ok({ state: 'succeeded', providerTransactionId: 'RLR2' })))]);
    const first = await h.module.service.sell(sellInput({ phone: '5511112222' }));
    const wrong = sellInput({ phone: '5511112222', ownerPin: '0000' });
    await expect(h.module.service.sell(wrong)).rejects.toMatchObject({ code: 'forbidden' });
    expect(h.module.ledger.byRequestId(wrong.requestId)).toBeNull();

    const overridden = await h.module.service.sell(sellInput({ phone: '5511112222', ownerPin: OWNER_PIN }));
    expect(overridden.state).toBe('succeeded');
    const created = h.module.ledger.events(overridden.id)[0];
    expect(created?.toState).toBe('created');
    expect(JSON.parse(created?.detail ?? '{}')).toMatchObject({ ownerOverride: { ownerId: OWNER_ID, requestedBy: 'u-cashier', earlierSaleId: first.id, earlierState: 'unknown' } });
    expect(created?.at).toBeTruthy();
  });

  it('the same number and amount within the window asks first; confirmed, it sells; another amount does not ask', async () => {
    const h = make([new FakeAdapter('relier')]);
    const first = await h.module.service.sell(sellInput({ phone: '5511112222' }));
    expect(first.state).toBe('succeeded');
    const check = await h.module.handlers['sales.checkResell']({ phone: '5511112222', country: 'MX', amount: { minor: 5000, currency: 'MXN' } }, test);
    expect(check).toMatchObject({ unresolved: null, sameRecently: { id: first.id, state: 'succeeded' } });

    const repeat = sellInput({ phone: '5511112222' });
    await expect(h.module.service.sell(repeat)).rejects.toMatchObject({ code: 'repeat_unconfirmed' });
    expect(h.module.ledger.byRequestId(repeat.requestId)).toBeNull();
    const confirmed = await h.module.service.sell({ ...repeat, repeatConfirmed: true });
    expect(confirmed.state).toBe('succeeded');
    expect(JSON.parse(h.module.ledger.events(confirmed.id)[0]?.detail ?? '{}')).toMatchObject({ repeatOf: first.id });
    expect((await h.module.service.sell(sellInput({ phone: '5511112222', amount: { minor: 10000, currency: 'MXN' } }))).state).toBe('succeeded');
  });

  it('a queued sale blocks too, and the cashier reads that refusal first, before the line or the offline policy', async () => {
    const h = make([new FakeAdapter('relier', () => refused())]);
    const first = await h.module.service.sell(sellInput({ phone: '5511112222' }));
    expect(first.state).toBe('queued');
    writeSetting(h.db, OFFLINE_POLICY_KEY, { enabled: false });
    await expect(h.module.service.sell(sellInput({ phone: '5511112222' }))).rejects.toMatchObject({ code: 'resell_blocked' });
    await expect(h.module.service.sell(sellInput({ phone: '5533334444' }))).rejects.toMatchObject({ code: 'offline_not_allowed' });
  });

  it('the window is the setting resellWindowMinutes (0–120): 0 never asks', async () => {
    const h = make([new FakeAdapter('relier')]);
    writeSetting(h.db, 'resellWindowMinutes', 0);
    await h.module.service.sell(sellInput({ phone: '5511112222' }));
    expect((await h.module.service.sell(sellInput({ phone: '5511112222' }))).state).toBe('succeeded');
    expect((await h.module.handlers['sales.checkResell']({ phone: '5511112222', country: 'MX' }, test)).windowMinutes).toBe(0);
    // Out of range (0–120) is not taken: the default 10 applies.
    writeSetting(h.db, 'resellWindowMinutes', 500);
    expect((await h.module.handlers['sales.checkResell']({ phone: '5511112222', country: 'MX' }, test)).windowMinutes).toBe(10);
  });

  it('recent numbers carry their last sale and its state', async () => {
    const h = make([new FakeAdapter('relier', (request) => (request.phone === '5599990000' ? timeout() : ok({ state: 'succeeded', providerTransactionId: 'X' })))]);
    await h.module.service.sell(sellInput({ phone: '5511112222' }));
    const last = await h.module.service.sell(sellInput({ phone: '5511112222', amount: { minor: 2000, currency: 'MXN' } }));
    const stuck = await h.module.service.sell(sellInput({ phone: '5599990000' }));
    const recent = await h.module.handlers['sales.recentNumbers']({}, test);
    expect(salesChannels['sales.recentNumbers'].output.parse(recent)).toEqual(recent);
    const { numbers } = recent;
    expect(numbers.map((entry) => [entry.phone, entry.lastSaleId, entry.lastState])).toEqual([
      ['5599990000', stuck.id, 'unknown'],
      ['5511112222', last.id, 'succeeded'],
    ]);
  });
});

describe('whose cash after a failure', () => {
  it.each(['relier', 'mobisend', 'liquido'] as const)('a %s rejection at the counter is owed back in the same transaction', async (provider) => {
    const h = make([new FakeAdapter(provider, () => rejectedNumber())]);
    const sale = await h.module.service.sell(sellInput({ provider }));
    expect(sale).toMatchObject({ state: 'refund_due', provider, failureCode: 'number_rejected' });
    expect(h.module.ledger.events(sale.id).map((event) => event.toState)).toEqual(['created', 'sending', 'failed', 'refund_due']);
    expect(await h.module.handlers['queue.status']({}, test)).toMatchObject({ refundDue: 1, refundDueTotal: { minor: 5000, currency: 'MXN' } });
  });

  it('the cashier who sold it hands the cash back at the counter: refunded, recorded with cashier and shift', async () => {
    const h = make([new FakeAdapter('relier', () => rejectedNumber())]);
    const sale = await h.module.service.sell(sellInput());
    const refunded = await h.module.handlers['sales.refundAtCounter']({ id: sale.id }, test);
    expect(refunded.state).toBe('refunded');
    const last = h.module.ledger.events(sale.id).at(-1);
    expect(last).toMatchObject({ fromState: 'refund_due', toState: 'refunded' });
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ handedBackAtCounter: true, refundedBy: 'u-cashier', shiftId: sale.shiftId });
    expect(await h.module.handlers['queue.status']({}, test)).toMatchObject({ refundDue: 0 });
    // Twice is a conflict, not a second payout.
    await expect(Promise.resolve().then(() => h.module.handlers['sales.refundAtCounter']({ id: sale.id }, test))).rejects.toMatchObject({ code: 'conflict' });
  });

  it(`not another cashier, not after ${COUNTER_REFUND_MINUTES} minutes, not from another shift: an owner pays it out`, async () => {
    let now = Date.parse('2026-11-29T18:00:00Z');
    const h = make([new FakeAdapter('relier', () => rejectedNumber())], { clock: { now: () => now } });
    const session = h.module.service['deps'].session;
    const sale = await h.module.service.sell(sellInput());

    session.signIn({ id: 'u-other', name: 'Luis', role: 'cashier' });
    await expect(Promise.resolve().then(() => h.module.service.refundAtCounter(sale.id))).rejects.toMatchObject({ code: 'forbidden', message: /owner must pay it out/ });
    session.signIn({ id: 'u-cashier', name: 'Ana', role: 'cashier' });
    now += (COUNTER_REFUND_MINUTES + 1) * 60_000;
    await expect(Promise.resolve().then(() => h.module.service.refundAtCounter(sale.id))).rejects.toMatchObject({ code: 'forbidden', message: /30 minutes/ });
    expect(h.module.ledger.get(sale.id)?.state).toBe('refund_due');

    const late = await h.module.service.sell(sellInput());
    now += 24 * 3600_000;
    await expect(Promise.resolve().then(() => h.module.service.refundAtCounter(late.id))).rejects.toMatchObject({ code: 'forbidden', message: /earlier shift/ });

    // A cashier with an owner's PIN: the dispatcher hands the handler the overriding owner; both are recorded.
    const paid = await h.module.handlers['sales.markRefunded']({ id: sale.id, ownerPin: OWNER_PIN }, { host: 'test', ownerOverride: { ownerId: OWNER_ID } });
    expect(paid.state).toBe('refunded');
    expect(JSON.parse(h.module.ledger.events(sale.id).at(-1)?.detail ?? '{}')).toEqual({ paidOut: true, refundedBy: 'u-cashier', role: 'cashier', ownerOverride: OWNER_ID });
    // An owner signed in needs no PIN.
    session.signIn({ id: OWNER_ID, name: 'Dueña', role: 'owner' });
    await h.module.handlers['sales.markRefunded']({ id: late.id }, test);
    expect(JSON.parse(h.module.ledger.events(late.id).at(-1)?.detail ?? '{}')).toEqual({ paidOut: true, refundedBy: OWNER_ID, role: 'owner', ownerOverride: null });
  });
});
