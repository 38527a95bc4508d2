/** One sale at the counter: the sell slice's shape. */
import type { ProviderId } from '../../../../shared/contract/app';
import type { Catalog, Sale } from '../../../../shared/contract/sales';
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
  catalogLoading: boolean;
  catalogError: ErrorCode | null;
  recent: RecentNumber[];
  requestId: string | null;
  sendStartedAt: number | null;
  sale: Sale | null;
  sellError: ErrorCode | null;
}

export interface SellActions {
  setCountry(country: SellCountry): void;
  setPhoneText(text: string): void;
  pressPhoneDigit(digit: string): void;
  deletePhoneDigit(): void;
  clearPhone(): void;
  goToProduct(): boolean;
  pickCarrier(carrier: string): void;
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
  loadRecent(): Promise<void>;
  saleChanged(sale: Sale): void;
}

export type SellSlice = SellState & SellActions;

export type ResultKind = 'succeeded' | 'failed' | 'queued' | 'pending' | 'unknown';
