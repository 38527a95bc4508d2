/**
 * The counter's guards, as a cashier sees them, written by hand: which earlier sale the re-sell dialog shows,
 * which sales are announced when they settle (once, never the one on screen), and a failed sale's reason.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { failureReason } from '../../renderer/src/features/sell/reason';
import { resellGuardFrom } from '../../renderer/src/features/sell/guards';
import { createNoticesSlice } from '../../renderer/src/features/notices/slice';
import type { NoticesSlice } from '../../renderer/src/features/notices/types';
import type { SellState } from '../../renderer/src/features/sell/types';
import type { Sale, SaleState } from '../../shared/contract/sales';
import type { ErrorCode } from '../../shared/errors';

function sale(id: string, state: SaleState, extra: Partial<Sale> = {}): Sale {
  return {
    id,
    createdAt: '2026-11-29T12:00:00.000Z',
    updatedAt: '2026-11-29T12:00:01.000Z',
    cashierId: 'u1',
    shiftId: 's1',
    provider: 'relier',
    country: 'MX',
    carrier: 'Telcel',
    sku: null,
    phone: '5512345678',
    price: { minor: 5000, currency: 'MXN' },
    cost: null,
    exchangeRate: null,
    providerTransactionId: null,
    operatorTransactionId: null,
    state,
    attempts: 1,
    failureCode: null,
    failureMessage: null,
    ...extra,
  };
}

describe('the re-sell dialog', () => {
  it('blocks on an unresolved sale before asking about a repeat, and lets a clean number through', () => {
    const queued = sale('a', 'queued');
    const delivered = sale('b', 'succeeded');
    expect(resellGuardFrom({ unresolved: queued, sameRecently: delivered, windowMinutes: 10 })).toEqual({ kind: 'blocked', earlier: queued });
    expect(resellGuardFrom({ unresolved: null, sameRecently: delivered, windowMinutes: 10 })).toEqual({ kind: 'repeat', earlier: delivered });
    expect(resellGuardFrom({ unresolved: null, sameRecently: null, windowMinutes: 10 })).toBeNull();
  });
});

type NoticesHarness = NoticesSlice & { todaySales: Sale[] } & Pick<SellState, 'sale' | 'step' | 'phone' | 'country' | 'offer'> & {
  // Issue 14: no international top-up or bill payment on screen here.
  intlShows(sale: Sale): boolean;
  billShows(sale: Sale): boolean;
};

function harness(known: Sale[], screen: Partial<Pick<SellState, 'sale' | 'step' | 'phone' | 'country' | 'offer'>> = {}) {
  return createStore<NoticesHarness>()((set, get, api) => ({
    todaySales: known,
    sale: null,
    step: 'number',
    phone: '',
    country: 'MX',
    offer: null,
    intlShows: () => false,
    billShows: () => false,
    ...screen,
    ...createNoticesSlice(set, get, api),
  }));
}

describe('settled notices', () => {
  // [state the counter knew, state that arrives, announced?]
  const table: Array<[SaleState, SaleState, boolean]> = [
    ['unknown', 'succeeded', true],
    ['pending', 'succeeded', true],
    ['queued', 'succeeded', true],
    ['sending', 'refund_due', true],
    ['unknown', 'failed', true],
    ['pending', 'unknown', false],
    ['queued', 'sending', false],
    ['succeeded', 'succeeded', false],
    ['failed', 'refund_due', false],
    ['refund_due', 'refunded', false],
  ];
  for (const [before, after, announced] of table) {
    it(`${before} → ${after}: ${announced ? 'announced' : 'silent'}`, () => {
      const store = harness([sale('a', before)]);
      store.getState().noticeIfSettled(sale('a', after));
      expect(store.getState().settledNotices.map((notice) => notice.state)).toEqual(announced ? [after] : []);
    });
  }

  it('announces a sale once, even when failed then refund_due arrive one after the other', () => {
    const store = harness([sale('a', 'unknown')]);
    store.getState().noticeIfSettled(sale('a', 'failed'));
    store.getState().noticeIfSettled(sale('a', 'refund_due'));
    expect(store.getState().settledNotices).toHaveLength(1);
    store.getState().dismissNotice('a');
    store.getState().noticeIfSettled(sale('a', 'refund_due'));
    expect(store.getState().settledNotices).toHaveLength(0);
  });

  it('leaves the sale on screen to its own result, whether being sent or shown', () => {
    const shown = harness([sale('a', 'pending')], { step: 'result', sale: sale('a', 'pending') });
    shown.getState().noticeIfSettled(sale('a', 'succeeded'));
    expect(shown.getState().settledNotices).toHaveLength(0);
    const sending = harness([sale('a', 'sending')], { step: 'sending', phone: '5512345678', offer: { kind: 'amount', amount: { minor: 5000, currency: 'MXN' } } });
    sending.getState().noticeIfSettled(sale('a', 'refund_due'));
    expect(sending.getState().settledNotices).toHaveLength(0);
    // Another number settling while a sale is sent is announced.
    const other = harness([sale('b', 'unknown', { phone: '5587654321' })], { step: 'sending', phone: '5512345678', offer: { kind: 'amount', amount: { minor: 5000, currency: 'MXN' } } });
    other.getState().noticeIfSettled(sale('b', 'succeeded', { phone: '5587654321' }));
    expect(other.getState().settledNotices).toHaveLength(1);
  });
});

describe("a failed sale's reason", () => {
  const t = ((key: string) => key) as unknown as Parameters<typeof failureReason>[1];
  const reason = (state: SaleState, failureCode: ErrorCode | null) => failureReason(sale('a', state, { failureCode }), t);
  it('never says "being verified" once the sale is taken as not made', () => {
    expect(reason('refund_due', 'outcome_unknown')).toBe('result.unconfirmedReason');
    expect(reason('failed', 'possible_duplicate')).toBe('result.unconfirmedReason');
    expect(reason('refunded', 'outcome_unknown')).toBe('result.unconfirmedReason');
    expect(reason('refund_due', 'number_rejected')).toBe('errors.number_rejected');
    expect(reason('unknown', 'outcome_unknown')).toBe('errors.outcome_unknown');
    expect(reason('refund_due', null)).toBeNull();
  });
});
