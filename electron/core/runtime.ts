/**
 * The composition root of the core: one function every host calls (Electron, the browser host, the CLI,
 * tests) to get the same dispatcher, event bus and session over the same data folder. Hosts add only what
 * only they can do (windows, HTTP, safeStorage, printing) through the interfaces passed in here.
 *
 * Demo mode: when no provider has real credentials (environment or stored settings), the core asks its host
 * for demo providers (every host passes the sandboxes, started in-process on loopback) and the real adapters
 * talk to them over HTTP. As soon as any provider has real credentials, the core never asks, so no sandbox
 * starts: a shop taking real cash must never sell into a simulator by accident. That rule lives here only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FullAppInfo, Health, ProviderId, SettingsView } from '../../shared/contract/app';
import { createAppHandlers } from './app/handlers';
import { createAuthModule } from './auth';
import { createDiagnosticsModule } from './diagnostics';
import { databaseFileIn, openDatabase, type Database } from './db/open';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './db/migrations';
import { createDispatcher, type Dispatcher } from './ipc/dispatcher';
import { createEventBus, type EventBus } from './ipc/event-bus';
import type { Clock } from './kernel/clock';
import { createLogger, type Logger } from './kernel/logger';
import { createJournal, type Journal } from './journal/journal';
import { CREDENTIAL_FIELDS, maskProviderCredentials, resolveProviderConfig } from './providers/config';
import { providersConfigFromEndpoints, type DemoProvider } from './providers/endpoints';
import { createProviderAdapters, PROVIDER_IDS, type ProvidersConfig } from './providers/registry';
import type { ProviderAdapter } from './providers/types';
import { publicSale } from './ledger/ledger';
import { createReceiptsModule, rendererPrinter, type Printer } from './receipts';
import { createSalesModule, type SalesModule, type SalesModuleOptions } from './sales-module';
// Issue 14 (more to sell)
import { createMoreToSellModule } from './more-to-sell-module';
import { loadOfflinePolicy } from './sales/policy';
import { NodeSecretStore } from './secrets/node-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { createSession, type Session } from './auth/session';
import { createSettingsStore, type SettingsStore } from './settings/store';
import { createUpdatesHandlers } from './updates/handlers';
import { createKioskHandlers, type ExitRequest } from './kiosk/handlers';
import { loadUpdateSettings, readLastUpdateCheck, recordRunningVersion } from './updates/settings';
// Issue 10: set-up, settings registry, people, credentials, demo to live.
import { createCredentials } from './setup/credentials';
import { closeDemoSales, recordAppMode } from './setup/demo-to-live';
import { createSetupModule, type SetupModule } from './setup/module';
import { createSettingsRegistry } from './setup/settings-registry';
// Back office (issue 13)
import { createBackofficeModule, type BackofficeModule } from './backoffice';
// accounts (w7-accounts)
import { createAccountsModule, loadLowBalanceThresholds } from './accounts';
import { isBelowThreshold } from '../../shared/contract/accounts';

export type { DemoProvider } from './providers/endpoints';

export interface SaldoCoreOptions<Demo extends DemoProvider = DemoProvider> {
  dataDir: string;
  host: FullAppInfo['host'];
  version: string;
  /** Check every handler output and event payload against the contract (development and tests). */
  validateContract: boolean;
  logToStderr?: boolean;
  clock?: () => Date;
  /** A clock that only moves forward, for idle expiry and the keypad lock (tests drive it by hand). */
  monotonic?: Clock;
  /** better-sqlite3 built for the host's ABI (the Electron host passes its own build). */
  nativeBinding?: string;
  /** Encrypts stored credentials: Electron passes safeStorage; plain Node hosts use a key file. */
  secretStore?: SecretStore;
  env?: Record<string, string | undefined>;
  /**
   * Starts the providers of demo mode; called only when no provider has real credentials. Hosts pass the
   * sandboxes (`() => startDemoSandboxes(options)`); the core closes what it returns when it closes.
   */
  demoProviders: () => Promise<readonly Demo[]>;
  /** How receipts print: Electron prints silently; the browser host hands the receipt back to the page. */
  printer?: Printer;
  /** Lower scrypt cost for PINs in tests. */
  pinHashCost?: { N: number };
  /** Run the background sync loop (the app does; one-shot CLI commands do not). */
  startSync?: boolean;
  /** Adjustments of the sales module (tests: faster polling, smaller waits). */
  sales?: Partial<Omit<SalesModuleOptions, 'db' | 'adapters' | 'events' | 'session' | 'logger' | 'verifyOwnerPin'>>;
  /** The host's exit, granted through `app.requestExit` (Electron closes its kiosk window; others have none). */
  onExitRequested?: (request: ExitRequest) => boolean;
}

