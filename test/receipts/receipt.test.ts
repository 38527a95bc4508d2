import { describe, expect, it } from 'vitest';
import { receiptHtml, receiptStateWords, renderReceipt, wrapText, type ReceiptData } from '../../shared/receipt';
import { checkPhone, formatAsTyped, maskPhone, phoneDigits } from '../../shared/phone';
import { SALE_STATES, type SaleState } from '../../shared/contract/sales';

function data(state: SaleState, overrides: Partial<ReceiptData['sale']> = {}): ReceiptData {
  return {
    shop: { name: 'Abarrotes La Esperanza de San Juan Bautista', address: 'Av. Insurgentes Sur 1234, Col. Del Valle, Benito Juárez, CDMX' },
    cashierName: 'Cajero demo',
    printedAt: new Date('2025-03-02T18:30:00Z'),
    timeZone: 'America/Mexico_City',
    sale: {
      id: '01JNXYZ0000000000000000000',
      createdAt: '2025-03-01T17:05:00.000Z',
      provider: 'relier',
      country: 'MX',
      carrier: 'Telcel',
      phone: '5512345678',
      price: { minor: 5000, currency: 'MXN' },
      providerTransactionId: 'RLR-7781234',
      operatorTransactionId: 'TEL-99887766',
      state,
      failureCode: null,
      ...overrides,
    },
  };
}

describe('receipt layout', () => {
  for (const widthMm of [58, 80] as const) {
    for (const language of ['es-MX', 'en'] as const) {
      it(`fits ${widthMm} mm in ${language} for every state, with every field`, () => {
        for (const state of SALE_STATES) {
          const receipt = renderReceipt(data(state), { widthMm, language });
          expect(receipt.columns).toBe(widthMm === 58 ? 32 : 48);
          for (const line of receipt.lines) expect(line.length).toBeLessThanOrEqual(receipt.columns);
          const text = receipt.lines.join('\n');
          expect(text).toContain('Abarrotes');
          expect(text).toContain('Insurgentes');
          expect(text).toContain('Cajero demo');
          expect(text).toContain('Telcel');
          expect(text).toContain('55 **** 5678');
          expect(text).not.toContain('5512345678');
          expect(text).toMatch(/\$50\.00/);
          expect(text).toContain('MXN');
          expect(text).toContain('RLR-7781234');
          expect(text).toContain('TEL-99887766');
          expect(text).toContain(language === 'en' ? '03/01/2025' : '01/03/2025');
          expect(text).toContain(receiptStateWords(state, language).head);
        }
      });
    }
  }

  it('only a delivered sale says delivered; a queued one says it is on its way', () => {
    for (const state of SALE_STATES) {
      const es = renderReceipt(data(state), { widthMm: 58, language: 'es-MX' }).lines.join(' ');
      const en = renderReceipt(data(state), { widthMm: 58, language: 'en' }).lines.join(' ');
      expect(es.includes('ENTREGADA')).toBe(state === 'succeeded');
      expect(/delivered/i.test(en)).toBe(state === 'succeeded');
    }
    expect(renderReceipt(data('queued'), { widthMm: 58, language: 'es-MX' }).lines.join(' ')).toContain('en camino');
    expect(renderReceipt(data('queued'), { widthMm: 58, language: 'en' }).lines.join(' ')).toContain('on its way');
  });

  it('a failed sale says why', () => {
    const text = renderReceipt(data('refund_due', { failureCode: 'number_rejected', providerTransactionId: null }), { widthMm: 58, language: 'es-MX' }).lines.join('\n');
    expect(text).toContain('rechazó el número');
    expect(text).toContain('NO REALIZADA');
  });

  // Issue 15: a sale that did not go through says so plainly, says where the money is, and never thanks for a purchase.
  const MONEY_WORDS: Array<[SaleState, string, string]> = [
    ['failed', 'POR DEVOLVER', 'MONEY OWED BACK'],
    ['refund_due', 'POR DEVOLVER', 'MONEY OWED BACK'],
    ['refunded', 'DINERO DEVUELTO', 'MONEY HANDED BACK'],
  ];
  for (const widthMm of [58, 80] as const) {
    it.each(MONEY_WORDS)(`${widthMm} mm: a %s sale says NO REALIZADA and %s, and never ends with thanks`, (state, spanish, english) => {
      const es = renderReceipt(data(state, { providerTransactionId: null }), { widthMm, language: 'es-MX' }).lines;
      const en = renderReceipt(data(state, { providerTransactionId: null }), { widthMm, language: 'en' }).lines;
      expect(es.join('\n')).toContain('NO REALIZADA');
      expect(es.join('\n')).toContain(spanish);
      expect(es.join('\n')).not.toContain('Gracias por su compra');
      expect(es.at(-1)?.trim()).toBe('Conserve este comprobante');
      expect(en.join('\n')).toContain('NOT COMPLETED');
      expect(en.join('\n')).toContain(english);
      expect(en.join('\n')).not.toContain('Thank you');
    });
  }

  it('a delivered sale still ends with thanks', () => {
    expect(renderReceipt(data('succeeded'), { widthMm: 58, language: 'es-MX' }).lines.at(-1)?.trim()).toBe('Gracias por su compra');
  });

  it('a reprint is marked COPIA (and COPY in English)', () => {
    const es = renderReceipt(data('succeeded'), { widthMm: 58, language: 'es-MX', copy: true }).lines.join('\n');
    const en = renderReceipt(data('succeeded'), { widthMm: 80, language: 'en', copy: true }).lines.join('\n');
    const original = renderReceipt(data('succeeded'), { widthMm: 58, language: 'es-MX' }).lines.join('\n');
    expect(es).toContain('COPIA');
    expect(es).toContain('Reimpreso');
    expect(en).toContain('COPY');
    expect(original).not.toContain('COPIA');
  });

  it('wraps long words and keeps the HTML page escaped', () => {
    expect(wrapText('a'.repeat(70), 32)).toEqual(['a'.repeat(32), 'a'.repeat(32), 'a'.repeat(6)]);
    const html = receiptHtml(renderReceipt(data('succeeded', { carrier: 'AT&T <x>' }), { widthMm: 80, language: 'en' }));
    expect(html).toContain('AT&amp;T &lt;x&gt;');
    expect(html).toContain('data-columns="48"');
  });
});

