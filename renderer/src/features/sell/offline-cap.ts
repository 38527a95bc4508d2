/**
 * Which of the owner's offline caps refused a sale, so the counter can name it ("hasta $50.00 por venta").
 * The core refuses with `offline_not_allowed`; the cap comes from its issues ("maxSale: 5000 MXN", minor units)
 * when it gives them, otherwise from the reason sentence sales/policy.ts writes today ("limited to 50 MXN each",
 * "at most 5000 MXN in total"), read as a stopgap until the core sends the issue.
 */
import { moneyFromMajor, type Money } from '../../../../shared/money';
import { ClientError } from '../../bridge/client';

export interface OfflineCap {
  kind: 'sale' | 'total';
  cap: Money;
}

const ISSUE = /^(maxSale|maxQueuedTotal): (\d+) ([A-Z]{3})$/;
const REASONS: readonly { kind: OfflineCap['kind']; pattern: RegExp }[] = [
  { kind: 'sale', pattern: /limited to (\d+(?:\.\d+)?) ([A-Z]{3}) each/ },
  { kind: 'total', pattern: /at most (\d+(?:\.\d+)?) ([A-Z]{3}) in total/ },
];

export function offlineCapOf(error: unknown): OfflineCap | null {
  if (!(error instanceof ClientError) || error.code !== 'offline_not_allowed') return null;
  for (const issue of error.issues) {
    const found = ISSUE.exec(issue);
    if (found) return { kind: found[1] === 'maxSale' ? 'sale' : 'total', cap: { minor: Number(found[2]), currency: found[3] ?? '' } };
  }
  for (const { kind, pattern } of REASONS) {
    const found = pattern.exec(error.message);
    if (found?.[1] && found[2]) return { kind, cap: moneyFromMajor(found[1], found[2]) };
  }
  return null;
}
