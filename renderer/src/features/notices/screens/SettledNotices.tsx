/** The notices of sales that settled later: number, amount and outcome, until the cashier says "Entendido". */
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { money, phone as formatPhone } from '../../../format';

export function SettledNotices() {
  const { t } = useTranslation();
  const notices = useSaldo((state) => state.settledNotices);
  const language = useSaldo((state) => state.language);
  const dismissNotice = useSaldo((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((sale) => {
        const amount = money(sale.price, language);
        return (
          <section key={sale.id} className={`notice notice-${sale.state}`} role="alert" aria-labelledby={`notice-${sale.id}`} data-testid="settled-notice">
            <h2 id={`notice-${sale.id}`}>{t('notices.settledTitle')}</h2>
            <p className="number-medium">{t('notices.settled', { phone: formatPhone(sale.phone, sale.country), amount, state: t(`states.${sale.state}`) })}</p>
            {(sale.state === 'refund_due' || sale.state === 'failed') && <p className="error">{t('notices.settledRefundDue', { amount })}</p>}
            <button type="button" className="secondary" onClick={() => dismissNotice(sale.id)}>
              {t('notices.dismiss')}
            </button>
          </section>
        );
      })}
    </div>
  );
}
