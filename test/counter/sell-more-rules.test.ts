/** The issue 14 screens' own rules, written from what a cashier and an owner would expect. */
import { describe, expect, it } from 'vitest';
import { resolveRoute, sectionsFor } from '../../renderer/src/app/routes';
import { billAccountProblem, billAmount, billAmountProblem } from '../../renderer/src/features/billpay/slice';
import { countryMatches, countryName, moneyWithCode } from '../../renderer/src/features/international/words';
import { DETECT_CARRIER, detectAmounts } from '../../renderer/src/features/sell/detect-carrier';
import { offersFor } from '../../renderer/src/features/sell/slice';
import type { Catalog } from '../../shared/contract/sales';

describe('who reaches the new screens', () => {
  it.each([
    { audience: 'cashier', asked: 'international', shows: 'international' },
    { audience: 'cashier', asked: 'billpay', shows: 'billpay' },
    { audience: 'cashier', asked: 'pricing', shows: 'sell' },
    { audience: 'owner', asked: 'pricing', shows: 'pricing' },
    { audience: 'tech', asked: 'billpay', shows: 'today' },
    { audience: 'signed-out', asked: 'international', shows: 'sign-in' },
  ] as const)('$audience asking for $asked sees $shows', ({ audience, asked, shows }) => {
    expect(resolveRoute(asked, audience)).toBe(shows);
  });

  it('adds no button to the status bar (the sell screen has the tabs)', () => {
    for (const audience of ['cashier', 'owner'] as const) {
      const sections = sectionsFor(audience).map((section) => section.id);
      for (const screen of ['international', 'billpay', 'pricing'] as const) expect(sections, audience).not.toContain(screen);
    }
  });
});

describe('the country search', () => {
  it.each([
    ['peru', 'PE', true],
    ['Perú', 'PE', true],
    ['filip', 'PH', true],
    ['philipp', 'PH', true],
    ['hn', 'HN', true],
    ['hond', 'PE', false],
    ['', 'PH', true],
  ] as const)('"%s" finds %s: %s', (search, code, found) => {
    expect(countryMatches(code, search)).toBe(found);
  });

  it('names countries in the counter language', () => {
    expect(countryName('PH', 'es-MX')).toBe('Filipinas');
    expect(countryName('PH', 'en')).toBe('Philippines');
  });

  it('shows the currency code beside the symbol', () => {
    expect(moneyWithCode({ minor: 9_713, currency: 'MXN' }, 'es-MX')).toBe('$97.13 MXN');
    expect(moneyWithCode({ minor: 500, currency: 'USD' }, 'en')).toBe('$5.00 USD');
  });
});

describe('a bill typed at the counter', () => {
  it.each([
    ['', null, 'empty'],
    ['15025', { minor: 15_025, currency: 'USD' }, null],
    ['200000', { minor: 200_000, currency: 'USD' }, null],
    ['200001', { minor: 200_001, currency: 'USD' }, 'too_high'],
  ] as const)('digits "%s" are %j (%s)', (digits, amount, problem) => {
    expect(billAmount({ billAmountDigits: digits })).toEqual(amount);
    expect(billAmountProblem({ billAmountDigits: digits })).toBe(problem);
  });

  it.each([
    ['', 'empty'],
    ['123', 'invalid'],
    ['1234', null],
    ['AB-1234-9', null],
    ['1'.repeat(31), 'invalid'],
  ] as const)('account "%s": %s', (account, problem) => {
    expect(billAccountProblem(account)).toBe(problem);
  });
});

describe('"No sé la compañía"', () => {
  const mxn = (pesos: number) => ({ minor: pesos * 100, currency: 'MXN' });
  const catalog: Catalog = {
    country: 'MX',
    refreshedAt: null,
    carriers: [
      { name: 'Telcel', providers: ['relier', 'mobisend'] },
      { name: 'Movistar', providers: ['mobisend'] },
      { name: 'Bait', providers: ['relier'] },
    ],
    products: [
      { provider: 'mobisend', sku: '1', name: 'Recarga $20', carrier: 'Telcel', type: 'topup', amount: mxn(20), min: null, max: null },
      { provider: 'mobisend', sku: '2', name: 'Recarga $50', carrier: 'Telcel', type: 'topup', amount: mxn(50), min: null, max: null },
      { provider: 'mobisend', sku: '3', name: 'Recarga $50', carrier: 'Movistar', type: 'topup', amount: mxn(50), min: null, max: null },
      { provider: 'relier', sku: null, name: 'Recarga $30', carrier: 'Bait', type: 'topup', amount: mxn(30), min: null, max: null },
      { provider: 'mobisend', sku: '4', name: 'Paquete', carrier: 'Movistar', type: 'bundle', amount: mxn(100), min: null, max: null },
    ],
  };

  it('offers only the amounts every carrier the detecting provider sells can take, and no other amount or bundle', () => {
    expect(detectAmounts(catalog)).toEqual([mxn(50)]);
    expect(offersFor(catalog, DETECT_CARRIER)).toEqual({ amounts: [mxn(50)], bundles: [], range: null });
  });
});
