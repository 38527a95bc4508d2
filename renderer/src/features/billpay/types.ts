/** A bill payment at the counter: the billpay slice's shape. */
import type { BillerView, BillQuote } from '../../../../shared/contract/billpay';
import type { Sale } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';
import type { Outcome } from '../international/outcome';
import type { CashAnswer } from '../sell/types';

export type BillStep = 'biller' | 'details' | 'confirm' | 'sending' | 'result';

/** Which field the on-screen keypad types into on the details step. */
export type BillField = 'account' | 'amount';

export interface BillpayState {
  billStep: BillStep;
  billSearch: string;
  billers: BillerView[];
  billersTotal: number;
  billersPage: number;
  billersLoading: boolean;
  billersError: ErrorCode | null;
  biller: BillerView | null;
  billAccount: string;
  /** The amount as cash-register digits: "15025" is 150.25 (cents typed last). */
  billAmountDigits: string;
  billField: BillField;
  billRush: boolean;
  /** The core's quotes for the amount typed: standard fee, and rush where the biller offers it. */
  billQuotes: { standard: BillQuote | null; rush: BillQuote | null };
  billQuoting: boolean;
  billQuoteError: ErrorCode | null;
  billRequestId: string | null;
  /** The pesos changed between the quote and paying (quote_changed): the read-back shows the new total. */
  billPriceChanged: boolean;
  billOutcome: Outcome;
}

export interface BillpayActions {
  setBillSearch(text: string): void;
  searchBillers(page?: number): Promise<void>;
  pickBiller(biller: BillerView): void;
  setBillField(field: BillField): void;
  setBillAccount(text: string): void;
  pressBillDigit(digit: string): void;
  deleteBillDigit(): void;
  setBillRush(rush: boolean): void;
  quoteBill(): Promise<void>;
  billToConfirm(): boolean;
  billBack(): void;
  /** Pays the read-back's bill once; a second call while paying does nothing. */
  payBill(): Promise<void>;
  /** After a refusal that recorded nothing: pay the same read-back again, same request id. */
  retryBill(): Promise<void>;
  answerBillCash(answer: CashAnswer): Promise<void>;
  billSaleChanged(sale: Sale): void;
  /** This screen is paying or showing the sale: it tells its outcome itself (no notice). */
  billShows(sale: Sale): boolean;
  resetBill(): void;
}

export type BillpaySlice = BillpayState & BillpayActions;
