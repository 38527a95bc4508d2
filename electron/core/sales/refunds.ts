/**
 * Giving the customer's money back for a sale that is owed back (refund_due → refunded), the two ways a shop
 * does it:
 * - at the counter, right after the failure: the cashier who sold it hands the cash back from this shift's
 *   drawer. Only that cashier, only a sale of the current shift, only within COUNTER_REFUND_MINUTES of the
 *   failure; otherwise it is a payout for an owner.
 * - a payout later: an owner, or a cashier with an owner's PIN typed on the spot (the dispatcher checks the
 *   PIN; here the overriding owner is recorded beside the signed-in user).
 */
import type { User } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/errors';
import { crashPoint } from '../kernel/crash-points';
import type { Ledger, LedgerSale } from '../ledger/ledger';

/** How long after the failure the cashier may still hand the cash back at the counter. */
export const COUNTER_REFUND_MINUTES = 30;

/** refund_due → refunded inside the caller's transaction; a kill before it commits leaves the sale owed back. */
function markSaleRefunded(ledger: Ledger, id: string, detail: Record<string, unknown>): LedgerSale {
  const refunded = ledger.transition(id, 'refund_due', 'refunded', {}, JSON.stringify(detail));
  crashPoint('before-refund-commit');
  return refunded;
}

function owedBackSale(ledger: Ledger, id: string): LedgerSale {
  const sale = ledger.get(id);
  if (!sale) throw new AppError('not_found', `No sale ${id}`);
  if (sale.state !== 'refund_due') throw new AppError('conflict', `Sale ${id} is ${sale.state}; only a sale owed back (refund_due) can be refunded`);
  return sale;
}

export interface CounterRefund {
  user: User;
  /** The signed-in cashier's shift now. */
  currentShiftId: string;
  nowMs: number;
}

/** Why the cashier may not hand this sale's money back at the counter, or null when they may. */
export function counterRefundRefusal(sale: LedgerSale, owedSinceMs: number | null, refund: CounterRefund): string | null {
  if (sale.cashierId !== refund.user.id) return 'another cashier sold it';
  if (sale.shiftId !== refund.currentShiftId) return 'it was sold in an earlier shift';
  if (owedSinceMs === null || refund.nowMs - owedSinceMs > COUNTER_REFUND_MINUTES * 60_000) return `it failed more than ${COUNTER_REFUND_MINUTES} minutes ago`;
  return null;
}

/** The cashier handed the cash back at the counter: refund_due → refunded, recorded with cashier and shift. */
export function refundAtCounter(ledger: Ledger, id: string, refund: CounterRefund): LedgerSale {
  return ledger.transaction(() => {
    const sale = owedBackSale(ledger, id);
    const refusal = counterRefundRefusal(sale, ledger.enteredStateAt(id, 'refund_due'), refund);
    if (refusal) throw new AppError('forbidden', `This refund cannot be handed back at the counter (${refusal}): an owner must pay it out.`);
    return markSaleRefunded(ledger, id, { handedBackAtCounter: true, refundedBy: refund.user.id, shiftId: refund.currentShiftId });
  });
}

/** A later payout: who was signed in, and the owner whose PIN let a cashier do it (null when an owner did). */
export function payOutRefund(ledger: Ledger, id: string, paidBy: { user: User | null; overridingOwnerId: string | null; shiftId?: string | null }): LedgerSale {
  return ledger.transaction(() => {
    owedBackSale(ledger, id);
    const drawer = paidBy.shiftId ? { shiftId: paidBy.shiftId } : {};
    return markSaleRefunded(ledger, id, { paidOut: true, refundedBy: paidBy.user?.id ?? null, role: paidBy.user?.role ?? null, ownerOverride: paidBy.overridingOwnerId, ...drawer });
  });
}
