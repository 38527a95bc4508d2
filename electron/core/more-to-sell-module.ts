/**
 * Issue 14, "more to sell", as the app wires it: bill payments, the countries on offer, international quotes,
 * the carrier hint and the owner's pricing in pesos, on top of the sales module's ledger, sender and caches.
 * It composes sales/ and ledger/, so it sits beside the sales module.
 *
 *   const more = createMoreToSellModule({ db, sales, adapters, session, settings, mode });
 *   dispatcher handlers: { ...more.handlers }
 */
import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../shared/contract/app';
import type { BusinessDayRule } from '../../shared/business-day';
import { publicSale } from './ledger/ledger';
import { SalesStats } from './ledger/sales-stats';
import type { HandlerMap } from './ipc/dispatcher';
import type { Session } from './auth/session';
import type { ProviderAdapter } from './providers/types';
import { BillPayments } from './sales/bill-payments';
import type { SaleShifts } from './sales/service';
import { SalesOffer } from './sales/offer';
import { loadPricing, PRICING_SETTING_KEY, savePricing, validPricing } from './sales/pricing-settings';
import { writeJournaledSetting } from './settings/journaled-write';
import { readSetting } from './settings/store';
import type { Journal } from './journal/journal';
import type { SalesModule } from './sales-module';

export type MoreToSellHandlers = Pick<
  HandlerMap,
  'billpay.billers' | 'billpay.quote' | 'billpay.pay' | 'catalog.countries' | 'catalog.quoteInternational' | 'catalog.carrierHint' | 'pricing.get' | 'pricing.set'
>;

/** Demo mode only: a rate and markup so an international sale can be tried at once (live shops set their own). */
export const DEMO_PRICING = { default: { rate: '18.50', markupPercent: '5' }, byCountry: [] } as const;

export interface MoreToSellOptions {
  db: Database;
  sales: Pick<SalesModule, 'ledger' | 'cache' | 'sender' | 'connectivity' | 'notify' | 'ready'>;
  adapters: readonly ProviderAdapter[];
  session: Session;
  /** The owner's pricing changes are recorded like every other setting: who, when, from → to. */
  journal: Journal;
  clock: { now(): number };
  businessDay: () => BusinessDayRule;
  mode: 'demo' | 'live';
  /** Checked before a payment is recorded (a shop sells only once it is set up). */
  beforeSale?: () => void;
  /** The drawer's shifts (core/backoffice): a bill's cash goes into the open shift. */
  shifts?: SaleShifts;
}

export interface MoreToSellModule {
  handlers: MoreToSellHandlers;
  bills: BillPayments;
  offer: SalesOffer;
}

export function createMoreToSellModule(options: MoreToSellOptions): MoreToSellModule {
  const { db, sales } = options;
  if (options.mode === 'demo' && readSetting(db, PRICING_SETTING_KEY) === undefined) savePricing(db, DEMO_PRICING);
  const pricing = () => loadPricing(db);
  // A person's change: stored and journaled in one transaction, as the settings registry's keys are.
  const setPricing = db.transaction((input: unknown) => {
    const to = validPricing(input);
    const change = { storageKey: PRICING_SETTING_KEY, subject: PRICING_SETTING_KEY, from: pricing(), to, actorId: options.session.current()?.id ?? null, at: new Date(options.clock.now()) };
    writeJournaledSetting(db, options.journal, change);
    return to;
  });
  const adapters = new Map<ProviderId, ProviderAdapter>(options.adapters.map((adapter) => [adapter.id, adapter]));
  const bills = new BillPayments({
    ledger: sales.ledger,
    sender: sales.sender,
    adapters,
    connectivity: sales.connectivity,
    session: options.session,
    clock: options.clock,
    pricing,
    businessDay: options.businessDay,
    notify: (sale) => sales.notify(sale),
    ready: () => sales.ready(),
    ...(options.shifts ? { shifts: options.shifts } : {}),
  });
  const offer = new SalesOffer({ cache: sales.cache, stats: new SalesStats(db), pricing });
  return {
    bills,
    offer,
    handlers: {
      'billpay.billers': (input) => bills.billers(input),
      'billpay.quote': (input) => bills.quote(input),
      'billpay.pay': async (input) => {
        options.beforeSale?.();
        return publicSale(await bills.pay(input));
      },
      'catalog.countries': (input) => offer.countries(input.search),
      'catalog.quoteInternational': (input) => offer.quoteInternational(input),
      'catalog.carrierHint': (input) => offer.carrierHint(input.phone, input.country),
      'pricing.get': () => pricing(),
      'pricing.set': (input) => setPricing.immediate(input),
    },
  };
}
