/**
 * The app's one store, composed from each feature's slice (initial state, actions, selectors live with the
 * feature). `startLive` subscribes to the contract's events so the status bar, the open sale and today's
 * list follow main without a reload. Components read it through selectors, never the whole store.
 */
import { create } from 'zustand';
import { on } from '../bridge/client';
import { createLanguageSlice } from '../features/language/slice';
import type { LanguageSlice } from '../features/language/types';
import { createNavigationSlice } from '../features/navigation/slice';
import { createNoticesSlice } from '../features/notices/slice';
import type { NoticesSlice } from '../features/notices/types';
import type { NavigationSlice } from '../features/navigation/types';
import { createReceiptSlice } from '../features/receipt/slice';
import type { ReceiptSlice } from '../features/receipt/types';
import { createSellSlice } from '../features/sell/slice';
import type { SellSlice } from '../features/sell/types';
import { createSessionSlice } from '../features/session/slice';
import type { SessionSlice } from '../features/session/types';
import { createStatusSlice } from '../features/status/slice';
import type { StatusSlice } from '../features/status/types';
import { createTodaySlice } from '../features/today/slice';
import type { TodaySlice } from '../features/today/types';
// Issue 10: the first-run set-up's progress.
import { createSetupSlice } from '../features/setup/slice';
import type { SetupSlice } from '../features/setup/types';
// Issue 14 (more to sell)
import { createBillpaySlice } from '../features/billpay/slice';
import type { BillpaySlice } from '../features/billpay/types';
import { createPricingSlice } from '../features/international/pricing-slice';
import { createInternationalSlice } from '../features/international/slice';
import type { InternationalSlice, PricingSlice } from '../features/international/types';

type SellMoreSlices = InternationalSlice & BillpaySlice & PricingSlice;

export type Store = LanguageSlice & NavigationSlice & SessionSlice & StatusSlice & SellSlice & TodaySlice & ReceiptSlice & NoticesSlice & SetupSlice & SellMoreSlices;

export const useSaldo = create<Store>()((...args) => ({
  ...createLanguageSlice(...args),
  ...createNavigationSlice(...args),
  ...createSessionSlice(...args),
  ...createStatusSlice(...args),
  ...createSellSlice(...args),
  ...createTodaySlice(...args),
  ...createReceiptSlice(...args),
  ...createNoticesSlice(...args),
  ...createSetupSlice(...args),
  // Issue 14 (more to sell)
  ...createInternationalSlice(...args),
  ...createBillpaySlice(...args),
  ...createPricingSlice(...args),
}));

/** Subscribes the store to main's events; answers the unsubscribe. */
export function startLive(): () => void {
  const store = useSaldo.getState;
  const stops = [
    on('session.changed', ({ user }) => store().sessionChanged(user)),
    on('connectivity.changed', (payload) => store().connectivityChanged(payload)),
    on('queue.changed', (payload) => store().queueChanged(payload)),
    on('balances.changed', (payload) => {
      store().balancesChanged(payload);
      // A refresh of balances and catalogs ended: a country may have become sellable.
      void store().loadSellableCountries();
    }),
    on('sale.changed', (sale) => {
      // Before the lists take the change: the notice compares with what the counter knew.
      store().noticeIfSettled(sale);
      store().saleChanged(sale);
      store().upsertTodaySale(sale);
      store().intlSaleChanged(sale);
      store().billSaleChanged(sale);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
