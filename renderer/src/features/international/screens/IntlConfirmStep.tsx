/**
 * The read-back of an international top-up: the number and country out loud, what the customer pays in pesos,
 * what the recipient gets in local terms, and the shop's rate and markup that priced it. The core's questions
 * (the same top-up moments ago, another one still unresolved) are answered here before the sale can go.
 */
import { useTranslation } from 'react-i18next';
import { countryByCode } from '../../../../../shared/countries';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { ConfirmActions } from '../../../components/ConfirmActions';
import { PricedInPesosLines } from './PricedInPesosLines';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { OwnerPinPad } from '../../../components/OwnerPinPad';
import { phone as formatPhone } from '../../../format';
import { LineCheck } from '../../sell/screens/LineCheck';
import { countryName, moneyWithCode } from '../words';
import { useArmedSend } from './useArmed';

function GuardQuestion() {
  const { t } = useTranslation();
  const guard = useSaldo((state) => state.intlGuard);
  const { confirmIntlRepeat, allowIntlWithOwnerPin, intlBack } = useSaldo.getState();
  if (guard === 'repeat') {
    return (
      <section className="guard-box" role="alertdialog" aria-labelledby="intl-repeat-title">
        <h3 id="intl-repeat-title">{t('errors.repeat_unconfirmed')}</h3>
        <div className="actions">
          <button type="button" className="secondary big" onClick={intlBack}>
            {t('sell.back')}
          </button>
          <button type="button" className="primary big" onClick={confirmIntlRepeat}>
            {t('more.intl.yesAnother')}
          </button>
        </div>
      </section>
    );
  }
  if (guard === 'blocked') {
    return (
      <section className="guard-box" role="alertdialog" aria-labelledby="owner-pin-title">
        <OwnerPinPad reason={t('errors.resell_blocked')} onSubmit={allowIntlWithOwnerPin} onCancel={intlBack} />
      </section>
    );
  }
  return null;
}

export function IntlConfirmStep() {
  const { t } = useTranslation();
  const { quote, phone, language, guard, changed, requestId, allowed } = useSaldo(
    useShallow((state) => ({
      quote: state.intlQuote,
      phone: state.intlPhone,
      language: state.language,
      guard: state.intlGuard,
      changed: state.intlPriceChanged,
      requestId: state.intlRequestId,
      allowed: state.intlOwnerPin !== null || state.intlRepeatConfirmed,
    })),
  );
  const { sendIntl, intlBack } = useSaldo.getState();
  const armed = useArmedSend(() => void sendIntl(), intlBack, `${requestId}-${String(allowed)}`);
  if (!quote) return null;
  const charge = moneyWithCode(quote.pricing.charge, language);
  const dialing = countryByCode(quote.country)?.dialingCode;
  return (
    <div className="sell-confirm intl-confirm">
      <h2>{t('sell.confirmTitle')}</h2>
      <p className="hint">{t('sell.readBack')}</p>
      <p className="number-large" aria-label={t('sell.confirmNumber')} data-testid="confirm-number">
        {dialing ? `+${dialing} ` : ''}
        {formatPhone(phone, quote.country)}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('sell.country')}</dt>
          <dd>{countryName(quote.country, language)}</dd>
        </div>
        <div>
          <dt>{t('sell.confirmCarrier')}</dt>
          <dd>
            <CarrierBadge name={quote.carrier} /> {quote.carrier}
          </dd>
        </div>
        <div>
          <dt>{t('sell.confirmProduct')}</dt>
          <dd>{quote.productName}</dd>
        </div>
        <div>
          <dt>{t('more.intl.recipientGets')}</dt>
          <dd data-testid="recipient-gets">{moneyWithCode(quote.recipientGets, language)}</dd>
        </div>
        <div className="charge">
          <dt>{t('sell.confirmCharge')}</dt>
          <dd data-testid="charge">{charge}</dd>
        </div>
      </dl>
      <PricedInPesosLines pricing={quote.pricing} language={language} changed={changed} />
      {allowed && <p className="warn-line">{t('guard.repeatConfirmedLine')}</p>}
      <LineCheck />
      <GuardQuestion />
      {!guard && (
        <ConfirmActions id="intl-cash-holder" cashLine={t('sell.cashHolder', { amount: charge })} sendLabel={t('sell.send', { amount: charge })} armed={armed} onBack={intlBack} onSend={() => void sendIntl()} />
      )}
    </div>
  );
}
