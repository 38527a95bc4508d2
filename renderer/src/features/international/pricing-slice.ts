/** The owner's exchange rate and markup for what the shop buys in dollars (the core validates and records them). */
import type { Slice } from '../../app/slice';
import { errorCodeOf } from '../../bridge/client';
import { internationalService } from './service';
import type { PricingSlice, PricingState } from './types';

export const pricingInitialState: PricingState = { pricing: null, pricingLoading: false, pricingSaving: false, pricingError: null, pricingSaved: false };

export const createPricingSlice: Slice<PricingSlice> = (set, get) => ({
  ...pricingInitialState,
  async loadPricing() {
    set({ pricingLoading: true, pricingError: null, pricingSaved: false });
    try {
      set({ pricing: await internationalService.pricing(), pricingLoading: false });
    } catch (error) {
      set({ pricingLoading: false, pricingError: errorCodeOf(error) });
    }
  },
  async savePricing(pricing) {
    if (get().pricingSaving) return false;
    set({ pricingSaving: true, pricingError: null, pricingSaved: false });
    try {
      set({ pricing: await internationalService.setPricing(pricing), pricingSaving: false, pricingSaved: true });
      return true;
    } catch (error) {
      set({ pricingSaving: false, pricingError: errorCodeOf(error) });
      return false;
    }
  },
});
