/** Money is exact: integer minor units, explicit rounding, the providers' own examples reproduced. */
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  convertByDividing,
  convertByMultiplying,
  decimalFromJsonNumber,
  divideRounded,
  formatMoney,
  MoneyError,
  moneyFromMajor,
  sumMoney,
  toMajorNumber,
  toMajorString,
} from '../../shared/money';

describe('conversions reproduce the provider documents', () => {
  it('Relier: 50 MXN at 17.0068 MXN per USD is 2.94 USD', () => {
    expect(convertByDividing({ minor: 5000, currency: 'MXN' }, '17.0068', 'USD', 'half-up')).toEqual({ minor: 294, currency: 'USD' });
  });

  it('Relier: balance 200 − 2.94 leaves 197.06 exactly', () => {
    const after = { minor: moneyFromMajor(200, 'USD').minor - moneyFromMajor(2.94, 'USD').minor, currency: 'USD' };
    expect(toMajorString(after)).toBe('197.06');
  });

  it('MobiSend: 100 MXN at 17.50 is 5.71 USD by the rule, while its example says 6.02 (a fee or a different rate)', () => {
    expect(convertByDividing({ minor: 10000, currency: 'MXN' }, '17.50', 'USD', 'half-up')).toEqual({ minor: 571, currency: 'USD' });
  });

  it('names its rounding: the same division rounds differently under each rule', () => {
    // 10 MXN / 3 = 3.333… ; 0.05 MXN / 2 = 0.025 exactly (a tie)
    expect(convertByDividing({ minor: 1000, currency: 'MXN' }, '3', 'USD', 'down').minor).toBe(333);
    expect(convertByDividing({ minor: 1000, currency: 'MXN' }, '3', 'USD', 'up').minor).toBe(334);
    expect(convertByDividing({ minor: 5, currency: 'MXN' }, '2', 'USD', 'half-up').minor).toBe(3);
    expect(convertByDividing({ minor: 5, currency: 'MXN' }, '2', 'USD', 'half-even').minor).toBe(2);
    expect(convertByDividing({ minor: 7, currency: 'MXN' }, '2', 'USD', 'half-even').minor).toBe(4);
  });

  it('multiplies by a rate the other way round', () => {
    expect(convertByMultiplying({ minor: 294, currency: 'USD' }, '17.0068', 'MXN', 'half-up')).toEqual({ minor: 5000, currency: 'MXN' });
  });
});

describe('parsing amounts', () => {
  it('reads what a cashier types and what a provider sends, without float drift', () => {
    expect(moneyFromMajor('50', 'MXN')).toEqual({ minor: 5000, currency: 'MXN' });
    expect(moneyFromMajor('12.5', 'MXN')).toEqual({ minor: 1250, currency: 'MXN' });
    expect(moneyFromMajor(0.1 + 0.2, 'USD')).toEqual({ minor: 30, currency: 'USD' });
    expect(moneyFromMajor(197.06, 'USD')).toEqual({ minor: 19706, currency: 'USD' });
    expect(moneyFromMajor(4993.98, 'USD')).toEqual({ minor: 499398, currency: 'USD' });
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '-5', '1e3', '5,00', 'abc', '1.2.3']) expect(() => moneyFromMajor(bad, 'MXN')).toThrow(MoneyError);
    expect(() => moneyFromMajor('5', 'XXX')).toThrow(/unsupported currency/);
    expect(() => decimalFromJsonNumber(Number.NaN)).toThrow(MoneyError);
  });

  it('writes amounts back exactly', () => {
    expect(toMajorString({ minor: 5, currency: 'MXN' })).toBe('0.05');
    expect(toMajorString({ minor: -1250, currency: 'MXN' })).toBe('-12.50');
    expect(toMajorNumber({ minor: 5000, currency: 'MXN' })).toBe(50);
  });
});

describe('arithmetic keeps the currency beside the amount', () => {
  it('adds and sums in one currency', () => {
    expect(addMoney({ minor: 1, currency: 'MXN' }, { minor: 2, currency: 'MXN' })).toEqual({ minor: 3, currency: 'MXN' });
    expect(sumMoney([{ minor: 1000, currency: 'MXN' }, { minor: 2050, currency: 'MXN' }], 'MXN')).toEqual({ minor: 3050, currency: 'MXN' });
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney({ minor: 1, currency: 'MXN' }, { minor: 1, currency: 'USD' })).toThrow(/currency mismatch/);
  });

  it('refuses a zero divisor', () => {
    expect(() => divideRounded(1n, 0n, 'half-up')).toThrow(MoneyError);
  });
});

describe('formatting for people', () => {
  it('formats through Intl in Spanish (Mexico) and English', () => {
    expect(formatMoney({ minor: 5000, currency: 'MXN' }, 'es-MX')).toBe('$50.00');
    expect(formatMoney({ minor: 294, currency: 'USD' }, 'en-US')).toBe('$2.94');
    expect(formatMoney({ minor: 123456789, currency: 'MXN' }, 'es-MX')).toBe('$1,234,567.89');
  });
});