export interface SaldoCore<Demo extends DemoProvider = DemoProvider> {
  readonly info: FullAppInfo;
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly session: Session;
  readonly logger: Logger;
  readonly db: Database;
  readonly settings: SettingsStore;
  /** The hash-chained history of settings, people, shifts, cash and day closes. */
  readonly journal: Journal;
  readonly sales: SalesModule;
  /** Shifts and cash of this PC's drawer, reports, day closes (issue 13). */
  readonly backoffice: BackofficeModule;
  /** What `demoProviders` started, in demo mode; none in live mode (tests reach the sandboxes' control plane here). */
  readonly sandboxes: readonly Demo[];
  /** Start-up recovery's resolution of sales left unknown or pending (sales already wait for its local phase). */
  readonly recovery: Promise<unknown>;
  close(): Promise<void>;
}

/** A live shop sells only once it has an owner (who sees the drawer and the refunds owed); see setup/module.ts. */
function requireSetUpToSell(setup: SetupModule, sell: SalesModule['handlers']['sales.sell']): SalesModule['handlers']['sales.sell'] {
  return (input, context) => {
    setup.assertMaySell();
    return sell(input, context);
  };
}

async function providerSetup<Demo extends DemoProvider>(options: SaldoCoreOptions<Demo>, secretStore: () => SecretStore, logger: Logger) {
  const resolved = resolveProviderConfig({ env: options.env ?? process.env, dataDir: options.dataDir, secretStore });
  const live = PROVIDER_IDS.some((id) => resolved.sources[id] !== 'demo');
  if (live) {
    logger.info('providers.live', { sources: resolved.sources });
    return { mode: 'live' as const, config: resolved.config, sandboxes: [] as readonly Demo[] };
  }
  const sandboxes = await options.demoProviders();
  logger.info('providers.demo', { sandboxes: sandboxes.map((sandbox) => ({ provider: sandbox.provider, url: sandbox.url })) });
  return { mode: 'demo' as const, config: providersConfigFromEndpoints(sandboxes), sandboxes };
}

