/**
 * The policy's input from the real ledger and settings of one data folder: the Electron scheduler asks it
 * before every install, `cli update-policy` and the `updates.status` channel ask it for the tech and the
 * owner. Only the updater knows for sure whether an update has been downloaded; readers in other processes
 * go by the check it recorded.
 */
import type { Database } from 'better-sqlite3';
import type { UpdateStatus } from '../../../shared/contract/updates';
import { Ledger } from '../ledger/ledger';
import { silentLogger } from '../kernel/logger';
import { createSettingsStore } from '../settings/store';
import { decideUpdate, type UpdatePolicyInput, type UpdatePolicyResult } from './policy';
import { loadUpdateSettings, ownerPermissionAt, readLastUpdateCheck } from './settings';

export function readUpdatePolicyInput(db: Database, facts: { now: number; updateDownloaded: boolean }): UpdatePolicyInput {
  const ledger = new Ledger(db);
  const { channel, shopHours } = loadUpdateSettings(db);
  const { timeZone } = createSettingsStore(db, silentLogger).read();
  return {
    sending: ledger.countInStates(['created', 'sending']) > 0,
    queued: ledger.countInStates(['queued']),
    unknown: ledger.countInStates(['unknown']),
    pending: ledger.countInStates(['pending']),
    shopHours,
    timeZone,
    now: facts.now,
    ...ownerPermissionAt(db, facts.now),
    updateDownloaded: facts.updateDownloaded,
    channel,
  };
}

export function decideUpdateNow(db: Database, facts: { now: number; updateDownloaded: boolean }): { input: UpdatePolicyInput; result: UpdatePolicyResult } {
  const input = readUpdatePolicyInput(db, facts);
  return { input, result: decideUpdate(input) };
}

/**
 * Whether the running app has an update ready, as far as a reader of the data folder can tell: the app's
 * last check downloaded a version other than the one running.
 */
export function updateDownloadedPerLastCheck(db: Database, runningVersion: string): boolean {
  const lastCheck = readLastUpdateCheck(db);
  return lastCheck?.result === 'downloaded' && lastCheck.version !== runningVersion;
}

/** Everything a tech or owner asks about updates, for `cli update-policy` and the `updates.status` channel. */
export function updateStatus(db: Database, facts: { now: number; version: string; updateDownloaded?: boolean }): UpdateStatus {
  const updateDownloaded = facts.updateDownloaded ?? updateDownloadedPerLastCheck(db, facts.version);
  const input = readUpdatePolicyInput(db, { now: facts.now, updateDownloaded });
  return {
    version: facts.version,
    policy: decideUpdate(input),
    ifUpdateReady: decideUpdate({ ...input, updateDownloaded: true }),
    ledger: { sending: input.sending, queued: input.queued, unknown: input.unknown, pending: input.pending },
    channel: input.channel,
    shopHours: input.shopHours,
    timeZone: input.timeZone,
    ownerConfirmed: input.ownerConfirmed,
    ownerAllowsNonEmptyQueue: input.ownerAllowsNonEmptyQueue,
    lastCheck: readLastUpdateCheck(db),
  };
}
