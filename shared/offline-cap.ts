/**
 * Which of the owner's offline caps refused a sale, told beside the `offline_not_allowed` error as one issue
 * ("maxSale: 5000 MXN", minor units) so the counter names the cap in the cashier's language ("hasta $50.00 por
 * venta") without reading the core's English sentence. Written by the core's offline policy, read by the renderer.
 */
import type { Money } from './money';

export interface OfflineCap {
  /** `sale`: the largest single queued sale; `total`: the largest total of all queued sales together. */
  kind: 'sale' | 'total';
  cap: Money;
}

const ISSUE_NAMES = { sale: 'maxSale', total: 'maxQueuedTotal' } as const;
const ISSUE = /^(maxSale|maxQueuedTotal): (\d+) ([A-Z]{3})$/;

export function offlineCapIssue(cap: OfflineCap): string {
  return `${ISSUE_NAMES[cap.kind]}: ${cap.cap.minor} ${cap.cap.currency}`;
}

/** The cap an issue names, or null for any other issue. */
export function readOfflineCapIssue(issue: string): OfflineCap | null {
  const found = ISSUE.exec(issue);
  if (!found?.[3]) return null;
  return { kind: found[1] === 'maxSale' ? 'sale' : 'total', cap: { minor: Number(found[2]), currency: found[3] } };
}
