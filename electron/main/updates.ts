/**
 * Auto-update from the generic feed in electron-builder.yml, through update-scheduler.ts: it checks every few
 * hours and installs only when the core's update policy allows it (never mid-sale, never with a queue or
 * unresolved outcomes unless the owner says so, in shop hours only with the owner's confirmation).
 */
import electronUpdater from 'electron-updater';
import type { Database } from '../core/db/open';
import type { Logger } from '../core/kernel/logger';
import { createUpdateScheduler, type UpdateScheduler } from './update-scheduler';

export function startAutoUpdates(options: { db: Database; logger: Logger }): UpdateScheduler {
  const scheduler = createUpdateScheduler({ updater: electronUpdater.autoUpdater, db: options.db, logger: options.logger });
  scheduler.start();
  return scheduler;
}
