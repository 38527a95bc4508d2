/** The contract channel that stores the shop's language (receipts follow it). */
import type { Language } from '../../../../shared/contract/receipts';
import { call } from '../../bridge/client';

export const languageService = {
  setLanguage: (language: Language) => call('settings.setLanguage', { language }),
};
