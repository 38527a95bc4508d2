/** While the sale is sent: what is being sent and for how long, so nobody sells it twice. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { SendingPanel } from '../../../components/SendingPanel';
import { money, phone as formatPhone } from '../../../format';
import { isDetect } from '../detect-carrier';

export function SendingStep() {
  const { t } = useTranslation();
  const { phone, country, carrier, offer, language, sendStartedAt } = useSaldo(
    useShallow((state) => ({ phone: state.phone, country: state.country, carrier: state.carrier, offer: state.offer, language: state.language, sendStartedAt: state.sendStartedAt })),
  );
  return (
    <SendingPanel title={t('sell.sendingTitle')} startedAt={sendStartedAt}>
      <p className="number-medium">{t('sell.sendingBody', { carrier: carrier === null ? '' : isDetect(carrier) ? t('more.detect.onSend') : carrier, phone: formatPhone(phone, country), amount: offer ? money(offer.amount, language) : '' })}</p>
    </SendingPanel>
  );
}
