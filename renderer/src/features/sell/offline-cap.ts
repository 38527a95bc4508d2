/**
 * Which of the owner's offline caps refused a sale, so the counter can name it ("hasta $50.00 por venta"): the core
 * refuses with `offline_not_allowed` and tells the cap as an issue (shared/offline-cap.ts).
 */
import { readOfflineCapIssue, type OfflineCap } from '../../../../shared/offline-cap';
import { ClientError } from '../../bridge/client';

export type { OfflineCap };

export function offlineCapOf(error: unknown): OfflineCap | null {
  if (!(error instanceof ClientError) || error.code !== 'offline_not_allowed') return null;
  for (const issue of error.issues) {
    const cap = readOfflineCapIssue(issue);
    if (cap) return cap;
  }
  return null;
}
