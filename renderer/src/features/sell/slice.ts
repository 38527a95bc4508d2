/**
 * One sale at the counter: number → carrier and amount → (the ledger's re-sell check, ./guards) → confirm →
 * sending → result. The confirm screen owns one request id; the step moves to 'sending' synchronously on the
 * first tap, so a double tap, Enter held down or a resend after an error can only ever send that one request id
 * (main returns the same sale).
 */
import type { Catalog, CatalogProductView, SaleState } from '../../../../shared/contract/sales';
import { saleCurrencyOf } from '../../../../shared/countries';
import { moneyFromMajor, type Money } from '../../../../shared/money';
import { checkPhone, isSellCountry, MAX_NATIONAL_DIGITS, nationalDigits, readPhone, SELL_COUNTRIES, type SellCountry } from '../../../../shared/phone';
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { offlineCapOf } from './offline-cap';
import { carrierForSale, detectAmounts, isDetect } from './detect-carrier';
import { createReadBackGuards, guardKindOf, type SellNeeds } from './guards';
import { sellService } from './service';
import type { Offer, ResultKind, SellSlice, SellState } from './types';


export const sellInitialState: SellState = {
  step: 'number',
  country: 'MX',
  phone: '',
  carrier: null,
  offer: null,
  customAmount: '',
  catalog: null,
  sellableCountries: ['MX'],
  catalogLoading: false,
  catalogError: null,
  recent: [],
  requestId: null,
  sendStartedAt: null,
  sale: null,
  sellError: null,
  sellErrorCap: null,
  resellChecking: false,
  resellGuard: null,
  ownerPin: null,
  repeatConfirmed: false,
  cashAnswer: null,
  cashAnswerBusy: false,
  cashAnswerError: null,
};

const MAX_AMOUNT_DIGITS = 5;

/** The amount tiles and the amount range a carrier offers, from the cached catalog. */
export interface CarrierOffers {
  amounts: Money[];
  bundles: Array<Extract<Offer, { kind: 'sku' }>>;
  range: { min: Money; max: Money } | null;
}

export function offersFor(catalog: Catalog | null, carrier: string | null): CarrierOffers {
  if (isDetect(carrier)) return { amounts: detectAmounts(catalog), bundles: [], range: null };
  const products = (catalog?.products ?? []).filter((product: CatalogProductView) => product.carrier === carrier);
  const amounts = new Map<number, Money>();
  const bundles = new Map<string, Extract<Offer, { kind: 'sku' }>>();
  let range: { min: Money; max: Money } | null = null;
  for (const product of products) {
    if (product.type === 'topup' && product.amount) amounts.set(product.amount.minor, product.amount);
    if (product.type === 'bundle' && product.amount && product.sku) {
      const key = `${product.name}|${product.amount.minor}`;
      if (!bundles.has(key)) bundles.set(key, { kind: 'sku', sku: product.sku, provider: product.provider, name: product.name, amount: product.amount });
    }
    if (product.min && product.max) {
      range = range
        ? { min: product.min.minor < range.min.minor ? product.min : range.min, max: product.max.minor > range.max.minor ? product.max : range.max }
        : { min: product.min, max: product.max };
    }
  }
  return { amounts: [...amounts.values()].sort((a, b) => a.minor - b.minor), bundles: [...bundles.values()], range };
}

export function currencyOf(catalog: Catalog | null, country: SellCountry): string {
  const product = catalog?.products.find((candidate) => candidate.amount || candidate.min);
  return product?.amount?.currency ?? product?.min?.currency ?? saleCurrencyOf(country);
}

/**
 * The amount typed on the keypad or keyboard, as money: one of the carrier's amounts (any carrier), or inside
 * its range where a provider sells any amount. `not_offered`: the carrier sells only its listed amounts.
 */
