/**
 * The owner's choices that shape selling: how far the shop may sell while offline, and which provider to try
 * first per country and carrier. Stored as JSON in the settings table; defaults apply where nothing is set.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { toMajorString, type Money } from '../../../shared/money';
import { offlineCapIssue, type OfflineCap } from '../../../shared/offline-cap';
import { ProviderIdSchema, type ProviderId } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import { readSetting } from '../settings/store';

export interface OfflinePolicy {
  enabled: boolean;
  /** Largest single queued sale (shop currency). */
  maxSale: Money;
  /** Largest total of all queued sales together. */
  maxQueuedTotal: Money;
  /** How long a queued sale may wait before it fails and its money is owed back. */
  maxAgeMs: number;
}

export const DEFAULT_OFFLINE_POLICY: OfflinePolicy = {
  enabled: true,
  maxSale: { minor: 50_000, currency: 'MXN' },
  maxQueuedTotal: { minor: 500_000, currency: 'MXN' },
  maxAgeMs: 24 * 60 * 60 * 1000,
};

/** Refused: the reason in a sentence, and the cap that refused it where one did (the counter names it). */
export type QueueDecision = { allowed: true } | { allowed: false; reason: string; cap?: OfflineCap };

export function mayQueue(policy: OfflinePolicy, price: Money, queuedTotal: Money): QueueDecision {
  if (!policy.enabled) return { allowed: false, reason: 'Selling while offline is switched off by the owner' };
  if (price.currency !== policy.maxSale.currency) return { allowed: false, reason: `Only ${policy.maxSale.currency} sales may be queued offline` };
  if (price.minor > policy.maxSale.minor) {
    return { allowed: false, reason: `Offline sales are limited to ${toMajorString(policy.maxSale)} ${policy.maxSale.currency} each`, cap: { kind: 'sale', cap: policy.maxSale } };
  }
  const total = queuedTotal.currency === price.currency ? queuedTotal.minor : 0;
  if (total + price.minor > policy.maxQueuedTotal.minor) {
    return {
      allowed: false,
      reason: `The offline queue is full (at most ${toMajorString(policy.maxQueuedTotal)} ${policy.maxQueuedTotal.currency} in total)`,
      cap: { kind: 'total', cap: policy.maxQueuedTotal },
    };
  }
  return { allowed: true };
}

/** The error a refused decision answers: `offline_not_allowed`, with the cap as an issue where one refused. */
export function offlineRefusal(decision: { reason: string; cap?: OfflineCap }): AppError {
  return new AppError('offline_not_allowed', `No provider is reachable. ${decision.reason}.`, decision.cap ? [offlineCapIssue(decision.cap)] : undefined);
}

/** Provider priority per country, optionally per carrier (carrier names compared case-insensitively). */
export interface RoutingPolicy {
  countries: Record<string, { default: ProviderId[]; carriers?: Record<string, ProviderId[]> }>;
  /** Countries without an entry use this order. */
  fallback: ProviderId[];
}

export const DEFAULT_ROUTING_POLICY: RoutingPolicy = {
  countries: { MX: { default: ['relier', 'mobisend', 'liquido'] } },
  fallback: ['mobisend', 'liquido', 'relier'],
};

export function providerOrder(policy: RoutingPolicy, country: string, carrier: string): ProviderId[] {
  const entry = policy.countries[country];
  if (!entry) return [...policy.fallback];
  const wanted = carrier.trim().toLowerCase();
  for (const [name, order] of Object.entries(entry.carriers ?? {})) {
    if (name.trim().toLowerCase() === wanted) return [...order];
  }
  return [...entry.default];
}

const MoneyJson = z.object({ minor: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) });
const OfflinePolicyJson = z.object({ enabled: z.boolean(), maxSale: MoneyJson, maxQueuedTotal: MoneyJson, maxAgeMs: z.number().int().positive() }).partial();
const RoutingPolicyJson = z.object({
  countries: z.record(z.string(), z.object({ default: z.array(ProviderIdSchema), carriers: z.record(z.string(), z.array(ProviderIdSchema)).optional() })),
  fallback: z.array(ProviderIdSchema),
});

export const OFFLINE_POLICY_KEY = 'sales.offlinePolicy';
export const ROUTING_POLICY_KEY = 'sales.routing';

export function loadOfflinePolicy(db: Database): OfflinePolicy {
  const parsed = OfflinePolicyJson.safeParse(readSetting(db, OFFLINE_POLICY_KEY));
  return parsed.success ? { ...DEFAULT_OFFLINE_POLICY, ...parsed.data } : DEFAULT_OFFLINE_POLICY;
}

export function loadRoutingPolicy(db: Database): RoutingPolicy {
  const parsed = RoutingPolicyJson.safeParse(readSetting(db, ROUTING_POLICY_KEY));
  return parsed.success ? parsed.data : DEFAULT_ROUTING_POLICY;
}
