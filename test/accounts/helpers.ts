/** A core over the demo sandboxes for the accounts tests, with owner/cashier sign-in and a direct adapter per provider. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { businessDayOf } from '../../shared/business-day';
import type { ProviderId } from '../../shared/contract/app';
import type { Money } from '../../shared/money';
import { providersConfigFromEndpoints } from '../../electron/core/providers/endpoints';
import { createProviderAdapters } from '../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../electron/core/providers/types';
import type { LedgerSale, SalePatch } from '../../electron/core/ledger/ledger';
import { createSaldoCore, type SaldoCore } from '../../electron/core/runtime';
import { startDemoSandboxes, type RunningSandbox } from '../../electron/sandbox';

export interface AccountsWorld {
  core: SaldoCore<RunningSandbox>;
  dataDir: string;
  call(channel: string, input: unknown): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }>;
  as(role: 'owner' | 'cashier' | 'out'): Promise<void>;
  /** An adapter of our own to the same sandbox: a sale made through it is one the ledger never recorded. */
  outside(provider: ProviderId): ProviderAdapter;
  today(): string;
  /** A sale written to the ledger and moved through the state machine without talking to any provider. */
  ledgerOnlySale(provider: ProviderId, path: ReadonlyArray<'sending' | 'unknown' | 'succeeded' | 'pending'>, options?: { phone?: string; price?: Money; patch?: SalePatch }): LedgerSale;
  close(): Promise<void>;
}

export async function startAccountsWorld(options: { clock?: () => Date } = {}): Promise<AccountsWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saldo-accounts-'));
  const core = await createSaldoCore({
    dataDir,
    host: 'cli',
    version: '0.0.0-test',
    validateContract: true,
    startSync: false,
    pinHashCost: { N: 1024 },
    demoProviders: () => startDemoSandboxes(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await core.recovery;
  const adapters = createProviderAdapters(providersConfigFromEndpoints(core.sandboxes));
  const call: AccountsWorld['call'] = (channel, input) => core.dispatcher.invoke(channel, input, { host: 'test' }) as never;
  const now = () => (options.clock ?? (() => new Date()))();
  return {
    core,
    dataDir,
    call,
    async as(role) {
      await call('auth.signOut', {});
      if (role !== 'out') await call('auth.signIn', { pin: role === 'owner' ? '4321' : '1234' });
    },
    outside(provider) {
      const adapter = adapters[provider];
      if (!adapter) throw new Error(`no ${provider} adapter`);
      return adapter;
    },
    today: () => businessDayOf(now().getTime()).date,
    ledgerOnlySale(provider, path, saleOptions = {}) {
      const ledger = core.sales.ledger;
      const id = randomUUID();
      let sale = ledger.createSale({
        id,
        requestId: randomUUID(),
        idempotencyKey: randomUUID(),
        cashierId: 'u-test',
        shiftId: 'shift-test',
        provider,
        country: 'MX',
        carrier: 'Telcel',
        sku: null,
        phone: saleOptions.phone ?? '5511112222',
        price: saleOptions.price ?? { minor: 5000, currency: 'MXN' },
      });
      for (const state of path) sale = ledger.transition(id, sale.state, state, state === 'succeeded' ? (saleOptions.patch ?? {}) : {});
      return sale;
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
