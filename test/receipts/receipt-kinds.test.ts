/** Receipts of a bill payment, an international top-up priced in pesos and a detected carrier, read as a customer would. */
import { describe, expect, it } from 'vitest';
import { renderReceipt, type ReceiptData, type ReceiptSale } from '../../shared/receipt';

function receipt(sale: Partial<ReceiptSale>): ReceiptData {
  return {
    shop: { name: 'Mi Tienda', address: '' },
    cashierName: 'Cajero demo',
    printedAt: new Date('2026-11-30T18:00:00.000Z'),
    timeZone: 'America/Mexico_City',
    sale: {
      id: '01JNXYZ0000000000000000000',
      createdAt: '2026-11-30T18:00:00.000Z',
      provider: 'mobisend',
      country: 'MX',
      carrier: 'Telcel',
      phone: '5512345678',
      price: { minor: 5000, currency: 'MXN' },
      providerTransactionId: 'MS-1',
      operatorTransactionId: null,
      state: 'succeeded',
      failureCode: null,
      ...sale,
    },
  };
}

const BILL: Partial<ReceiptSale> = {
  kind: 'bill',
  country: 'US',
  carrier: '',
  phone: '',
  price: { minor: 293_318, currency: 'MXN' },
  faceValue: { minor: 15_100, currency: 'USD' },
  shopRate: '18.50',
  markupPercent: '5',
  bill: {
    billerCode: '12345',
    billerName: 'Duke Energy',
    accountNumber: '1234567890',
    rush: false,
    amount: { minor: 15_025, currency: 'USD' },
    fee: { minor: 75, currency: 'USD' },
    total: { minor: 15_100, currency: 'USD' },
    confirmationCode: 'CP-778',
  },
};

const lines = (data: ReceiptData, widthMm: 58 | 80, language: 'es-MX' | 'en') => renderReceipt(data, { widthMm, language });

describe('receipts of what is sold beyond a Mexican top-up', () => {
  for (const widthMm of [58, 80] as const) {
    it(`a bill payment at ${widthMm} mm says what was paid, to whom, the fee and the pesos charged`, () => {
      const rendered = lines(receipt(BILL), widthMm, 'es-MX');
      for (const line of rendered.lines) expect(line.length).toBeLessThanOrEqual(rendered.columns);
      const text = rendered.lines.join('\n').replace(/ +/g, ' ');
      for (const expected of ['PAGO DE SERVICIO', 'Empresa: Duke Energy', 'Cuenta: 1234567890', 'Recibo: $150.25 USD', 'Comisión: $0.75 USD', 'Total USD: $151.00 USD', 'Monto: $2,933.18 MXN', 'Confirmación: CP-778', 'PAGO REALIZADO']) {
        expect(text).toContain(expected);
      }
      expect(text).not.toMatch(/RECARGA|Número:/);
    });
  }

  it('a failed bill payment says the payment was not made and the money is owed, in English too', () => {
    const text = lines(receipt({ ...BILL, state: 'refund_due', failureCode: 'account_rejected' }), 58, 'en').lines.join('\n');
    expect(text).toContain('BILL PAYMENT');
    expect(text).toContain('PAYMENT NOT COMPLETED');
    expect(text).toContain('MONEY OWED BACK');
    expect(text).not.toMatch(/PAID|Thank you/);
  });

  it('an international top-up says the pesos charged, what the recipient gets and the rate', () => {
    const data = receipt({ country: 'HN', carrier: 'Tigo', phone: '99991234', price: { minor: 9_690, currency: 'MXN' }, kind: 'topup', faceValue: { minor: 500, currency: 'USD' }, shopRate: '19', markupPercent: '2' });
    const text = lines(data, 58, 'es-MX').lines.join('\n').replace(/ +/g, ' ');
    expect(text).toContain('Monto: $96.90 MXN');
    expect(text).toContain('Recibe: $5.00 USD');
    expect(text).toContain('Cambio: 19 MXN/USD +2%');
    expect(text).toContain('RECARGA ENTREGADA');
  });

  it('a carrier the provider detected says so', () => {
    expect(lines(receipt({ carrierDetected: true, carrier: 'Movistar' }), 80, 'es-MX').lines.join('\n')).toMatch(/Compañía: +Movistar \(detectada\)/);
    expect(lines(receipt({ carrierDetected: true, carrier: 'Movistar' }), 80, 'en').lines.join('\n')).toMatch(/Carrier: +Movistar \(detected\)/);
  });
});
