/**
 * Phone numbers at the counter: the national digits a cashier types (keypad, keyboard, paste, barcode
 * scanner), grouped as typed ("55 1234 5678"), validated per country with libphonenumber-js, and partly
 * masked for receipts. Pure: no Node, no DOM. The contract carries national digits only (5512345678).
 */
import { AsYouType, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js';

// The countries themselves (and which of them the counter offers) live in the one table of ./countries.
export { isSellCountry, SELL_COUNTRIES, type SellCountry } from './countries';

/** Longest national number accepted at the keypad (E.164 allows 15 digits in all). */
export const MAX_NATIONAL_DIGITS = 15;

/**
 * Prefixes dialled before a national number that are not part of it, per country. Mexico: 044 (local mobile)
 * and 045 (long-distance mobile), retired in 2019 but still written on cards and contact lists, and 01 (long
 * distance). A national number never starts with 0 there, so stripping them is never ambiguous.
 */
const DIAL_PREFIXES: Readonly<Record<string, RegExp>> = { MX: /^(?:044|045|01)/ };

/** National numbers are this long where a dial prefix may come before them. */
const PREFIXED_NATIONAL_LENGTH: Readonly<Record<string, number>> = { MX: 10 };

/**
 * The national number inside typed digits: "0445512345678" and "0455512345678" are 5512345678. Digits without
 * a dial prefix, or with one but not yet a whole number after it, come back as they are.
 */
export function nationalDigits(digits: string, country: string): string {
  const prefix = DIAL_PREFIXES[country]?.exec(digits);
  if (!prefix) return digits;
  const rest = digits.slice(prefix[0].length);
  return rest.length === PREFIXED_NATIONAL_LENGTH[country] ? rest : digits;
}

/** A dial prefix with the number after it still being typed ("045 55 12"): short, not "too many digits". */
function prefixedAndIncomplete(digits: string, country: string): boolean {
  const prefix = DIAL_PREFIXES[country]?.exec(digits);
  const length = PREFIXED_NATIONAL_LENGTH[country];
  return prefix !== null && prefix !== undefined && length !== undefined && digits.length - prefix[0].length < length;
}

/** What was typed or pasted, read as a number: the country its international prefix names, and its national digits. */
export interface ReadPhone {
  /** The country of a "+504 …" or "00504 …" number; otherwise the country the counter had selected. */
  country: string;
  digits: string;
}

/**
 * Reads whatever was typed, pasted or scanned: "+52 (55) 1234-5678", "55 1234 5678\n", a scanner's
 * "5512345678\r", "+52 1 55 1234 5678" (Mexico's old mobile 1), "044 55 1234 5678", "+504 9999 1234" (Honduras,
 * whatever country was selected). Without an international prefix the selected country stays.
 */
export function readPhone(text: string, selected: string): ReadPhone {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  const international = trimmed.startsWith('+') ? digits : trimmed.startsWith('00') ? digits.slice(2) : null;
  if (international !== null) {
    const parsed = parsePhoneNumberFromString(`+${oldMexicanMobileDropped(international)}`);
    if (parsed?.country) return { country: parsed.country, digits: String(parsed.nationalNumber).slice(0, MAX_NATIONAL_DIGITS) };
  }
  return { country: selected, digits: nationalDigits(digits, selected).slice(0, MAX_NATIONAL_DIGITS) };
}

/** +52 1 55 1234 5678: the 1 Mexico once dialled before a mobile number is no longer part of it. */
function oldMexicanMobileDropped(international: string): string {
  return /^521\d{10}$/.test(international) ? `52${international.slice(3)}` : international;
}

/**
 * The national digits of what was typed, for the selected country: like readPhone, but a number of another
 * country keeps all its digits (the caller did not ask to switch).
 */
export function phoneDigits(text: string, country: string = 'MX'): string {
  const read = readPhone(text, country);
  return read.country === country ? read.digits : text.replace(/\D/g, '').slice(0, MAX_NATIONAL_DIGITS);
}

/** The digits grouped as the country writes them, as typed: "55 1234 5678" (partial input is grouped too). */
export function formatAsTyped(digits: string, country: string): string {
  const clean = digits.replace(/\D/g, '');
  if (!clean) return '';
  return new AsYouType(country as CountryCode).input(clean);
}

export type PhoneProblem = 'empty' | 'too_short' | 'too_long' | 'invalid';

export type PhoneCheck = { valid: true; digits: string; grouped: string; e164: string } | { valid: false; digits: string; problem: PhoneProblem };

/**
 * Whether the digits make a valid number for the country. A dial prefix (044, 045, 01 in Mexico) is not part of
 * it: a valid answer's `digits` are the national number the contract carries.
 */
export function checkPhone(digits: string, country: string): PhoneCheck {
  const typed = digits.replace(/\D/g, '');
  if (!typed) return { valid: false, digits: typed, problem: 'empty' };
  if (prefixedAndIncomplete(typed, country)) return { valid: false, digits: typed, problem: 'too_short' };
  const clean = nationalDigits(typed, country);
  const length = validatePhoneNumberLength(clean, country as CountryCode);
  if (length === 'TOO_SHORT' || length === 'NOT_A_NUMBER') return { valid: false, digits: clean, problem: 'too_short' };
  if (length === 'TOO_LONG') return { valid: false, digits: clean, problem: 'too_long' };
  const parsed = parsePhoneNumberFromString(clean, country as CountryCode);
  // The digits must be the national number itself: "52 968 404 0464" parses as a valid Mexican number only by
  // reading 52 as the country code, and the contract carries national digits only.
  if (!parsed || !parsed.isValid() || parsed.country !== country || String(parsed.nationalNumber) !== clean) {
    return { valid: false, digits: clean, problem: 'invalid' };
  }
  return { valid: true, digits: clean, grouped: formatAsTyped(clean, country), e164: parsed.number };
}

export function isValidPhone(digits: string, country: string): boolean {
  return checkPhone(digits, country).valid;
}

/**
 * The number partly masked, for receipts: the first two and last four digits stay readable ("55•• ••5678"
 * written with asterisks as "55** **5678" once grouped). Short numbers keep only their last four.
 */
export function maskPhone(digits: string, country: string = 'MX'): string {
  const clean = digits.replace(/\D/g, '');
  if (clean.length <= 4) return clean;
  const keepStart = clean.length >= 8 ? 2 : 0;
  const masked = clean.slice(0, keepStart) + '*'.repeat(clean.length - keepStart - 4) + clean.slice(-4);
  // Group the masked text exactly where the real digits would be grouped.
  const grouped = formatAsTyped(clean, country);
  let index = 0;
  let out = '';
  for (const character of grouped) {
    if (/\d/.test(character)) out += masked[index++] ?? '';
    else out += character;
  }
  return index === masked.length ? out : masked;
}
