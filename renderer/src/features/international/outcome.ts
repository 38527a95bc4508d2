/**
 * The end of a sale priced in dollars (an international top-up, a bill payment): the sale as the core answered
 * it, or the error that stopped it before it was recorded, and after a failure where the customer's cash is
 * (handed back now at the counter, or owed), the same question the Mexican sale asks.
 */
import type { Sale } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';
import { call, errorCodeOf } from '../../bridge/client';
import type { CashAnswer } from '../sell/types';

export interface Outcome {
  sale: Sale | null;
  /** The sale was refused before it was recorded (nothing charged, nothing sent). */
  error: ErrorCode | null;
  cash: CashAnswer | null;
  cashBusy: boolean;
  cashError: ErrorCode | null;
}

export const NO_OUTCOME: Outcome = { sale: null, error: null, cash: null, cashBusy: false, cashError: null };

/** The later of two views of one sale (a sale.changed event may arrive before the call's answer). */
export function laterSale(current: Sale | null, incoming: Sale): Sale {
  return current && current.id === incoming.id && current.updatedAt > incoming.updatedAt ? current : incoming;
}

/** After a failure, the cashier's answer: a refund at the counter (the core records it) or owed. */
export async function answerCash(outcome: Outcome, answer: CashAnswer, update: (next: Outcome) => void): Promise<Sale | null> {
  const { sale } = outcome;
  if (!sale || outcome.cashBusy) return null;
  if (answer === 'owed') {
    update({ ...outcome, cash: 'owed', cashError: null });
    return null;
  }
  update({ ...outcome, cashBusy: true, cashError: null });
  try {
    const refunded = await call('sales.refundAtCounter', { id: sale.id });
    update({ ...outcome, sale: refunded, cash: 'handed_back', cashBusy: false, cashError: null });
    return refunded;
  } catch (error) {
    update({ ...outcome, cashBusy: false, cashError: errorCodeOf(error) });
    return null;
  }
}
