/** Today's sales: state and time at a glance; a sale's history; reprint; mark a refund handed back. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { dateTime, money, phone as formatPhone, providerName, time } from '../../../format';
import { failureReason } from '../../sell/reason';
import { todaySelectors } from '../slice';
import { RefundOwed } from './RefundOwed';

function SaleDetail() {
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

export function Today() {
  const { t } = useTranslation();
  const sales = useSaldo(useShallow(todaySelectors.shownSales));
  const onlyVerifying = useSaldo((state) => state.onlyVerifying);
  const loading = useSaldo((state) => state.todayLoading);
  const error = useSaldo((state) => state.todayError);
  const openId = useSaldo((state) => state.openSaleId);
  const language = useSaldo((state) => state.language);
  const { loadToday, openSale, showVerifying } = useSaldo.getState();

  useEffect(() => {
    void loadToday();
  }, [loadToday]);

  return (
    <main className="today" id="content" aria-labelledby="today-title">
      <div className="today-head">
        <h1 id="today-title">{t('today.title')}</h1>
        <button type="button" className="secondary" onClick={() => void loadToday()} disabled={loading}>
          {t('today.refresh')}
        </button>
        {onlyVerifying && !openId && (
          <>
            <p className="warn-line">{t('today.onlyVerifying')}</p>
            <button type="button" className="secondary" onClick={() => showVerifying(false)}>
              {t('today.showAll')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {openId ? (
        <SaleDetail />
      ) : sales.length === 0 ? (
        <p className="hint">{loading ? t('app.loading') : t('today.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="sales-table">
            <thead>
              <tr>
                <th scope="col">{t('today.columns.time')}</th>
                <th scope="col">{t('today.columns.phone')}</th>
                <th scope="col">{t('today.columns.carrier')}</th>
                <th scope="col">{t('today.columns.amount')}</th>
                <th scope="col">{t('today.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {sales.map((sale) => (
                <tr key={sale.id} data-sale-id={sale.id}>
                  <td>
                    <button type="button" className="row-button" aria-label={t('today.open', { time: time(sale.createdAt, language), phone: formatPhone(sale.phone, sale.country) })} onClick={() => void openSale(sale.id)}>
                      {time(sale.createdAt, language)}
                    </button>
                  </td>
                  <td>{formatPhone(sale.phone, sale.country)}</td>
                  <td>{sale.carrier}</td>
                  <td className="num">{money(sale.price, language)}</td>
                  <td>
                    <span className={`state state-${sale.state}`}>{t(`states.${sale.state}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
