/**
 * One life of the core for the crash tests: open the ledger in SALDO_DATA_DIR, recover, then sell and sync
 * against the sandboxes (real HTTP) until killed — by a named crash point (SALDO_CRASH_AT) or by the parent
 * at a random moment. Every line on stdout is one JSON event; an `ack` line is a sale the cashier was told about
 * (stdout to a pipe is synchronous on Linux, so a printed ack survives the kill).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ProviderId } from '../../shared/contract/app';
import { openDatabase, integrityCheck } from '../../electron/core/db/open';
import { createEventBus } from '../../electron/core/ipc/event-bus';
import { silentLogger } from '../../electron/core/kernel/logger';
import { createSession } from '../../electron/core/auth/session';
import { createProviderAdapters, type ProvidersConfig } from '../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../electron/core/providers/types';
import { createSalesModule } from '../../electron/core/sales-module';
import { BillPayments } from '../../electron/core/sales/bill-payments';
import type { SaleShifts } from '../../electron/core/sales/service';
import { DEFAULT_BUSINESS_DAY_RULE } from '../../shared/business-day';
import { AppError } from '../../shared/errors';
import { chooseSeed, randomFromSeed } from '../sales/seeded-random';
// Back office (issue 13): the drawer's shift, cash and the Z in every life.
import { createBackofficeModule, type BackofficeModule } from '../../electron/core/backoffice';
import { createJournal } from '../../electron/core/journal/journal';

export interface SandboxAddress {
  provider: ProviderId;
  url: string;
  credentials: Record<string, string>;
}

export function providersConfigFrom(addresses: SandboxAddress[], timeoutMs: number): ProvidersConfig {
  const config: ProvidersConfig = {};
  for (const { provider, url, credentials } of addresses) {
    if (provider === 'relier') {
      config.relier = { baseUrl: url, apiKey: credentials.apiKey ?? '', customerId: credentials.customerId ?? '', ...(credentials.reconcileKey ? { reconcileKey: credentials.reconcileKey } : {}), timeoutMs };
    } else if (provider === 'mobisend') {
      config.mobisend = { baseUrl: url, apiKey: credentials.apiKey ?? '', timeoutMs };
    } else {
      config.liquido = { baseUrl: url, apiKey: credentials.apiKey ?? '', accessToken: credentials.accessToken ?? '', timeoutMs };
    }
  }
  return config;
}

const AMOUNTS = [10, 20, 30, 50, 100, 150, 200, 300, 500];
/** Relier's documented test number that always fails. */
const ALWAYS_FAILS = '5500000001';
const ORDERS: ProviderId[][] = [
  ['relier', 'mobisend', 'liquido'],
  ['mobisend', 'liquido', 'relier'],
  ['liquido', 'relier', 'mobisend'],
];

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...event, t: Math.round(performance.now()) })}\n`);
}

type Module = ReturnType<typeof createSalesModule>;

/** Issue 14: one bill payment through the ledger (MobiSend), acknowledged like a sale. */
async function payOneBill(module: Module, adapters: readonly ProviderAdapter[], session: ReturnType<typeof createSession>, random: ReturnType<typeof randomFromSeed>, shifts: SaleShifts): Promise<void> {
  const bills = new BillPayments({
    ledger: module.ledger,
    sender: module.sender,
    adapters: new Map(adapters.map((adapter) => [adapter.id, adapter])),
    connectivity: module.connectivity,
    session,
    clock: { now: () => Date.now() },
    pricing: () => ({ default: { rate: '18.50', markupPercent: '5' }, byCountry: [] }),
    businessDay: () => DEFAULT_BUSINESS_DAY_RULE,
    notify: (sale) => module.notify(sale),
    ready: () => module.ready(),
    // A bill's cash goes into the drawer's open shift like a top-up's.
    shifts,
  });
  const requestId = randomUUID();
  const amount = { minor: random.int(1, 200) * 100, currency: 'USD' };
  const rush = random.int(2) === 0;
  emit({ ev: 'selling', requestId, bill: true });
  try {
    const charge = bills.quote({ billerCode: '12345', billerCountry: 'US', amount, rush }).pricing.charge;
    const accountNumber = String(random.int(1_000_000_000, 9_999_999_999));
    const sale = await bills.pay({ requestId, billerCode: '12345', billerCountry: 'US', billerName: 'Duke Energy', accountNumber, amount, rush, expectedCharge: charge });
    emit({ ev: 'ack', id: sale.id, requestId, state: sale.state, provider: sale.provider, minor: sale.price.minor, shiftId: sale.shiftId, bill: true });
  } catch (error) {
    emit({ ev: 'refused', requestId, code: error instanceof AppError ? error.code : 'internal', message: String(error), bill: true });
  }
}

async function main(): Promise<void> {
  const dataDir = process.env.SALDO_DATA_DIR ?? '';
  const addresses = JSON.parse(process.env.SALDO_CRASH_SANDBOXES ?? '[]') as SandboxAddress[];
  const sales = Number(process.env.SALDO_CRASH_SALES ?? '6');
  // The harness aims a kill at the owed-back paths: the first sale fails and its money is handed back at once.
  const failFirst = process.env.SALDO_CRASH_FAIL_FIRST === '1';
  // The harness passes each life's seed (SALDO_SEED), drawn from the test's seed, so a run replays exactly.
  const random = randomFromSeed(chooseSeed());
  const order = ORDERS[random.int(ORDERS.length)] ?? ORDERS[0] ?? [];
  const db = openDatabase({ file: join(dataDir, 'saldo.sqlite') });
  const built = createProviderAdapters(providersConfigFrom(addresses, 300), { rateLimitTimeScale: 0.001 });
  const session = createSession();
  session.signIn({ id: 'cashier-1', name: 'Ana', role: 'cashier' });
  const backoffice = backofficeFor(db);
  const adapters: ProviderAdapter[] = [built.relier, built.mobisend, built.liquido].filter((adapter) => adapter !== undefined);
  const module = createSalesModule({
    shifts: backoffice.shiftsForSales,
    db,
    adapters,
    events: createEventBus({ logger: silentLogger, validatePayloads: false }),
    session,
    logger: silentLogger,
    routingPolicy: { countries: { MX: { default: order } }, fallback: order },
    online: { waitMs: 150, pollMs: 15 },
    reconcileGraceMs: 400,
    sync: { concurrency: 4, pollConcurrency: 4, rateTimeScale: 0.001 },
  });
  emit({ ev: 'start', pid: process.pid });
  const recovery = await module.recover();
  emit({ ev: 'recovered', recovery, chain: module.ledger.verify().ok, integrity: integrityCheck(db), openShift: backoffice.shifts.currentId() });
  if (process.env.SALDO_CRASH_BILL === '1') await payOneBill(module, adapters, session, random, backoffice.shiftsForSales);
  for (let index = 0; index < sales; index += 1) {
    const offline = index % 3 === 2;
    if (offline) for (const provider of order) module.connectivity.set(provider, false, 'crash test: line down');
    const requestId = randomUUID();
    const amount = AMOUNTS[random.int(AMOUNTS.length)] ?? 50;
    emit({ ev: 'selling', requestId });
    try {
      // One sale in eight to Relier's "always fails" test number, so failures and refunds are exercised too;
      // like the counter, it asks first and sells to another number while an earlier sale to that one is unresolved.
      const failing = (failFirst && index === 0 ? true : random.int(8) === 0) && module.service.checkResell({ phone: ALWAYS_FAILS, country: 'MX' }).unresolved === null;
      const phone = failing ? ALWAYS_FAILS : `56${String(random.int(10_000_000, 99_999_999))}`;
      const sale = await module.service.sell({ requestId, phone, country: 'MX', carrier: 'Telcel', amount: { minor: amount * 100, currency: 'MXN' } });
      emit({ ev: 'ack', id: sale.id, requestId, state: sale.state, provider: sale.provider, minor: sale.price.minor, shiftId: sale.shiftId });
      // Half the failures are handed back (all of them when the harness aims a kill at the hand-back) at the counter at once (refund_due → refunded), the rest stay owed.
      if (sale.state === 'refund_due' && (failFirst || random.int(2) === 0)) {
        emit({ ev: 'handing-back', id: sale.id });
        const refunded = module.service.refundAtCounter(sale.id);
        emit({ ev: 'handed-back', id: refunded.id, state: refunded.state });
      }
    } catch (error) {
      emit({ ev: 'refused', requestId, code: error instanceof AppError ? error.code : 'internal', message: String(error) });
    }
    if (offline) {
      for (const provider of order) module.connectivity.set(provider, true, null);
      const report = await module.sync.runOnce();
      emit({ ev: 'synced', drained: report.drain.sent });
    }
  }
  backOfficeSteps(backoffice, random.int(2) === 0 ? 'in' : 'out');
  await module.close();
  db.close();
  emit({ ev: 'done' });
}

const OWNER = { id: 'owner-1', role: 'owner' as const };
const DAY_MS = 86_400_000;

/**
 * The back office on this life's clock: one day later for each Z already closed, so every life can close a day of
 * its own (a day closes once) while its sales keep the real clock.
 */
function backofficeFor(db: ReturnType<typeof openDatabase>): BackofficeModule {
  const closed = (db.prepare('SELECT COUNT(*) AS n FROM day_closes').get() as { n: number }).n;
  const now = () => Date.now() + closed * DAY_MS;
  return createBackofficeModule({
    db,
    journal: createJournal(db, () => new Date(now())),
    clock: { now },
    viewer: () => ({ id: 'cashier-1', name: 'Ana', role: 'cashier' }),
    currency: () => 'MXN',
    businessDay: () => DEFAULT_BUSINESS_DAY_RULE,
    mode: 'demo',
    verifyOwnerPin: () => Promise.resolve({ ownerId: OWNER.id }),
  });
}

/** After the sales: cash moves, the cashier counts the drawer, the owner closes the shift, the day's Z. */
function backOfficeSteps(backoffice: BackofficeModule, direction: 'in' | 'out'): void {
  const { shifts, dayCloser } = backoffice;
  const cashier = { id: 'cashier-1', role: 'cashier' as const };
  try {
    if (!shifts.currentId()) shifts.open(cashier, { minor: 50_000, currency: 'MXN' });
    emit({ ev: 'cash-moving', shiftId: shifts.currentId() });
    const movement = shifts.cash(cashier, direction, { minor: 2_000, currency: 'MXN' }, 'crash test');
    emit({ ev: 'cash-moved', id: movement.id, shiftId: movement.shiftId });
    const open = shifts.row(shifts.currentId() ?? '');
    if (!open) return;
    emit({ ev: 'shift-ending', id: open.id });
    shifts.end(cashier, { amount: { minor: shifts.figures(open.id, open.float_minor).expected, currency: 'MXN' } });
    emit({ ev: 'shift-ended', id: open.id });
    emit({ ev: 'shift-closing', id: open.id });
    shifts.close(OWNER, open.id, undefined, false, OWNER.id);
    emit({ ev: 'shift-closed', id: open.id });
    emit({ ev: 'z-closing' });
    const z = dayCloser.close(OWNER, undefined);
    emit({ ev: 'z-closed', number: z.number, businessDay: z.businessDay });
  } catch (error) {
    emit({ ev: 'back-office-refused', code: error instanceof AppError ? error.code : 'internal', message: String(error) });
  }
}

main().catch((error: unknown) => {
  emit({ ev: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
