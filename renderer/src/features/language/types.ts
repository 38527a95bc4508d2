/** Which language the counter speaks: the language slice's shape. */
import type { Language } from '../../../../shared/contract/receipts';

export interface LanguageState {
  language: Language;
}

export interface LanguageActions {
  /** Changes the language here at once and stores it for the shop (receipts follow it). */
  setLanguage(language: Language, persist?: boolean): Promise<void>;
}

export type LanguageSlice = LanguageState & LanguageActions;
