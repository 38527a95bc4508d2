/** Which language the counter speaks; changing it here also stores it for the shop. */
import type { Slice } from '../../app/slice';
import { i18next, setDocumentLanguage } from '../../i18n';
import { languageService } from './service';
import type { LanguageSlice, LanguageState } from './types';

export const languageInitialState: LanguageState = { language: 'es-MX' };

export const createLanguageSlice: Slice<LanguageSlice> = (set) => ({
  ...languageInitialState,
  async setLanguage(language, persist = true) {
    await i18next.changeLanguage(language);
    setDocumentLanguage(language);
    set({ language });
    if (persist) {
      try {
        await languageService.setLanguage(language);
      } catch {
        // The language still changes on this screen; the shop's stored setting stays as it was.
      }
    }
  },
});
