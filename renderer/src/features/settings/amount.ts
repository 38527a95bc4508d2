/** Amounts as the owner types them ("500", "1,250.50") to and from the contract's integer minor units. */
import { moneyFromMajor, toMajorString, type Money } from '../../../../shared/money';

/** The typed amount in minor units, or null when it is not an amount (the form says so before asking the core). */
export function parseAmount(text: string, currency: string): Money | null {
  const cleaned = text.replace(/[\s,$]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  try {
    return moneyFromMajor(cleaned, currency);
  } catch {
    return null;
  }
}

/** An amount as the field shows it: "500" for 50000 MXN minor units, "12.50" with centavos. */
export function amountText(amount: Money): string {
  return toMajorString(amount).replace(/\.0+$/, '');
}
