/**
 * Demo to live without surprises. The core records the mode it runs in (`app.mode`) before any sale can start:
 * the sales_mark_demo trigger (migration 6) marks every sale made in demo mode, and a change of mode is journaled.
 * At a live start, demo sales that are not finished (queued, being sent, unknown, pending, owed back) are closed
 * before recovery or the sync engine can see them: moved along legal transitions to `refunded` with the reason
 * "demo sale closed when the shop went live". So no demo sale is ever sent to, or asked about at, a real provider,
 * no demo money shows as owed back, and the sale history stays whole (its hash chain records the closing).
 */
import type { Database } from 'better-sqlite3';
import type { AppMode } from '../../../shared/contract/app';
import type { SaleState } from '../../../shared/contract/sales';
import type { Journal } from '../journal/journal';
import type { Logger } from '../kernel/logger';
import type { Ledger } from '../ledger/ledger';
import { APP_MODE_SETTING_KEY, unresolvedDemoSales } from '../ledger/live-sales';
import { readSetting, writeSetting } from '../settings/store';

export const DEMO_CLOSED_REASON = 'demo sale closed when the shop went live: never sent to a real provider';

/** The legal moves from each unfinished state to `refunded` (ledger/state-machine.ts TRANSITIONS). */
const PATH_TO_CLOSED: Readonly<Record<Exclude<SaleState, 'succeeded' | 'refunded'>, readonly SaleState[]>> = {
  created: ['queued', 'failed', 'refund_due', 'refunded'],
  queued: ['failed', 'refund_due', 'refunded'],
  sending: ['failed', 'refund_due', 'refunded'],
  pending: ['failed', 'refund_due', 'refunded'],
  unknown: ['failed', 'refund_due', 'refunded'],
  failed: ['refund_due', 'refunded'],
  refund_due: ['refunded'],
};

/** Records the mode this start runs in; a change (demo → live or back) is journaled. Answers the previous mode. */
export function recordAppMode(db: Database, journal: Journal, mode: AppMode, at: Date): AppMode | null {
  const previous = readSetting(db, APP_MODE_SETTING_KEY);
  const before = previous === 'demo' || previous === 'live' ? previous : null;
  if (before === mode) return before;
  db.transaction(() => {
    writeSetting(db, APP_MODE_SETTING_KEY, mode, at);
    journal.append({ kind: 'app.mode_changed', actorId: null, subject: mode, detail: { from: before, to: mode } });
  })();
  return before;
}

/** Closes every unfinished demo sale (live start only). Answers how many. */
export function closeDemoSales(db: Database, ledger: Ledger, logger: Logger): number {
  const open = unresolvedDemoSales(db);
  const detail = JSON.stringify({ reason: DEMO_CLOSED_REASON });
  ledger.transaction(() => {
    for (const sale of open) {
      let from: SaleState = sale.state;
      for (const to of PATH_TO_CLOSED[from as keyof typeof PATH_TO_CLOSED]) {
        const patch = to === 'failed' ? { failureMessage: DEMO_CLOSED_REASON } : {};
        ledger.transition(sale.id, from, to, patch, detail);
        from = to;
      }
    }
  });
  if (open.length > 0) logger.warn('setup.demo_sales_closed', { count: open.length });
  return open.length;
}
