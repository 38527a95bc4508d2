/**
 * A failed sale's reason in words. A reason that says "not known yet" (no answer, possible duplicate) would
 * contradict a headline that says the sale was not made, so such a failure says it was taken as not made.
 */
import type { TFunction } from 'i18next';
import type { Sale } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';

const UNCONFIRMED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['outcome_unknown', 'possible_duplicate']);
const SETTLED_AS_FAILED: ReadonlySet<Sale['state']> = new Set<Sale['state']>(['failed', 'refund_due', 'refunded']);

export function failureReason(sale: Sale, t: TFunction): string | null {
  if (!sale.failureCode) return null;
  if (SETTLED_AS_FAILED.has(sale.state) && UNCONFIRMED_CODES.has(sale.failureCode)) return t('result.unconfirmedReason');
  return t(`errors.${sale.failureCode}`);
}

/**
 * What the cashier tells the customer about a failed sale, in the customer's terms: why (one sentence per failure
 * code, counter.tell in both languages) and where their money is. Never that the top-up was charged or made.
 */
export function customerWords(sale: Sale, t: TFunction): string {
  const why = sale.failureCode ? t(`counter.tell.${sale.failureCode}`) : t('counter.tellNoReason');
  return `${why} ${sale.state === 'refunded' ? t('counter.tellRefunded') : t('counter.tellMoneyBack')}`;
}
