/**
 * Which sales count for a live shop. Sales made in demo mode (sales.is_demo, migration 6) stay in the ledger
 * and its hash chain, but every report, total and export of a live shop leaves them out through this one
 * condition. Use it in a WHERE clause on the `sales` table (alias it: `liveSalesCondition('s')`).
 */
import type { Database } from 'better-sqlite3';
import type { SaleState } from '../../../shared/contract/sales';

/** SQL condition over the `sales` table, unaliased: `SELECT … FROM sales WHERE ${LIVE_SALES_CONDITION}`. */
export const LIVE_SALES_CONDITION = 'is_demo = 0';

/** The same condition for a query that aliases the sales table (`FROM sales s` → `liveSalesCondition('s')`). */
export function liveSalesCondition(alias: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `${alias}.is_demo = 0`;
}

/** The key of the setting that tells the sales_mark_demo trigger which mode the core runs in. */
export const APP_MODE_SETTING_KEY = 'app.mode';

/** Demo sales not yet in a terminal state (the ones a live start closes), oldest first. */
export function unresolvedDemoSales(db: Database): Array<{ id: string; state: SaleState }> {
  return db
    .prepare<[], { id: string; state: SaleState }>("SELECT id, state FROM sales WHERE is_demo = 1 AND state NOT IN ('succeeded', 'refunded') ORDER BY created_ms, rowid")
    .all();
}

/** How many sales were made in demo mode (kept apart from the live shop's). */
export function demoSalesCount(db: Database): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sales WHERE is_demo = 1').get()?.n ?? 0;
}
