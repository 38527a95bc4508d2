/**
 * Building blocks for classified provider errors. Each adapter has one classify function that uses these;
 * the rules that hold for every provider (no answer, unreadable answer) live here once.
 */
import type { ProviderErrorCode } from '../../../shared/errors';
import type { NoAnswerReason } from './http';
import type { ProviderError, ProviderResult } from './types';

/** What the request was, which decides what a lost answer means. */
export interface RequestKind {
  /** A sale (top-up, bill payment): a lost answer may mean it was delivered. */
  sale: boolean;
  /** The provider deduplicates a repeated sale (MobiSend header, Liquido body key). */
  idempotent: boolean;
}

export function providerError(
  code: ProviderErrorCode,
  message: string,
  details: Omit<ProviderError, 'code' | 'message'>,
): ProviderError {
  return { code, message, ...details };
}

/** A failure the provider reported that provably changed nothing (validation, credentials, balance, limits). */
export function knownFailure(code: ProviderErrorCode, message: string, httpStatus?: number): ProviderError {
  return providerError(code, message, { outcomeKnown: true, retrySameKeySafe: true, ...(httpStatus ? { httpStatus } : {}) });
}

/** A server error: the provider may have committed before failing, so only an idempotent retry is safe. */
export function serverFailure(message: string, context: RequestKind, httpStatus?: number): ProviderError {
  return providerError('provider_error', message, {
    outcomeKnown: !context.sale,
    retrySameKeySafe: !context.sale || context.idempotent,
    ...(httpStatus ? { httpStatus } : {}),
  });
}

export function noAnswerFailure(reason: NoAnswerReason, detail: string, notSent: boolean, context: RequestKind): ProviderError {
  if (notSent) {
    return providerError('provider_error', `provider unreachable, request not sent (${detail})`, {
      outcomeKnown: true,
      retrySameKeySafe: true,
      notSent: true,
    });
  }
  const what = reason === 'timeout' ? 'timed out' : reason === 'reset' ? 'connection reset' : 'network error';
  return providerError('outcome_unknown', `${what} before the provider answered (${detail})`, {
    outcomeKnown: !context.sale,
    retrySameKeySafe: !context.sale || context.idempotent,
  });
}

/** An answer the adapter cannot read: never taken for success, and for a sale it may have been processed. */
export function unexpectedAnswer(message: string, context: RequestKind, httpStatus?: number): ProviderError {
  return providerError('unexpected_response', message, {
    outcomeKnown: !context.sale,
    retrySameKeySafe: !context.sale || context.idempotent,
    ...(httpStatus ? { httpStatus } : {}),
  });
}

export function clientRateLimited(retryAt: number): ProviderError {
  return providerError('rate_limited', 'client-side rate limit reached: request not sent', {
    outcomeKnown: true,
    retrySameKeySafe: true,
    retryAt,
    notSent: true,
  });
}

export function notSupported(message: string): ProviderError {
  return knownFailure('not_supported', message);
}

export const failed = <T>(error: ProviderError): ProviderResult<T> => ({ ok: false, error });
export const succeeded = <T>(value: T): ProviderResult<T> => ({ ok: true, value });

/** Carrier and anti-fraud messages that mean the same on every provider (they share upstream aggregators). */
export function classifyCarrierMessage(message: string): ProviderErrorCode | undefined {
  const text = message.toUpperCase();
  if (text.includes('NO SE PUEDE ABONAR')) return 'number_rejected';
  if (text.includes('POSIBLE DUPLICADO')) return 'possible_duplicate';
  // A bill payment's biller refused the account (MobiSend/CellPay: "INVALID ACCOUNT NUMBER").
  if (text.includes('ACCOUNT NUMBER') || text.includes('INVALID ACCOUNT')) return 'account_rejected';
  return undefined;
}

/** "POSIBLE DUPLICADO": an earlier sale to the same number may have gone through. Check it; never resell. */
export function possibleDuplicate(message: string, httpStatus?: number): ProviderError {
  return providerError('possible_duplicate', message, {
    outcomeKnown: false,
    retrySameKeySafe: false,
    ...(httpStatus ? { httpStatus } : {}),
  });
}
