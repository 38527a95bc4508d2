/**
 * The core's per-field problems come as English sentences from the contract's schemas (shared/contract/
 * settings.ts, people.ts, credentials.ts). The counter says the ones it knows in its own language; any other
 * is said as "not valid" with the core's words beside it, so nothing the core said is hidden.
 */
import type { TFunction } from 'i18next';

const KNOWN: Record<string, string> = {
  'the shop needs a name': 'shopName',
  'at most 60 characters': 'max60',
  'at most 200 characters': 'max200',
  'at most 40 characters': 'max40',
  'at most 300 characters': 'max300',
  'at most 512 characters': 'max512',
  'digits, spaces, + ( ) - only, at most 20': 'phone',
  'an RFC is 12 or 13 capital letters and digits, e.g. XAXX010101000': 'rfc',
  'must be more than 0': 'positive',
  'must not be negative': 'notNegative',
  'at least 5 minutes': 'min5Minutes',
  'at most 7 days': 'max7Days',
  'must be the currency of maxSale': 'sameCurrency',
  'must be at least the largest single sale': 'totalBelowSale',
  'at least one provider': 'oneProvider',
  'a provider appears twice': 'providerTwice',
  'an IANA time zone, e.g. America/Mexico_City': 'timeZone',
  '58 or 80': 'paper',
  '4 to 6 digits': 'pinDigits',
  'a name is needed': 'name',
  required: 'required',
  'no spaces or line breaks': 'noSpaces',
  'a web address such as https://api.example.com': 'url',
};

export function sayProblem(message: string | null, t: TFunction): string | null {
  if (message === null) return null;
  const known = KNOWN[message];
  return known ? t(`forms.problems.${known}`) : t('forms.problems.other', { detail: message });
}
