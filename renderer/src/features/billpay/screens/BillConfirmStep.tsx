/** The read-back of a bill: biller and account out loud, the bill, the fee, the total in dollars and the pesos to charge. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { ConfirmActions } from '../../../components/ConfirmActions';
import { PricedInPesosLines } from '../../international/screens/PricedInPesosLines';
import { LineCheck } from '../../sell/screens/LineCheck';
import { useArmedSend } from '../../international/screens/useArmed';
import { moneyWithCode } from '../../international/words';
import { chosenQuote } from '../slice';

export function BillConfirmStep() {
  const { t } = useTranslation();
  const { biller, account, quote, language, changed, requestId } = useSaldo(
    useShallow((state) => ({
      biller: state.biller,
      account: state.billAccount,
      quote: chosenQuote(state),
      language: state.language,
      changed: state.billPriceChanged,
      requestId: state.billRequestId,
    })),
  );
  const { payBill, billBack } = useSaldo.getState();
  const armed = useArmedSend(() => void payBill(), billBack, requestId);
  if (!biller || !quote) return null;
  const charge = moneyWithCode(quote.pricing.charge, language);
  return (
    <div className="sell-confirm bill-confirm">
      <h2>{t('sell.confirmTitle')}</h2>
      <p className="hint">{t('more.bill.readBack')}</p>
      <p className="number-large" aria-label={t('more.bill.account')} data-testid="confirm-account">
        {account}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('more.bill.biller')}</dt>
          <dd>{biller.name}</dd>
        </div>
        <div>
          <dt>{t('more.bill.amount')}</dt>
          <dd>{moneyWithCode(quote.amount, language)}</dd>
        </div>
        <div>
          <dt>
            {t('more.bill.fee')} ({t(quote.rush ? 'more.bill.rush' : 'more.bill.standard')})
          </dt>
          <dd>{moneyWithCode(quote.fee, language)}</dd>
        </div>
        <div>
          <dt>{t('more.bill.totalUsd')}</dt>
          <dd>{moneyWithCode(quote.total, language)}</dd>
        </div>
        <div className="charge">
          <dt>{t('sell.confirmCharge')}</dt>
          <dd data-testid="charge">{charge}</dd>
        </div>
      </dl>
      <PricedInPesosLines pricing={quote.pricing} language={language} changed={changed} />
      <LineCheck />
      <ConfirmActions id="bill-cash-holder" cashLine={t('more.bill.cashHolder', { amount: charge })} sendLabel={t('more.bill.pay', { amount: charge })} armed={armed} onBack={billBack} onSend={() => void payBill()} />
    </div>
  );
}
