/**
 * `npm run cli -- update-policy`: what the update policy decides now and why, from the real ledger and
 * settings of SALDO_DATA_DIR, for a tech on the phone with the owner. One JSON line, exit 0 (or 1 on bad input).
 *
 *   update-policy                                  the decision now, and what it would be with an update ready
 *   update-policy --channel beta --shop-hours 8-21 change the owner's update settings first (validated)
 *   update-policy --owner-confirms [--allow-queue] record the owner's yes (valid 12 h), then decide
 *   update-policy --withdraw                       withdraw the owner's yes
 *
 * Whether an update is downloaded is known only to the running app; it records each check in the settings,
 * and that record is what "updateDownloaded" is read from here. The answer is the `updates.status` channel's,
 * with the decision first: {"ok":true,"now","updatePolicy":{decision,reason,shopOpen},"ifUpdateReady",…}.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { databaseFileIn, openDatabase } from '../core/db/open';
import { packageVersion, resolveDataDir } from '../core/data-dir';
import type { ShopHours, UpdateChannel } from '../core/updates/policy';
import { giveOwnerConsent, saveUpdateSettings, withdrawOwnerConsent } from '../core/updates/settings';
import { updateStatus } from '../core/updates/state';

const FLAGS = {
  channel: { type: 'string' },
  'shop-hours': { type: 'string' },
  'owner-confirms': { type: 'boolean' },
  'allow-queue': { type: 'boolean' },
  withdraw: { type: 'boolean' },
} as const;

class UsageError extends Error {}

export interface UpdatePolicyCommandOptions {
  dataDir?: string;
  now?: () => Date;
  version?: string;
  output?: (line: string) => void;
}

function parseShopHours(text: string): ShopHours {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) throw new UsageError('--shop-hours takes OPEN-CLOSE in whole hours, e.g. 8-21 (18-2 crosses midnight, 0-24 is all day)');
  return { open: Number(match[1]), close: Number(match[2]) };
}

function runningVersion(): string {
  return packageVersion(fileURLToPath(new URL('../../package.json', import.meta.url)));
}

export function runUpdatePolicyCommand(argv: string[], options: UpdatePolicyCommandOptions = {}): number {
  const output = options.output ?? ((line: string) => process.stdout.write(`${line}\n`));
  const fail = (code: string, message: string) => {
    output(JSON.stringify({ ok: false, error: { code, message } }));
    return 1;
  };
  let values: { channel?: string; 'shop-hours'?: string; 'owner-confirms'?: boolean; 'allow-queue'?: boolean; withdraw?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true }));
    if (values['allow-queue'] && !values['owner-confirms']) throw new UsageError('--allow-queue goes with --owner-confirms');
    if (values.withdraw && values['owner-confirms']) throw new UsageError('--withdraw and --owner-confirms contradict each other');
  } catch (error) {
    return fail('invalid_input', error instanceof Error ? error.message : String(error));
  }

  const dataDir = options.dataDir ?? resolveDataDir();
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase({ file: databaseFileIn(dataDir) });
  try {
    const now = (options.now ?? (() => new Date()))();
    const changes: { channel?: UpdateChannel; shopHours?: ShopHours } = {};
    if (values.channel !== undefined) changes.channel = values.channel as UpdateChannel;
    if (values['shop-hours'] !== undefined) changes.shopHours = parseShopHours(values['shop-hours']);
    saveUpdateSettings(db, changes, now);
    if (values['owner-confirms']) giveOwnerConsent(db, values['allow-queue'] ?? false, now);
    if (values.withdraw) withdrawOwnerConsent(db);
    const { policy, ...rest } = updateStatus(db, { now: now.getTime(), version: options.version ?? runningVersion() });
    output(JSON.stringify({ ok: true, now: now.toISOString(), updatePolicy: policy, ...rest }));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail('invalid_input', error.message);
    if (error instanceof ZodError) return fail('invalid_input', error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; '));
    return fail('internal', error instanceof Error ? error.message : String(error));
  } finally {
    db.close();
  }
}
