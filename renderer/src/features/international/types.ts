/** An international top-up priced in pesos, and the owner's pricing: the international slice's shape. */
import type { InternationalQuote, OfferedCountry } from '../../../../shared/contract/catalog';
import type { PricingSettings } from '../../../../shared/contract/sale-kinds';
import type { Catalog, Sale } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';
import type { CashAnswer } from '../sell/types';
import type { Outcome } from './outcome';

export type IntlStep = 'country' | 'number' | 'product' | 'confirm' | 'sending' | 'result';

/** The product filter: everything, plain airtime, or bundles ("paquetes"). */
export type ProductKindFilter = 'all' | 'topup' | 'bundle';

/** The core refused the sale before the read-back could be answered: another sale to the number is unresolved, or the same one moments ago. */
export type IntlGuard = 'blocked' | 'repeat';

export interface InternationalState {
  intlStep: IntlStep;
  intlCountries: OfferedCountry[];
  intlCountriesLoading: boolean;
  intlCountriesError: ErrorCode | null;
  /** The country picker's search text. */
  intlSearch: string;
  intlCountry: string | null;
  intlPhone: string;
  intlCatalog: Catalog | null;
  intlCatalogError: ErrorCode | null;
  intlCarrier: string | null;
  intlKind: ProductKindFilter;
  /** Each product of the chosen carrier priced in pesos by the core, by SKU. */
  intlQuotes: Record<string, InternationalQuote>;
  intlQuotesLoading: boolean;
  intlQuoteError: ErrorCode | null;
  /** The product on the read-back. */
  intlQuote: InternationalQuote | null;
  /** The price changed between the tile and the read-back (quote_changed): the read-back shows the new one. */
  intlPriceChanged: boolean;
  intlRequestId: string | null;
  intlGuard: IntlGuard | null;
  intlRepeatConfirmed: boolean;
  intlOwnerPin: string | null;
  intlOutcome: Outcome;
}

export interface InternationalActions {
  loadIntlCountries(): Promise<void>;
  setIntlSearch(text: string): void;
  pickIntlCountry(code: string): void;
  setIntlPhoneText(text: string): void;
  pressIntlDigit(digit: string): void;
  deleteIntlDigit(): void;
  clearIntlPhone(): void;
  intlToProduct(): boolean;
  pickIntlCarrier(carrier: string): Promise<void>;
  setIntlKind(kind: ProductKindFilter): void;
  pickIntlProduct(sku: string): void;
  intlBack(): void;
  /** Sends the read-back's sale once; a second call while sending does nothing. */
  sendIntl(): Promise<void>;
  /** After a refusal that recorded nothing (no line, say): send the same read-back again, same request id. */
  retryIntl(): Promise<void>;
  /** "Sí, es otra recarga": the read-back again, the sale carries repeatConfirmed. */
  confirmIntlRepeat(): void;
  /** An owner typed their PIN: the read-back again, the sale carries it (the core checks it). */
  allowIntlWithOwnerPin(pin: string): void;
  answerIntlCash(answer: CashAnswer): Promise<void>;
  intlSaleChanged(sale: Sale): void;
  /** This screen is sending or showing the sale: it tells its outcome itself (no notice). */
  intlShows(sale: Sale): boolean;
  resetIntl(): void;
}

export type InternationalSlice = InternationalState & InternationalActions;

export interface PricingState {
  pricing: PricingSettings | null;
  pricingLoading: boolean;
  pricingSaving: boolean;
  pricingError: ErrorCode | null;
  pricingSaved: boolean;
}

export interface PricingActions {
  loadPricing(): Promise<void>;
  savePricing(pricing: PricingSettings): Promise<boolean>;
}

export type PricingSlice = PricingState & PricingActions;
