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
 * Digits from whatever was typed or pasted: "+52 (55) 1234-5678", "55 1234 5678\n", a scanner's "5512345678\r".
 * A leading international prefix for the country (+52, 0052 or 52 followed by a full number) is dropped.
 */
export function phoneDigits(text: string, country: string = 'MX'): string {
  const trimmed = text.trim();
  let digits = trimmed.replace(/\D/g, '');
  const parsed = trimmed.startsWith('+') || trimmed.startsWith('00') ? parsePhoneNumberFromString(trimmed.startsWith('00') ? `+${digits.slice(2)}` : trimmed) : undefined;
  if (parsed && parsed.country === country) digits = String(parsed.nationalNumber);
  return digits.slice(0, MAX_NATIONAL_DIGITS);
}

/** The digits grouped as the country writes them, as typed: "55 1234 5678" (partial input is grouped too). */
export function formatAsTyped(digits: string, country: string): string {
  const clean = digits.replace(/\D/g, '');
  if (!clean) return '';
  return new AsYouType(country as CountryCode).input(clean);
}

export type PhoneProblem = 'empty' | 'too_short' | 'too_long' | 'invalid';

export type PhoneCheck = { valid: true; digits: string; grouped: string; e164: string } | { valid: false; digits: string; problem: PhoneProblem };

/** Whether the national digits make a valid number for the country. */
export function checkPhone(digits: string, country: string): PhoneCheck {
  const clean = digits.replace(/\D/g, '');
  if (!clean) return { valid: false, digits: clean, problem: 'empty' };
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
