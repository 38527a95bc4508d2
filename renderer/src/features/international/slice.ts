/**
 * An international top-up priced in pesos: country (from the providers' catalogs, most sold first) → number →
 * carrier and product (each priced in pesos by the core) → read-back (what the customer pays in MXN, what the
 * recipient gets) → sending → result. One request id per read-back, as at the Mexican counter; the core's
 * refusals (re-sell guard, a price that changed) bring the read-back back with the question to answer.
 */
import type { InternationalQuote } from '../../../../shared/contract/catalog';
import { checkPhone, MAX_NATIONAL_DIGITS, readPhone } from '../../../../shared/phone';
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { newRequestId } from '../sell/service';
import type { TodayActions } from '../today/types';
import type { StatusActions } from '../status/types';
import { answerCash, laterSale, NO_OUTCOME } from './outcome';
import { internationalService } from './service';
import type { InternationalSlice, InternationalState, ProductKindFilter } from './types';

/** A sale updates today's list and the status bar's refunds owed, as a Mexican sale does. */
type InternationalNeeds = Pick<TodayActions, 'upsertTodaySale'> & Pick<StatusActions, 'refreshStatus'>;

export const internationalInitialState: InternationalState = {
  intlStep: 'country',
  intlCountries: [],
  intlCountriesLoading: false,
  intlCountriesError: null,
  intlSearch: '',
  intlCountry: null,
  intlPhone: '',
  intlCatalog: null,
  intlCatalogError: null,
  intlCarrier: null,
  intlKind: 'all',
  intlQuotes: {},
  intlQuotesLoading: false,
  intlQuoteError: null,
  intlQuote: null,
  intlPriceChanged: false,
  intlRequestId: null,
  intlGuard: null,
  intlRepeatConfirmed: false,
  intlOwnerPin: null,
  intlOutcome: NO_OUTCOME,
};

/** The carrier's products that can be quoted (a SKU and a fixed amount), filtered by kind. */
export function intlProducts(state: Pick<InternationalState, 'intlCatalog' | 'intlCarrier'>, kind: ProductKindFilter = 'all') {
  return (state.intlCatalog?.products ?? []).filter(
    (product) => product.carrier === state.intlCarrier && product.sku !== null && product.amount !== null && (kind === 'all' || product.type === kind),
  );
}

