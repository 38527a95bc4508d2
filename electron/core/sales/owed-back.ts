/**
 * The owed-back rule, in one place: a sale that failed after the customer paid and left (an expired queued
 * sale, a failure learned later from the provider) moves failed → refund_due, with the same reason in its
 * history every time, so the owner's refund list is complete.
 */
import type { Ledger, LedgerSale } from '../ledger/ledger';

export const OWED_BACK_REASON = 'the customer has gone; money is owed back';

/** Moves a `failed` sale to `refund_due`; call it inside the transaction that failed the sale. */
export function oweBack(ledger: Ledger, saleId: string): LedgerSale {
  return ledger.transition(saleId, 'failed', 'refund_due', {}, JSON.stringify({ reason: OWED_BACK_REASON }));
}
