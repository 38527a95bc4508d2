/**
 * The history of each provider's reachability: a row in connectivity_history (migration 003) each time a
 * provider goes from reachable to unreachable or back, as the `connectivity.changed` event reports it.
 * All SQL on that table is here. Rows older than a week are dropped as new ones arrive.
 */
import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/contract/app';
import type { ConnectivityTransition } from '../../../shared/contract/diagnostics';
import type { Connectivity } from '../../../shared/contract/sales';

const KEEP_MS = 7 * 24 * 3600_000;

interface HistoryRow {
  provider: ProviderId;
  at_ms: number;
  reachable: number;
  error: string | null;
}

export class ConnectivityHistory {
  private readonly stmt;

  constructor(db: Database) {
    this.stmt = {
      insert: db.prepare<[string, number, number, string | null]>('INSERT INTO connectivity_history (provider, at_ms, reachable, error) VALUES (?, ?, ?, ?)'),
      latest: db.prepare<[string], { reachable: number }>('SELECT reachable FROM connectivity_history WHERE provider = ? ORDER BY at_ms DESC, id DESC LIMIT 1'),
      since: db.prepare<[number], HistoryRow>('SELECT provider, at_ms, reachable, error FROM connectivity_history WHERE at_ms >= ? ORDER BY at_ms, id'),
      prune: db.prepare<[number]>('DELETE FROM connectivity_history WHERE at_ms < ?'),
    };
  }

  /** Records the providers whose reachability differs from the last row kept for them; answers how many. */
  record(snapshot: Connectivity, nowMs: number): number {
    let recorded = 0;
    for (const provider of snapshot.providers) {
      const last = this.stmt.latest.get(provider.id);
      if (last && Boolean(last.reachable) === provider.reachable) continue;
      const atMs = provider.checkedAt ? Date.parse(provider.checkedAt) : nowMs;
      this.stmt.insert.run(provider.id, Number.isFinite(atMs) ? atMs : nowMs, provider.reachable ? 1 : 0, provider.reachable ? null : provider.lastError);
      recorded += 1;
    }
    if (recorded > 0) this.stmt.prune.run(nowMs - KEEP_MS);
    return recorded;
  }

  since(sinceMs: number): ConnectivityTransition[] {
    return this.stmt.since.all(sinceMs).map((row) => ({ at: new Date(row.at_ms).toISOString(), provider: row.provider, reachable: row.reachable === 1, error: row.error }));
  }
}
