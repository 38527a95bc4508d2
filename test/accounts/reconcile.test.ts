/**
 * Reconciliation of a business day against each provider's own records, with the sandboxes as the providers:
 * every kind of mismatch is made for real (a sale the ledger never recorded is sold through an adapter of the
 * test's own; a sale the provider never saw is written to the ledger only; an unknown sale is one the ledger
 * lost the answer of while the provider delivered it), and the owner's lists say each with what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reconciliation, ReconcileLine } from '../../shared/contract/accounts';
import type { ProviderId } from '../../shared/contract/app';
import { startAccountsWorld, type AccountsWorld } from './helpers';

let world: AccountsWorld;

beforeAll(async () => {
  world = await startAccountsWorld();
});
afterAll(async () => {
  await world.close();
});

async function sell(provider: ProviderId, phone: string): Promise<string> {
  await world.as('cashier');
  const answer = await world.call('sales.sell', { requestId: crypto.randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, provider });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return (answer.ok ? answer.value.id : '') as string;
}

async function reconcile(provider: ProviderId, settle = false): Promise<Reconciliation> {
  await world.as('owner');
  const answer = await world.call('accounts.reconcile', { date: world.today(), provider, ...(settle ? { settle: true } : {}) });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return answer.ok ? (answer.value as unknown as Reconciliation) : (undefined as never);
}

const lineFor = (lines: readonly ReconcileLine[], saleId: string) => lines.find((line) => line.saleId === saleId);

describe.each([['relier', '1'], ['mobisend', '2'], ['liquido', '3']] as const)('%s', (provider, prefix) => {
  it("puts each sale of the day in its list, with what to do, and settles an unknown sale from the provider's records", async () => {
    const delivered = await sell(provider, `55${prefix}2340001`);
    // The ledger lost the answer (unknown) while the provider delivered it under the sale's own key and reference.
    const lost = world.ledgerOnlySale(provider, ['sending', 'unknown'], { phone: `55${prefix}2340002` });
    const made = await world.outside(provider).topup({ idempotencyKey: lost.idempotencyKey, reference: lost.id, phone: lost.phone, country: 'MX', carrier: 'Telcel', amount: lost.price, preferAsync: false });
    expect(made.ok && made.value.state, JSON.stringify(made)).toBe('succeeded');
    // The ledger says delivered; the provider never heard of it.
    const phantom = world.ledgerOnlySale(provider, ['sending', 'succeeded'], { phone: `55${prefix}2340003`, patch: { providerTransactionId: `NOPE-${provider}` } });

    const before = await reconcile(provider);
    expect(before.providers).toEqual([expect.objectContaining({ provider, ok: true })]);
    expect(lineFor(before.matched, delivered)).toMatchObject({ action: 'none', ledgerState: 'succeeded', providerState: 'succeeded', phone: '******0001' });
    expect(lineFor(before.differs, lost.id)).toMatchObject({ action: 'settle', differences: ['state'], ledgerState: 'unknown', providerState: 'succeeded' });
    expect(lineFor(before.missingAtProvider, phantom.id)).toMatchObject({ action: 'claim_with_provider', ledgerState: 'succeeded', providerState: null });
    expect(before.settled).toEqual([]);
    expect(world.core.sales.ledger.mustGet(lost.id).state).toBe('unknown');

    const sentBefore = (await world.core.sandboxes.find((sandbox) => sandbox.provider === provider)!.control.records()).deliveries.length;
    const after = await reconcile(provider, true);
    expect(after.settled).toEqual([lost.id]);
    expect(lineFor(after.matched, lost.id)).toMatchObject({ action: 'settled', ledgerState: 'succeeded' });
    const settled = world.core.sales.ledger.mustGet(lost.id);
    expect(settled.state).toBe('succeeded');
    expect(world.core.sales.ledger.events(lost.id).at(-1)?.detail).toContain('reconciliation');
    // Settling asked; it never sent anything again.
    const sentAfter = (await world.core.sandboxes.find((sandbox) => sandbox.provider === provider)!.control.records()).deliveries.length;
    expect(sentAfter).toBe(sentBefore);
    expect(world.core.sales.ledger.verify().ok).toBe(true);
  }, 60_000);
});

describe('records only a list can show', () => {
  it.each(['relier', 'mobisend'] as const)('%s: a sale the provider made that the ledger never recorded is missing in the ledger', async (provider) => {
    const made = await world.outside(provider).topup({ idempotencyKey: crypto.randomUUID(), reference: `outside-${crypto.randomUUID()}`, phone: '5512349999', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, preferAsync: false });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    const transactionId = made.ok ? made.value.providerTransactionId : undefined;
    const result = await reconcile(provider);
    expect(result.missingInLedger.find((line) => line.providerTransactionId === transactionId)).toMatchObject({ saleId: null, action: 'investigate_unrecorded', phone: '******9999' });
  }, 60_000);

  it("relier: a delivered sale whose amount differs from the provider's record is listed as differing in amount", async () => {
    const made = await world.outside('relier').topup({ idempotencyKey: crypto.randomUUID(), reference: `outside-${crypto.randomUUID()}`, phone: '5512348888', country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, preferAsync: false });
    const transactionId = made.ok ? made.value.providerTransactionId : undefined;
    // The ledger holds 100 MXN under the provider's transaction id of a 50 MXN top-up.
    const wrong = world.ledgerOnlySale('relier', ['sending', 'succeeded'], { phone: '5512348888', price: { minor: 10000, currency: 'MXN' }, patch: { providerTransactionId: transactionId ?? null } });
    const result = await reconcile('relier');
    expect(lineFor(result.differs, wrong.id)).toMatchObject({ differences: ['amount'], action: 'check_amount', ledgerAmount: { minor: 10000, currency: 'MXN' }, providerAmount: { minor: 5000, currency: 'MXN' } });
  }, 60_000);

  it('liquido has no list: the answer says its records were read by key, so nothing can be missing in the ledger', async () => {
    const result = await reconcile('liquido');
    expect(result.providers[0]).toMatchObject({ provider: 'liquido', source: 'status_by_key', ok: true });
    expect(result.missingInLedger).toEqual([]);
  }, 60_000);

  it("a provider that does not answer is reported as not read, and none of its sales is put in a list", async () => {
    const sandbox = world.core.sandboxes.find((item) => item.provider === 'mobisend')!;
    await sandbox.control.setOffline(true);
    try {
      const result = await reconcile('mobisend');
      expect(result.providers[0]).toMatchObject({ provider: 'mobisend', ok: false });
      expect([...result.matched, ...result.differs, ...result.missingAtProvider, ...result.missingInLedger]).toEqual([]);
    } finally {
      await sandbox.control.setOffline(false);
    }
  }, 60_000);
});
