/** The contract channels a sale uses: catalog, recent numbers, the re-sell check, selling, a refund at the counter, and a request id per confirm screen. */
import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../bridge/client';

export const sellService = {
  sell: (input: ChannelInput<'sales.sell'>) => call('sales.sell', input),
  recentNumbers: (limit = 6) => call('sales.recentNumbers', { limit }),
  catalog: (country: string) => call('catalog.get', { country }),
  checkResell: (input: ChannelInput<'sales.checkResell'>) => call('sales.checkResell', input),
  refundAtCounter: (id: string) => call('sales.refundAtCounter', { id }),
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
