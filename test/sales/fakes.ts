/** Small in-test fakes of ProviderAdapter, for unit tests of routing, failover and resolution. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ProviderId } from '../../shared/contract/app';
import type { User } from '../../shared/contract/auth';
import type {
  ProviderAdapter,
  ProviderCapabilities,
  ProviderError,
  ProviderResult,
  StatusQuery,
  StatusResult,
  TopupRequest,
  TopupResult,
  ReconciliationRow,
} from '../../electron/core/providers/types';
import { openDatabase, type Database } from '../../electron/core/db/open';
import { createEventBus } from '../../electron/core/ipc/event-bus';
import { createSession } from '../../electron/core/auth/session';
import { silentLogger } from '../../electron/core/kernel/logger';
import { createSalesModule, type SalesModule, type SalesModuleOptions } from '../../electron/core/sales-module';
import type { SellInput } from '../../shared/contract/sales';
import { AppError } from '../../shared/errors';
import { RELIER_CAPABILITIES } from '../../electron/core/providers/relier';
import { MOBISEND_CAPABILITIES } from '../../electron/core/providers/mobisend';
import { LIQUIDO_CAPABILITIES } from '../../electron/core/providers/liquido';

export type TopupScript = (request: TopupRequest, call: number) => ProviderResult<TopupResult> | Promise<ProviderResult<TopupResult>>;

export const CAPS: Record<ProviderId, ProviderCapabilities> = { relier: RELIER_CAPABILITIES, mobisend: MOBISEND_CAPABILITIES, liquido: LIQUIDO_CAPABILITIES };

export const ok = (value: TopupResult): ProviderResult<TopupResult> => ({ ok: true, value });
export const success = (id = `T-${randomUUID().slice(0, 8)}`): ProviderResult<TopupResult> =>
  ok({ state: 'succeeded', providerTransactionId: id, operatorTransactionId: `OP-${id}`, cost: { minor: 294, currency: 'USD' }, exchangeRate: '17.0068' });
export const err = (error: Partial<ProviderError> & Pick<ProviderError, 'code'>): ProviderResult<TopupResult> => ({
  ok: false,
  error: { message: error.code, outcomeKnown: true, retrySameKeySafe: false, ...error },
});
export const timeout = (): ProviderResult<TopupResult> => err({ code: 'outcome_unknown', outcomeKnown: false, message: 'timed out' });
export const refused = (): ProviderResult<TopupResult> => err({ code: 'outcome_unknown', outcomeKnown: true, notSent: true, message: 'connection refused' });

export class FakeAdapter implements ProviderAdapter {
  readonly capabilities: ProviderCapabilities;
  readonly topups: TopupRequest[] = [];
  readonly statusQueries: StatusQuery[] = [];
  /** What the provider really did, per idempotency key (for status answers). */
  readonly delivered = new Map<string, StatusResult>();
  status: (query: StatusQuery) => Promise<ProviderResult<StatusResult>>;
  reconcileRows: ReconciliationRow[] | null = null;
  healthy = true;

  constructor(
    readonly id: ProviderId,
    public script: TopupScript = () => success(),
    caps: Partial<ProviderCapabilities> = {},
  ) {
    this.capabilities = { ...CAPS[id], ...caps };
    this.status = async (query) => {
      this.statusQueries.push(query);
      const found = query.idempotencyKey ? this.delivered.get(query.idempotencyKey) : undefined;
      return { ok: true, value: found ?? { state: 'not_found' } };
    };
    if (this.capabilities.reconciliationExport) {
      this.reconcile = async () => (this.reconcileRows ? { ok: true, value: this.reconcileRows } : { ok: false, error: { code: 'not_supported', message: 'no key', outcomeKnown: true, retrySameKeySafe: false } });
    }
  }

  reconcile?: (from: string, to: string) => Promise<ProviderResult<ReconciliationRow[]>>;

  async health(): Promise<ProviderResult<{ ok: boolean }>> {
    return this.healthy ? { ok: true, value: { ok: true } } : { ok: false, error: { code: 'outcome_unknown', message: 'down', outcomeKnown: true, notSent: true, retrySameKeySafe: false } };
  }
  async balance(): Promise<ProviderResult<{ balance: { minor: number; currency: string }; available: { minor: number; currency: string } }>> {
    return { ok: true, value: { balance: { minor: 20000, currency: 'USD' }, available: { minor: 20000, currency: 'USD' } } };
  }
  async carriers(): Promise<ProviderResult<[]>> {
    return { ok: true, value: [] };
  }
  async catalog(): Promise<ProviderResult<[]>> {
    return { ok: true, value: [] };
  }
  async topup(request: TopupRequest): Promise<ProviderResult<TopupResult>> {
    this.topups.push(request);
    const result = await this.script(request, this.topups.length);
    if (result.ok) this.delivered.set(request.idempotencyKey, result.value);
    return result;
  }
}

export const CASHIER: User = { id: 'u-cashier', name: 'Ana', role: 'cashier' };

export interface Harness {
  dir: string;
  db: Database;
  module: SalesModule;
  events: Array<{ name: string; payload: unknown }>;
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'saldo-test-'));
}

export function harness(adapters: ProviderAdapter[], extra: Partial<SalesModuleOptions> = {}): Harness {
  const dir = tempDir();
  const db = openDatabase({ file: join(dir, 'saldo.sqlite') });
  const events: Array<{ name: string; payload: unknown }> = [];
  const bus = createEventBus({ logger: silentLogger, validatePayloads: true });
  bus.subscribe((name, payload) => events.push({ name, payload }));
  const session = createSession();
  session.signIn(CASHIER);
  const module = createSalesModule({ db, adapters, events: bus, session, logger: silentLogger, online: { waitMs: 200, pollMs: 20 }, verifyOwnerPin: verifyOwnerPinForTests, ...extra });
  return {
    dir,
    db,
    module,
    events,
    async close() {
      await module.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let nextPhone = 0;
/**
 * A new sale to a number of its own: the duplicate guard refuses a second sale to a number whose first is
 * unresolved, or asks first for the same number and amount, so tests that are not about it never collide.
 */
export function sellInput(overrides: Partial<SellInput> = {}): SellInput {
  nextPhone += 1;
  const phone = `5530${String(nextPhone).padStart(6, '0')}`;
  return { requestId: randomUUID(), phone, country: 'MX', carrier: 'Telcel', amount: { minor: 5000, currency: 'MXN' }, ...overrides };
}

export const OWNER_PIN = '4321';
export const OWNER_ID = 'u-owner';

/** A stand-in for auth's owner PIN check (auth wires the real one in the composition root). */
export async function verifyOwnerPinForTests(pin: string): Promise<{ ownerId: string }> {
  if (pin !== OWNER_PIN) throw new AppError('forbidden', 'That is not an owner PIN');
  return { ownerId: OWNER_ID };
}
