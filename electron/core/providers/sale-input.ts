/**
 * What a sale must name before anything is written, checked in the core whatever the caller (renderer, CLI,
 * a page that reached the contract): a country Saldo sells in, priced in that country's sale currency, a
 * phone number valid there by the very rules the renderer uses (shared/phone), and a carrier the catalog
 * knows for that country. Anything else is `invalid_input`, and the sale is never recorded.
 */
import { countryByCode } from '../../../shared/countries';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { checkPhone, type PhoneProblem } from '../../../shared/phone';

export interface SaleInputToCheck {
  country: string;
  phone: string;
  /** Absent: "No sé la compañía", the provider detects it (only the rest is checked). */
  carrier?: string;
}

/**
 * A carrier's name as catalogs write it ("Telcel", "AT&T", "Movistar Perú"): letters, digits, spaces and a few
 * marks. No control or bidi characters, no markup: the name is printed on receipts and shown on screens.
 */
const CARRIER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} &'.+()/-]{0,39}$/u;

const PHONE_PROBLEMS: Record<PhoneProblem, string> = {
  empty: 'no phone number',
  too_short: 'the phone number is too short',
  too_long: 'the phone number is too long',
  invalid: 'the phone number is not valid',
};

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Throws AppError('invalid_input') unless the sale can be taken. `knownCarriers` are the carriers the cached
 * catalog lists for the country; when no catalog has been fetched for it yet (first start offline), only the
 * name's shape is checked and the provider refuses a carrier it does not know.
 */
export function checkSaleInput(input: SaleInputToCheck, price: Money, knownCarriers: readonly string[]): void {
  const country = countryByCode(input.country);
  if (!country || country.code !== input.country) throw new AppError('invalid_input', `Saldo does not sell top-ups in "${input.country}"`);
  if (price.currency !== country.saleCurrency) {
    throw new AppError('invalid_input', `A sale in ${country.name.en} is priced in ${country.saleCurrency}, not ${price.currency}`);
  }
  const phone = checkPhone(input.phone, country.code);
  if (!phone.valid || phone.digits !== input.phone) {
    throw new AppError('invalid_input', `${phone.valid ? 'the phone number must be digits only' : PHONE_PROBLEMS[phone.problem]} for ${country.name.en}`);
  }
  const carrier = input.carrier;
  if (carrier === undefined) return;
  if (!CARRIER_NAME.test(carrier)) throw new AppError('invalid_input', 'The carrier name has characters no carrier uses');
  if (knownCarriers.length > 0 && !knownCarriers.some((known) => sameName(known, carrier))) {
    throw new AppError('invalid_input', `${country.name.en} has no carrier "${carrier}" in the catalog`);
  }
}
