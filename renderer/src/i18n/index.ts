/**
 * i18next for the counter: Spanish (Mexico) by default, English selectable. A key that is missing in the
 * current language is recorded on `window.__saldoMissingKeys` (tests read it) instead of passing silently.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract/receipts';
import { en } from './en';
import { es } from './es';

declare global {
  interface Window {
    __saldoMissingKeys?: string[];
  }
}

export const LANGUAGES: readonly Language[] = ['es-MX', 'en'];
export const DEFAULT_LANGUAGE: Language = 'es-MX';

/** The Intl locale for money and dates in a language. */
export function intlLocale(language: Language): string {
  return language === 'en' ? 'en-US' : 'es-MX';
}

function recordMissing(languages: readonly string[], namespace: string, key: string): void {
  const list = (window.__saldoMissingKeys ??= []);
  list.push(`${languages.join(',')}:${namespace}:${key}`);
}

void i18next.use(initReactI18next).init({
  resources: { 'es-MX': { translation: es }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  saveMissing: true,
  missingKeyHandler: recordMissing,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export function setDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

export { i18next };
