/**
 * "Saldo se actualizó de X a Y": when the notice is shown. The core answers the last change of version on
 * every start; the notice shows after a sign-in until someone dismisses it on this kiosk, and not at all once
 * the update is old news (a kiosk reinstalled or with its storage cleared weeks later stays quiet).
 */
import type { AppInfo } from '../../../../shared/contract/app';

export type VersionChange = NonNullable<AppInfo['lastUpdate']>;

/** How long after an update its notice may still be shown. */
export const WHAT_CHANGED_SHOWN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the kiosk remembers the dismissed notice (one update at a time). */
export const WHAT_CHANGED_STORAGE_KEY = 'saldo.updates.whatChangedDismissed';

/** Identifies one update: the same versions installed again later is a new update. */
export function versionChangeKey(change: VersionChange): string {
  return `${change.from}>${change.to}@${change.at}`;
}

export function shouldShowWhatChanged(change: VersionChange | undefined, dismissedKey: string | null, nowMs: number): change is VersionChange {
  if (!change) return false;
  if (dismissedKey === versionChangeKey(change)) return false;
  const age = nowMs - Date.parse(change.at);
  return Number.isFinite(age) && age >= -DAY_MS && age <= WHAT_CHANGED_SHOWN_DAYS * DAY_MS;
}
