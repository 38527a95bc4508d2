/** International top-ups priced in pesos: country → number → carrier and product → read-back → result. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { phone as formatPhone } from '../../../format';
import type { IntlStep } from '../types';
import { countryName, moneyWithCode } from '../words';
import { CountryStep } from './CountryStep';
import { IntlConfirmStep } from './IntlConfirmStep';
import { IntlNumberStep } from './IntlNumberStep';
import { IntlProductStep } from './IntlProductStep';
import { Outcome } from './Outcome';
import { SaleKindTabs } from './SaleKindTabs';

const STEPS = ['country', 'number', 'product', 'confirm'] as const satisfies readonly IntlStep[];

function Steps({ step }: { step: IntlStep }) {
  const { t } = useTranslation();
  const at = step === 'sending' || step === 'result' ? STEPS.length : STEPS.indexOf(step);
  return (
    <ol className="steps" aria-label={t('more.intl.title')}>
      {STEPS.map((name, index) => (
        <li key={name} className={index === at ? 'step-current' : index < at ? 'step-done' : ''} aria-current={index === at ? 'step' : undefined}>
          {t(`more.intl.steps.${name}`)}
        </li>
      ))}
    </ol>
  );
}

function Sending() {
  const { t } = useTranslation();
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="sell-sending" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h2 role="status">{t('sell.sendingTitle')}</h2>
      <p className="elapsed" role="timer" aria-live="off">
        {t('sell.elapsed', { count: Math.floor((now - startedAt) / 1000) })}
      </p>
      <p className="hint">{t('sell.sendingWait')}</p>
    </div>
  );
}

function IntlResult() {
  const { t } = useTranslation();
  const { outcome, quote, phone, language } = useSaldo(useShallow((state) => ({ outcome: state.intlOutcome, quote: state.intlQuote, phone: state.intlPhone, language: state.language })));
  const { answerIntlCash, resetIntl, retryIntl } = useSaldo.getState();
  const sale = outcome.sale;
  const country = sale?.country ?? quote?.country ?? '';
  const summary = [sale?.carrier ?? quote?.carrier, `${countryName(country, language)} ${formatPhone(sale?.phone ?? phone, country)}`].filter(Boolean).join(' · ');
  const gets = quote?.recipientGets ?? sale?.faceValue;
  return (
    <Outcome outcome={outcome} words="topup" summary={summary} onAnswerCash={(answer) => void answerIntlCash(answer)} onRetry={() => void retryIntl()} onNext={resetIntl}>
      {sale && gets && <p className="result-body">{t('more.intl.gets', { amount: moneyWithCode(gets, language) })}</p>}
    </Outcome>
  );
}

export function International() {
  const { t } = useTranslation();
  const step = useSaldo((state) => state.intlStep);
  useEffect(() => {
    const { loadIntlCountries, resetIntl } = useSaldo.getState();
    void loadIntlCountries();
    // Leaving the screen ends the sale on it (a sale already sent is in Ventas de hoy).
    return resetIntl;
  }, []);
  return (
    <main className="sell intl" id="content" aria-labelledby="intl-title">
      <h1 id="intl-title" className="visually-hidden">
        {t('more.intl.title')}
      </h1>
      {step === 'country' && <SaleKindTabs current="international" />}
      <Steps step={step} />
      {step === 'country' && <CountryStep />}
      {step === 'number' && <IntlNumberStep />}
      {step === 'product' && <IntlProductStep />}
      {step === 'confirm' && <IntlConfirmStep />}
      {step === 'sending' && <Sending />}
      {step === 'result' && <IntlResult />}
    </main>
  );
}
