/**
 * The duplicate guard, in one place: before a sale is recorded, what the ledger says about earlier sales to the
 * same number. Pure (no SQL, no clock): the service hands it the earlier sales and the time, and the same
 * function answers `sales.checkResell` (the counter asks before the read-back) and guards `sales.sell`.
 *
 * - A sale to the same number and country still unresolved (created, queued, sending, pending, unknown) could
 *   still deliver: a new one would deliver twice. It blocks (`resell_blocked`) unless an owner overrides.
 * - The same number, country and amount within the window (setting `resellWindowMinutes`) in a state that
 *   delivered or may deliver airtime asks first (`repeat_unconfirmed`) unless the cashier confirmed the repeat.
 *   A sale known not to have delivered (failed, owed back, refunded) is not a repeat: selling again is a retry.
 * - An owner's override of an unresolved sale also answers the repeat question: the owner saw the earlier sale.
 */
import type { SaleState } from '../../../shared/contract/sales';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';

/** States whose outcome is not settled yet: the airtime may still arrive. */
export const UNRESOLVED_STATES: readonly SaleState[] = ['created', 'queued', 'sending', 'pending', 'unknown'];
/** States known not to have delivered airtime: a later sale of the same amount is a retry, not a repeat. */
const NOT_DELIVERED_STATES: readonly SaleState[] = ['failed', 'refund_due', 'refunded'];

export const RESELL_WINDOW_DEFAULT_MINUTES = 10;

/** The few facts of an earlier sale the guard reads. */
export interface EarlierSale {
  id: string;
  phone: string;
  country: string;
  price: Money;
  state: SaleState;
  createdMs: number;
}

export interface ResellRequest {
  phone: string;
  country: string;
  /** Unknown when the counter asks before an amount is chosen: then only the unresolved check applies. */
  price: Money | null;
}

export interface ResellFacts<S extends EarlierSale> {
  /** The newest unresolved sale to the number. */
  unresolved: S | null;
  /** The newest sale of the same number and amount within the window that delivered or may deliver. */
  sameRecently: S | null;
}

/** What the ledger says about earlier sales to this number; `earlier` in any order. Writes nothing. */
export function resellFacts<S extends EarlierSale>(earlier: readonly S[], request: ResellRequest, nowMs: number, windowMinutes: number): ResellFacts<S> {
  const sameNumber = earlier
    .filter((sale) => sale.phone === request.phone && sale.country === request.country)
    .sort((a, b) => b.createdMs - a.createdMs);
  const windowStart = nowMs - windowMinutes * 60_000;
  const price = request.price;
  return {
    unresolved: sameNumber.find((sale) => UNRESOLVED_STATES.includes(sale.state)) ?? null,
    sameRecently:
      price && windowMinutes > 0
        ? (sameNumber.find((sale) => sale.createdMs >= windowStart && !NOT_DELIVERED_STATES.includes(sale.state) && sale.price.minor === price.minor && sale.price.currency === price.currency) ?? null)
        : null,
  };
}

/** How the cashier answered the counter's questions for this sale. */
export interface ResellAnswers {
  /** An owner's PIN was typed and checked for this sale. */
  ownerOverride: boolean;
  repeatConfirmed: boolean;
}

/** Describes an earlier sale for a message: its time (shop clock) and its state. */
export type DescribeSale = (sale: EarlierSale) => string;

/**
 * Throws the refusal a person reads (`resell_blocked` or `repeat_unconfirmed`, naming the earlier sale's time and
 * state) or returns when the sale may be recorded.
 */
export function enforceResellGuard(facts: ResellFacts<EarlierSale>, answers: ResellAnswers, describe: DescribeSale): void {
  if (facts.unresolved && !answers.ownerOverride) {
    throw new AppError(
      'resell_blocked',
      `A sale to this number (${describe(facts.unresolved)}) is not resolved yet; selling again could deliver twice. An owner's PIN lets it through.`,
    );
  }
  if (facts.sameRecently && !answers.repeatConfirmed && !answers.ownerOverride) {
    throw new AppError('repeat_unconfirmed', `The same number and amount was sold moments ago (${describe(facts.sameRecently)}); confirm it is another top-up.`);
  }
}
