/** One tap to the other language, named in that language for whoever needs it. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/contract/receipts';
import { useSaldo } from '../../app/store';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const setLanguage = useSaldo((state) => state.setLanguage);
  const other: Language = language === 'en' ? 'es-MX' : 'en';
  const otherName = other === 'en' ? t('language.en') : t('language.es');
  return (
    <button type="button" className="chip-button" lang={other} aria-label={t('language.switchTo', { language: otherName })} onClick={() => void setLanguage(other)}>
      {other === 'en' ? 'EN' : 'ES'}
    </button>
  );
}
