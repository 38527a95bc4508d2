/**
 * The accounts module: the owner's money outside the drawer. Channels `accounts.*` (see
 * shared/contract/accounts.ts); everything here is owner-only except the counter's `accounts.balanceWarnings`.
 * Refunds are paid through the existing `sales.markRefunded` (sales/refunds.ts); this module lists them.
 *
 *   const accounts = createAccountsModule({ db, journal, ledger, cache, adapters, settle, events, ... });
 *   dispatcher handlers: { ...accounts.handlers }
 */
import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/contract/app';
import type { RefundOwed } from '../../../shared/contract/accounts';
import type { BusinessDayRule } from '../../../shared/business-day';
import { businessDayOf } from '../../../shared/business-day';
import type { SaleState } from '../../../shared/contract/sales';
import { AppError } from '../../../shared/errors';
import type { User } from '../../../shared/contract/auth';
import type { Handler } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import type { Journal } from '../journal/journal';
import type { ProviderAdapter, StatusResult } from '../providers/types';
import { balanceWarnings, loadLowBalanceThresholds, providerBalances, recordCachedReadings, type BalanceCache } from './balances';
import { dayWindow } from './day';
import { addDeposit, toDeposit, type DepositDeps } from './deposits';
import { exportReport, exportSales, type ExportDeps, type ReportSource } from './exports';
import { floatCheck } from './float-check';
import { lastFourOnly } from './masking';
import { reconcileDay } from './reconcile';
import { AccountsRepository } from './repository';
import type { PdfLanguage } from './pdf-export';

export type { ReportSource } from './exports';
export { loadLowBalanceThresholds } from './balances';

type AccountsChannel =
  | 'accounts.refundsOwed'
  | 'accounts.balances'
  | 'accounts.balanceWarnings'
  | 'accounts.reconcile'
  | 'accounts.addDeposit'
  | 'accounts.deposits'
  | 'accounts.floatCheck'
  | 'accounts.exportSales'
  | 'accounts.exportReport';

export type AccountsHandlers = { [C in AccountsChannel]: Handler<C> };

export interface AccountsModuleOptions {
  db: Database;
  journal: Journal;
  adapters: ReadonlyMap<ProviderId, ProviderAdapter>;
  cache: BalanceCache;
  events: EventBus;
  /** When a sale became owed back (the ledger's enteredStateAt). */
  owedSince: (saleId: string) => number | null;
  /** The sender's settle path (SaleSender.settleFromRecord): returns the sale's state after it. */
  settle: (saleId: string, status: StatusResult, via: string) => SaleState;
  viewer: () => User | null;
  clock: () => Date;
  rule: () => BusinessDayRule;
  shop: () => { name: string; language: PdfLanguage };
  userName: (id: string) => string | null;
  /** The back office's report figures, once wired (null: report exports answer not_supported). */
  reports?: () => ReportSource | null;
}

export interface AccountsModule {
  handlers: AccountsHandlers;
  repository: AccountsRepository;
  close(): void;
}

function signedIn(viewer: () => User | null): User {
  const user = viewer();
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  return user;
}

export function createAccountsModule(options: AccountsModuleOptions): AccountsModule {
  const { db, journal, adapters, cache, clock } = options;
  const repository = new AccountsRepository(db);
  const window = (date: string) => dayWindow(date, options.rule());
  const today = () => businessDayOf(clock().getTime(), options.rule());
  const thresholds = () => loadLowBalanceThresholds(db);
  const balancesDeps = { repository, adapters, cache, thresholds, clock, onRefreshed: () => options.events.emit('balances.changed', cache.balances()) };
  const depositDeps: DepositDeps = { repository, journal, clock, today, window };
  const exportDeps: ExportDeps = { repository, journal, rule: options.rule, window, userName: options.userName, shop: options.shop, reports: () => options.reports?.() ?? null };

  // The sync's refresh announces new balances: keep each as a reading for the float check.
  const unsubscribe = options.events.subscribe((name) => {
    if (name !== 'balances.changed') return;
    try {
      recordCachedReadings(repository, cache.balances());
    } catch {
      // A reading is a convenience for the float check; the balance itself is in the cache already.
    }
  });

  function refundsOwed(fullNumbers: boolean): { refunds: RefundOwed[]; count: number; totals: Array<{ minor: number; currency: string }> } {
    const now = clock().getTime();
    const totals = new Map<string, number>();
    const refunds = repository.owedBack().map((sale): RefundOwed => {
      const since = options.owedSince(sale.id) ?? sale.createdMs;
      totals.set(sale.price.currency, (totals.get(sale.price.currency) ?? 0) + sale.price.minor);
      return {
        saleId: sale.id,
        soldAt: sale.createdAt,
        owedSince: new Date(since).toISOString(),
        ageMinutes: Math.max(0, Math.floor((now - since) / 60_000)),
        phone: fullNumbers ? sale.phone : lastFourOnly(sale.phone),
        phoneMasked: !fullNumbers,
        country: sale.country,
        carrier: sale.carrier,
        provider: sale.provider,
        cashierId: sale.cashierId,
        shiftId: sale.shiftId,
        amount: sale.price,
        failureCode: (sale.failureCode ?? null) as RefundOwed['failureCode'],
      };
    });
    return { refunds, count: refunds.length, totals: [...totals].map(([currency, minor]) => ({ minor, currency })) };
  }

  const handlers: AccountsHandlers = {
    'accounts.refundsOwed': (input) => refundsOwed(input.fullNumbers === true),
    'accounts.balances': async (input) => ({ balances: await providerBalances(balancesDeps, input.refresh === true) }),
    'accounts.balanceWarnings': () => ({ warnings: balanceWarnings(cache, thresholds()) }),
    'accounts.reconcile': (input) =>
      reconcileDay({ repository, adapters, settle: options.settle }, window(input.date), { ...(input.provider ? { provider: input.provider } : {}), settle: input.settle === true }),
    'accounts.addDeposit': (input) => addDeposit(depositDeps, input, signedIn(options.viewer).id),
    'accounts.deposits': (input) => ({ deposits: repository.deposits(input.from ?? '0000-01-01', input.to ?? '9999-12-31', input.provider ?? null).map(toDeposit) }),
    'accounts.floatCheck': async (input) => {
      const day = window(input.date);
      // Today's check compares with the balance now: read it live first (a provider that does not answer keeps its last reading).
      if (day.date === today().date) await providerBalances(balancesDeps, true);
      return floatCheck(repository, [...adapters.keys()], day);
    },
    'accounts.exportSales': (input) => exportSales(exportDeps, input, signedIn(options.viewer).id),
    'accounts.exportReport': (input) => exportReport(exportDeps, input),
  };

  return { handlers, repository, close: unsubscribe };
}
