/** Just after midnight a receipt and the counter say 00:59, never "24:59" (ICU's hour cycle for hour12: false). */
import { describe, expect, it } from 'vitest';
import { renderReceipt, type ReceiptData } from '../../shared/receipt';
import { dateTime, time } from '../../renderer/src/format';

const AFTER_MIDNIGHT_IN_MEXICO_CITY = '2026-11-30T06:59:00.000Z';

function saleAt(iso: string): ReceiptData {
  return {
    shop: { name: 'Mi Tienda', address: '' },
    cashierName: 'Cajero demo',
    printedAt: new Date(iso),
    timeZone: 'America/Mexico_City',
    sale: {
      id: '01JNXYZ0000000000000000000',
      createdAt: iso,
      provider: 'relier',
      country: 'MX',
      carrier: 'Telcel',
      phone: '5512345678',
      price: { minor: 5000, currency: 'MXN' },
      providerTransactionId: null,
      operatorTransactionId: null,
      state: 'succeeded',
      failureCode: null,
    },
  };
}

describe('the hour just after midnight', () => {
  for (const language of ['es-MX', 'en'] as const) {
    it(`prints 00:59 on a ${language} receipt`, () => {
      const text = renderReceipt(saleAt(AFTER_MIDNIGHT_IN_MEXICO_CITY), { widthMm: 80, language }).lines.join('\n');
      expect(text).toContain('00:59');
      expect(text).not.toContain('24:59');
    });
  }

  it('shows 00:59 at the counter in both languages', () => {
    const midnightHere = new Date(2026, 10, 30, 0, 59).toISOString();
    for (const language of ['es-MX', 'en'] as const) {
      expect(time(midnightHere, language)).toBe('00:59');
      expect(dateTime(midnightHere, language)).toContain('00:59:00');
    }
  });
});
