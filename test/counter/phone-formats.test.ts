/**
 * Numbers as customers write them, typed or pasted at the counter, table-driven: what the counter reads (country
 * and national digits) and whether it can be sold to. Expectations are the numbers a cashier would read off the
 * customer's phone, not derived from the code.
 */
import { describe, expect, it } from 'vitest';
import { checkPhone, nationalDigits, readPhone } from '../../shared/phone';

interface Pasted {
  text: string;
  selected: string;
  country: string;
  digits: string;
  valid: boolean;
}

const PASTED: Pasted[] = [
  { text: '55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '+52 55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '+52 (55) 1234-5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '0052 55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '+52 1 55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '+521 33 1234 5678', selected: 'MX', country: 'MX', digits: '3312345678', valid: true },
  { text: '044 55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '045 55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '045 (33) 1234-5678', selected: 'MX', country: 'MX', digits: '3312345678', valid: true },
  { text: '01 55 1234 5678', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '5512345678\r\n', selected: 'MX', country: 'MX', digits: '5512345678', valid: true },
  { text: '+504 9999 1234', selected: 'MX', country: 'HN', digits: '99991234', valid: true },
  { text: '00504 9999-1234', selected: 'MX', country: 'HN', digits: '99991234', valid: true },
  { text: '+51 912 345 678', selected: 'MX', country: 'PE', digits: '912345678', valid: true },
  { text: '+63 917 123 4567', selected: 'HN', country: 'PH', digits: '9171234567', valid: true },
  { text: '+52 55 1234 5678', selected: 'HN', country: 'MX', digits: '5512345678', valid: true },
  { text: '9999 1234', selected: 'HN', country: 'HN', digits: '99991234', valid: true },
  // Still wrong, and said so: a digit short, a digit too many, a prefix with too little after it.
  { text: '55 1234 567', selected: 'MX', country: 'MX', digits: '551234567', valid: false },
  { text: '55 1234 56789', selected: 'MX', country: 'MX', digits: '5512345678' + '9', valid: false },
  { text: '044 55 1234 567', selected: 'MX', country: 'MX', digits: '044551234567', valid: false },
];

describe('numbers as customers write them', () => {
  it.each(PASTED)('"$text" with $selected selected reads as $country $digits', ({ text, selected, country, digits, valid }) => {
    const read = readPhone(text, selected);
    expect(read).toEqual({ country, digits });
    const check = checkPhone(read.digits, read.country);
    expect(check.valid).toBe(valid);
  });

  it('keyed digit by digit, 044/045 then ten digits is the ten-digit number', () => {
    for (const typed of ['0445512345678', '0455512345678']) {
      let digits = '';
      for (const digit of typed) digits = nationalDigits(digits + digit, 'MX');
      expect(digits).toBe('5512345678');
    }
  });

  it('a prefix with the number half typed is short, never "too many digits"', () => {
    expect(checkPhone('04555123', 'MX')).toMatchObject({ valid: false, problem: 'too_short' });
    expect(checkPhone('044551234567', 'MX')).toMatchObject({ valid: false, problem: 'too_short' });
    expect(checkPhone('55123456789', 'MX')).toMatchObject({ valid: false, problem: 'too_long' });
  });

  it('a valid check names the national number the sale carries', () => {
    expect(checkPhone('0455512345678', 'MX')).toMatchObject({ valid: true, digits: '5512345678', e164: '+525512345678' });
  });
});
