/**
 * What the sync engine last learned from the providers (catalogs, balances, connectivity), kept in SQLite so
 * the cashier's screens work offline and after a restart. This file is the caches' repository: all SQL on
 * catalog_cache, balance_cache and connectivity_cache is here, prepared once.
 */
import type { Database } from 'better-sqlite3';
import type { Balances, Catalog, CatalogProductView, Connectivity } from '../../../shared/contract/sales';
import type { ProviderId } from '../../../shared/contract/app';
import type { Money } from '../../../shared/money';
import type { Balance, CatalogProduct } from '../providers/types';
import { bundleIncludes } from './bundle-includes';

interface CatalogRow {
  provider: string;
  country: string;
  carrier: string;
  sku: string | null;
  name: string;
  type: 'topup' | 'bundle';
  amount_minor: number | null;
  min_minor: number | null;
  max_minor: number | null;
  currency: string;
  refreshed_at: string;
}

export interface CachedProduct extends CatalogProductView {
  country: string;
}

interface BalanceRow {
  provider: string;
  balance_minor: number;
  available_minor: number;
  currency: string;
  refreshed_at: string;
}

interface ConnectivityRow {
  provider: string;
  reachable: number;
  checked_at: string | null;
  last_error: string | null;
}

type CatalogInsert = [string, string, string, string | null, string, string, number | null, number | null, number | null, string, string];

/** Whether a provider's available balance is low enough to warn the counter (the owner's threshold, composed above). */
export type LowBalanceRule = (provider: ProviderId, available: Money) => boolean;

/** Without the owner's thresholds: under 20.00 of the balance's currency. */
const DEFAULT_LOW_BALANCE: LowBalanceRule = (_provider, available) => available.minor < 2000;

export class CacheStore {
  private readonly stmt;

