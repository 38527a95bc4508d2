/** The counter's carrier order: Telcel first on a new install, then what this shop sells most. */
import { describe, expect, it } from 'vitest';
import { carriersInSellingOrder } from '../../electron/core/ledger/carrier-order';
import type { Catalog } from '../../shared/contract/sales';

// The sandbox's catalog lists Mexico's carriers alphabetically, as the providers do.
const alphabetical: Catalog = {
  country: 'MX',
  refreshedAt: null,
  products: [],
  carriers: ['AT&T', 'Bait', 'Movistar', 'Telcel', 'Unefon', 'Virgin', 'Weex'].map((name) => ({ name, providers: ['mobisend' as const] })),
};
const names = (catalog: Catalog) => catalog.carriers.map((carrier) => carrier.name);

describe('carriers in selling order', () => {
  it('puts Telcel first on a new install, then by market share, unknown carriers last by name', () => {
    expect(names(carriersInSellingOrder(alphabetical, new Map()))).toEqual(['Telcel', 'AT&T', 'Movistar', 'Bait', 'Unefon', 'Virgin', 'Weex']);
  });

  it("follows what this shop delivered most, the rest in the usual order", () => {
    const sold = new Map([
      ['Bait', 40],
      ['Movistar', 12],
      ['Telcel', 12],
    ]);
    expect(names(carriersInSellingOrder(alphabetical, sold))).toEqual(['Bait', 'Telcel', 'Movistar', 'AT&T', 'Unefon', 'Virgin', 'Weex']);
  });
});
