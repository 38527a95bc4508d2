/**
 * The failover rule, in one place: a provider provably did not process a sale; what happens next? Used by
 * the counter (customer present, sales/service.ts) and by the queue drain (customer gone, sync/engine.ts).
 * What each caller then does with the verdict (queue under the offline policy, owe the money back) is its own.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { ErrorCode } from '../../../shared/errors';
import type { ProviderError } from '../providers/types';
import type { RouteCandidate } from './routing';

/** Errors about the customer's number or a suspected duplicate: another provider must not be tried. */
export const NO_FAILOVER_CODES: readonly ErrorCode[] = ['number_rejected', 'possible_duplicate'];
/** Errors that say "not now" rather than "no": worth queueing for later. */
export const TRANSIENT_CODES: readonly ErrorCode[] = ['rate_limited', 'provider_error', 'unexpected_response', 'outcome_unknown'];

/** "Not now" rather than "no": the request never left, or the provider was busy or broken. */
export function isTransient(error: ProviderError): boolean {
  return error.notSent === true || TRANSIENT_CODES.includes(error.code);
}

/** A provider that could still take the sale, with what the caller knows about it. */
export interface FailoverCandidate extends RouteCandidate {
  /** Known unreachable or backing off right now: not worth trying after a "not now". */
  unavailable?: boolean;
  /** Already refused or failed this very sale: not worth trying after a "no". */
  refusedThisSale?: boolean;
}

export interface FailoverSituation {
  /** The error the provider just answered with (it provably did not process the sale). */
  error: ProviderError;
  /** The other providers, in order of preference (the one that just answered is not among them). */
  remaining: readonly FailoverCandidate[];
  /** Whether any attempt on this sale so far (this one included) failed for a "not now" reason. */
  anyTransient: boolean;
}

export type FailoverVerdict =
  /** Send it to this provider, under a new key. */
  | { action: 'try_next'; next: RouteCandidate }
  /** Keep the sale and send it later: every provider said "not now" or none is left to try now. */
  | { action: 'queue' }
  /** The sale fails with the provider's error. */
  | { action: 'fail' };

export function decideFailover(situation: FailoverSituation): FailoverVerdict {
  const { error, remaining, anyTransient } = situation;
  if (NO_FAILOVER_CODES.includes(error.code)) return { action: 'fail' };
  const worthTrying = remaining.filter((candidate) => (isTransient(error) ? !candidate.unavailable : !candidate.refusedThisSale));
  const next = worthTrying[0];
  if (next) return { action: 'try_next', next: { provider: next.provider, sku: next.sku } };
  return anyTransient ? { action: 'queue' } : { action: 'fail' };
}

/** The reason recorded in a sale's history when it moves to the next provider. */
export const FAILOVER_DETAIL = 'failover: the provider provably did not process it';

/** What happens to a sale whose attempt provably was not processed. Applied in the outcome's transaction. */
export type NotProcessedDecision =
  /** Failed, and owed back in the same transaction (sales/owed-back.ts: no failure happens before the charge). */
  | { to: 'failed'; code: ErrorCode; message: string }
  | { to: 'queued'; provider: ProviderId; sku: string | null; newKey: boolean; detail: string }
  /** Nothing can be concluded (a same-key replay whose own request failed says nothing about the original). */
  | { to: 'unknown'; detail: string };

/**
 * The failover rule's exception: an earlier request under this sale's key is unaccounted for (no answer), so it
 * could still land. Then the sale never moves to a new key or another provider (retry the same key at the same
 * provider), and it is not failed unless the provider itself reported the key's transaction failed (unknown).
 */
export function guardLiveKey(decision: NotProcessedDecision, sentTo: RouteCandidate, reportedFailed: boolean): NotProcessedDecision {
  if (decision.to === 'failed' && !reportedFailed) return { to: 'unknown', detail: 'an earlier request under this key is unaccounted for' };
  if (decision.to === 'queued' && (decision.newKey || decision.provider !== sentTo.provider)) {
    return { to: 'queued', provider: sentTo.provider, sku: sentTo.sku, newKey: false, detail: 'an earlier request under this key is unaccounted for: same key, same provider' };
  }
  return decision;
}
