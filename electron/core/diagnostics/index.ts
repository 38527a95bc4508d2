/**
 * Diagnostics as the runtime wires them: the connectivity history kept from `connectivity.changed` events,
 * the `app.diagnostics` and `diagnostics.supportBundle` channels, and the same two operations for the CLI.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FullAppInfo, ProviderId } from '../../../shared/contract/app';
import type { Diagnostics } from '../../../shared/contract/diagnostics';
import type { Connectivity } from '../../../shared/contract/sales';
import type { HandlerMap } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../kernel/logger';
import type { Ledger } from '../ledger/ledger';
import type { ProviderAdapter, ProviderResult } from '../providers/types';
import { collectDiagnostics, type UpdatesStatus } from './collect';
import { ConnectivityHistory } from './connectivity-history';
import { createRedactor, type Redactor } from './redact';
import { buildSupportBundle, type BuiltSupportBundle } from './support-bundle';

export { maskPhone } from './redact';
export type { UpdatesStatus } from './collect';

export type DiagnosticsHandlers = Pick<HandlerMap, 'app.diagnostics' | 'diagnostics.supportBundle'>;

export interface DiagnosticsModuleOptions {
  db: Database;
  info: FullAppInfo;
  databaseFile: string;
  logFile: string;
  events: EventBus;
  logger: Logger;
  ledger: Ledger;
  providers: readonly ProviderId[];
  adapters: readonly ProviderAdapter[];
  /** Every credential value the core holds, so that none can leave in a log line or a setting. */
  credentials(): string[];
  /** The settings as the screens see them (credentials masked). */
  settings(): unknown;
  currency(): string;
  printer: Diagnostics['printer'];
  /** The update engine's last check; until it is wired, "stable" and never checked. */
  updates?: () => UpdatesStatus;
  clock: () => Date;
  probeTimeoutMs?: number;
  onProbe?(provider: ProviderId, result: ProviderResult<unknown>): void;
}

export interface DiagnosticsModule {
  handlers: DiagnosticsHandlers;
  collect(): Promise<Diagnostics>;
  supportBundle(): Promise<BuiltSupportBundle>;
  close(): void;
}

const NOT_CHECKED: UpdatesStatus = { channel: 'stable', lastCheckAt: null, lastResult: null };

export function createDiagnosticsModule(options: DiagnosticsModuleOptions): DiagnosticsModule {
  const { db, logger } = options;
  const history = new ConnectivityHistory(db);
  const stopRecording = options.events.subscribe((name, payload) => {
    if (name !== 'connectivity.changed') return;
    try {
      history.record(payload as Connectivity, options.clock().getTime());
    } catch (error) {
      // A busy database must not turn a history note into a failed sale.
      logger.warn('diagnostics.history_not_recorded', { error: String(error) });
    }
  });

  const pinSecrets = db.prepare<[], { pin_hash: string; pin_salt: string }>('SELECT pin_hash, pin_salt FROM users');
  const knownPhones = db.prepare<[], { phone: string }>('SELECT DISTINCT phone FROM sales');
  /** Built per use: credentials, users and sales change while the app runs. */
  const redactor = (): Redactor =>
    createRedactor({
      secrets: [...options.credentials(), ...pinSecrets.all().flatMap((user) => [user.pin_hash, user.pin_salt])],
      phones: knownPhones.all().map((row) => row.phone),
    });

  const collect = (): Promise<Diagnostics> =>
    collectDiagnostics({
      db,
      info: options.info,
      databaseFile: options.databaseFile,
      logFile: options.logFile,
      providers: options.providers,
      adapters: new Map(options.adapters.map((adapter) => [adapter.id, adapter])),
      ledger: options.ledger,
      history,
      currency: options.currency,
      printer: options.printer,
      updates: options.updates ?? (() => NOT_CHECKED),
      redactor,
      clock: options.clock,
      ...(options.probeTimeoutMs !== undefined ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
      ...(options.onProbe ? { onProbe: options.onProbe } : {}),
    });

  const supportBundle = async (): Promise<BuiltSupportBundle> => {
    const bundle = await buildSupportBundle({ db, logDir: join(options.logFile, '..'), diagnostics: collect, settings: options.settings, redactor, clock: options.clock });
    logger.info('diagnostics.support_bundle', { files: bundle.files.length, sizeBytes: bundle.zip.byteLength });
    return bundle;
  };

  return {
    collect,
    supportBundle,
    handlers: {
      'app.diagnostics': () => collect(),
      'diagnostics.supportBundle': async () => {
        // The browser host downloads this; the Electron host will save it through a save dialog (not wired yet).
        const bundle = await supportBundle();
        return { fileName: bundle.fileName, base64: Buffer.from(bundle.zip).toString('base64'), sizeBytes: bundle.zip.byteLength, files: bundle.files };
      },
    },
    close: () => void stopRecording(),
  };
}
