/**
 * Auto-update from the generic feed in electron-builder.yml, through update-scheduler.ts: it checks every few
 * hours and installs only when the core's update policy allows it (never mid-sale, never with a queue or
 * unresolved outcomes unless the owner says so, in shop hours only with the owner's confirmation); the channel
 * (stable or beta) comes from the shop's settings. A store PC never goes backwards (setting a
 * channel silently turns allowDowngrade on in electron-updater; it is turned off again), follows only the
 * stable or beta channel, never runs a web installer, and on Windows installs only updates signed by
 * Saldo's publisher (update-signature.ts); without a publisher to check against it does not update at all.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import electronUpdater, { type AppUpdater } from 'electron-updater';
import type { Database } from '../core/db/open';
import type { Logger } from '../core/kernel/logger';
import { createUpdateScheduler, type UpdateScheduler } from './update-scheduler';
import { requireSignedUpdates, updateConfigNamesPublisher } from './update-signature';

/** `latest` is stable; `beta` also receives x.y.z-beta.N builds. docs/releasing.md explains both. */
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

export function updateChannelFrom(requested: string | undefined): UpdateChannel {
  return UPDATE_CHANNELS.find((channel) => channel === requested) ?? 'latest';
}

/** Everything the kiosk's updater must be, in one place; also applied in the plain-Node updater test. */
export function configureAutoUpdater(updater: AppUpdater, channel: UpdateChannel): void {
  updater.autoDownload = true;
  // Off until the scheduler's policy says install-now (it re-decides at every evaluation).
  updater.autoInstallOnAppQuit = false;
  updater.channel = channel;
  updater.allowPrerelease = channel === 'beta';
  updater.allowDowngrade = false;
  updater.disableWebInstaller = true;
  updater.forceDevUpdateConfig = false;
  if (updater instanceof electronUpdater.NsisUpdater) {
    updater.verifyUpdateCodeSignature = requireSignedUpdates(updater.verifyUpdateCodeSignature);
  }
}

/** On Windows, the reason auto-update must stay off (app-update.yml names no publisher), or null. */
export async function windowsUpdateBlocker(platform: NodeJS.Platform, appUpdateYmlPath: string): Promise<string | null> {
  if (platform !== 'win32') return null;
  try {
    const config = await readFile(appUpdateYmlPath, 'utf8');
    return updateConfigNamesPublisher(config) ? null : 'app-update.yml names no publisherName: updates could not be verified';
  } catch (error) {
    return `app-update.yml could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Starts the scheduler once the Windows signature check can work; null when updates must stay off. */
export async function startAutoUpdates(options: { db: Database; logger: Logger; onBeforeInstall?: () => void }): Promise<UpdateScheduler | null> {
  const blocker = await windowsUpdateBlocker(process.platform, join(process.resourcesPath, 'app-update.yml'));
  if (blocker !== null) {
    options.logger.error('updates.disabled_unverifiable', { reason: blocker });
    return null;
  }
  const { autoUpdater } = electronUpdater;
  configureAutoUpdater(autoUpdater, 'latest');
  const scheduler = createUpdateScheduler({ updater: autoUpdater, db: options.db, logger: options.logger, onBeforeInstall: options.onBeforeInstall });
  scheduler.start();
  return scheduler;
}
