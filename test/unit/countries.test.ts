/**
 * The countries table against the providers' own documents, written out by hand: Relier sells Mexico only, in
 * pesos; MobiSend's table of supported countries lists MX in MXN and HN, PH, PE, VE in USD ("amount in local
 * currency: MXN for Mexico, USD for international"); Liquido's examples are Mexico (MXN), Brazil (BRL) and
 * Colombia (COP). Dialing codes and local currencies are the ITU and ISO 4217 ones.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCountryCallingCode } from 'libphonenumber-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLedgerCommand } from '../../electron/cli/ledger-commands';
import { runProviderCommand } from '../../electron/cli/provider-command';
import { LIQUIDO_CAPABILITIES } from '../../electron/core/providers/liquido';
import { MOBISEND_CAPABILITIES } from '../../electron/core/providers/mobisend';
import { RELIER_CAPABILITIES } from '../../electron/core/providers/relier';
import { COUNTRIES, countryByCode, isSellCountry, requireCountry, saleCurrencyOf, SELL_COUNTRIES, UnknownCountryError } from '../../shared/countries';
import { checkPhone } from '../../shared/phone';

const EXPECTED = [
  { code: 'MX', es: 'México', en: 'Mexico', dialingCode: '52', saleCurrency: 'MXN', localCurrency: 'MXN', providers: ['relier', 'mobisend', 'liquido'] },
  { code: 'HN', es: 'Honduras', en: 'Honduras', dialingCode: '504', saleCurrency: 'USD', localCurrency: 'HNL', providers: ['mobisend'] },
  { code: 'PE', es: 'Perú', en: 'Peru', dialingCode: '51', saleCurrency: 'USD', localCurrency: 'PEN', providers: ['mobisend'] },
  { code: 'PH', es: 'Filipinas', en: 'Philippines', dialingCode: '63', saleCurrency: 'USD', localCurrency: 'PHP', providers: ['mobisend'] },
  { code: 'VE', es: 'Venezuela', en: 'Venezuela', dialingCode: '58', saleCurrency: 'USD', localCurrency: 'VES', providers: ['mobisend'] },
  { code: 'BR', es: 'Brasil', en: 'Brazil', dialingCode: '55', saleCurrency: 'BRL', localCurrency: 'BRL', providers: ['liquido'] },
  { code: 'CO', es: 'Colombia', en: 'Colombia', dialingCode: '57', saleCurrency: 'COP', localCurrency: 'COP', providers: ['liquido'] },
] as const;

describe('the countries table', () => {
  it('holds exactly the countries the three providers sell into', () => {
    expect(COUNTRIES.map((country) => country.code).sort()).toEqual(['BR', 'CO', 'HN', 'MX', 'PE', 'PH', 'VE']);
  });

  it.each(EXPECTED)('$code: dialing code $dialingCode, priced in $saleCurrency, sold by $providers', (expected) => {
    const country = countryByCode(expected.code);
    expect(country).toEqual({
      code: expected.code,
      name: { es: expected.es, en: expected.en },
      dialingCode: expected.dialingCode,
      saleCurrency: expected.saleCurrency,
      localCurrency: expected.localCurrency,
      providers: expected.providers,
      atCounter: expect.any(Boolean) as boolean,
    });
    // The phone rules come from libphonenumber-js: it must agree on the dialing code.
    expect(String(getCountryCallingCode(expected.code))).toBe(expected.dialingCode);
  });

  it('answers any letter case and nothing for a country no provider sells into', () => {
    expect(countryByCode(' mx ')?.code).toBe('MX');
    expect(saleCurrencyOf('br')).toBe('BRL');
    expect(countryByCode('US')).toBeUndefined();
    expect(saleCurrencyOf('XX')).toBeUndefined();
    expect(() => requireCountry('XX')).toThrow(UnknownCountryError);
  });
});

describe('the adapters', () => {
  // Each adapter declares where it sells (routing reads it); it must not drift from the table.
  it.each([
    ['relier', RELIER_CAPABILITIES.countries],
    ['mobisend', MOBISEND_CAPABILITIES.countries],
    ['liquido', LIQUIDO_CAPABILITIES.countries],
  ] as const)('%s sells where the table says it does', (provider, declared) => {
    const fromTable = COUNTRIES.filter((country) => country.providers.includes(provider)).map((country) => country.code);
    expect([...declared].sort()).toEqual([...fromTable].sort());
  });
});

describe('the counter', () => {
  it('offers Mexico first, then Honduras, Peru and the Philippines', () => {
    expect(SELL_COUNTRIES).toEqual(['MX', 'HN', 'PE', 'PH']);
    expect(isSellCountry('PE')).toBe(true);
    expect(isSellCountry('BR')).toBe(false);
  });

  it.each([
    ['MX', '5512345678'],
    ['HN', '91234567'],
    ['PE', '912345678'],
    ['PH', '9171234567'],
  ])('accepts a mobile number of %s typed as national digits (%s)', (country, digits) => {
    expect(checkPhone(digits, country).valid).toBe(true);
  });

  it.each([
    ['MX', '529684040464', 'a Mexican number with its country code typed in front'],
    ['MX', '525512345678', 'the same with a Mexico City number'],
    ['HN', '50498765432', 'a Honduran number with 504 in front'],
  ])('refuses %s %s: %s (the counter carries national digits only)', (country, digits) => {
    expect(checkPhone(digits, country)).toMatchObject({ valid: false, problem: 'invalid' });
  });
});

describe('the command line refuses a country no provider sells into', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.SALDO_DATA_DIR = mkdtempSync(join(tmpdir(), 'saldo-countries-'));
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('sell --country XX is invalid_input and names the accepted countries', async () => {
    const lines: string[] = [];
    const code = await runLedgerCommand('sell', ['--phone', '5512345678', '--amount', '50', '--country', 'XX'], (line) => lines.push(line));
    expect(code).toBe(1);
    const answer = JSON.parse(lines[0] ?? '{}') as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toContain('"XX"');
    expect(answer.error.message).toContain('MX');
  });

  it('provider mobisend catalog --country XX is invalid_input', async () => {
    const lines: string[] = [];
    const code = await runProviderCommand(['provider', 'mobisend', 'catalog', '--country', 'XX'], (line) => lines.push(line));
    expect(code).toBe(1);
    const answer = JSON.parse(lines[0] ?? '{}') as { ok: boolean; error: { code: string; message: string } };
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toContain('"XX"');
  });
});
