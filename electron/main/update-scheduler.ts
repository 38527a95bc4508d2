/**
 * The Electron side of auto-updates, as thin as it can be: it asks the feed every few hours (not only at
 * start-up), records what it found for the tech, and installs only when the core's policy
 * (core/updates/policy.ts) says 'install-now'. It decides nothing itself.
 *
 * electron-updater is reached through `UpdaterPort`, the few members used here, so this file runs in plain
 * Node under test with a fake updater (there is no Electron binary in CI). updates.ts passes the real one.
 *
 * - `autoInstallOnAppQuit` follows the policy at every evaluation: while it says wait or ask-owner, quitting
 *   the app (or the PC shutting down) never installs behind the ledger's back; the download stays cached and
 *   is offered again at the next start.
 * - The channel is read from the settings before every check. Setting `channel` on electron-updater silently
 *   turns `allowDowngrade` on; it is turned off again each time, so a store PC never goes backwards.
 * - Create it after any other configuration of the updater (signature checks, web installer off): it takes
 *   over `autoDownload`, `autoInstallOnAppQuit`, `channel`, `allowPrerelease` and `allowDowngrade`.
 * - Staged rollouts need nothing here: electron-updater reads `stagingPercentage` from the feed and places
 *   this PC by its own stable random id (docs/releasing.md says how to publish one).
 */
import type { Database } from '../core/db/open';
import type { Logger } from '../core/kernel/logger';
import type { UpdateChannel, UpdatePolicyResult } from '../core/updates/policy';
import { loadUpdateSettings, recordUpdateCheck, type LastUpdateCheck } from '../core/updates/settings';
import { decideUpdateNow } from '../core/updates/state';

export interface UpdateInfoLike {
  version: string;
}

/** The members of electron-updater's AppUpdater this adapter uses. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  channel: string | null;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateSchedulerOptions {
  updater: UpdaterPort;
  db: Database;
  logger: Logger;
  now?: () => number;
  /** How often to ask the feed. */
  checkEveryMs?: number;
  /** How often to ask the policy again while a downloaded update waits (to catch the next idle moment). */
  evaluateEveryMs?: number;
  /** Called just before quitAndInstall: a kiosk lets this one quit through (electron/main/kiosk.ts). */
  onBeforeInstall?: () => void;
}

export const DEFAULT_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
export const DEFAULT_EVALUATE_EVERY_MS = 60 * 1000;

/** The feed file each channel reads: stable is electron-builder's `latest` (latest.yml), beta reads beta.yml. */
export const FEED_CHANNEL: Record<UpdateChannel, string> = { stable: 'latest', beta: 'beta' };

export interface UpdateScheduler {
  /** Checks now, then every `checkEveryMs`. */
  start(): void;
  stop(): void;
  /** Asks the feed once (also what the timer does). */
  checkNow(): Promise<void>;
  /** Asks the policy about the downloaded update, installing if it says so; null when nothing is downloaded. */
  evaluate(): UpdatePolicyResult | null;
  readonly downloadedVersion: string | null;
}

export function createUpdateScheduler(options: UpdateSchedulerOptions): UpdateScheduler {
  const { updater, db, logger } = options;
  const now = options.now ?? Date.now;
  let downloadedVersion: string | null = null;
  let lastReasonCode: string | null = null;
  let installing = false;
  let checkTimer: ReturnType<typeof setInterval> | null = null;
  let evaluateTimer: ReturnType<typeof setInterval> | null = null;

  const record = (check: Omit<LastUpdateCheck, 'at'>) => recordUpdateCheck(db, { at: new Date(now()).toISOString(), ...check });

  function applyChannel(): void {
    const feed = FEED_CHANNEL[loadUpdateSettings(db).channel];
    if (updater.channel !== feed) updater.channel = feed;
    updater.allowPrerelease = feed === FEED_CHANNEL.beta;
    updater.allowDowngrade = false;
  }

  function evaluate(): UpdatePolicyResult | null {
    if (downloadedVersion === null || installing) return null;
    const { result } = decideUpdateNow(db, { now: now(), updateDownloaded: true });
    updater.autoInstallOnAppQuit = result.decision === 'install-now';
    if (result.reason.code !== lastReasonCode) {
      lastReasonCode = result.reason.code;
      logger.info('updates.policy', { version: downloadedVersion, decision: result.decision, reason: result.reason.code });
    }
    if (result.decision === 'install-now') install();
    return result;
  }

  function install(): void {
    installing = true;
    stopTimers();
    logger.info('updates.installing', { version: downloadedVersion });
    try {
      options.onBeforeInstall?.();
      // Silent (the NSIS wizard would wait for a click on an unattended kiosk), then start the new version.
      updater.quitAndInstall(true, true);
    } catch (error) {
      installing = false;
      updater.autoInstallOnAppQuit = false;
      logger.error('updates.install_failed', { error: String(error) });
    }
  }

  async function checkNow(): Promise<void> {
    if (installing) return;
    applyChannel();
    try {
      await updater.checkForUpdates();
    } catch (error) {
      // electron-updater also emits 'error' for most failures; recording twice is harmless, missing one is not.
      record({ result: 'error', error: error instanceof Error ? error.message : String(error) });
      logger.warn('updates.check_failed', { error: String(error) });
    }
  }

  function stopTimers(): void {
    if (checkTimer) clearInterval(checkTimer);
    if (evaluateTimer) clearInterval(evaluateTimer);
    checkTimer = evaluateTimer = null;
  }

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.on('update-available', (info) => record({ result: 'downloading', version: info.version }));
  updater.on('update-not-available', (info) => record({ result: 'up-to-date', version: info.version }));
  updater.on('error', (error) => {
    record({ result: 'error', error: error.message });
    logger.warn('updates.error', { error: error.message });
  });
  updater.on('update-downloaded', (info) => {
    downloadedVersion = info.version;
    record({ result: 'downloaded', version: info.version });
    logger.info('updates.downloaded', { version: info.version });
    evaluateTimer ??= setInterval(evaluate, options.evaluateEveryMs ?? DEFAULT_EVALUATE_EVERY_MS);
    evaluate();
  });

  return {
    start() {
      void checkNow();
      checkTimer ??= setInterval(() => void checkNow(), options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
    },
    stop: stopTimers,
    checkNow,
    evaluate,
    get downloadedVersion() {
      return downloadedVersion;
    },
  };
}
