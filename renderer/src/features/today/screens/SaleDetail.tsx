/** One of today's sales: its facts, its history, a reprint, and paying out a refund owed. */
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { dateTime, money, phone as formatPhone, providerName, time } from '../../../format';
import { failureReason } from '../../sell/reason';
import { todaySelectors } from '../slice';
import { RefundOwed } from './RefundOwed';

export function SaleDetail() {
  const { t } = useTranslation();
  const sale = useSaldo(todaySelectors.openSale);
  const events = useSaldo((state) => state.openSaleEvents);
  const notice = useSaldo((state) => state.todayNotice);
  const language = useSaldo((state) => state.language);
  const receiptBusy = useSaldo((state) => state.receiptBusy);
  const { closeSale, printReceipt } = useSaldo.getState();
  if (!sale) return null;
  const none = t('today.none');
  return (
    <section className="sale-detail" aria-labelledby="detail-title">
      <div className="detail-head">
        <button type="button" className="secondary" onClick={closeSale}>
          ← {t('today.back')}
        </button>
        <h2 id="detail-title">{t('today.detail')}</h2>
        <span className={`state state-${sale.state}`}>{t(`states.${sale.state}`)}</span>
      </div>
      <p className="number-medium">
        {sale.carrier} · {formatPhone(sale.phone, sale.country)} · {money(sale.price, language)}
      </p>
      <dl className="facts compact">
        <div>
          <dt>{t('today.columns.time')}</dt>
          <dd>{dateTime(sale.createdAt, language)}</dd>
        </div>
        <div>
          <dt>{t('today.provider')}</dt>
          <dd>{providerName(sale.provider)}</dd>
        </div>
        <div>
          <dt>{t('today.folio')}</dt>
          <dd>{sale.providerTransactionId ?? none}</dd>
        </div>
        <div>
          <dt>{t('today.operatorRef')}</dt>
          <dd>{sale.operatorTransactionId ?? none}</dd>
        </div>
        <div>
          <dt>{t('today.attempts')}</dt>
          <dd>{sale.attempts}</dd>
        </div>
        {sale.failureCode && (
          <div>
            <dt>{t('today.reason')}</dt>
            <dd>{failureReason(sale, t)}</dd>
          </div>
        )}
      </dl>
      <h3>{t('today.history')}</h3>
      <ol className="history">
        {events.map((event) => (
          <li key={event.seq}>
            <span className="history-time">{time(event.at, language)}</span> {event.fromState ? `${t(`states.${event.fromState}`)} → ` : ''}
            {t(`states.${event.toState}`)}
          </li>
        ))}
      </ol>
      {notice === 'refunded' && (
        <p className="ok" role="status">
          {t('today.refundedDone')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary big" disabled={receiptBusy} onClick={() => void printReceipt(sale.id, true)}>
          {t('today.reprint')}
        </button>
        {sale.state === 'refund_due' && <RefundOwed sale={sale} />}
      </div>
    </section>
  );
}