export async function createSaldoCore<Demo extends DemoProvider>(options: SaldoCoreOptions<Demo>): Promise<SaldoCore<Demo>> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  const logFile = join(options.dataDir, 'logs', 'saldo.log');
  const logger = createLogger({ file: logFile, stderr: options.logToStderr ?? false });
  const events = createEventBus({ logger, validatePayloads: options.validateContract });
  let secretStore = options.secretStore;
  const secrets = (): SecretStore => (secretStore ??= NodeSecretStore.open(options.dataDir));

  const db = openDatabase({ file: databaseFileIn(options.dataDir), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const settings = createSettingsStore(db, logger, clock);
  const journal = createJournal(db, clock);
  const session = createSession((user) => events.emit('session.changed', { user }), {
    limitMs: () => settings.read().idleSignOutMinutes * 60_000,
    ...(options.monotonic ? { clock: options.monotonic, timer: false } : {}),
  });
  let providers: Awaited<ReturnType<typeof providerSetup<Demo>>>;
  try {
    providers = await providerSetup(options, secrets, logger);
  } catch (error) {
    db.close();
    throw error;
  }
  const adapterMap = createProviderAdapters(providers.config);
  const adapters = Object.values(adapterMap).filter(Boolean) as ProviderAdapter[];

  // Before any sale can start: the sales_mark_demo trigger (migration 6) reads the mode recorded here.
  recordAppMode(db, journal, providers.mode, clock());
  const auth = createAuthModule({ db, session, logger, clock, journal, ...(options.monotonic ? { monotonic: options.monotonic } : {}), ...(options.pinHashCost ? { scryptOptions: { N: options.pinHashCost.N, r: 8, p: 1 } } : {}) });
  // Demo: a cashier (PIN 1234) and an owner (PIN 4321) on first start, so the counter opens at once.
  // Live: no demo user ever signs in, whatever this data folder held before.
  await auth.prepareForMode(providers.mode);

  // Back office (issue 13): the drawer's shifts come before selling, since every sale is recorded in one.
  const backoffice = createBackofficeModule({
    db,
    journal,
    clock: options.sales?.clock ?? { now: () => clock().getTime() },
    viewer: () => session.current(),
    currency: () => loadOfflinePolicy(db).maxSale.currency,
    businessDay: () => settings.read(),
    mode: providers.mode,
    verifyOwnerPin: auth.verifyOwnerPin,
  });

  const sales = createSalesModule({
    // accounts (w7-accounts): the status bar's low-balance flag follows the owner's thresholds per provider
    isLowBalance: (provider, available) => isBelowThreshold(available, loadLowBalanceThresholds(db)[provider]),
    ...options.sales,
    shifts: backoffice.shiftsForSales,
    db,
    adapters,
    events,
    session,
    logger,
    verifyOwnerPin: auth.verifyOwnerPin,
    clock: options.sales?.clock ?? { now: () => clock().getTime() },
    // Demo mode: MobiSend's and Liquido's test numbers are reachable from the counter (issue 14).
    demoTestNumbers: providers.mode === 'demo',
  });
  // Recovery's local phase (sending → unknown or re-queued) runs now, before any new sale can start;
  // resolving unknown and pending sales with the providers continues in the background.
  // A live start closes unfinished demo sales first, so recovery and sync never send one to a real provider.
  if (providers.mode === 'live') closeDemoSales(db, sales.ledger, logger);
  const recovery = sales.recover().catch((error: unknown) => logger.error('sales.recovery_failed', { error: String(error) }));
  if (options.startSync ?? true) sales.sync.start();

  // Issue 14 (more to sell): bill payments, countries on offer, international quotes, pricing in pesos.
  const moreToSell = createMoreToSellModule({
    db,
    sales,
    adapters,
    session,
    journal,
    clock: options.sales?.clock ?? { now: () => clock().getTime() },
    businessDay: () => settings.read(),
    mode: providers.mode,
    shifts: backoffice.shiftsForSales,
    // The same gate as sales.sell: a shop that is not set up (no owner, no provider) takes no payment.
    beforeSale: () => setup.assertMaySell(),
  });

  const receipts = createReceiptsModule({
    settings,
    // The registry is built below; the footer is read at each print, after start-up.
    footer: () => registry.values().receiptFooter,
    printer: options.printer ?? rendererPrinter,
    logger,
    clock,
    getSale: (id) => {
      const sale = sales.ledger.get(id);
      return sale ? publicSale(sale) : null;
    },
    userName: (id) => auth.userName(id),
    // Receipts printed per sale, in the journal (issue 14): the first is the original, later ones say COPIA.
    printLog: {
      count: (saleId) => journal.entries({ kind: 'receipt.printed', subject: saleId }).length,
      record: (saleId, detail) => journal.append({ kind: 'receipt.printed', actorId: session.current()?.id ?? null, subject: saleId, detail }),
    },
  });

  const lastUpdate = recordRunningVersion(db, options.version, clock());
  const info: FullAppInfo = {
    name: 'Saldo',
    version: options.version,
    mode: providers.mode,
    host: options.host,
    platform: `${process.platform}-${process.arch}`,
    dataDir: options.dataDir,
    ...(lastUpdate ? { lastUpdate } : {}),
  };

  const providerConfig = (id: ProviderId): ProvidersConfig[ProviderId] => providers.config[id];

  function health(): Health {
    let databaseOk = true;
    let version = 0;
    try {
      version = schemaVersion(db);
      databaseOk = version === LATEST_SCHEMA_VERSION && db.prepare('SELECT 1 AS one').get() !== undefined;
    } catch {
      databaseOk = false;
    }
    const providerHealth = PROVIDER_IDS.map((id) => ({ id, configured: Boolean(providerConfig(id)), mode: providers.mode }));
    return {
      ok: databaseOk && providerHealth.some((provider) => provider.configured),
      database: { ok: databaseOk, schemaVersion: version },
      providers: providerHealth,
      checkedAt: clock().toISOString(),
    };
  }

  function settingsView(): SettingsView {
    return {
      ...settings.read(),
      providers: PROVIDER_IDS.map((id) => {
        const config = providerConfig(id);
        return { id, enabled: Boolean(config), mode: providers.mode, baseUrl: config?.baseUrl ?? '', credentials: maskProviderCredentials(id, config) };
      }),
    };
  }

  // Every credential value held, so diagnostics can scrub each one from anything they hand out.
  const credentialValues = (): string[] =>
    PROVIDER_IDS.flatMap((id) => {
      const config = providerConfig(id) as Record<string, unknown> | undefined;
      return CREDENTIAL_FIELDS[id].map((field) => config?.[field]).filter((value): value is string => typeof value === 'string');
    });
  const printer = options.printer ?? rendererPrinter;
  const diagnostics = createDiagnosticsModule({
    db,
    info,
    databaseFile: databaseFileIn(options.dataDir),
    logFile,
    events,
    logger,
    ledger: sales.ledger,
    providers: PROVIDER_IDS,
    adapters,
    credentials: credentialValues,
    settings: settingsView,
    currency: () => loadOfflinePolicy(db).maxSale.currency,
    printer: { kind: printer.kind, name: printer.kind === 'host' ? ((options.env ?? process.env).SALDO_PRINTER ?? null) : null },
    clock,
    // A probe is a request like any other: the counter's connectivity learns from it.
    onProbe: (id, result) => sales.connectivity.observe(id, result),
    // What the updater recorded (the Electron scheduler writes it; other hosts read the same data folder).
    updates: () => {
      const lastCheck = readLastUpdateCheck(db);
      return { channel: loadUpdateSettings(db).channel, lastCheckAt: lastCheck?.at ?? null, lastResult: lastCheck?.result ?? null };
    },
  });

  const credentials = createCredentials({
    db,
    dataDir: options.dataDir,
    env: options.env ?? process.env,
    secrets,
    journal,
    clock,
    running: providers.mode === 'live' ? providers.config : {},
    actorId: () => session.current()?.id ?? null,
  });
  const registry = createSettingsRegistry({ db, store: settings, journal, clock });
  const setup = createSetupModule({ db, mode: providers.mode, auth, session, registry, credentials, journal, logger, clock });
  // accounts (w7-accounts): refunds owed, balances, reconciliation, deposits, float check, exports
  const accounts = createAccountsModule({
    db,
    journal,
    adapters: new Map(adapters.map((adapter) => [adapter.id, adapter])),
    cache: sales.cache,
    events,
    owedSince: (saleId) => sales.ledger.enteredStateAt(saleId, 'refund_due'),
    settle: (saleId, status, via) => sales.sender.settleFromRecord(saleId, status, via).state,
    viewer: () => session.current(),
    clock,
    rule: () => {
      const { timeZone, dayStartHour } = settings.read();
      return { timeZone, dayStartHour };
    },
    shop: () => {
      const { shop, language } = settings.read();
      return { name: shop.name, language: language === 'en' ? 'en' : 'es' };
    },
    userName: (id) => auth.userName(id),
    // The back office's own figures, so a PDF or CSV says exactly what its screens say (one rule, one place).
    reports: () => ({
      report: (query) => backoffice.handlers['report.get'](query, { host: 'cli' }),
      z: (number) => backoffice.handlers['z.get']({ number }, { host: 'cli' }),
    }),
  });

  const dispatcher = createDispatcher({
    handlers: {
      ...createAppHandlers({ info, events, clock, health, settings: settingsView, viewer: () => session.current() }),
      ...sales.handlers,
      'sales.sell': requireSetUpToSell(setup, sales.handlers['sales.sell']),
      ...auth.handlers,
      ...receipts.handlers,
      ...createUpdatesHandlers({ db, version: options.version, clock }),
      ...diagnostics.handlers,
      // Issue 14 (more to sell)
      ...moreToSell.handlers,
      ...createKioskHandlers({ logger, viewer: () => session.current(), onExitRequested: options.onExitRequested }),
      // Issue 10: people, credentials, set-up and the settings registry.
      ...auth.people.handlers,
      ...credentials.handlers,
      ...setup.handlers,
      // Back office (issue 13)
      ...backoffice.handlers,
      // accounts (w7-accounts)
      ...accounts.handlers,
    },
    session,
    verifyOwnerPin: (pin) => auth.checkOwnerPin(pin),
    recordOwnerOverride: auth.recordOwnerOverride,
    logger,
    validateOutputs: options.validateContract,
  });

  logger.info('core.started', { host: options.host, version: options.version, mode: info.mode });

  return {
    info,
    dispatcher,
    events,
    session,
    logger,
    db,
    settings,
    journal,
    sales,
    backoffice,
    sandboxes: providers.sandboxes,
    recovery,
    async close() {
      session.dispose();
      diagnostics.close();
      accounts.close();
      await sales.close();
      await recovery;
      await Promise.all(providers.sandboxes.map((sandbox) => sandbox.close()));
      db.close();
      logger.info('core.closed');
    },
  };
}
