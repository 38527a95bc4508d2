/** International top-ups priced in pesos: country → number → carrier and product → read-back → result. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SendingPanel } from '../../../components/SendingPanel';
import { StepList } from '../../../components/StepList';
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
  return <StepList label={t('more.intl.title')} labels={STEPS.map((name) => t(`more.intl.steps.${name}`))} current={at} />;
}

function Sending() {
  const { t } = useTranslation();
  // Counted from when this screen appeared: the payment was sent a moment before.
  const [startedAt] = useState(() => Date.now());
  return <SendingPanel title={t('sell.sendingTitle')} startedAt={startedAt} />;
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
