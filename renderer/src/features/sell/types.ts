/** One sale at the counter: the sell slice's shape. */
import type { OfflineCap } from './offline-cap';
import type { ProviderId } from '../../../../shared/contract/app';
import type { Catalog, Sale, SaleState } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';
import type { Money } from '../../../../shared/money';
import type { SellCountry } from '../../../../shared/phone';

export type SellStep = 'number' | 'product' | 'confirm' | 'sending' | 'result';

export type Offer = { kind: 'amount'; amount: Money } | { kind: 'sku'; sku: string; provider: ProviderId; name: string; amount: Money };

export interface RecentNumber {
  phone: string;
  country: string;
  carrier: string;
  lastSoldAt: string;
  lastSaleId?: string | undefined;
  lastState?: SaleState | undefined;
}

/**
 * What the ledger said before the read-back: a sale to the number still unresolved (blocks unless an owner
 * allows it) or the same number and amount moments ago (asks "¿Otra recarga igual?"). `earlier` is null when
 * only the core's answer to the sale itself told us (its time and state are then unknown here).
 */
export type ResellGuard = { kind: 'blocked'; earlier: Sale | null } | { kind: 'repeat'; earlier: Sale | null };

/** The cashier's answer to a failed sale's question: did the customer get the cash back now? */
export type CashAnswer = 'handed_back' | 'owed';

/** What the read-back's answers add to the sale: an owner's override, a confirmed repeat. */
export interface SellInputExtras {
  ownerPin?: string;
  repeatConfirmed?: boolean;
}

export interface SellState {
  step: SellStep;
  country: SellCountry;
  phone: string;
  carrier: string | null;
  offer: Offer | null;
  /** The amount keypad's text, major units ("150"). */
  customAmount: string;
  catalog: Catalog | null;
  /** The counter's countries whose cached catalog has products: only these are offered (Mexico always). */
  sellableCountries: SellCountry[];
  catalogLoading: boolean;
  catalogError: ErrorCode | null;
  recent: RecentNumber[];
  requestId: string | null;
  sendStartedAt: number | null;
  sale: Sale | null;
  sellError: ErrorCode | null;
  /** The owner's offline cap that refused the sale, when that was the reason (issue 10). */
  sellErrorCap: OfflineCap | null;
  /** The re-sell check runs between the amount and the read-back. */
  resellChecking: boolean;
  resellGuard: ResellGuard | null;
  /** An owner's PIN typed to allow a sale while an earlier one is unresolved; only ever sent with this sale. */
  ownerPin: string | null;
  repeatConfirmed: boolean;
  /** After a failure: what the cashier answered, and a refund at the counter that did not go through. */
  cashAnswer: CashAnswer | null;
  cashAnswerBusy: boolean;
  cashAnswerError: ErrorCode | null;
}

export interface SellActions {
  setCountry(country: SellCountry): void;
  setPhoneText(text: string): void;
  pressPhoneDigit(digit: string): void;
  deletePhoneDigit(): void;
  clearPhone(): void;
  goToProduct(): boolean;
  pickCarrier(carrier: string): void;
  /** A digit key before a carrier is chosen picks the carrier at that place (1 is the first); false if none. */
  pickCarrierByKey(digit: string): boolean;
  pickOffer(offer: Offer): void;
  pressAmountDigit(digit: string): void;
  deleteAmountDigit(): void;
  applyCustomAmount(): boolean;
  back(): void;
  /** Sends the sale on the confirm screen; a second call while sending does nothing. */
  confirmSale(): Promise<void>;
  /** After an error with no sale: send again with the SAME request id. */
  retrySale(): Promise<void>;
  repeatRecent(recent: RecentNumber): void;
  resetSell(): void;
  loadCatalog(): Promise<void>;
  /** Asks the cached catalog of every counter country which of them can be sold now. */
  loadSellableCountries(): Promise<void>;
  loadRecent(): Promise<void>;
  saleChanged(sale: Sale): void;
  /** The cashier stops at the re-sell dialog and goes back to the amounts. */
  cancelResell(): void;
  /** "Sí, otra recarga": on to the read-back, the sale carries repeatConfirmed. */
  confirmRepeat(): void;
  /** An owner typed their PIN: on to the read-back, the sale carries it (the core checks it). */
  allowWithOwnerPin(pin: string): void;
  /** After a failure: the cash went back to the customer now (refund at the counter) or is owed. */
  answerCash(answer: CashAnswer): Promise<void>;
}

export type SellSlice = SellState & SellActions;

export type ResultKind = 'succeeded' | 'failed' | 'queued' | 'pending' | 'unknown';
