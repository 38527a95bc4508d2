/**
 * A bill payment: biller (searched by name) → account number, amount and fee (standard or rush, with the total
 * to charge in pesos from the core) → read-back → paying → result. One request id per read-back: a double tap or
 * a resend pays once (the core answers with the same sale).
 */
import { AccountNumberSchema } from '../../../../shared/contract/billpay';
import type { Money } from '../../../../shared/money';
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { answerCash, laterSale, NO_OUTCOME } from '../international/outcome';
import { newRequestId } from '../sell/service';
import type { StatusActions } from '../status/types';
import type { TodayActions } from '../today/types';
import { billpayService } from './service';
import type { BillpaySlice, BillpayState } from './types';

type BillpayNeeds = Pick<TodayActions, 'upsertTodaySale'> & Pick<StatusActions, 'refreshStatus'>;

/** MobiSend takes a bill of more than 0 and at most 2,000 USD (the contract's limit). */
export const BILL_MAX_MINOR = 200_000;
const MAX_AMOUNT_DIGITS = 6;

export const billpayInitialState: BillpayState = {
  billStep: 'biller',
  billSearch: '',
  billers: [],
  billersTotal: 0,
  billersPage: 1,
  billersLoading: false,
  billersError: null,
  biller: null,
  billAccount: '',
  billAmountDigits: '',
  billField: 'account',
  billRush: false,
  billQuotes: { standard: null, rush: null },
  billQuoting: false,
  billQuoteError: null,
  billRequestId: null,
  billPriceChanged: false,
  billOutcome: NO_OUTCOME,
};

/** The amount typed, in USD; null when nothing is typed. */
export function billAmount(state: Pick<BillpayState, 'billAmountDigits'>): Money | null {
  const minor = Number(state.billAmountDigits || '0');
  return minor > 0 ? { minor, currency: 'USD' } : null;
}

export type AmountProblem = 'empty' | 'too_high' | null;
export function billAmountProblem(state: Pick<BillpayState, 'billAmountDigits'>): AmountProblem {
  const amount = billAmount(state);
  if (!amount) return 'empty';
  return amount.minor > BILL_MAX_MINOR ? 'too_high' : null;
}

export type AccountProblem = 'empty' | 'invalid' | null;
export function billAccountProblem(account: string): AccountProblem {
  if (!account) return 'empty';
  return AccountNumberSchema.safeParse(account).success ? null : 'invalid';
}

/** The quote the read-back would charge: rush when chosen and offered, else standard. */
export function chosenQuote(state: Pick<BillpayState, 'billQuotes' | 'billRush'>) {
  return state.billRush ? state.billQuotes.rush : state.billQuotes.standard;
}

