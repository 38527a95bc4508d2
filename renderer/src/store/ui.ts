/** Which screen shows and which language the counter speaks. */
import type { Language } from '../../../shared/contract/receipts';
import { i18next, setDocumentLanguage } from '../i18n';
import { appService } from '../services/api';
import type { Slice } from './types';

export type Screen = 'sell' | 'today';

export interface UiState {
  screen: Screen;
  language: Language;
}

export interface UiActions {
  setScreen(screen: Screen): void;
  /** Changes the language here at once and stores it for the shop (receipts follow it). */
  setLanguage(language: Language, persist?: boolean): Promise<void>;
}

export type UiSlice = UiState & UiActions;

export const uiInitialState: UiState = { screen: 'sell', language: 'es-MX' };

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  ...uiInitialState,
  setScreen(screen) {
    set({ screen });
    if (screen === 'today') void get().loadToday();
  },
  async setLanguage(language, persist = true) {
    await i18next.changeLanguage(language);
    setDocumentLanguage(language);
    set({ language });
    if (persist) {
      try {
        await appService.setLanguage(language);
      } catch {
        // The language still changes on this screen; the shop's stored setting stays as it was.
      }
    }
  },
});

export const uiSelectors = {
  screen: (state: UiState) => state.screen,
  language: (state: UiState) => state.language,
};
