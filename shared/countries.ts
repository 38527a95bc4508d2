/**
 * The countries Saldo sells top-ups into, once: ISO code, names, dialing code, the currency a sale is priced in
 * at the provider, the country's own currency, and which providers sell there. Phone rules come from
 * libphonenumber-js by the ISO code (see ./phone.ts). Pure: no Node, no DOM.
 *
 * Sale currency, from the providers' documents: Relier and Liquido price Mexican top-ups in pesos; MobiSend
 * prices Mexico in pesos and every other country in US dollars; Liquido prices Brazil in reais and Colombia in
 * pesos. No country is sold by two providers in different currencies, so the currency belongs to the country.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { ProviderId } from './contract/app';

export interface Country {
  /** ISO 3166-1 alpha-2, also the region libphonenumber-js validates numbers for. */
  readonly code: CountryCode;
  readonly name: { readonly es: string; readonly en: string };
  /** International calling code without the plus sign ("52" for Mexico). */
  readonly dialingCode: string;
  /** ISO 4217 currency the providers price a top-up in: what "--amount 50" means there. */
  readonly saleCurrency: string;
  /** ISO 4217 currency of the country itself (what the customer's phone plan is billed in). */
  readonly localCurrency: string;
  readonly providers: readonly ProviderId[];
  /** Offered on the counter's country buttons (the command line accepts every country of the table). */
  readonly atCounter: boolean;
}

/** Mexico first: most sales are Mexican. The counter shows its countries in this order. */
const TABLE = [
  {
    code: 'MX',
    name: { es: 'México', en: 'Mexico' },
    dialingCode: '52',
    saleCurrency: 'MXN',
    localCurrency: 'MXN',
    providers: ['relier', 'mobisend', 'liquido'],
    atCounter: true,
  },
  { code: 'HN', name: { es: 'Honduras', en: 'Honduras' }, dialingCode: '504', saleCurrency: 'USD', localCurrency: 'HNL', providers: ['mobisend'], atCounter: true },
  { code: 'PE', name: { es: 'Perú', en: 'Peru' }, dialingCode: '51', saleCurrency: 'USD', localCurrency: 'PEN', providers: ['mobisend'], atCounter: true },
  { code: 'PH', name: { es: 'Filipinas', en: 'Philippines' }, dialingCode: '63', saleCurrency: 'USD', localCurrency: 'PHP', providers: ['mobisend'], atCounter: true },
  { code: 'VE', name: { es: 'Venezuela', en: 'Venezuela' }, dialingCode: '58', saleCurrency: 'USD', localCurrency: 'VES', providers: ['mobisend'], atCounter: false },
  { code: 'BR', name: { es: 'Brasil', en: 'Brazil' }, dialingCode: '55', saleCurrency: 'BRL', localCurrency: 'BRL', providers: ['liquido'], atCounter: false },
  { code: 'CO', name: { es: 'Colombia', en: 'Colombia' }, dialingCode: '57', saleCurrency: 'COP', localCurrency: 'COP', providers: ['liquido'], atCounter: false },
] as const satisfies readonly Country[];

type CountryRow = (typeof TABLE)[number];
type CounterRow = Extract<CountryRow, { atCounter: true }>;

/** Every country some provider sells into. */
export const COUNTRIES: readonly Country[] = TABLE;

/** ISO code of a country in the table. */
export type KnownCountry = CountryRow['code'];

/** Countries the counter sells to, Mexico first. */
export type SellCountry = CounterRow['code'];
export const SELL_COUNTRIES: readonly SellCountry[] = TABLE.filter((row): row is CounterRow => row.atCounter).map((row) => row.code);

/** The table's row for an ISO code (any letter case), or undefined when no provider sells there. */
export function countryByCode(code: string): Country | undefined {
  const wanted = code.trim().toUpperCase();
  return COUNTRIES.find((country) => country.code === wanted);
}

export function isSellCountry(code: string): code is SellCountry {
  return (SELL_COUNTRIES as readonly string[]).includes(code);
}

/** The currency a sale in this country is priced in at the provider; undefined for a country not in the table. */
export function saleCurrencyOf(code: KnownCountry): string;
export function saleCurrencyOf(code: string): string | undefined;
export function saleCurrencyOf(code: string): string | undefined {
  return countryByCode(code)?.saleCurrency;
}

/** A country code no provider sells into (typed on the command line, say): the caller's input is wrong. */
export class UnknownCountryError extends Error {
  constructor(readonly code: string) {
    super(`unknown country "${code}": Saldo sells top-ups in ${COUNTRIES.map((country) => country.code).join(', ')}`);
    this.name = 'UnknownCountryError';
  }
}

/** The table's row for an ISO code (any letter case); throws UnknownCountryError when no provider sells there. */
export function requireCountry(code: string): Country {
  const country = countryByCode(code);
  if (!country) throw new UnknownCountryError(code);
  return country;
}
