/**
 * The order the counter shows a country's carriers in: what this shop delivered most in the last weeks first;
 * carriers it has not sold (all of them on a new install) in the order a Mexican shop usually sells them, by
 * national market share, Telcel first; any other carrier after those, by name.
 */
import type { Catalog } from '../../../shared/contract/sales';

/** How far back "sells most" looks: long enough to be steady, short enough to follow a change of customers. */
export const CARRIER_ORDER_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** The usual order by market share where the shop has no sales yet (lower-cased names). */
const USUAL_ORDER: Readonly<Record<string, readonly string[]>> = {
  MX: ['telcel', 'at&t', 'movistar', 'bait', 'unefon', 'virgin'],
};

export function carriersInSellingOrder(catalog: Catalog, soldByCarrier: ReadonlyMap<string, number>): Catalog {
  const usual = USUAL_ORDER[catalog.country] ?? [];
  const usualRank = (name: string): number => {
    const index = usual.indexOf(name.toLowerCase());
    return index === -1 ? usual.length : index;
  };
  const carriers = [...catalog.carriers].sort(
    (a, b) => (soldByCarrier.get(b.name) ?? 0) - (soldByCarrier.get(a.name) ?? 0) || usualRank(a.name) - usualRank(b.name) || a.name.localeCompare(b.name),
  );
  return { ...catalog, carriers };
}
