/** The contract channels of the owner's settings: every value of the registry, and a validated change. */
import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../bridge/client';

export const settingsService = {
  values: () => call('settings.values', {}),
  update: (changes: ChannelInput<'settings.update'>) => call('settings.update', changes),
};
