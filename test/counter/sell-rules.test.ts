import { describe, expect, it } from 'vitest';
import { customAmountCheck, offersFor, resultKind } from '../../renderer/src/features/sell/slice';
import { SALE_STATES, type Catalog } from '../../shared/contract/sales';

const mxn = (pesos: number) => ({ minor: pesos * 100, currency: 'MXN' });
const catalog: Catalog = {
  country: 'MX',
  refreshedAt: null,
  carriers: [{ name: 'Telcel', providers: ['relier', 'mobisend'] }],
  products: [
    { provider: 'mobisend', sku: '100', name: 'Recarga $10', carrier: 'Telcel', type: 'topup', amount: mxn(10), min: null, max: null },
    { provider: 'liquido', sku: 'TAE010', name: 'Recarga $10', carrier: 'Telcel', type: 'topup', amount: mxn(10), min: null, max: null },
    { provider: 'mobisend', sku: '101', name: 'Recarga $50', carrier: 'Telcel', type: 'topup', amount: mxn(50), min: null, max: null },
    { provider: 'mobisend', sku: '109', name: 'Paquete 2GB', carrier: 'Telcel', type: 'bundle', amount: mxn(100), min: null, max: null },
    { provider: 'relier', sku: null, name: 'Recarga', carrier: 'Telcel', type: 'topup', amount: null, min: mxn(10), max: mxn(500) },
    { provider: 'mobisend', sku: '200', name: 'Recarga $20', carrier: 'Movistar', type: 'topup', amount: mxn(20), min: null, max: null },
  ],
};

describe('the sell screen rules', () => {
  it("offers one tile per amount, the carrier's bundles with their provider, and the range", () => {
    const offers = offersFor(catalog, 'Telcel');
    expect(offers.amounts.map((amount) => amount.minor)).toEqual([1000, 5000]);
    expect(offers.bundles).toEqual([{ kind: 'sku', sku: '109', provider: 'mobisend', name: 'Paquete 2GB', amount: mxn(100) }]);
    expect(offers.range).toEqual({ min: mxn(10), max: mxn(500) });
    expect(offersFor(catalog, 'Movistar').range).toBeNull();
  });

  it('enforces the range on a typed amount', () => {
    const check = (customAmount: string) => customAmountCheck({ customAmount, catalog, carrier: 'Telcel', country: 'MX' });
    expect(check('').problem).toBe('empty');
    expect(check('9').problem).toBe('low');
    expect(check('10')).toEqual({ amount: mxn(10), problem: null });
    expect(check('500').problem).toBeNull();
    expect(check('501').problem).toBe('high');
    expect(customAmountCheck({ customAmount: '50', catalog, carrier: 'Movistar', country: 'MX' }).problem).toBe('not_offered');
    expect(customAmountCheck({ customAmount: '20', catalog, carrier: 'Movistar', country: 'MX' })).toEqual({ amount: mxn(20), problem: null });
  });

  it('says every state in one of five words', () => {
    const kinds = Object.fromEntries(SALE_STATES.map((state) => [state, resultKind(state)]));
    expect(kinds).toEqual({
      created: 'queued',
      queued: 'queued',
      sending: 'pending',
      pending: 'pending',
      unknown: 'unknown',
      succeeded: 'succeeded',
      failed: 'failed',
      refund_due: 'failed',
      refunded: 'failed',
    });
  });
});
