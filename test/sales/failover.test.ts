/**
 * The failover rule, written from the README's semantics (not from the code): a provider that provably did not
 * process a sale is followed by the next provider in order, except when the error is about the customer's
 * number or a possible duplicate; once nobody is left, a "not now" (busy, broken, unreachable) keeps the sale
 * for later and a "no" fails it. After a "not now" the providers known to be unavailable are skipped; after a
 * "no" the providers that already refused this sale are skipped.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderErrorCode } from '../../shared/errors';
import { decideFailover, guardLiveKey, type FailoverCandidate, type FailoverVerdict, type NotProcessedDecision } from '../../electron/core/sales/failover';

const mobisend: FailoverCandidate = { provider: 'mobisend', sku: null };
const liquido: FailoverCandidate = { provider: 'liquido', sku: 'LQ-50' };
const mobisendDown: FailoverCandidate = { ...mobisend, unavailable: true };
const mobisendRefused: FailoverCandidate = { ...mobisend, refusedThisSale: true };

interface Row {
  why: string;
  code: ProviderErrorCode;
  notSent?: boolean;
  remaining: FailoverCandidate[];
  anyTransient: boolean;
  expected: FailoverVerdict;
}

const tryMobisend: FailoverVerdict = { action: 'try_next', next: { provider: 'mobisend', sku: null } };
const tryLiquido: FailoverVerdict = { action: 'try_next', next: { provider: 'liquido', sku: 'LQ-50' } };
const queue: FailoverVerdict = { action: 'queue' };
const fail: FailoverVerdict = { action: 'fail' };

const TABLE: Row[] = [
  // The customer's number or a possible duplicate: never another provider, whatever is left.
  { why: 'number rejected, others left', code: 'number_rejected', remaining: [mobisend, liquido], anyTransient: false, expected: fail },
  { why: 'number rejected after an earlier "not now"', code: 'number_rejected', remaining: [], anyTransient: true, expected: fail },
  { why: 'possible duplicate, others left', code: 'possible_duplicate', remaining: [mobisend], anyTransient: true, expected: fail },
  // A "no" from this provider: the next one in order.
  { why: 'insufficient balance, next in order', code: 'insufficient_balance', remaining: [mobisend, liquido], anyTransient: false, expected: tryMobisend },
  { why: 'bad credentials, next in order', code: 'bad_credentials', remaining: [liquido, mobisend], anyTransient: false, expected: tryLiquido },
  { why: 'daily limit, the next already refused this sale', code: 'daily_limit', remaining: [mobisendRefused, liquido], anyTransient: false, expected: tryLiquido },
  { why: 'a "no" ignores availability (it says nothing about the others)', code: 'not_supported', remaining: [mobisendDown], anyTransient: false, expected: tryMobisend },
  { why: 'a "no", nobody left, nothing transient before', code: 'insufficient_balance', remaining: [], anyTransient: false, expected: fail },
  { why: 'a "no", everyone left already refused', code: 'invalid_input', remaining: [mobisendRefused], anyTransient: false, expected: fail },
  { why: 'a "no", nobody left, an earlier provider said "not now"', code: 'insufficient_balance', remaining: [], anyTransient: true, expected: queue },
  // A "not now" from this provider: the next available one, else keep the sale for later.
  { why: 'rate limited, next in order', code: 'rate_limited', remaining: [mobisend, liquido], anyTransient: true, expected: tryMobisend },
  { why: 'provider error, the next is unreachable', code: 'provider_error', remaining: [mobisendDown, liquido], anyTransient: true, expected: tryLiquido },
  { why: 'unexpected answer, next in order', code: 'unexpected_response', remaining: [liquido], anyTransient: true, expected: tryLiquido },
  { why: 'never sent (connection refused), next in order', code: 'bad_credentials', notSent: true, remaining: [mobisend], anyTransient: true, expected: tryMobisend },
  { why: 'a "not now" may retry a provider that refused earlier', code: 'rate_limited', remaining: [mobisendRefused], anyTransient: true, expected: tryMobisend },
  { why: 'rate limited, nobody left', code: 'rate_limited', remaining: [], anyTransient: true, expected: queue },
  { why: 'provider error, everyone left is unavailable', code: 'provider_error', remaining: [mobisendDown], anyTransient: true, expected: queue },
];

describe('failover: what follows a provider that provably did not process the sale', () => {
  it.each(TABLE)('$why → $expected.action', (row) => {
    const error = { code: row.code, message: row.code, outcomeKnown: true, retrySameKeySafe: false, ...(row.notSent ? { notSent: true } : {}) };
    expect(decideFailover({ error, remaining: row.remaining, anyTransient: row.anyTransient })).toEqual(row.expected);
  });
});

/**
 * The exception, written from the rule "a request whose outcome is unknown is never re-sent under a new key":
 * when an earlier request under the sale's key is unaccounted for, the sale stays with that key and provider,
 * and it fails only if the provider itself reported the key's transaction failed.
 */
describe('failover while an earlier request under the same key may still land', () => {
  const sentTo = { provider: 'relier' as const, sku: 'R-50' };
  const sameKeySameProvider: Partial<NotProcessedDecision> = { to: 'queued', provider: 'relier', sku: 'R-50', newKey: false };
  const GUARD_TABLE: Array<{ why: string; decision: NotProcessedDecision; reportedFailed: boolean; expected: Partial<NotProcessedDecision> }> = [
    { why: 'failover to another provider → same key, same provider', decision: { to: 'queued', provider: 'mobisend', sku: null, newKey: true, detail: 'x' }, reportedFailed: false, expected: sameKeySameProvider },
    { why: 'queue for later under a new key → same key', decision: { to: 'queued', provider: 'relier', sku: 'R-50', newKey: true, detail: 'x' }, reportedFailed: false, expected: sameKeySameProvider },
    { why: 'stay queued under the same key → unchanged', decision: { to: 'queued', provider: 'relier', sku: 'R-50', newKey: false, detail: 'kept' }, reportedFailed: false, expected: { to: 'queued', newKey: false, detail: 'kept' } },
    { why: 'fail on an error answer → unknown', decision: { to: 'failed', code: 'insufficient_balance', message: 'x'}, reportedFailed: false, expected: { to: 'unknown' } },
    { why: 'fail when the provider reported the key failed → fails', decision: { to: 'failed', code: 'provider_error', message: 'x'}, reportedFailed: true, expected: { to: 'failed'} },
    { why: 'unknown stays unknown', decision: { to: 'unknown', detail: 'replay refused' }, reportedFailed: false, expected: { to: 'unknown', detail: 'replay refused' } },
  ];
  it.each(GUARD_TABLE)('$why', ({ decision, reportedFailed, expected }) => {
    expect(guardLiveKey(decision, sentTo, reportedFailed)).toMatchObject(expected);
  });
});
