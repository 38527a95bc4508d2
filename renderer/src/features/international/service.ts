/** The contract channels an international top-up and the owner's pricing use. */
import type { ChannelInput } from '../../../../shared/contract';
import type { PricingSettings } from '../../../../shared/contract/sale-kinds';
import { call } from '../../bridge/client';

export const internationalService = {
  countries: () => call('catalog.countries', {}),
  catalog: (country: string) => call('catalog.get', { country }),
  quote: (input: ChannelInput<'catalog.quoteInternational'>) => call('catalog.quoteInternational', input),
  sell: (input: ChannelInput<'sales.sell'>) => call('sales.sell', input),
  pricing: () => call('pricing.get', {}),
  setPricing: (pricing: PricingSettings) => call('pricing.set', pricing),
};
