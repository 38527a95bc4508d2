/**
 * Deposits, the float check and the refunds owed, over the sandboxes with a clock the test moves: the figures
 * expected are read from the provider itself (its balance before and after, through an adapter of the test's
 * own) and from what the cashier sold, never from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloatCheck, RefundsOwed } from '../../shared/contract/accounts';
import type { ProviderId } from '../../shared/contract/app';
import { startAccountsWorld, type AccountsWorld } from './helpers';

// Business day 2026-03-10 in Mexico City (UTC−6): from 06:00Z on the 10th to 06:00Z on the 11th.
const DAY = '2026-03-10';
let nowMs = Date.parse('2026-03-10T05:00:00Z');
let world: AccountsWorld;

beforeAll(async () => {
  world = await startAccountsWorld({ clock: () => new Date(nowMs) });
});
afterAll(async () => {
  await world.close();
});

async function providerBalance(provider: ProviderId): Promise<number> {
  const answer = await world.outside(provider).balance();
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.balance.minor;
}

async function ok(channel: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = await world.call(channel, input);
  expect(answer.ok, `${channel}: ${JSON.stringify(answer)}`).toBe(true);
  return answer.ok ? answer.value : {};
}

describe('float check', () => {
  const before: Partial<Record<ProviderId, number>> = {};
  let soldCost = 0;

  it('the evening before, the owner reads the balances (the day starts from them)', async () => {
    await world.as('owner');
    for (const provider of ['relier', 'mobisend'] as const) before[provider] = await providerBalance(provider);
    const { balances } = (await ok('accounts.balances', { refresh: true })) as { balances: Array<{ provider: string; balance: { minor: number }; source: string; threshold: unknown }> };
    expect(balances.find((item) => item.provider === 'relier')).toMatchObject({ balance: { minor: before.relier }, source: 'live', threshold: { minor: 2000, currency: 'USD' } });
  });

  it('during the day two sales are delivered and a deposit is recorded that the provider has not credited', async () => {
    nowMs = Date.parse('2026-03-10T16:00:00Z');
    await world.as('cashier');
    for (const phone of ['5512345601', '5512345602']) {
      const sale = await ok('sales.sell', { requestId: crypto.randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, provider: 'relier' });
      expect(sale).toMatchObject({ state: 'succeeded', cost: { currency: 'USD' } });
      soldCost += (sale.cost as { minor: number }).minor;
    }
    expect(await providerBalance('relier')).toBe((before.relier ?? 0) - soldCost);
    await world.as('owner');
    const deposit = await ok('accounts.addDeposit', { provider: 'relier', amount: { minor: 10000, currency: 'USD' }, reference: 'SPEI 0042' });
    expect(deposit).toMatchObject({ date: DAY, recordedBy: expect.any(String), amount: { minor: 10000, currency: 'USD' } });
    const entry = world.core.journal.entries({ kind: 'deposit.recorded' });
    expect(entry).toHaveLength(1);
  }, 60_000);

  it('the same bank reference twice, a deposit dated tomorrow or a cashier recording one change nothing', async () => {
    await world.as('owner');
    const count = () => (world.core.db.prepare('SELECT COUNT(*) AS n FROM provider_deposits').get() as { n: number }).n;
    expect(await world.call('accounts.addDeposit', { provider: 'relier', amount: { minor: 500, currency: 'USD' }, reference: 'SPEI 0042' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await world.call('accounts.addDeposit', { provider: 'relier', amount: { minor: 500, currency: 'USD' }, reference: 'SPEI 0043', date: '2026-03-11' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await world.call('accounts.addDeposit', { provider: 'relier', amount: { minor: 500, currency: 'MXN' }, reference: 'SPEI 0044' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await world.as('cashier');
    expect(await world.call('accounts.addDeposit', { provider: 'relier', amount: { minor: 500, currency: 'USD' }, reference: 'SPEI 0045' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(count()).toBe(1);
  });

  it("at the day's end: expected = previous + deposits − cost of delivered sales; the uncredited deposit shows as the variance", async () => {
    nowMs = Date.parse('2026-03-11T01:00:00Z');
    await world.as('owner');
    const check = (await ok('accounts.floatCheck', { date: DAY })) as unknown as FloatCheck;
    const relier = check.providers.find((line) => line.provider === 'relier');
    expect(relier).toMatchObject({
      previousBalance: { minor: before.relier, currency: 'USD' },
      deposits: { minor: 10000, currency: 'USD' },
      deliveredCost: { minor: soldCost, currency: 'USD' },
      expected: { minor: (before.relier ?? 0) + 10000 - soldCost },
      reported: { minor: (before.relier ?? 0) - soldCost },
      variance: { minor: -10000, currency: 'USD' },
      alert: true,
      deliveredSales: 2,
    });
    expect(relier?.likelyCauses).toContain('deposit_not_credited');
    expect(check.providers.find((line) => line.provider === 'mobisend')).toMatchObject({ variance: { minor: 0 }, alert: false, likelyCauses: [] });
  }, 60_000);

  it('a sale made on the account outside Saldo shows as a shortfall with that likely cause', async () => {
    const made = await world.outside('mobisend').topup({ idempotencyKey: crypto.randomUUID(), reference: 'otra-pc', phone: '5512345699', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' } });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    const charged = (before.mobisend ?? 0) - (await providerBalance('mobisend'));
    expect(charged).toBeGreaterThan(0);
    nowMs = Date.parse('2026-03-11T02:00:00Z');
    const check = (await ok('accounts.floatCheck', { date: DAY })) as unknown as FloatCheck;
    expect(check.providers.find((line) => line.provider === 'mobisend')).toMatchObject({ variance: { minor: -charged }, alert: true, likelyCauses: ['sales_outside_saldo'] });
  }, 60_000);
});

describe('refunds owed', () => {
  let owedId = '';

  it('a failed sale is listed with its age, its number masked to the last four unless the owner asks', async () => {
    nowMs = Date.parse('2026-03-11T03:00:00Z');
    await world.as('cashier');
    const sold = await world.call('sales.sell', { requestId: crypto.randomUUID(), phone: '5500000001', country: 'MX', carrier: 'Telcel', amount: { minor: 3000, currency: 'MXN' }, provider: 'relier' });
    owedId = sold.ok ? (sold.value.id as string) : ((world.core.db.prepare("SELECT id FROM sales WHERE phone = '5500000001'").get() as { id: string }).id);
    expect(world.core.sales.ledger.mustGet(owedId).state).toBe('refund_due');
    expect(await world.call('accounts.refundsOwed', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    nowMs += 45 * 60_000;
    await world.as('owner');
    const owed = (await ok('accounts.refundsOwed', {})) as unknown as RefundsOwed;
    expect(owed.count).toBe(1);
    expect(owed.refunds[0]).toMatchObject({ saleId: owedId, phone: '******0001', phoneMasked: true, amount: { minor: 3000, currency: 'MXN' }, ageMinutes: 45 });
    expect(owed.totals).toEqual([{ minor: 3000, currency: 'MXN' }]);
    const full = (await ok('accounts.refundsOwed', { fullNumbers: true })) as unknown as RefundsOwed;
    expect(full.refunds[0]).toMatchObject({ phone: '5500000001', phoneMasked: false });
  }, 60_000);

  it("the owner pays it out from a named shift's cash: recorded in the sale's chain, the list and the status bar's count follow", async () => {
    expect(await ok('queue.status', {})).toMatchObject({ refundDue: 1 });
    const drawer = (await ok('shift.current', {})) as { shift: { id: string } | null };
    const openShift = drawer.shift?.id ?? '';
    expect(openShift).not.toBe('');
    // Only the open drawer can pay: a closed (or made-up) shift's count is final.
    expect(await world.call('sales.markRefunded', { id: owedId, fromShiftId: 'shift-closed-long-ago' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(world.core.sales.ledger.mustGet(owedId).state).toBe('refund_due');
    expect(await ok('sales.markRefunded', { id: owedId, fromShiftId: openShift })).toMatchObject({ state: 'refunded' });
    const last = world.core.sales.ledger.events(owedId).at(-1);
    expect(last).toMatchObject({ fromState: 'refund_due', toState: 'refunded' });
    expect(JSON.parse(last?.detail ?? '{}')).toMatchObject({ paidOut: true, shiftId: openShift });
    expect(await ok('accounts.refundsOwed', {})).toMatchObject({ count: 0, refunds: [] });
    expect(await ok('queue.status', {})).toMatchObject({ refundDue: 0 });
    expect(world.core.sales.ledger.verify().ok).toBe(true);
  });
});
