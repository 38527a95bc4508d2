/**
 * The composition root of the core: one function every host calls (Electron, the browser host, the CLI,
 * tests) to get the same dispatcher, event bus and session over the same data folder. Hosts add only what
 * only they can do (windows, HTTP, safeStorage, printing) through the interfaces passed in here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, SettingsView } from '../../shared/contract/app';
import { createAppHandlers } from './app/handlers';
import { createDispatcher, type Dispatcher } from './ipc/dispatcher';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { createLogger, type Logger } from './logger';
import { createSession, type Session } from './session';

export interface SaldoCoreOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** Check every handler output and event payload against the contract (development and tests). */
  validateContract: boolean;
  logToStderr?: boolean;
  clock?: () => Date;
}

export interface SaldoCore {
  readonly info: AppInfo;
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly session: Session;
  readonly logger: Logger;
  close(): Promise<void>;
}

const DEFAULT_SETTINGS: Omit<SettingsView, 'providers'> = {
  language: 'es-MX',
  kiosk: false,
  shop: { name: 'Mi Tienda', address: '' },
  receiptWidthMm: 58,
};

export async function createSaldoCore(options: SaldoCoreOptions): Promise<SaldoCore> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  const logger = createLogger({ file: join(options.dataDir, 'logs', 'saldo.log'), stderr: options.logToStderr ?? false });
  const events = createEventBus({ logger, validatePayloads: options.validateContract });
  const session = createSession((user) => events.emit('session.changed', { user }));

  const info: AppInfo = {
    name: 'Saldo',
    version: options.version,
    mode: 'demo',
    host: options.host,
    platform: `${process.platform}-${process.arch}`,
    dataDir: options.dataDir,
  };

  const appHandlers = createAppHandlers({
    info,
    events,
    clock,
    health: () => ({ ok: true, database: { ok: true, schemaVersion: 0 }, providers: [], checkedAt: clock().toISOString() }),
    settings: () => ({ ...DEFAULT_SETTINGS, providers: [] }),
  });

  const dispatcher = createDispatcher({
    handlers: { ...appHandlers },
    session,
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
    async close() {
      logger.info('core.closed');
    },
  };
}
