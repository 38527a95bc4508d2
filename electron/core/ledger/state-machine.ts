/**
 * The sale's state machine, enforced here and only here. The ledger asks this
 * module before every state change and changes state only by compare-and-set, so an illegal transition,
 * a change out of a terminal state, or a second sender taking a sale are refused.
 *
 *   created ──► queued ──► sending ──► succeeded
 *                  ▲          │  ├──► failed ──► refund_due ──► refunded
 *                  └──────────┘  ├──► pending ──► succeeded | failed
 *                                └──► unknown ──► succeeded | failed | pending
 *                                                 | queued (provably never processed)
 *                                                 | sending (same-key replay, safe by idempotency)
 */
import type { SaleState } from '../../../shared/contract/sales';

export const TRANSITIONS: Readonly<Record<SaleState, readonly SaleState[]>> = {
  created: ['queued', 'sending'],
  queued: ['sending', 'failed'],
  sending: ['succeeded', 'failed', 'pending', 'unknown', 'queued'],
  pending: ['succeeded', 'failed', 'unknown'],
  unknown: ['succeeded', 'failed', 'pending', 'queued', 'sending'],
  failed: ['refund_due'],
  refund_due: ['refunded'],
  succeeded: [],
  refunded: [],
};

/** States a sale never leaves. */
export const TERMINAL_STATES: readonly SaleState[] = ['succeeded', 'refunded'];
/** States in which the outcome is settled as far as the provider is concerned (nothing more will be sent). */
export const SETTLED_STATES: readonly SaleState[] = ['succeeded', 'failed', 'refund_due', 'refunded'];
/** States waiting for the provider or for a person. */
export const AWAITING_STATES: readonly SaleState[] = ['pending', 'unknown'];

export function isTerminal(state: SaleState): boolean {
  return TERMINAL_STATES.includes(state);
}

export function canTransition(from: SaleState | null, to: SaleState): boolean {
  if (from === null) return to === 'created';
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  override name = 'IllegalTransitionError';
  constructor(
    readonly from: SaleState | null,
    readonly to: SaleState,
  ) {
    super(from !== null && isTerminal(from) ? `sale is ${from}, a terminal state; it cannot become ${to}` : `illegal transition ${from ?? '(new)'} → ${to}`);
  }
}

export function assertTransition(from: SaleState | null, to: SaleState): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}