export function customAmountCheck(state: Pick<SellState, 'customAmount' | 'catalog' | 'carrier' | 'country'>): { amount: Money | null; problem: 'empty' | 'low' | 'high' | 'not_offered' | null } {
  const { range, amounts } = offersFor(state.catalog, state.carrier);
  const currency = range?.min.currency ?? amounts[0]?.currency;
  if (!state.customAmount || !currency) return { amount: null, problem: 'empty' };
  const amount = moneyFromMajor(state.customAmount, currency);
  if (amounts.some((listed) => listed.minor === amount.minor)) return { amount, problem: null };
  if (!range) return { amount, problem: 'not_offered' };
  if (amount.minor < range.min.minor) return { amount, problem: 'low' };
  if (amount.minor > range.max.minor) return { amount, problem: 'high' };
  return { amount, problem: null };
}

export function resultKind(state: SaleState): ResultKind {
  switch (state) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
    case 'refund_due':
    case 'refunded':
      return 'failed';
    case 'created':
    case 'queued':
      return 'queued';
    case 'pending':
    case 'sending':
      return 'pending';
    case 'unknown':
      return 'unknown';
  }
}

export const createSellSlice: Slice<SellSlice, SellNeeds> = (set, get) => {
  const guards = createReadBackGuards(set, get);

  async function send(): Promise<void> {
    const { requestId, phone, country, carrier, offer } = get();
    if (!requestId || !carrier || !offer) return;
    set({ step: 'sending', sendStartedAt: Date.now(), sellError: null, sale: null, cashAnswer: null, cashAnswerError: null });
    try {
      const sale = await sellService.sell({
        requestId,
        phone,
        country,
        ...carrierForSale(carrier),
        ...(offer.kind === 'sku' ? { sku: offer.sku, provider: offer.provider } : { amount: offer.amount }),
        ...guards.extras(),
      });
      // A sale.changed event may have brought a later state meanwhile: keep the later one.
      const seen = [get().sale, get().todaySales.find((known) => known.id === sale.id)].find((known) => known && known.id === sale.id && known.updatedAt > sale.updatedAt);
      set({ step: 'result', sale: seen ?? sale });
      get().upsertTodaySale(sale);
      void get().loadRecent();
    } catch (error) {
      const code = errorCodeOf(error);
      const guardKind = guardKindOf(code);
      if (guardKind) await guards.refusedByGuard(guardKind);
      else set({ step: 'result', sellError: code, sellErrorCap: offlineCapOf(error) });
    }
  }

  return {
    ...sellInitialState,
    setCountry(country) {
      if (get().step !== 'number' || country === get().country) return;
      set({ country, carrier: null, offer: null, catalog: null });
      void get().loadCatalog();
    },
    setPhoneText(text) {
      const { step, country } = get();
      if (step !== 'number') return;
      const read = readPhone(text, country);
      // "+504 9999 1234" pasted while México is selected is a Honduran number: the counter follows it there.
      if (read.country !== country && isSellCountry(read.country) && get().sellableCountries.includes(read.country)) {
        get().setCountry(read.country);
        set({ phone: read.digits });
      } else set({ phone: read.country === country ? read.digits : text.replace(/\D/g, '').slice(0, MAX_NATIONAL_DIGITS) });
    },
    pressPhoneDigit(digit) {
      const { phone, step, country } = get();
      if (step !== 'number' || !/^\d$/.test(digit) || phone.length >= MAX_NATIONAL_DIGITS) return;
      set({ phone: nationalDigits(phone + digit, country) });
    },
    deletePhoneDigit() {
      if (get().step === 'number') set({ phone: get().phone.slice(0, -1) });
    },
    clearPhone() {
      if (get().step === 'number') set({ phone: '' });
    },
    goToProduct() {
      const { step, phone, country } = get();
      const check = checkPhone(phone, country);
      if (step !== 'number' || !check.valid) return false;
      set({ step: 'product', phone: check.digits, offer: null, customAmount: '' });
      return true;
    },
    pickCarrier(carrier) {
      if (get().step === 'product' && get().carrier !== carrier) set({ carrier, offer: null, customAmount: '' });
    },
    pickCarrierByKey(digit) {
      const { step, carrier, catalog } = get();
      const chosen = catalog?.carriers[Number(digit) - 1];
      if (step !== 'product' || carrier || !chosen || !/^[1-9]$/.test(digit)) return false;
      get().pickCarrier(chosen.name);
      return true;
    },
    pickOffer(offer) {
      const { step, carrier, phone, country, resellChecking, resellGuard } = get();
      if (step !== 'product' || !carrier || !checkPhone(phone, country).valid || resellChecking || resellGuard) return;
      set({ offer, resellChecking: true, ownerPin: null, repeatConfirmed: false });
      void guards.checkThenReadBack(offer);
    },
    ...guards.actions,
    pressAmountDigit(digit) {
      const { customAmount, step } = get();
      if (step !== 'product' || get().resellGuard || !/^\d$/.test(digit) || customAmount.length >= MAX_AMOUNT_DIGITS) return;
      if (customAmount === '' && digit === '0') return;
      set({ customAmount: customAmount + digit });
    },
    deleteAmountDigit() {
      const { step, resellGuard, customAmount, resellChecking } = get();
      if (step !== 'product' || resellGuard || resellChecking) return;
      // Nothing typed: Backspace takes the carrier back, so a numpad can choose another one.
      if (customAmount === '') set({ carrier: null, offer: null });
      else set({ customAmount: customAmount.slice(0, -1) });
    },
    applyCustomAmount() {
      const check = customAmountCheck(get());
      if (check.problem || !check.amount) return false;
      get().pickOffer({ kind: 'amount', amount: check.amount });
      return true;
    },
    back() {
      const { step } = get();
      if (step === 'product') set({ step: 'number', resellGuard: null, resellChecking: false });
      else if (step === 'confirm') set({ step: 'product', offer: null, requestId: null, ownerPin: null, repeatConfirmed: false });
    },
    async confirmSale() {
      if (get().step !== 'confirm') return;
      await send();
    },
    async retrySale() {
      if (get().step !== 'result' || !get().sellError) return;
      await send();
    },
    repeatRecent(recent) {
      if (get().step !== 'number') return;
      const country = recent.country as SellCountry;
      const countryChanged = country !== get().country;
      set({ phone: recent.phone, country, carrier: recent.carrier, offer: null, customAmount: '', step: 'product', ...(countryChanged ? { catalog: null } : {}) });
      if (countryChanged) void get().loadCatalog();
    },
    resetSell() {
      const { catalog, recent, country, sellableCountries } = get();
      set({ ...sellInitialState, catalog: country === 'MX' ? catalog : null, recent, sellableCountries });
      if (country !== 'MX') void get().loadCatalog();
    },
    async loadCatalog() {
      const country = get().country;
      set({ catalogLoading: true, catalogError: null });
      try {
        const catalog = await sellService.catalog(country);
        if (get().country === country) set({ catalog, catalogLoading: false });
      } catch (error) {
        set({ catalogLoading: false, catalogError: errorCodeOf(error) });
      }
    },
    async loadSellableCountries() {
      const answers = await Promise.allSettled(SELL_COUNTRIES.map((code) => sellService.catalog(code)));
      const sellable = SELL_COUNTRIES.filter((code, index) => {
        const answer = answers[index];
        return code === 'MX' || (answer?.status === 'fulfilled' && answer.value.products.length > 0);
      });
      set({ sellableCountries: sellable });
    },
    async loadRecent() {
      try {
        set({ recent: (await sellService.recentNumbers(6)).numbers });
      } catch {
        // Recent numbers are a convenience; the sale works without them.
      }
    },
    saleChanged(sale) {
      const current = get().sale;
      if (current && current.id === sale.id && sale.updatedAt >= current.updatedAt) set({ sale });
    },
  };
};

export const sellSelectors = {
  phoneCheck: (state: SellState) => checkPhone(state.phone, state.country),
  offers: (state: SellState) => offersFor(state.catalog, state.carrier),
  resultKind: (state: SellState): ResultKind | null => (state.sale ? resultKind(state.sale.state) : null),
};
