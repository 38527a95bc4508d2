/** The services the store's actions call: one function per contract channel the counter uses. */
import type { ChannelInput, EventName, EventPayload } from '../../../shared/contract';
import type { Language } from '../../../shared/contract/receipts';
import { call, on } from './client';

export const authService = {
  signIn: (pin: string) => call('auth.signIn', { pin }),
  signOut: () => call('auth.signOut', {}),
  current: () => call('auth.current', {}),
};

export const appService = {
  info: () => call('app.info', {}),
  settings: () => call('settings.get', {}),
  setLanguage: (language: Language) => call('settings.setLanguage', { language }),
};

export const salesService = {
  sell: (input: ChannelInput<'sales.sell'>) => call('sales.sell', input),
  get: (id: string) => call('sales.get', { id }),
  today: () => call('sales.list', { today: true, limit: 500 }),
  markRefunded: (id: string) => call('sales.markRefunded', { id }),
  recentNumbers: (limit = 6) => call('sales.recentNumbers', { limit }),
  catalog: (country: string) => call('catalog.get', { country }),
};

export const statusService = {
  queue: () => call('queue.status', {}),
  balances: () => call('balances.get', {}),
  connectivity: () => call('connectivity.get', {}),
};

export const receiptsService = {
  render: (saleId: string, copy: boolean) => call('receipts.render', { saleId, copy }),
  print: (saleId: string, copy: boolean) => call('receipts.print', { saleId, copy }),
};

export const eventsService = {
  on: <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => on(name, listener),
};

/** A fresh request id for one confirm screen (the same id on a resend returns the same sale). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
