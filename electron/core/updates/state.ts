/**
 * The policy's input from the real ledger and settings of one data folder: the Electron scheduler asks it
 * before every install, `cli update-policy` asks it for the tech. Only the updater knows whether an update
 * has been downloaded, so that one fact is passed in.
 */
import type { Database } from 'better-sqlite3';
import { Ledger } from '../ledger/ledger';
import { silentLogger } from '../kernel/logger';
import { createSettingsStore } from '../settings/store';
import { decideUpdate, type UpdatePolicyInput, type UpdatePolicyResult } from './policy';
import { loadUpdateSettings, ownerPermissionAt } from './settings';

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
