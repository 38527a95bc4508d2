/** Refreshing the offline caches: each provider's balance and catalogs into SQLite, for screens that must work offline. */
import type { SyncDeps } from './options';

type RefreshDeps = Pick<SyncDeps, 'adapters' | 'cache' | 'connectivity' | 'events' | 'clock' | 'logger'>;

export async function refreshCaches(deps: RefreshDeps, countries: readonly string[]): Promise<void> {
  const at = new Date(deps.clock.now()).toISOString();
  let balancesChanged = false;
  await Promise.all(
    [...deps.adapters.values()].map(async (adapter) => {
      try {
        const balance = await adapter.balance();
        deps.connectivity.observe(adapter.id, balance);
        if (balance.ok) {
          deps.cache.setBalance(adapter.id, balance.value, at);
          balancesChanged = true;
        }
        for (const country of countries.filter((code) => adapter.capabilities.countries.includes(code))) {
          const [catalog, carriers] = await Promise.all([adapter.catalog(country), adapter.carriers(country)]);
          deps.connectivity.observe(adapter.id, catalog);
          if (!catalog.ok) continue;
          // Providers name carriers differently (Liquido's merchant ids): store the carrier's display name.
          const names = new Map((carriers.ok ? carriers.value : []).map((carrier) => [carrier.id.toLowerCase(), carrier.name]));
          const products = catalog.value.map((product) => ({ ...product, carrier: names.get(product.carrier.toLowerCase()) ?? product.carrier }));
          deps.cache.replaceCatalog(adapter.id, country, products, at);
        }
      } catch (error) {
        deps.logger.warn('sync.refresh_failed', { provider: adapter.id, error: String(error) });
      }
    }),
  );
  if (balancesChanged) deps.events.emit('balances.changed', deps.cache.balances());
}
