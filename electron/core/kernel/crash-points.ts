/**
 * Named points on the sale and sync paths where the crash tests kill the process (SIGKILL, no cleanup).
 * No-ops unless SALDO_CRASH_AT names the point; SALDO_CRASH_AFTER=n fires on its n-th visit (default 1);
 * SALDO_CRASH_DELAY_MS delays the kill (for "after send, before the answer", so the request has left).
 */
export const CRASH_POINTS = [
  'before-sale-commit',
  'after-commit-before-send',
  'after-send-before-answer',
  'after-provider-before-local-commit',
  'mid-drain',
  'during-recovery',
  // The owed-back paths (issue 15): failing a sale and owing it back is one transaction; a hand-back is another.
  'between-failed-and-owed-back',
  'before-refund-commit',
  'after-refund-commit-before-answer',
  // The back office (issue 13): a cash movement, a shift's count and close, a day's Z, each one transaction.
  'before-cash-movement-commit',
  'before-shift-end-commit',
  'before-shift-close-commit',
  'before-day-close-commit',
  // The bill-pay path (issue 14): the same guarantees as a top-up, killed at its own named points.
  'bill-before-sale-commit',
  'bill-after-commit-before-send',
  'bill-after-send-before-answer',
  'bill-after-provider-before-local-commit',
] as const;
export type CrashPointName = (typeof CRASH_POINTS)[number];

const visits = new Map<string, number>();

function armed(name: CrashPointName): boolean {
  const target = process.env.SALDO_CRASH_AT;
  if (!target || target !== name) return false;
  const count = (visits.get(name) ?? 0) + 1;
  visits.set(name, count);
  const after = Number(process.env.SALDO_CRASH_AFTER ?? '1');
  return count === (Number.isFinite(after) && after > 0 ? after : 1);
}

export function crashPoint(name: CrashPointName): void {
  if (!armed(name)) return;
  const delay = Number(process.env.SALDO_CRASH_DELAY_MS ?? '0');
  if (delay > 0) {
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), delay);
    return;
  }
  process.kill(process.pid, 'SIGKILL');
}
