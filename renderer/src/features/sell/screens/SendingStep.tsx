/** While the sale is sent: what is being sent and for how long, so nobody sells it twice. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { money, phone as formatPhone } from '../../../format';
import { isDetect } from '../detect-carrier';

export function SendingStep() {
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
      <p className="number-medium">{t('sell.sendingBody', { carrier: carrier === null ? '' : isDetect(carrier) ? t('more.detect.onSend') : carrier, phone: formatPhone(phone, country), amount: offer ? money(offer.amount, language) : '' })}</p>
      <p className="elapsed" role="timer" aria-live="off" data-testid="elapsed">
        {t('sell.elapsed', { count: seconds })}
      </p>
      <p className="hint">{t('sell.sendingWait')}</p>
    </div>
  );
}
