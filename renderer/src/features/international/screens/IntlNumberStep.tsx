/** The recipient's number abroad, on the keypad, the keyboard or pasted ("+504 9999 1234" keeps its national digits). */
import { useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPhone } from '../../../../../shared/phone';
import { useSaldo } from '../../../app/store';
import { Keypad } from '../../../components/Keypad';
import { useKeypadKeys } from '../../../components/useKeypadKeys';
import { phone as formatPhone } from '../../../format';
import { countryName } from '../words';

export function IntlNumberStep() {
  const { t } = useTranslation();
  const country = useSaldo((state) => state.intlCountry) ?? '';
  const digits = useSaldo((state) => state.intlPhone);
  const language = useSaldo((state) => state.language);
  const { setIntlPhoneText, pressIntlDigit, deleteIntlDigit, clearIntlPhone, intlToProduct, intlBack } = useSaldo.getState();
  const [tried, setTried] = useState(false);
  const check = checkPhone(digits, country);
  const next = () => {
    setTried(true);
    intlToProduct();
  };
  useKeypadKeys({ digit: pressIntlDigit, backspace: deleteIntlDigit, escape: clearIntlPhone, enter: next });

  const name = countryName(country, language);
  const showProblem = !check.valid && (tried || check.problem === 'too_long' || check.problem === 'invalid');
  const help = check.valid ? t('sell.phoneOk') : showProblem ? t(`sell.phoneProblem.${check.problem}`, { country: name }) : '\u00a0';
  return (
    <div className="sell-main intl-number">
      <div className="number-summary">
        <button type="button" className="secondary" onClick={intlBack}>
          ← {t('sell.back')}
        </button>
        <span className="number-small">{name}</span>
      </div>
      <label className="field-label" htmlFor="intl-phone">
        {t('more.intl.phoneLabel', { country: name })}
      </label>
      <input
        id="intl-phone"
        className={`phone-input ${showProblem ? 'invalid' : check.valid ? 'valid' : ''}`}
        value={formatPhone(digits, country)}
        inputMode="none"
        autoComplete="off"
        autoFocus
        aria-invalid={showProblem}
        aria-describedby="intl-phone-help"
        onChange={(event) => setIntlPhoneText(event.target.value)}
        onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
          event.preventDefault();
          setIntlPhoneText(event.clipboardData.getData('text'));
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.repeat) next();
          if (event.key === 'Escape') clearIntlPhone();
        }}
      />
      <p id="intl-phone-help" className={showProblem ? 'error' : check.valid ? 'ok' : 'hint'} aria-live="polite">
        {help}
      </p>
      <Keypad label={t('keypad.label')} onDigit={pressIntlDigit} onDelete={deleteIntlDigit} onClear={clearIntlPhone} />
      <button type="button" className="primary wide" disabled={!check.valid} onClick={next}>
        {t('sell.next')}
      </button>
    </div>
  );
}
