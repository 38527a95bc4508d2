/** The sale, step by step: number → carrier and amount → confirm → sending → result. */
import { useEffect, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { checkPhone, SELL_COUNTRIES } from '../../../../../shared/phone';
import { useSaldo } from '../../../app/store';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { Keypad } from '../../../components/Keypad';
import { enterOnButton, useKeypadKeys } from '../../../components/useKeypadKeys';
import { money, phone as formatPhone } from '../../../format';
import { customAmountCheck, offersFor, resultKind } from '../slice';

function StepHeader() {
  const { t } = useTranslation();
  const step = useSaldo((state) => state.step);
  const steps = ['number', 'product', 'confirm'] as const;
  const at = step === 'sending' || step === 'result' ? 3 : steps.indexOf(step);
  return (
    <ol className="steps" aria-label={t('sell.title')}>
      {steps.map((name, index) => (
        <li key={name} className={index === at ? 'step-current' : index < at ? 'step-done' : ''} aria-current={index === at ? 'step' : undefined}>
          {t(`sell.steps.${name}`)}
        </li>
      ))}
    </ol>
  );
}

function NumberStep() {
  const { t } = useTranslation();
  const country = useSaldo((state) => state.country);
  const digits = useSaldo((state) => state.phone);
  const recent = useSaldo((state) => state.recent);
  const check = checkPhone(digits, country);
  const { setCountry, setPhoneText, pressPhoneDigit, deletePhoneDigit, clearPhone, goToProduct, repeatRecent } = useSaldo.getState();
  const [tried, setTried] = useState(false);

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
        <div className="countries" role="group" aria-label={t('sell.country')}>
          {SELL_COUNTRIES.map((code) => (
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
      <aside className="recent" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('sell.recent')}</h2>
        {recent.length === 0 && <p className="hint">{t('sell.recentNone')}</p>}
        <ul>
          {recent.map((item) => (
            <li key={`${item.country}-${item.phone}-${item.carrier}`}>
              <button type="button" className="recent-button" aria-label={t('sell.repeat', { phone: formatPhone(item.phone, item.country), carrier: item.carrier })} onClick={() => repeatRecent(item)}>
                <CarrierBadge name={item.carrier} />
                <span className="recent-phone">{formatPhone(item.phone, item.country)}</span>
                <span className="recent-carrier">{item.carrier}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}

function ProductStep() {
  const { t } = useTranslation();
  const { phone, catalog, catalogLoading, catalogError, carrier, country, language, customAmount } = useSaldo(
    useShallow((state) => ({
      phone: state.phone,
      catalog: state.catalog,
      catalogLoading: state.catalogLoading,
      catalogError: state.catalogError,
      carrier: state.carrier,
      country: state.country,
      language: state.language,
      customAmount: state.customAmount,
    })),
  );
  const offers = offersFor(catalog, carrier);
  const custom = customAmountCheck({ customAmount, catalog, carrier, country });
  const { pickCarrier, pickOffer, pressAmountDigit, deleteAmountDigit, applyCustomAmount, back } = useSaldo.getState();

  useKeypadKeys({ digit: pressAmountDigit, backspace: deleteAmountDigit, escape: back, enter: applyCustomAmount });

  const carriers = catalog?.carriers ?? [];
  const range = offers.range;
  return (
    <div className="sell-product">
      <div className="sell-main">
        <div className="number-summary">
          <button type="button" className="secondary" onClick={back}>
            ← {t('sell.back')}
          </button>
          <span className="number-small">{formatPhone(phone, country)}</span>
        </div>
        <h2 id="carrier-title">{t('sell.carrier')}</h2>
        {catalogLoading && <p className="hint">{t('sell.catalogLoading')}</p>}
        {catalogError && <p className="error">{t(`errors.${catalogError}`)}</p>}
        {!catalogLoading && carriers.length === 0 && <p className="hint">{t('sell.noCatalog')}</p>}
        <div className="carrier-grid" role="group" aria-labelledby="carrier-title">
          {carriers.map((item) => (
            <button key={item.name} type="button" className="tile carrier-tile" aria-pressed={carrier === item.name} onClick={() => pickCarrier(item.name)}>
              <CarrierBadge name={item.name} />
              <span>{item.name}</span>
            </button>
          ))}
        </div>
        {!carrier && carriers.length > 0 && <p className="hint">{t('sell.carrierHint')}</p>}
        {carrier && offers.amounts.length > 0 && (
          <>
            <h2 id="amounts-title">{t('sell.amounts')}</h2>
            <div className="amount-grid" role="group" aria-labelledby="amounts-title">
              {offers.amounts.map((amount) => (
                <button key={amount.minor} type="button" className="tile amount-tile" onClick={() => pickOffer({ kind: 'amount', amount })}>
                  {money(amount, language)}
                </button>
              ))}
            </div>
          </>
        )}
        {carrier && offers.bundles.length > 0 && (
          <>
            <h2 id="bundles-title">{t('sell.bundles')}</h2>
            <div className="amount-grid" role="group" aria-labelledby="bundles-title">
              {offers.bundles.map((bundle) => (
                <button key={`${bundle.name}-${bundle.amount.minor}`} type="button" className="tile bundle-tile" onClick={() => pickOffer(bundle)}>
                  <span>{bundle.name}</span>
                  <span className="tile-sub">{money(bundle.amount, language)}</span>
                </button>
              ))}
            </div>
          </>
        )}
      </div>
      {carrier && range && (
        <aside className="other-amount" aria-labelledby="other-title">
          <h2 id="other-title">{t('sell.otherAmount')}</h2>
          <label className="field-label" htmlFor="custom-amount">
            {t('sell.amountLabel', { currency: range.min.currency })}
          </label>
          <output id="custom-amount" className="amount-display" aria-describedby="amount-help">
            {customAmount ? money({ minor: Number(customAmount) * 100, currency: range.min.currency }, language) : '\u00a0'}
          </output>
          <p id="amount-help" className={custom.problem === 'low' || custom.problem === 'high' ? 'error' : 'hint'} aria-live="polite">
            {custom.problem === 'low'
              ? t('sell.amountTooLow', { min: money(range.min, language) })
              : custom.problem === 'high'
                ? t('sell.amountTooHigh', { max: money(range.max, language) })
                : t('sell.amountRange', { min: money(range.min, language), max: money(range.max, language) })}
          </p>
          <Keypad label={t('sell.otherAmount')} onDigit={pressAmountDigit} onDelete={deleteAmountDigit} />
          <button type="button" className="primary wide" disabled={custom.problem !== null || !custom.amount} onClick={() => applyCustomAmount()}>
            {custom.amount && !custom.problem ? t('sell.useAmount', { amount: money(custom.amount, language) }) : t('sell.next')}
          </button>
        </aside>
      )}
    </div>
  );
}

function ConfirmStep() {
  const { t } = useTranslation();
  const { phone, country, carrier, offer, language } = useSaldo(
    useShallow((state) => ({ phone: state.phone, country: state.country, carrier: state.carrier, offer: state.offer, language: state.language })),
  );
  const { confirmSale, back } = useSaldo.getState();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.repeat || enterOnButton(event)) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void confirmSale();
      } else if (event.key === 'Escape') back();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [confirmSale, back]);

  if (!offer || !carrier) return null;
  const amount = money(offer.amount, language);
  return (
    <div className="sell-confirm">
      <h2>{t('sell.confirmTitle')}</h2>
      <p className="hint">{t('sell.readBack')}</p>
      <p className="number-large" aria-label={t('sell.confirmNumber')} data-testid="confirm-number">
        {formatPhone(phone, country)}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('sell.confirmCarrier')}</dt>
          <dd>
            <CarrierBadge name={carrier} /> {carrier}
          </dd>
        </div>
        {offer.kind === 'sku' && (
          <div>
            <dt>{t('sell.confirmProduct')}</dt>
            <dd>{offer.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('sell.confirmAmount')}</dt>
          <dd>{amount}</dd>
        </div>
        <div className="charge">
          <dt>{t('sell.confirmCharge')}</dt>
          <dd>{amount}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" className="secondary big" onClick={back}>
          ← {t('sell.back')}
        </button>
        <button type="button" className="primary big" onClick={() => void confirmSale()}>
          {t('sell.send', { amount })}
        </button>
      </div>
    </div>
  );
}

function SendingStep() {
  const { t } = useTranslation();
  const { phone, country, carrier, offer, language, sendStartedAt } = useSaldo(
    useShallow((state) => ({ phone: state.phone, country: state.country, carrier: state.carrier, offer: state.offer, language: state.language, sendStartedAt: state.sendStartedAt })),
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - (sendStartedAt ?? now)) / 1000));
  return (
    <div className="sell-sending" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h2 role="status">{t('sell.sendingTitle')}</h2>
      <p className="number-medium">{t('sell.sendingBody', { carrier: carrier ?? '', phone: formatPhone(phone, country), amount: offer ? money(offer.amount, language) : '' })}</p>
      <p className="elapsed" role="timer" aria-live="off" data-testid="elapsed">
        {t('sell.elapsed', { count: seconds })}
      </p>
      <p className="hint">{t('sell.sendingWait')}</p>
    </div>
  );
}

function ResultStep() {
  const { t } = useTranslation();
  const { sale, sellError, language, receiptBusy } = useSaldo(
    useShallow((state) => ({ sale: state.sale, sellError: state.sellError, language: state.language, receiptBusy: state.receiptBusy })),
  );
  const { resetSell, retrySale, printReceipt } = useSaldo.getState();

  if (!sale) {
    return (
      <div className="sell-result result-failed" data-result="error">
        <h2 role="alert">{t('result.notSold')}</h2>
        <p className="result-body">{sellError ? t(`errors.${sellError}`) : null}</p>
        <p className="result-body">{t('result.notSoldBody')}</p>
        <div className="actions">
          <button type="button" className="secondary big" onClick={() => void retrySale()}>
            {t('result.retry')}
          </button>
          <button type="button" className="primary big" onClick={resetSell}>
            {t('result.nextSale')}
          </button>
        </div>
      </div>
    );
  }
  const kind = resultKind(sale.state);
  return (
    <div className={`sell-result result-${kind}`} data-result={kind}>
      <h2 role="alert">{t(`result.${kind}.title`)}</h2>
      <p className="number-medium">
        {sale.carrier} · {formatPhone(sale.phone, sale.country)} · {money(sale.price, language)}
      </p>
      <p className="result-body">{t(`result.${kind}.body`)}</p>
      {kind === 'succeeded' && sale.providerTransactionId && <p className="folio">{t('result.folio', { folio: sale.providerTransactionId })}</p>}
      {kind === 'failed' && (
        <>
          {sale.failureCode && <p className="result-body">{t('result.why', { reason: t(`errors.${sale.failureCode}`) })}</p>}
          <p className="tell">{t('result.tellCustomer', { message: sale.state === 'refunded' ? t('result.tellRefunded') : t('result.tellFailed') })}</p>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary big" disabled={receiptBusy} onClick={() => void printReceipt(sale.id, false)}>
          {t('result.print')}
        </button>
        <button type="button" className="primary big" onClick={resetSell}>
          {t('result.nextSale')}
        </button>
      </div>
    </div>
  );
}

export function Sell() {
  const { t } = useTranslation();
  const step = useSaldo((state) => state.step);
  return (
    <main className="sell" id="content" aria-labelledby="sell-title">
      <h1 id="sell-title" className="visually-hidden">
        {t('sell.title')}
      </h1>
      <StepHeader />
      {step === 'number' && <NumberStep />}
      {step === 'product' && <ProductStep />}
      {step === 'confirm' && <ConfirmStep />}
      {step === 'sending' && <SendingStep />}
      {step === 'result' && <ResultStep />}
    </main>
  );
}
