/**
 * Read-only counts over the sales table for what to offer first: sales per country (the country picker, most
 * sold first) and the carrier a number was last sold with ("No sé la compañía" offers it first). Prepared once.
 */
import type { Database } from 'better-sqlite3';

export interface LastCarrier {
  carrier: string;
  detected: boolean;
  lastMs: number;
}

export class SalesStats {
  private readonly stmt;

  constructor(db: Database) {
    this.stmt = {
      byCountry: db.prepare<[], { country: string; n: number }>("SELECT country, COUNT(*) AS n FROM sales WHERE kind != 'bill' GROUP BY country"),
      // The carrier as sold: the detected one for a "No sé la compañía" sale (once the provider named it).
      lastCarrier: db.prepare<[string, string], { carrier: string; carrier_detect: number; detected_carrier: string | null; created_ms: number }>(
        `SELECT carrier, carrier_detect, detected_carrier, created_ms FROM sales
         WHERE phone = ? AND country = ? AND kind != 'bill' AND (carrier_detect = 0 OR detected_carrier IS NOT NULL)
         ORDER BY created_ms DESC, rowid DESC LIMIT 1`,
      ),
    };
  }

  salesByCountry(): Map<string, number> {
    return new Map(this.stmt.byCountry.all().map((row) => [row.country, row.n]));
  }

  lastCarrier(phone: string, country: string): LastCarrier | null {
    const row = this.stmt.lastCarrier.get(phone, country);
    if (!row) return null;
    const detected = row.carrier_detect === 1;
    return { carrier: detected ? (row.detected_carrier ?? '') : row.carrier, detected, lastMs: row.created_ms };
  }
}
