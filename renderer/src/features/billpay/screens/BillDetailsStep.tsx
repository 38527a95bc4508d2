/**
 * The bill: account number (as printed on the customer's bill; the biller checks the rest), the amount in
 * dollars, the fee (standard or rush, where the biller offers it) and the total to charge in pesos, from the core.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { Keypad } from '../../../components/Keypad';
import { useKeypadKeys } from '../../../components/useKeypadKeys';
import { moneyWithCode } from '../../international/words';
import { billAccountProblem, billAmount, billAmountProblem, BILL_MAX_MINOR, chosenQuote } from '../slice';

const QUOTE_PAUSE_MS = 250;

function FeeChoice() {
  const { t } = useTranslation();
  const { biller, rush, quotes, quoting, quoteError, language } = useSaldo(
    useShallow((state) => ({ biller: state.biller, rush: state.billRush, quotes: state.billQuotes, quoting: state.billQuoting, quoteError: state.billQuoteError, language: state.language })),
  );
  const setBillRush = useSaldo((state) => state.setBillRush);
  const options = [
    { rush: false, quote: quotes.standard },
    ...(biller?.rushAvailable ? [{ rush: true, quote: quotes.rush }] : []),
  ];
  return (
    <section aria-labelledby="fee-title">
      <h2 id="fee-title">{t('more.bill.fee')}</h2>
      {quoting && <p className="hint">{t('more.intl.pricing')}</p>}
      {quoteError && <p className="error">{t(`errors.${quoteError}`)}</p>}
      <div className="fee-grid" role="radiogroup" aria-labelledby="fee-title">
        {options.map((option) => (
          <button key={String(option.rush)} type="button" role="radio" aria-checked={rush === option.rush} className="tile fee-tile" onClick={() => setBillRush(option.rush)}>
            <span>{t(option.rush ? 'more.bill.rush' : 'more.bill.standard')}</span>
            <span className="tile-sub">{option.quote ? t('more.bill.feeAmount', { fee: moneyWithCode(option.quote.fee, language) }) : t(option.rush ? 'more.bill.rushHint' : 'more.bill.standardHint')}</span>
            {option.quote && <span className="product-charge">{moneyWithCode(option.quote.pricing.charge, language)}</span>}
          </button>
        ))}
      </div>
    </section>
  );
}

export function BillDetailsStep() {
  const { t } = useTranslation();
  const state = useSaldo(
    useShallow((store) => ({
      biller: store.biller,
      account: store.billAccount,
      amountDigits: store.billAmountDigits,
      field: store.billField,
      quotes: store.billQuotes,
      rush: store.billRush,
      language: store.language,
    })),
  );
  const { setBillField, setBillAccount, pressBillDigit, deleteBillDigit, quoteBill, billToConfirm, billBack } = useSaldo.getState();
  useKeypadKeys({ digit: pressBillDigit, backspace: deleteBillDigit, escape: billBack, enter: billToConfirm });
  useEffect(() => {
    const timer = window.setTimeout(() => void quoteBill(), QUOTE_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [state.amountDigits, quoteBill]);

  const amount = billAmount({ billAmountDigits: state.amountDigits });
  const accountProblem = billAccountProblem(state.account);
  const amountProblem = billAmountProblem({ billAmountDigits: state.amountDigits });
  const quote = chosenQuote({ billQuotes: state.quotes, billRush: state.rush });
  const ready = !accountProblem && !amountProblem && quote !== null;

  return (
    <div className="sell-product">
      <div className="sell-main">
        <div className="number-summary">
          <button type="button" className="secondary" onClick={billBack}>
            ← {t('sell.back')}
          </button>
          <span className="number-small">{state.biller?.name}</span>
        </div>
        <label className="field-label" htmlFor="bill-account">
          {t('more.bill.account')}
        </label>
        <input
          id="bill-account"
          className={`phone-input ${state.account && accountProblem ? 'invalid' : ''}`}
          value={state.account}
          autoComplete="off"
          autoFocus
          aria-invalid={Boolean(state.account) && accountProblem !== null}
          aria-describedby="bill-account-help"
          onChange={(event) => setBillAccount(event.target.value)}
          onFocus={() => setBillField('account')}
          data-target={state.field === 'account'}
        />
        <p id="bill-account-help" className={state.account && accountProblem ? 'error' : 'hint'}>
          {state.account && accountProblem ? t('more.bill.accountProblem') : t('more.bill.accountHint')}
        </p>
        <span className="field-label" id="bill-amount-label">
          {t('more.bill.amount')}
        </span>
        <button
          id="bill-amount"
          type="button"
          className={`amount-display bill-amount ${amountProblem === 'too_high' ? 'invalid' : ''}`}
          aria-labelledby="bill-amount-label bill-amount"
          aria-describedby="bill-amount-help"
          data-target={state.field === 'amount'}
          onClick={() => setBillField('amount')}
          onFocus={() => setBillField('amount')}
        >
          {moneyWithCode(amount ?? { minor: 0, currency: 'USD' }, state.language)}
        </button>
        <p id="bill-amount-help" className={amountProblem === 'too_high' ? 'error' : 'hint'}>
          {amountProblem === 'too_high' ? t('more.bill.amountTooHigh', { max: moneyWithCode({ minor: BILL_MAX_MINOR, currency: 'USD' }, state.language) }) : t('more.bill.amountHint')}
        </p>
        <FeeChoice />
      </div>
      <aside className="other-amount">
        <Keypad label={t(state.field === 'account' ? 'more.bill.keypadAccount' : 'more.bill.keypadAmount')} onDigit={pressBillDigit} onDelete={deleteBillDigit} />
        {quote && <p className="bill-total">{t('more.bill.toCharge', { amount: moneyWithCode(quote.pricing.charge, state.language) })}</p>}
        <button type="button" className="primary wide" disabled={!ready} onClick={() => billToConfirm()}>
          {t('sell.next')}
        </button>
      </aside>
    </div>
  );
}
