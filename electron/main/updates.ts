/**
 * Auto-update from the generic feed in electron-builder.yml. Updates download in the background and install
 * when the app quits, so an update never interrupts a sale. Setting a channel silently turns on
 * allowDowngrade in electron-updater; it is turned off again because a store PC must never go backwards.
 */
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/kernel/logger';

export function startAutoUpdates(options: { channel?: string; logger: Logger }): void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  if (options.channel) autoUpdater.channel = options.channel;
  autoUpdater.allowDowngrade = false;
  autoUpdater.on('error', (error) => options.logger.warn('updates.error', { error: error.message }));
  autoUpdater.on('update-downloaded', (info) => options.logger.info('updates.downloaded', { version: info.version }));
  autoUpdater.checkForUpdates().catch((error: unknown) => options.logger.warn('updates.check_failed', { error: String(error) }));
}
