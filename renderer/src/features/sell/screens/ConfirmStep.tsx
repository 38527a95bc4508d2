/** Step 3: read the number back to the customer, then charge and send (Enter sends, Escape goes back). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { enterOnButton } from '../../../components/useKeypadKeys';
import { money, phone as formatPhone } from '../../../format';

export function ConfirmStep() {
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
