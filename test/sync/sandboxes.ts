/** Integration set-up: the real adapters over HTTP against the real sandbox servers, and the sales module. */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { ProviderId } from '../../shared/contract/app';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createEventBus } from '../../electron/core/ipc/event-bus';
import { silentLogger } from '../../electron/core/kernel/logger';
import { createSession } from '../../electron/core/auth/session';
import { createProviderAdapters } from '../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../electron/core/providers/types';
import { createSalesModule, type SalesModule, type SalesModuleOptions } from '../../electron/core/sales-module';
import { providersConfigFromEndpoints } from '../../electron/core/providers/endpoints';
import { startSandbox, type RunningSandbox, type SandboxOptions, type SandboxRecords } from '../../electron/sandbox/index';
import { CASHIER, tempDir } from '../sales/fakes';

export interface SandboxSet {
  sandboxes: Map<ProviderId, RunningSandbox>;
  adapters: ProviderAdapter[];
  close(): Promise<void>;
}

export async function startSandboxes(providers: readonly ProviderId[], options: SandboxOptions = {}, timeoutMs = 400, rateLimitTimeScale = 0.001): Promise<SandboxSet> {
  const sandboxes = new Map<ProviderId, RunningSandbox>();
  for (const provider of providers) sandboxes.set(provider, await startSandbox(provider, { asyncDelayMs: 30, rateWindowScale: 0.001, ...options }));
  return {
    sandboxes,
    adapters: adaptersFor([...sandboxes.values()], timeoutMs, rateLimitTimeScale),
    async close() {
      await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close()));
    },
  };
}

export function adaptersFor(sandboxes: RunningSandbox[], timeoutMs: number, rateLimitTimeScale = 0.001): ProviderAdapter[] {
  const built = createProviderAdapters(providersConfigFromEndpoints(sandboxes, timeoutMs), { rateLimitTimeScale });
  return [built.relier, built.mobisend, built.liquido].filter((adapter): adapter is NonNullable<typeof adapter> => adapter !== undefined);
}

export interface CoreUnderTest {
  dir: string;
  db: Database;
  module: SalesModule;
  close(): Promise<void>;
}

export function startCore(adapters: ProviderAdapter[], extra: Partial<SalesModuleOptions> = {}, dir = tempDir()): CoreUnderTest {
  const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  const session = createSession();
  session.signIn(CASHIER);
  const module = createSalesModule({
    db,
    adapters,
    events: createEventBus({ logger: silentLogger, validatePayloads: true }),
    session,
    logger: silentLogger,
    online: { waitMs: 1_000, pollMs: 25 },
    reconcileGraceMs: 2_000,
    sync: { backoffBaseMs: 50, backoffMaxMs: 400, tickMs: 50, pollIntervalMs: 100, rateTimeScale: 0.001 },
    ...extra,
  });
  return {
    dir,
    db,
    module,
    async close() {
      await module.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deliveries per sale: MobiSend and Liquido by idempotency key mapped back through the ledger, Relier by reference. */
export function deliveriesPerSale(records: Map<ProviderId, SandboxRecords>, keyToSale: (key: string) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, record] of records) {
    for (const delivery of record.deliveries) {
      const saleId = delivery.reference ?? (delivery.idempotencyKey ? keyToSale(delivery.idempotencyKey) : null) ?? `orphan:${delivery.transactionId}`;
      counts.set(saleId, (counts.get(saleId) ?? 0) + 1);
    }
  }
  return counts;
}
