/**
 * The low-balance warning on the counter follows the owner's threshold per provider (setting
 * `lowBalanceThresholds`): the status bar's `balances.get` flag and `accounts.balanceWarnings` agree, and the
 * owner's `accounts.balances` shows currency, credit limit, Relier's last rate and the threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_BALANCE_THRESHOLDS_SETTING } from '../../shared/contract/accounts';
import { writeSetting } from '../../electron/core/settings/store';
import { startAccountsWorld, type AccountsWorld } from './helpers';

let world: AccountsWorld;

beforeAll(async () => {
  world = await startAccountsWorld();
  await world.as('owner');
  expect(await world.call('accounts.balances', { refresh: true })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await world.close();
});

const lowOnCounter = async () => {
  await world.as('cashier');
  const answer = await world.call('balances.get', {});
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  const flagged = (answer.value.balances as Array<{ provider: string; low: boolean }>).filter((item) => item.low).map((item) => item.provider);
  const warnings = await world.call('accounts.balanceWarnings', {});
  if (!warnings.ok) throw new Error(JSON.stringify(warnings));
  return { flagged, warned: (warnings.value.warnings as Array<{ provider: string }>).map((item) => item.provider) };
};

describe('low-balance thresholds', () => {
  it('with the default (20 USD each) and the sandboxes well funded, nothing warns', async () => {
    expect(await lowOnCounter()).toEqual({ flagged: [], warned: [] });
  });

  it("a threshold above Relier's balance warns for Relier only; null turns a provider's warning off", async () => {
    writeSetting(world.core.db, LOW_BALANCE_THRESHOLDS_SETTING, { relier: { minor: 99_999_999, currency: 'USD' }, mobisend: null, liquido: { minor: 1, currency: 'USD' } });
    expect(await lowOnCounter()).toEqual({ flagged: ['relier'], warned: ['relier'] });
    await world.as('owner');
    const answer = await world.call('accounts.balances', {});
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const balances = answer.value.balances as Array<Record<string, unknown>>;
    expect(balances.find((item) => item.provider === 'relier')).toMatchObject({ low: true, threshold: { minor: 99_999_999, currency: 'USD' }, balance: { currency: 'USD' }, creditLimit: { currency: 'USD' }, source: 'cached' });
    expect(balances.find((item) => item.provider === 'mobisend')).toMatchObject({ low: false, threshold: null });
  });

  it('a threshold in another currency than the balance never warns (no conversion is guessed)', async () => {
    writeSetting(world.core.db, LOW_BALANCE_THRESHOLDS_SETTING, { relier: { minor: 99_999_999, currency: 'MXN' }, mobisend: null, liquido: null });
    expect(await lowOnCounter()).toEqual({ flagged: [], warned: [] });
  });
});