  constructor(
    private readonly db: Database,
    private readonly isLow: LowBalanceRule = DEFAULT_LOW_BALANCE,
  ) {
    this.stmt = {
      removeCatalog: db.prepare<[string, string]>('DELETE FROM catalog_cache WHERE provider = ? AND country = ?'),
      insertProduct: db.prepare<CatalogInsert>(`INSERT INTO catalog_cache (provider, country, carrier, sku, name, type, amount_minor, min_minor, max_minor, currency, refreshed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      productsOf: db.prepare<[string, string], CatalogRow>('SELECT * FROM catalog_cache WHERE country = ? AND provider = ? ORDER BY carrier, provider, amount_minor, rowid'),
      productsIn: db.prepare<[string], CatalogRow>('SELECT * FROM catalog_cache WHERE country = ? ORDER BY carrier, provider, amount_minor, rowid'),
      hasCatalog: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM catalog_cache WHERE provider = ? AND country = ? LIMIT 1'),
      skuOf: db.prepare<[string, string], CatalogRow>('SELECT * FROM catalog_cache WHERE provider = ? AND sku = ? LIMIT 1'),
      anySku: db.prepare<[string], CatalogRow>('SELECT * FROM catalog_cache WHERE sku = ? ORDER BY rowid LIMIT 1'),
      refreshedAt: db.prepare<[string], { at: string | null }>('SELECT MAX(refreshed_at) AS at FROM catalog_cache WHERE country = ?'),
      upsertBalance: db.prepare<[string, number, number, string, string]>(`INSERT INTO balance_cache (provider, balance_minor, available_minor, currency, refreshed_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (provider) DO UPDATE SET balance_minor = excluded.balance_minor, available_minor = excluded.available_minor,
        currency = excluded.currency, refreshed_at = excluded.refreshed_at`),
      balances: db.prepare<[], BalanceRow>('SELECT * FROM balance_cache ORDER BY provider'),
      upsertConnectivity: db.prepare<[string, number, string, string | null]>(`INSERT INTO connectivity_cache (provider, reachable, checked_at, last_error) VALUES (?, ?, ?, ?)
        ON CONFLICT (provider) DO UPDATE SET reachable = excluded.reachable, checked_at = excluded.checked_at, last_error = excluded.last_error`),
      connectivity: db.prepare<[], ConnectivityRow>('SELECT * FROM connectivity_cache'),
    };
  }

  /** Replaces one provider's catalog for one country, atomically. */
  replaceCatalog(provider: ProviderId, country: string, products: readonly CatalogProduct[], at: string): void {
    const { removeCatalog: remove, insertProduct: insert } = this.stmt;
    this.db.transaction(() => {
      remove.run(provider, country);
      for (const product of products) {
        const currency = product.amount?.currency ?? product.min?.currency ?? product.max?.currency ?? 'MXN';
        insert.run(provider, country, product.carrier, product.sku ?? null, product.name, product.type, product.amount?.minor ?? null, product.min?.minor ?? null, product.max?.minor ?? null, currency, at);
      }
    })();
  }

  products(country: string, provider?: ProviderId): CachedProduct[] {
    const rows = provider ? this.stmt.productsOf.all(country, provider) : this.stmt.productsIn.all(country);
    return rows.map((row) => ({
      provider: row.provider as ProviderId,
      country: row.country,
      sku: row.sku,
      name: row.name,
      carrier: row.carrier,
      type: row.type,
      amount: row.amount_minor !== null ? { minor: row.amount_minor, currency: row.currency } : null,
      min: row.min_minor !== null ? { minor: row.min_minor, currency: row.currency } : null,
      max: row.max_minor !== null ? { minor: row.max_minor, currency: row.currency } : null,
      // Issue 14: a bundle says what it includes, read from its catalog name.
      ...(row.type === 'bundle' ? { includes: bundleIncludes(row.name) } : {}),
    }));
  }

  /** Countries with at least one cached product, each with its carriers and the currency it is sold in. */
  cachedCountries(): Array<{ country: string; currency: string; carriers: string[] }> {
    const rows = this.db.prepare<[], { country: string; currency: string; carrier: string }>('SELECT DISTINCT country, currency, carrier FROM catalog_cache ORDER BY country, carrier').all();
    const byCountry = new Map<string, { country: string; currency: string; carriers: string[] }>();
    for (const row of rows) {
      const entry = byCountry.get(row.country) ?? { country: row.country, currency: row.currency, carriers: [] };
      if (!entry.carriers.includes(row.carrier)) entry.carriers.push(row.carrier);
      byCountry.set(row.country, entry);
    }
    return [...byCountry.values()];
  }

  hasCatalog(provider: ProviderId, country: string): boolean {
    return this.stmt.hasCatalog.get(provider, country) !== undefined;
  }

  productBySku(provider: ProviderId | null, sku: string): CachedProduct | null {
    const row = provider ? this.stmt.skuOf.get(provider, sku) : this.stmt.anySku.get(sku);
    if (!row) return null;
    return this.products(row.country, row.provider as ProviderId).find((product) => product.sku === sku) ?? null;
  }

  /** `kind`: only top-ups or only bundles (issue 14); carriers are those with a product of that kind. */
  catalog(country: string, kind?: 'topup' | 'bundle'): Catalog {
    const products = this.products(country).filter((product) => !kind || product.type === kind);
    const carriers = new Map<string, Set<ProviderId>>();
    for (const product of products) {
      const set = carriers.get(product.carrier) ?? new Set<ProviderId>();
      set.add(product.provider);
      carriers.set(product.carrier, set);
    }
    const refreshed = this.stmt.refreshedAt.get(country);
    return {
      country,
      carriers: [...carriers.entries()].map(([name, providers]) => ({ name, providers: [...providers] })),
      products: products.map(({ country: _country, ...view }) => view),
      refreshedAt: refreshed?.at ?? null,
    };
  }

  setBalance(provider: ProviderId, balance: Balance, at: string): void {
    this.stmt.upsertBalance.run(provider, balance.balance.minor, balance.available.minor, balance.balance.currency, at);
  }

  /** `lowBelowMinor`, when given, replaces the low-balance rule: the available amount under which a balance is low. */
  balances(lowBelowMinor?: number): Balances {
    const rows = this.stmt.balances.all();
    return {
      balances: rows.map((row) => ({
        provider: row.provider as ProviderId,
        balance: { minor: row.balance_minor, currency: row.currency },
        available: { minor: row.available_minor, currency: row.currency },
        low: lowBelowMinor !== undefined ? row.available_minor < lowBelowMinor : this.isLow(row.provider as ProviderId, { minor: row.available_minor, currency: row.currency }),
        refreshedAt: row.refreshed_at,
      })),
    };
  }

  setConnectivity(provider: ProviderId, reachable: boolean, at: string, lastError: string | null): void {
    this.stmt.upsertConnectivity.run(provider, reachable ? 1 : 0, at, lastError);
  }

  connectivity(providers: readonly ProviderId[]): Connectivity {
    const rows = this.stmt.connectivity.all();
    const byId = new Map(rows.map((row) => [row.provider, row]));
    const list = providers.map((id) => {
      const row = byId.get(id);
      return { id, reachable: row ? row.reachable === 1 : true, checkedAt: row?.checked_at ?? null, lastError: row?.last_error ?? null };
    });
    return { online: list.some((provider) => provider.reachable), providers: list };
  }
}
