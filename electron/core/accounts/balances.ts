/**
 * Provider balances for the owner (with currency, Relier's credit limit and the exchange rate it last charged)
 * and the counter's low-balance warning, from the owner's thresholds (setting `lowBalanceThresholds`). A live
 * read goes to each adapter's balance call; the ledger's cache keeps the last known for offline screens. Every
 * balance read, live or by the sync's refresh, is also kept as a reading, which the float check compares.
 */
import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/contract/app';
import {
  DEFAULT_LOW_BALANCE_THRESHOLDS,
  isBelowThreshold,
  LOW_BALANCE_THRESHOLDS_SETTING,
  LowBalanceThresholdsSchema,
  type BalanceWarning,
  type LowBalanceThresholds,
  type ProviderBalance,
} from '../../../shared/contract/accounts';
import type { Balances } from '../../../shared/contract/sales';
import type { Balance, ProviderAdapter } from '../providers/types';
import { readSetting } from '../settings/store';
import type { AccountsRepository } from './repository';

/** The owner's thresholds, or the defaults when none are stored or the stored value no longer parses. */
export function loadLowBalanceThresholds(db: Database): LowBalanceThresholds {
  const parsed = LowBalanceThresholdsSchema.safeParse(readSetting(db, LOW_BALANCE_THRESHOLDS_SETTING));
  return parsed.success ? parsed.data : { ...DEFAULT_LOW_BALANCE_THRESHOLDS };
}

export interface BalanceCache {
  balances(): Balances;
  setBalance(provider: ProviderId, balance: Balance, at: string): void;
}

export interface BalancesDeps {
  repository: AccountsRepository;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  cache: BalanceCache;
  thresholds: () => LowBalanceThresholds;
  clock: () => Date;
  /** Told after a live read changed the cache (the sales module's balances.changed event). */
  onRefreshed?: () => void;
}

/** Keeps the sync's refreshed balances as readings too (once per provider and refresh time). */
export function recordCachedReadings(repository: AccountsRepository, balances: Balances): void {
  for (const cached of balances.balances) {
    const last = repository.lastReading(cached.provider);
    if (last && last.readAt === cached.refreshedAt) continue;
    const readMs = Date.parse(cached.refreshedAt);
    if (!Number.isFinite(readMs)) continue;
    repository.recordReading({ provider: cached.provider, readMs, readAt: cached.refreshedAt, balance: cached.balance, available: cached.available, creditLimit: last?.creditLimit ?? null });
  }
}

async function liveRead(deps: BalancesDeps, provider: ProviderId, adapter: ProviderAdapter): Promise<{ code: ProviderBalance['error'] } | { balance: Balance; at: string }> {
  try {
    const answer = await adapter.balance();
    if (!answer.ok) return { code: { code: answer.error.code, message: answer.error.message } };
    const now = deps.clock();
    const at = now.toISOString();
    deps.repository.transaction(() => {
      deps.cache.setBalance(provider, answer.value, at);
      deps.repository.recordReading({ provider, readMs: now.getTime(), readAt: at, balance: answer.value.balance, available: answer.value.available, creditLimit: answer.value.creditLimit ?? null });
    });
    return { balance: answer.value, at };
  } catch (error) {
    return { code: { code: 'provider_error', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Each configured provider's balance: asked now when `refresh`, else (or when it does not answer) the last known. */
export async function providerBalances(deps: BalancesDeps, refresh: boolean): Promise<ProviderBalance[]> {
  const thresholds = deps.thresholds();
  const out: ProviderBalance[] = [];
  let refreshed = false;
  for (const [provider, adapter] of deps.adapters) {
    const live = refresh ? await liveRead(deps, provider, adapter) : null;
    if (live && 'balance' in live) refreshed = true;
    const last = deps.repository.lastReading(provider);
    const cached = deps.cache.balances().balances.find((item) => item.provider === provider) ?? null;
    const balance = live && 'balance' in live ? live.balance.balance : (cached?.balance ?? null);
    const available = live && 'balance' in live ? live.balance.available : (cached?.available ?? null);
    const threshold = thresholds[provider];
    const rate = deps.repository.lastExchangeRate(provider);
    out.push({
      provider,
      balance,
      available,
      creditLimit: live && 'balance' in live ? (live.balance.creditLimit ?? null) : (last?.creditLimit ?? null),
      exchangeRate: rate?.rate ?? null,
      exchangeRateAt: rate?.at ?? null,
      threshold,
      low: available !== null && isBelowThreshold(available, threshold),
      refreshedAt: live && 'balance' in live ? live.at : (cached?.refreshedAt ?? null),
      source: live && 'balance' in live ? 'live' : cached ? 'cached' : 'none',
      error: live && 'code' in live ? live.code : null,
    });
  }
  if (refreshed) deps.onRefreshed?.();
  return out;
}

/** For the counter's status bar: the providers whose last known available balance is under the threshold. */
export function balanceWarnings(cache: BalanceCache, thresholds: LowBalanceThresholds): BalanceWarning[] {
  const warnings: BalanceWarning[] = [];
  for (const cached of cache.balances().balances) {
    const threshold = thresholds[cached.provider];
    if (threshold && isBelowThreshold(cached.available, threshold)) warnings.push({ provider: cached.provider, available: cached.available, threshold, refreshedAt: cached.refreshedAt });
  }
  return warnings;
}
