/**
 * The float check, per business day and provider: what the provider account should hold by the day's end
 * (the last balance read before the day + deposits since − the cost of the sales delivered since) against the
 * balance it reported, and the variance with its likely causes. The window runs between two balance readings,
 * not between clock times, so a sale is counted once whatever minute the readings were taken.
 * Reversals: a delivered sale is terminal in the ledger (nothing moves it back), so the ledger knows of none and
 * the figure is zero until the state machine grows such a move; it is shown so the formula reads whole.
 */
import type { ProviderId } from '../../../shared/contract/app';
import type { FloatCheck, FloatCheckLine, FloatVarianceCause } from '../../../shared/contract/accounts';
import type { Money } from '../../../shared/money';
import type { DayWindow } from './reconcile';
import type { AccountsRepository, BalanceReading } from './repository';

/** One centavo/cent: the smallest difference that is not exact agreement. */
export const FLOAT_TOLERANCE_MINOR = 1;

function causesOf(variance: number, sums: { deliveredCount: number; withoutCost: number; open: number }, depositsMinor: number): FloatVarianceCause[] {
  const causes: FloatVarianceCause[] = [];
  const size = Math.abs(variance);
  if (size > FLOAT_TOLERANCE_MINOR && size <= Math.max(FLOAT_TOLERANCE_MINOR, sums.deliveredCount)) causes.push('rounding_or_fees');
  if (variance > FLOAT_TOLERANCE_MINOR) causes.push('deposit_not_recorded');
  if (variance < -FLOAT_TOLERANCE_MINOR) {
    if (depositsMinor > 0) causes.push('deposit_not_credited');
    causes.push('sales_outside_saldo');
  }
  if (size > FLOAT_TOLERANCE_MINOR && sums.open > 0) causes.push('open_sales');
  if (size > FLOAT_TOLERANCE_MINOR && sums.withoutCost > 0) causes.push('sales_without_cost');
  return causes;
}

function checkProvider(repository: AccountsRepository, provider: ProviderId, window: DayWindow): FloatCheckLine {
  const before = repository.lastReadingBefore(provider, window.startMs);
  const firstOfDay = repository.firstReadingFrom(provider, window.startMs);
  const previous: BalanceReading | null = before ?? (firstOfDay && firstOfDay.readMs < window.endMs ? firstOfDay : null);
  const lastOfDay = repository.lastReadingBefore(provider, window.endMs);
  const reported = lastOfDay && previous && lastOfDay.readMs > previous.readMs ? lastOfDay : null;
  const currency = previous?.balance.currency ?? lastOfDay?.balance.currency ?? 'USD';
  const zero: Money = { minor: 0, currency };
  const base = {
    provider,
    currency,
    previousBalance: previous?.balance ?? null,
    previousAt: previous?.readAt ?? null,
    reported: reported?.balance ?? lastOfDay?.balance ?? null,
    reportedAt: reported?.readAt ?? lastOfDay?.readAt ?? null,
    reversals: zero,
  };
  if (!previous || !reported) {
    const causes: FloatVarianceCause[] = [];
    if (!previous) causes.push('no_previous_balance');
    if (!reported) causes.push('no_reported_balance');
    return { ...base, deposits: zero, deliveredCost: zero, expected: null, variance: null, alert: false, likelyCauses: causes, deliveredSales: 0, salesWithoutCost: 0, openSales: 0 };
  }
  const sums = repository.costSums(provider, currency, previous.readMs, reported.readMs);
  const depositsMinor = repository.depositsBetween(provider, currency, previous.readMs, reported.readMs);
  const expectedMinor = previous.balance.minor + depositsMinor - sums.deliveredCostMinor;
  const variance = reported.balance.minor - expectedMinor;
  return {
    ...base,
    deposits: { minor: depositsMinor, currency },
    deliveredCost: { minor: sums.deliveredCostMinor, currency },
    expected: { minor: expectedMinor, currency },
    variance: { minor: variance, currency },
    alert: Math.abs(variance) > FLOAT_TOLERANCE_MINOR,
    likelyCauses: causesOf(variance, sums, depositsMinor),
    deliveredSales: sums.deliveredCount,
    salesWithoutCost: sums.withoutCost,
    openSales: sums.open,
  };
}

export function floatCheck(repository: AccountsRepository, providers: readonly ProviderId[], window: DayWindow): FloatCheck {
  return { businessDay: window.date, toleranceMinor: FLOAT_TOLERANCE_MINOR, providers: providers.map((provider) => checkProvider(repository, provider, window)) };
}
