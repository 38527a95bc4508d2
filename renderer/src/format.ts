/** Money and dates for people, through Intl, in the counter's language. */
import type { Language } from '../../shared/contract/receipts';
import { minorDigits, toMajorString, type Money } from '../../shared/money';
import { formatAsTyped } from '../../shared/phone';
import { intlLocale } from './i18n';

/** "$50.00" in both languages (the narrow symbol: the shop's customers know their own currency). */
export function money(amount: Money, language: Language): string {
  const digits = minorDigits(amount.currency);
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: amount.currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorString(amount) as unknown as number);
}

// hourCycle 'h23', not hour12: false: ICU turns the latter into 'h24' for these locales and shows 00:59 as "24:59".
export function time(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function dateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(iso));
}

export function phone(digits: string, country: string): string {
  return formatAsTyped(digits, country) || digits;
}

const PROVIDER_NAMES: Record<string, string> = { relier: 'Relier', mobisend: 'MobiSend', liquido: 'Liquido' };

/** A provider's name as people write it. */
export function providerName(id: string): string {
  return PROVIDER_NAMES[id] ?? id;
}
