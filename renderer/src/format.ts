/**
 * Money and dates for people, through Intl, in the counter's language. Formatters are built once per language
 * and currency (an Intl constructor costs far more than a format: today's list formats hundreds of values).
 */
import type { Language } from '../../shared/contract/receipts';
import { minorDigits, toMajorString, type Money } from '../../shared/money';
import { formatAsTyped } from '../../shared/phone';
import { intlLocale } from './i18n';

/** "$50.00" in both languages (the narrow symbol: the shop's customers know their own currency). */
function once<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let found = cache.get(key);
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function money(amount: Money, language: Language): string {
  const format = once(moneyFormats, `${language}|${amount.currency}`, () => {
    const digits = minorDigits(amount.currency);
    return new Intl.NumberFormat(intlLocale(language), {
      style: 'currency',
      currency: amount.currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  });
  return format.format(toMajorString(amount) as unknown as number);
}

// hourCycle 'h23', not hour12: false: ICU turns the latter into 'h24' for these locales and shows 00:59 as "24:59".
export function time(iso: string, language: Language): string {
  return once(dateFormats, `time|${language}`, () => new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(new Date(iso));
}

export function dateTime(iso: string, language: Language): string {
  return once(dateFormats, `dateTime|${language}`, () => new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' })).format(new Date(iso));
}

/** Numbers already grouped (a list shows the same ones again and again); bounded, oldest dropped first. */
const groupedPhones = new Map<string, string>();
const GROUPED_PHONES_KEPT = 2_000;

export function phone(digits: string, country: string): string {
  const key = `${country}|${digits}`;
  const known = groupedPhones.get(key);
  if (known !== undefined) return known;
  const grouped = formatAsTyped(digits, country) || digits;
  if (groupedPhones.size >= GROUPED_PHONES_KEPT) groupedPhones.delete(groupedPhones.keys().next().value!);
  groupedPhones.set(key, grouped);
  return grouped;
}

const PROVIDER_NAMES: Record<string, string> = { relier: 'Relier', mobisend: 'MobiSend', liquido: 'Liquido' };

/** A provider's name as people write it. */
export function providerName(id: string): string {
  return PROVIDER_NAMES[id] ?? id;
}
