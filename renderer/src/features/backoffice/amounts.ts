/** Amounts as people type them on the back office's forms ("500", "1234.50"): exact Money or a reason why not. */
import { minorDigits, moneyFromMajor, type Currency, type Money } from '../../../../shared/money';

/** The shop's currency when no figure has told it yet (Saldo sells in Mexico first). */
export const SHOP_CURRENCY: Currency = 'MXN';

export type TypedAmount = { ok: true; amount: Money } | { ok: false; problem: 'empty' | 'invalid' | 'too_precise' };

/** A typed amount in major units with at most the currency's decimals (a comma is read as the decimal point). */
export function parseTypedAmount(text: string, currency: Currency): TypedAmount {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return { ok: false, problem: 'empty' };
  if (!/^\d{1,9}(\.\d+)?$/.test(cleaned)) return { ok: false, problem: 'invalid' };
  const fraction = cleaned.split('.')[1] ?? '';
  if (fraction.length > minorDigits(currency)) return { ok: false, problem: 'too_precise' };
  return { ok: true, amount: moneyFromMajor(cleaned, currency) };
}

/** Today's date in the shop's time zone as YYYY-MM-DD (the business-day rule in shared/business-day decides days). */
export function isoDate(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
}