describe('phone numbers', () => {
  it('takes digits from typing, pasting and scanning', () => {
    expect(phoneDigits('55 1234 5678')).toBe('5512345678');
    expect(phoneDigits('+52 (55) 1234-5678')).toBe('5512345678');
    expect(phoneDigits('5512345678\r\n')).toBe('5512345678');
    expect(phoneDigits('0052 55 1234 5678')).toBe('5512345678');
  });

  it('groups as typed and validates per country', () => {
    expect(formatAsTyped('5512345678', 'MX')).toBe('55 1234 5678');
    expect(formatAsTyped('55123', 'MX')).toBe('55 123');
    expect(checkPhone('5512345678', 'MX')).toMatchObject({ valid: true, grouped: '55 1234 5678', e164: '+525512345678' });
    expect(checkPhone('5500000001', 'MX').valid).toBe(true);
    expect(checkPhone('551234567', 'MX')).toMatchObject({ valid: false, problem: 'too_short' });
    expect(checkPhone('551234567890', 'MX')).toMatchObject({ valid: false, problem: 'too_long' });
    expect(checkPhone('', 'MX')).toMatchObject({ valid: false, problem: 'empty' });
    expect(checkPhone('98765432', 'HN').valid).toBe(true);
  });

  it('masks the middle of the number', () => {
    expect(maskPhone('5512345678', 'MX')).toBe('55 **** 5678');
    expect(maskPhone('1234')).toBe('1234');
  });
});

describe("the shop's own words on the receipt (issue 10)", () => {
  it('heads with the phone and RFC the owner gave and ends with their footer, on both papers', () => {
    for (const widthMm of [58, 80] as const) {
      const shop = { name: 'Tienda Lupita', address: 'Calle 5 #12', phone: '55 1234 5678', rfc: 'LUPA800101AB1' };
      const text = renderReceipt({ ...data('succeeded'), shop, footer: 'Gracias, vuelva pronto\nAbierto de 8 a 21' }, { widthMm, language: 'es-MX' }).lines.map((line) => line.trim());
      expect(text.slice(0, 4)).toEqual(['Tienda Lupita', 'Calle 5 #12', 'Tel. 55 1234 5678', 'RFC LUPA800101AB1']);
      expect(text.slice(-2)).toEqual(['Gracias, vuelva pronto', 'Abierto de 8 a 21']);
    }
  });

  it('prints neither line nor footer when the owner gave none', () => {
    const text = renderReceipt({ ...data('succeeded'), footer: '' }, { widthMm: 80, language: 'es-MX' }).lines.join('\n');
    expect(text).not.toContain('Tel.');
    expect(text).not.toContain('RFC');
    expect(text.trimEnd().endsWith('Gracias por su compra')).toBe(true);
  });
});
