/** Step 1: the customer's number, on the keypad, the keyboard, a scanner or paste; or a recent number. */
import { useEffect, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPhone } from '../../../../../shared/phone';
import { useSaldo } from '../../../app/store';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { Keypad } from '../../../components/Keypad';
import { useKeypadKeys } from '../../../components/useKeypadKeys';
import { phone as formatPhone, time } from '../../../format';

/** The numbers sold to lately: one tap starts a sale to the same number and carrier. */
function RecentNumbers() {
  const { t } = useTranslation();
  const recent = useSaldo((state) => state.recent);
  const repeatRecent = useSaldo((state) => state.repeatRecent);
  const language = useSaldo((state) => state.language);
  return (
    <aside className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('sell.recent')}</h2>
      {recent.length === 0 && <p className="hint">{t('sell.recentNone')}</p>}
      <ul>
        {recent.map((item, index) => (
          <li key={`${item.country}-${item.phone}-${item.carrier}`}>
            <button type="button" className="recent-button" aria-label={t('sell.repeat', { phone: formatPhone(item.phone, item.country), carrier: item.carrier })} aria-describedby={item.lastState ? `recent-state-${index}` : undefined} onClick={() => repeatRecent(item)}>
              <CarrierBadge name={item.carrier} />
              <span className="recent-phone">{formatPhone(item.phone, item.country)}</span>
              <span className="recent-carrier">
                {item.carrier} · {time(item.lastSoldAt, language)}
              </span>
              {item.lastState && (
                <span id={`recent-state-${index}`} className={`state state-${item.lastState} recent-state`}>
                  {t('sell.recentState', { state: t(`states.${item.lastState}`) })}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function NumberStep() {
  const { t } = useTranslation();
  const country = useSaldo((state) => state.country);
  const digits = useSaldo((state) => state.phone);
  const check = checkPhone(digits, country);
  const sellable = useSaldo((state) => state.sellableCountries);
  const { setCountry, setPhoneText, pressPhoneDigit, deletePhoneDigit, clearPhone, goToProduct, loadSellableCountries } = useSaldo.getState();
  const [tried, setTried] = useState(false);

  // Each new sale asks again which countries have products: the first catalog refresh may land after sign-in.
  useEffect(() => {
    void loadSellableCountries();
  }, [loadSellableCountries]);

  const next = () => {
    setTried(true);
    goToProduct();
  };

  useKeypadKeys({ digit: pressPhoneDigit, backspace: deletePhoneDigit, escape: clearPhone, enter: next });

  useEffect(() => {
    function onPaste(event: globalThis.ClipboardEvent) {
      if (event.target instanceof HTMLInputElement) return;
      const text = event.clipboardData?.getData('text') ?? '';
      if (text) setPhoneText(text);
    }
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [setPhoneText]);

  const countryName = t(`sell.countries.${country}`);
  const showProblem = !check.valid && (tried || check.problem === 'too_long' || check.problem === 'invalid');
  const help = check.valid ? t('sell.phoneOk') : showProblem ? t(`sell.phoneProblem.${check.problem}`, { country: countryName }) : '\u00a0';

  return (
    <div className="sell-number">
      <div className="sell-main">
        <div className="countries" role="group" aria-label={t('sell.country')} hidden={sellable.length < 2}>
          {sellable.map((code) => (
            <button key={code} type="button" className="chip-button big" aria-pressed={country === code} onClick={() => setCountry(code)}>
              {t(`sell.countries.${code}`)}
            </button>
          ))}
        </div>
        <label className="field-label" htmlFor="phone">
          {t('sell.phoneLabel')}
        </label>
        <input
          id="phone"
          className={`phone-input ${showProblem ? 'invalid' : check.valid ? 'valid' : ''}`}
          value={formatPhone(digits, country)}
          inputMode="none"
          autoComplete="off"
          autoFocus
          placeholder={t('sell.phonePlaceholder')}
          aria-invalid={showProblem}
          aria-describedby="phone-help"
          onChange={(event) => setPhoneText(event.target.value)}
          onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
            event.preventDefault();
            setPhoneText(event.clipboardData.getData('text'));
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.repeat) next();
            if (event.key === 'Escape') clearPhone();
          }}
        />
        <p id="phone-help" className={showProblem ? 'error' : check.valid ? 'ok' : 'hint'} aria-live="polite">
          {help}
        </p>
        <Keypad label={t('keypad.label')} onDigit={pressPhoneDigit} onDelete={deletePhoneDigit} onClear={clearPhone} />
        <button type="button" className="primary wide" disabled={!check.valid} onClick={next}>
          {t('sell.next')}
        </button>
      </div>
      <RecentNumbers />
    </div>
  );
}
