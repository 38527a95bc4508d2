/** The outcome in words the cashier can tell the customer, the receipt, and the next sale. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { money, phone as formatPhone } from '../../../format';
import { resultKind } from '../slice';

export function ResultStep() {
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