export const createInternationalSlice: Slice<InternationalSlice, InternationalNeeds> = (set, get) => {
  async function send(extras: { repeatConfirmed?: boolean; ownerPin?: string }): Promise<void> {
    const { intlQuote: quote, intlPhone: phone, intlRequestId: requestId, intlStep } = get();
    if (!quote || !requestId || quote.sku === null || intlStep !== 'confirm') return;
    set({ intlStep: 'sending', intlGuard: null, intlOutcome: NO_OUTCOME });
    try {
      const sale = await internationalService.sell({
        requestId,
        phone,
        country: quote.country,
        carrier: quote.carrier,
        sku: quote.sku,
        provider: quote.provider,
        expectedCharge: quote.pricing.charge,
        ...extras,
      });
      set({ intlStep: 'result', intlOutcome: { ...NO_OUTCOME, sale: laterSale(get().intlOutcome.sale, sale) } });
      get().upsertTodaySale(sale);
      void get().refreshStatus();
    } catch (error) {
      await refused(errorCodeOf(error));
    }
  }

  /** Refused before anything was recorded: a question on the read-back, a new price, or the reason in words. */
  async function refused(code: ReturnType<typeof errorCodeOf>): Promise<void> {
    if (code === 'repeat_unconfirmed' || code === 'resell_blocked') {
      set({ intlStep: 'confirm', intlRequestId: newRequestId(), intlGuard: code === 'repeat_unconfirmed' ? 'repeat' : 'blocked' });
      return;
    }
    const quote = get().intlQuote;
    if (code === 'quote_changed' && quote?.sku) {
      try {
        const fresh = await internationalService.quote({ country: quote.country, carrier: quote.carrier, sku: quote.sku });
        set({ intlStep: 'confirm', intlQuote: fresh, intlPriceChanged: true, intlRequestId: newRequestId() });
        return;
      } catch (error) {
        code = errorCodeOf(error);
      }
    }
    set({ intlStep: 'result', intlOutcome: { ...NO_OUTCOME, error: code } });
  }

  async function quoteAll(country: string, carrier: string): Promise<void> {
    set({ intlQuotesLoading: true, intlQuoteError: null, intlQuotes: {} });
    const products = intlProducts({ intlCatalog: get().intlCatalog, intlCarrier: carrier });
    const answers = await Promise.allSettled(products.map((product) => internationalService.quote({ country, carrier, sku: product.sku! })));
    if (get().intlCarrier !== carrier || get().intlCountry !== country) return;
    const quotes: Record<string, InternationalQuote> = {};
    let problem: ReturnType<typeof errorCodeOf> | null = null;
    for (const answer of answers) {
      if (answer.status === 'fulfilled' && answer.value.sku) quotes[answer.value.sku] = answer.value;
      else if (answer.status === 'rejected') problem ??= errorCodeOf(answer.reason);
    }
    set({ intlQuotes: quotes, intlQuotesLoading: false, intlQuoteError: problem });
  }

  return {
    ...internationalInitialState,
    async loadIntlCountries() {
      set({ intlCountriesLoading: true, intlCountriesError: null });
      try {
        const { countries } = await internationalService.countries();
        set({ intlCountries: countries, intlCountriesLoading: false });
      } catch (error) {
        set({ intlCountriesLoading: false, intlCountriesError: errorCodeOf(error) });
      }
    },
    setIntlSearch(text) {
      set({ intlSearch: text.slice(0, 40) });
    },
    pickIntlCountry(code) {
      const offered = get().intlCountries.find((country) => country.code === code);
      if (get().intlStep !== 'country' || !offered?.sellable) return;
      set({ intlCountry: code, intlStep: 'number', intlPhone: '', intlCarrier: null, intlCatalog: null, intlCatalogError: null, intlQuotes: {} });
      void internationalService
        .catalog(code)
        .then((catalog) => {
          if (get().intlCountry === code) set({ intlCatalog: catalog });
        })
        .catch((error: unknown) => set({ intlCatalogError: errorCodeOf(error) }));
    },
    setIntlPhoneText(text) {
      const { intlStep, intlCountry } = get();
      if (intlStep !== 'number' || !intlCountry) return;
      // A pasted "+504 …" keeps its national digits; the country stays the one picked on the first step.
      set({ intlPhone: readPhone(text, intlCountry).digits.slice(0, MAX_NATIONAL_DIGITS) });
    },
    pressIntlDigit(digit) {
      const { intlPhone, intlStep } = get();
      if (intlStep !== 'number' || !/^\d$/.test(digit) || intlPhone.length >= MAX_NATIONAL_DIGITS) return;
      set({ intlPhone: intlPhone + digit });
    },
    deleteIntlDigit() {
      if (get().intlStep === 'number') set({ intlPhone: get().intlPhone.slice(0, -1) });
    },
    clearIntlPhone() {
      if (get().intlStep === 'number') set({ intlPhone: '' });
    },
    intlToProduct() {
      const { intlStep, intlPhone, intlCountry } = get();
      if (intlStep !== 'number' || !intlCountry || !checkPhone(intlPhone, intlCountry).valid) return false;
      set({ intlStep: 'product' });
      return true;
    },
    async pickIntlCarrier(carrier) {
      const { intlStep, intlCountry, intlCarrier } = get();
      if (intlStep !== 'product' || !intlCountry || carrier === intlCarrier) return;
      set({ intlCarrier: carrier });
      await quoteAll(intlCountry, carrier);
    },
    setIntlKind(kind) {
      set({ intlKind: kind });
    },
    pickIntlProduct(sku) {
      const quote = get().intlQuotes[sku];
      if (get().intlStep !== 'product' || !quote) return;
      set({ intlStep: 'confirm', intlQuote: quote, intlPriceChanged: false, intlRequestId: newRequestId(), intlGuard: null, intlRepeatConfirmed: false, intlOwnerPin: null });
    },
    intlBack() {
      const step = get().intlStep;
      if (step === 'number') set({ intlStep: 'country', intlCountry: null, intlPhone: '' });
      else if (step === 'product') set({ intlStep: 'number' });
      else if (step === 'confirm') set({ intlStep: 'product', intlQuote: null, intlRequestId: null, intlGuard: null });
    },
    async sendIntl() {
      const { intlRepeatConfirmed, intlOwnerPin } = get();
      await send({ ...(intlRepeatConfirmed ? { repeatConfirmed: true } : {}), ...(intlOwnerPin ? { ownerPin: intlOwnerPin } : {}) });
    },
    async retryIntl() {
      if (get().intlStep !== 'result' || !get().intlOutcome.error) return;
      set({ intlStep: 'confirm' });
      await get().sendIntl();
    },
    confirmIntlRepeat() {
      if (get().intlGuard !== 'repeat') return;
      set({ intlRepeatConfirmed: true, intlGuard: null });
    },
    allowIntlWithOwnerPin(pin) {
      if (get().intlGuard !== 'blocked') return;
      // The owner allowed another sale to this number on purpose: that answers "¿Otra recarga igual?" too.
      set({ intlOwnerPin: pin, intlRepeatConfirmed: true, intlGuard: null });
    },
    async answerIntlCash(answer) {
      const refunded = await answerCash(get().intlOutcome, answer, (next) => set({ intlOutcome: next }));
      if (refunded) {
        get().upsertTodaySale(refunded);
        void get().refreshStatus();
      }
    },
    intlSaleChanged(sale) {
      const outcome = get().intlOutcome;
      if (outcome.sale?.id === sale.id) set({ intlOutcome: { ...outcome, sale: laterSale(outcome.sale, sale) } });
    },
    intlShows(sale) {
      const { intlStep, intlOutcome, intlPhone, intlQuote } = get();
      if (intlStep === 'result') return intlOutcome.sale?.id === sale.id;
      // While sending, the sale's id is not known yet: its events are those of this number abroad.
      return intlStep === 'sending' && sale.phone === intlPhone && sale.country === intlQuote?.country;
    },
    resetIntl() {
      const { intlCountries } = get();
      set({ ...internationalInitialState, intlCountries });
    },
  };
};