export const createBillpaySlice: Slice<BillpaySlice, BillpayNeeds> = (set, get) => {
  /** Typing changes the bill: its quotes no longer hold. */
  const stale = { billQuotes: { standard: null, rush: null }, billQuoteError: null } as const;

  async function quoteFor(rush: boolean) {
    const { biller } = get();
    const amount = billAmount(get());
    if (!biller || !amount) throw new Error('no bill to quote');
    return billpayService.quote({ billerCode: biller.billerCode, ...(biller.country ? { billerCountry: biller.country } : {}), amount, rush });
  }

  return {
    ...billpayInitialState,
    setBillSearch(text) {
      set({ billSearch: text.slice(0, 60) });
    },
    async searchBillers(page = 1) {
      const search = get().billSearch.trim();
      if (search.length < 2) {
        set({ billers: [], billersTotal: 0, billersError: null, billersLoading: false });
        return;
      }
      set({ billersLoading: true, billersError: null });
      try {
        const found = await billpayService.billers(search, page);
        // Only the answer to what is in the field now.
        if (get().billSearch.trim() !== search) return;
        set({ billers: page === 1 ? found.billers : [...get().billers, ...found.billers], billersTotal: found.total, billersPage: page, billersLoading: false });
      } catch (error) {
        set({ billersLoading: false, billersError: errorCodeOf(error) });
      }
    },
    pickBiller(biller) {
      if (get().billStep !== 'biller') return;
      set({ biller, billStep: 'details', billAccount: '', billAmountDigits: '', billField: 'account', billRush: false, ...stale });
    },
    setBillField(field) {
      set({ billField: field });
    },
    setBillAccount(text) {
      if (get().billStep !== 'details') return;
      set({ billAccount: text.replace(/[^A-Za-z0-9-]/g, '').toUpperCase().slice(0, 30), ...stale });
    },
    pressBillDigit(digit) {
      const { billStep, billField, billAccount, billAmountDigits } = get();
      if (billStep !== 'details' || !/^\d$/.test(digit)) return;
      if (billField === 'account') {
        if (billAccount.length < 30) set({ billAccount: billAccount + digit, ...stale });
      } else if (billAmountDigits.length < MAX_AMOUNT_DIGITS && !(billAmountDigits === '' && digit === '0')) {
        set({ billAmountDigits: billAmountDigits + digit, ...stale });
      }
    },
    deleteBillDigit() {
      const { billStep, billField, billAccount, billAmountDigits } = get();
      if (billStep !== 'details') return;
      if (billField === 'account') set({ billAccount: billAccount.slice(0, -1), ...stale });
      else set({ billAmountDigits: billAmountDigits.slice(0, -1), ...stale });
    },
    setBillRush(rush) {
      if (get().billStep === 'details' && (!rush || get().biller?.rushAvailable)) set({ billRush: rush });
    },
    async quoteBill() {
      const { biller, billAmountDigits } = get();
      if (!biller || billAmountProblem(get())) return;
      set({ billQuoting: true, billQuoteError: null });
      const [standard, rush] = await Promise.allSettled([quoteFor(false), biller.rushAvailable ? quoteFor(true) : Promise.resolve(null)]);
      // The amount changed while the core answered: a newer quote is on its way.
      if (get().billAmountDigits !== billAmountDigits || get().biller !== biller) return;
      const failed = [standard, rush].find((answer) => answer.status === 'rejected');
      set({
        billQuoting: false,
        billQuotes: { standard: standard.status === 'fulfilled' ? standard.value : null, rush: rush.status === 'fulfilled' ? rush.value : null },
        billQuoteError: failed && failed.status === 'rejected' ? errorCodeOf(failed.reason) : null,
      });
    },
    billToConfirm() {
      const state = get();
      if (state.billStep !== 'details' || billAccountProblem(state.billAccount) || billAmountProblem(state) || !chosenQuote(state)) return false;
      set({ billStep: 'confirm', billRequestId: newRequestId(), billPriceChanged: false });
      return true;
    },
    billBack() {
      const step = get().billStep;
      if (step === 'details') set({ billStep: 'biller', biller: null });
      else if (step === 'confirm') set({ billStep: 'details', billRequestId: null });
    },
    async payBill() {
      const state = get();
      const quote = chosenQuote(state);
      const amount = billAmount(state);
      if (state.billStep !== 'confirm' || !state.biller || !quote || !amount || !state.billRequestId) return;
      set({ billStep: 'sending', billOutcome: NO_OUTCOME });
      try {
        const sale = await billpayService.pay({
          requestId: state.billRequestId,
          billerCode: state.biller.billerCode,
          ...(state.biller.country ? { billerCountry: state.biller.country } : {}),
          billerName: state.biller.name,
          accountNumber: state.billAccount,
          amount,
          rush: quote.rush,
          expectedCharge: quote.pricing.charge,
        });
        set({ billStep: 'result', billOutcome: { ...NO_OUTCOME, sale: laterSale(get().billOutcome.sale, sale) } });
        get().upsertTodaySale(sale);
        void get().refreshStatus();
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === 'quote_changed') {
          // Back to the read-back with the new total: the cashier tells the customer before charging it.
          set({ billStep: 'details' });
          await get().quoteBill();
          if (chosenQuote(get())) set({ billStep: 'confirm', billRequestId: newRequestId(), billPriceChanged: true });
          return;
        }
        set({ billStep: 'result', billOutcome: { ...NO_OUTCOME, error: code } });
      }
    },
    async retryBill() {
      if (get().billStep !== 'result' || !get().billOutcome.error) return;
      set({ billStep: 'confirm' });
      await get().payBill();
    },
    async answerBillCash(answer) {
      const refunded = await answerCash(get().billOutcome, answer, (next) => set({ billOutcome: next }));
      if (refunded) {
        get().upsertTodaySale(refunded);
        void get().refreshStatus();
      }
    },
    billSaleChanged(sale) {
      const outcome = get().billOutcome;
      if (outcome.sale?.id === sale.id) set({ billOutcome: { ...outcome, sale: laterSale(outcome.sale, sale) } });
    },
    billShows(sale) {
      const { billStep, billOutcome, billAccount, biller } = get();
      if (billStep === 'result') return billOutcome.sale?.id === sale.id;
      // While paying, the sale's id is not known yet: its events are those of this account with this biller.
      return billStep === 'sending' && sale.bill?.accountNumber === billAccount && sale.bill.billerCode === biller?.billerCode;
    },
    resetBill() {
      set({ ...billpayInitialState });
    },
  };
};
