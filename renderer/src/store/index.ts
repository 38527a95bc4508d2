/**
 * The app's state: zustand slices (initial state, actions, selectors), one store. Actions call the services
 * layer; `startLive` subscribes to the contract's events so the status bar, the open sale and today's list
 * follow main without a reload.
 */
import { create } from 'zustand';
import { eventsService } from '../services/api';
import { createReceiptSlice } from './receipt';
import { createSellSlice } from './sell';
import { createSessionSlice } from './session';
import { createStatusSlice } from './status';
import { createTodaySlice } from './today';
import type { Store } from './types';
import { createUiSlice } from './ui';

export const useSaldo = create<Store>()((...args) => ({
  ...createUiSlice(...args),
  ...createSessionSlice(...args),
  ...createStatusSlice(...args),
  ...createSellSlice(...args),
  ...createTodaySlice(...args),
  ...createReceiptSlice(...args),
}));

/** Subscribes the store to main's events; answers the unsubscribe. */
export function startLive(): () => void {
  const store = useSaldo.getState;
  const stops = [
    eventsService.on('session.changed', ({ user }) => store().sessionChanged(user)),
    eventsService.on('connectivity.changed', (payload) => store().connectivityChanged(payload)),
    eventsService.on('queue.changed', (payload) => store().queueChanged(payload)),
    eventsService.on('balances.changed', (payload) => store().balancesChanged(payload)),
    eventsService.on('sale.changed', (sale) => {
      store().saleChanged(sale);
      store().upsertTodaySale(sale);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

export type { Store } from './types';
export { sellSelectors, offersFor, customAmountCheck, resultKind } from './sell';
export { sessionSelectors } from './session';
export { statusSelectors } from './status';
export { todaySelectors } from './today';
export { uiSelectors } from './ui';
