/**
 * The owed-back rule, in one place. The counter charges the customer before the sale is sent ("Cobrar … y
 * enviar"), and no failure today happens before that charge: so EVERY failed sale (a provider's rejection at
 * the counter, whichever provider; a failure learned later; an expired queued sale) owes the customer's money
 * back. It moves failed → refund_due in the very transaction that fails it, with the same reason in its history
 * every time, so "Por devolver" is complete and `failed` is never a resting state.
 */
import type { SaleState } from '../../../shared/contract/sales';
import { crashPoint } from '../kernel/crash-points';
import type { Ledger, LedgerSale, SalePatch } from '../ledger/ledger';

export const OWED_BACK_REASON = 'the customer paid before it was sent; the money is owed back';

/** Moves a `failed` sale to `refund_due`; call it inside the transaction that failed the sale. */
export function oweBack(ledger: Ledger, saleId: string): LedgerSale {
  return ledger.transition(saleId, 'failed', 'refund_due', {}, JSON.stringify({ reason: OWED_BACK_REASON }));
}

/** Fails a sale (compare-and-set from `from`) and owes its money back, in one transaction. */
export function failAndOweBack(ledger: Ledger, saleId: string, from: SaleState | readonly SaleState[], patch: SalePatch, detail: string): LedgerSale {
  return ledger.transaction(() => {
    ledger.transition(saleId, from, 'failed', patch, detail);
    crashPoint('between-failed-and-owed-back');
    return oweBack(ledger, saleId);
  });
}
