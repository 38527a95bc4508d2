/**
 * Money is an integer count of minor units (centavos, cents) with its ISO 4217 currency beside it.
 * Nothing in Saldo holds money as a float. Decimal inputs (a cashier's "50", a provider's 2.94, an exchange
 * rate "17.0068") are parsed from their decimal text into integers, and every conversion names its rounding.
 */
import { z } from 'zod';

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. MXN');
export type Currency = string;

export const MoneySchema = z.object({
  minor: z.number().int().safe(),
  currency: CurrencySchema,
});
export type Money = z.infer<typeof MoneySchema>;
/** An amount that must be more than zero (a float, a cash movement, a price); the problem names `minor`. */
export const PositiveMoneySchema = MoneySchema.refine((amount) => amount.minor > 0, { message: 'must be more than 0', path: ['minor'] });
/** An amount that may be zero but not negative (a threshold, a tolerance). */
export const NonNegativeMoneySchema = MoneySchema.refine((amount) => amount.minor >= 0, { message: 'must not be negative', path: ['minor'] });

/** Minor-unit digits per currency. Everything the providers sell in has 2; listed so a new one is a choice. */
const MINOR_DIGITS: Record<string, number> = {
  MXN: 2, USD: 2, HNL: 2, PHP: 2, PEN: 2, VES: 2, BRL: 2, COP: 2, EUR: 2, GTQ: 2,
};

export function minorDigits(currency: Currency): number {
  const digits = MINOR_DIGITS[currency];
  if (digits === undefined) throw new MoneyError(`unsupported currency ${currency}`);
  return digits;
}

export class MoneyError extends Error {
  override name = 'MoneyError';
}

export function money(minor: number, currency: Currency): Money {
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`minor units must be a safe integer, got ${minor}`);
  minorDigits(currency);
  return { minor, currency };
}

export type Rounding = 'half-up' | 'half-even' | 'down' | 'up';

/** A non-negative decimal as a scaled integer: value = units / 10^scale. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^(\d+)(?:\.(\d+))?$/;

/** Parses decimal text ("17.0068", "50", "2.94") exactly. Exponents and signs are refused. */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) throw new MoneyError(`not a decimal number: "${text}"`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/**
 * A JSON number from a provider (2.94, 197.06, 17.0068) as an exact decimal. JavaScript prints the shortest
 * text that round-trips to the same double, which is the text the provider wrote for any value with up to 15
 * significant digits, so reading that text back recovers the provider's decimal without float arithmetic.
 */
export function decimalFromJsonNumber(value: number): Decimal {
  if (!Number.isFinite(value) || value < 0) throw new MoneyError(`not a non-negative finite number: ${value}`);
  const text = String(value);
  if (/e/i.test(text)) return parseDecimal(value.toFixed(20).replace(/0+$/, '').replace(/\.$/, ''));
  return parseDecimal(text);
}

/** Divides two non-negative bigints with a named rounding rule. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator <= 0n) throw new MoneyError('division by zero or a negative divisor');
  if (numerator < 0n) throw new MoneyError('negative amounts are not converted');
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  switch (rounding) {
    case 'down':
      return quotient;
    case 'up':
      return quotient + 1n;
    case 'half-up':
      return remainder * 2n >= denominator ? quotient + 1n : quotient;
    case 'half-even': {
      const twice = remainder * 2n;
      if (twice > denominator) return quotient + 1n;
      if (twice < denominator) return quotient;
      return quotient % 2n === 0n ? quotient : quotient + 1n;
    }
  }
}

/** Rescales a decimal to `digits` fractional digits with a named rounding rule; returns the integer units. */
export function decimalToScaledInteger(value: Decimal, digits: number, rounding: Rounding): bigint {
  if (value.scale <= digits) return value.units * 10n ** BigInt(digits - value.scale);
  return divideRounded(value.units, 10n ** BigInt(value.scale - digits), rounding);
}

/** A decimal amount in major units ("50", "12.5", or a provider's 2.94) as Money. */
export function moneyFromMajor(amount: string | number, currency: Currency, rounding: Rounding = 'half-up'): Money {
  const decimal = typeof amount === 'number' ? decimalFromJsonNumber(amount) : parseDecimal(amount);
  const units = decimalToScaledInteger(decimal, minorDigits(currency), rounding);
  return money(Number(units), currency);
}

/**
 * Converts `amount` into `target` currency with a rate quoted as "1 target = rate amount-currency"
 * (Relier: 1 USD = 17.0068 MXN, so 50 MXN → 50 / 17.0068 USD). Rounding is the caller's explicit choice.
 * Documented example: 50 MXN at 17.0068 is 2.94 USD (half-up).
 */
export function convertByDividing(amount: Money, rate: string, target: Currency, rounding: Rounding): Money {
  const parsedRate = parseDecimal(rate);
  if (parsedRate.units === 0n) throw new MoneyError('exchange rate of zero');
  const fromDigits = minorDigits(amount.currency);
  const toDigits = minorDigits(target);
  // amount.minor / 10^fromDigits / (rate.units / 10^rate.scale) * 10^toDigits
  const numerator = BigInt(amount.minor) * 10n ** BigInt(parsedRate.scale + toDigits);
  const denominator = parsedRate.units * 10n ** BigInt(fromDigits);
  return money(Number(divideRounded(numerator, denominator, rounding)), target);
}

/** Converts `amount` by multiplying by `rate` ("1 amount-currency = rate target"). */
export function convertByMultiplying(amount: Money, rate: string, target: Currency, rounding: Rounding): Money {
  const parsedRate = parseDecimal(rate);
  const fromDigits = minorDigits(amount.currency);
  const toDigits = minorDigits(target);
  const numerator = BigInt(amount.minor) * parsedRate.units * 10n ** BigInt(toDigits);
  const denominator = 10n ** BigInt(parsedRate.scale + fromDigits);
  return money(Number(divideRounded(numerator, denominator, rounding)), target);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`currency mismatch: ${a.currency} and ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.minor - b.minor, a.currency);
}

export function sumMoney(items: readonly Money[], currency: Currency): Money {
  return items.reduce((total, item) => addMoney(total, item), money(0, currency));
}

/** Major-unit decimal text of an amount, exact ("2.94", "50.00"); for provider request bodies and logs. */
export function toMajorString(amount: Money): string {
  const digits = minorDigits(amount.currency);
  const negative = amount.minor < 0;
  const text = Math.abs(amount.minor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * The amount as a JSON number in major units, for provider APIs that take `"amount": 50`.
 * Safe because the value is built from exact decimal text and has at most 2 fractional digits.
 */
export function toMajorNumber(amount: Money): number {
  return Number(toMajorString(amount));
}

/** The amount for people, through Intl ("$50.00", "MX$50.00" depending on locale). */
export function formatMoney(amount: Money, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    minimumFractionDigits: minorDigits(amount.currency),
    maximumFractionDigits: minorDigits(amount.currency),
  });
  // Format from the exact decimal text, not from a float division.
  return formatter.format(toMajorString(amount) as unknown as number);
}
