/**
 * Devoluciones (owner): every sale owed back to a customer, oldest first, with its age, the customer's number
 * (last four digits unless the owner asks for the full number) and the amount; paying one out takes the cash
 * from the drawer open now, and the sale's history records that shift (the status bar's count follows by itself).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { dateTime, money, providerName } from '../../../format';
import { BackofficeLayout } from '../../backoffice/screens/BackofficeLayout';
import { useAction, useLoaded } from '../../backoffice/useAsync';
import { refundsService } from '../service';

/** "3 h 20 min", "2 d 4 h": how long the customer has been waiting. */
function ageText(minutes: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (minutes < 60) return t('refunds.age.minutes', { count: minutes });
  if (minutes < 24 * 60) return t('refunds.age.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('refunds.age.days', { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) });
}

export function Refunds() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const [fullNumbers, setFullNumbers] = useState(false);
  const owed = useLoaded(() => refundsService.owed(fullNumbers), String(fullNumbers));
  const drawer = useLoaded(() => refundsService.drawer(), 'drawer');
  const pay = useAction((saleId: string) => refundsService.markRefunded(saleId));
  const [paid, setPaid] = useState<string | null>(null);
  const openShift = drawer.value?.shift?.state === 'open' ? drawer.value.shift : null;
  const refunds = owed.value?.refunds ?? [];

  const markPaid = async (saleId: string, phone: string) => {
    const sale = await pay.run(saleId);
    if (sale) {
      setPaid(t('refunds.paid', { phone }));
      await owed.reload();
    }
  };

  return (
    <BackofficeLayout
      screen="refunds"
      title={t('refunds.title')}
      error={owed.error ?? pay.error}
      actions={
        <>
          <button type="button" className="secondary" aria-pressed={fullNumbers} onClick={() => setFullNumbers((shown) => !shown)}>
            {t('refunds.fullNumbers')}
          </button>
          <button type="button" className="secondary" disabled={owed.loading} onClick={() => void owed.reload()}>
            {t('backoffice.refresh')}
          </button>
        </>
      }
    >
      {paid && (
        <p className="ok" role="status">
          {paid}
        </p>
      )}
      <p className="number-medium" data-testid="refunds-total">
        {t('refunds.summary', { count: owed.value?.count ?? 0, total: (owed.value?.totals ?? []).map((total) => money(total, language)).join(' + ') || money({ minor: 0, currency: 'MXN' }, language) })}
      </p>
      {!drawer.loading && (
        <p className={openShift ? 'hint' : 'banner banner-warn'} data-testid="refunds-drawer">
          {openShift ? t('refunds.fromShift', { time: dateTime(openShift.openedAt, language) }) : t('refunds.noDrawer')}
        </p>
      )}
      {refunds.length === 0 ? (
        <p className="hint">{owed.loading ? t('app.loading') : t('refunds.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="sales-table" data-testid="refunds-table">
            <caption className="visually-hidden">{t('refunds.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('refunds.columns.soldAt')}</th>
                <th scope="col">{t('refunds.columns.age')}</th>
                <th scope="col">{t('refunds.columns.phone')}</th>
                <th scope="col">{t('refunds.columns.carrier')}</th>
                <th scope="col" className="num">
                  {t('refunds.columns.amount')}
                </th>
                <th scope="col">{t('refunds.columns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {refunds.map((refund) => (
                <tr key={refund.saleId} data-sale-id={refund.saleId}>
                  <td>{dateTime(refund.soldAt, language)}</td>
                  <td>{ageText(refund.ageMinutes, t)}</td>
                  <td>{refund.phone}</td>
                  <td>
                    {refund.carrier} · {providerName(refund.provider)}
                  </td>
                  <td className="num">{money(refund.amount, language)}</td>
                  <td>
                    <button type="button" className="danger" disabled={pay.busy} aria-label={t('refunds.markPaidFor', { phone: refund.phone, amount: money(refund.amount, language) })} onClick={() => void markPaid(refund.saleId, refund.phone)}>
                      {t('refunds.markPaid')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackofficeLayout>
  );
}
