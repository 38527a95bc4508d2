/**
 * Words for what is sold beyond Mexico: money with its currency code (a peso and a dollar both print "$", and a
 * sale priced in dollars shows both), and a country's name in the counter's language, searchable without accents.
 */
import type { Language } from '../../../../shared/contract/receipts';
import type { Money } from '../../../../shared/money';
import { money } from '../../format';
import { intlLocale } from '../../i18n';

/** "$95.00 MXN", "$5.00 USD": the code beside the symbol whenever two currencies share a screen. */
export function moneyWithCode(amount: Money, language: Language): string {
  return `${money(amount, language)} ${amount.currency}`;
}

const namesByLocale = new Map<string, Intl.DisplayNames>();

/** "Honduras", "Perú" / "Peru": the ISO code's region name from Intl, in the counter's language. */
export function countryName(code: string, language: Language): string {
  const locale = intlLocale(language);
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    namesByLocale.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** Lower case without accents, so "peru" finds Perú and "mexico" finds México. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/** A country matches a search by its name in Spanish or English, or by its ISO code. */
export function countryMatches(code: string, search: string): boolean {
  const wanted = folded(search);
  if (!wanted) return true;
  return [countryName(code, 'es-MX'), countryName(code, 'en'), code].some((name) => folded(name).includes(wanted));
}
