/**
 * The owner's shift policy, settings key `shiftPolicy`: whether a zero-float shift opens by itself at the first
 * sale, and how large a closing difference may be before the owner's PIN and a note are needed. The schema and
 * default live in the contract (shared/contract/backoffice.ts) so the settings screen and the core read one
 * definition; the settings registry stores the key, this module reads it (default when absent or unreadable).
 */
import type { Database } from 'better-sqlite3';
import { DEFAULT_SHIFT_POLICY, SHIFT_POLICY_SETTING_KEY, ShiftPolicySchema, type ShiftPolicy } from '../../../shared/contract/backoffice';
import { readSetting } from '../settings/store';

export { DEFAULT_SHIFT_POLICY, SHIFT_POLICY_SETTING_KEY, ShiftPolicySchema, type ShiftPolicy };

export function loadShiftPolicy(db: Database): ShiftPolicy {
  const parsed = ShiftPolicySchema.safeParse(readSetting(db, SHIFT_POLICY_SETTING_KEY));
  return parsed.success ? parsed.data : { ...DEFAULT_SHIFT_POLICY };
}
