/** The outcome in words the cashier can tell the customer, whose cash it is now, the receipt, and the next sale. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Sale } from '../../../../../shared/contract/sales';
import { useSaldo } from '../../../app/store';
import { money, phone as formatPhone } from '../../../format';
import { useFocusOnShow } from '../../../components/useFocusOnShow';
import { enterOnButton } from '../../../components/useKeypadKeys';
import { failureReason } from '../reason';
import { resultKind } from '../slice';
import { CashQuestion } from './CashQuestion';
import { saleCarrierText } from './DetectCarrier';
import { useArmedAfterGuard } from './ConfirmStep';

function FailedReason({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const reason = failureReason(sale, t);
  return reason ? <p className="result-body">{t('result.why', { reason })}</p> : null;
}

/** Pending or unknown: keep the cash, what to say, how the outcome will arrive. */
function WaitingAdvice() {
  const { t } = useTranslation();
  return (
    <>
      <p className="cash-line">{t('result.waiting.keepCash')}</p>
      <p className="tell">{t('result.tellCustomer', { message: t('result.waiting.tell') })}</p>
      <p className="result-body">{t('result.waiting.learn')}</p>
    </>
  );
}

/**
 * Enter starts the next sale once the result has been on screen for the confirm guard's time (an Enter pressed
 * twice to send never skips the result), and only when the cashier may move on. A focused button keeps its own Enter.
 */
function useNextSaleOnEnter(allowed: boolean): void {
  const { armedAt } = useArmedAfterGuard();
  useEffect(() => {
    if (!allowed) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Enter' || event.repeat || enterOnButton(event) || armedAt.current === null) return;
      if (useSaldo.getState().receipt) return;
      event.preventDefault();
      useSaldo.getState().resetSell();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, armedAt]);
}

function NotSold() {
  const { t } = useTranslation();
  const sellError = useSaldo((state) => state.sellError);
  const cap = useSaldo((state) => state.sellErrorCap);
  const language = useSaldo((state) => state.language);
  const { resetSell, retrySale } = useSaldo.getState();
  return (
    <div className="sell-result result-failed" data-result="error">
      <h2 role="alert">{t('result.notSold')}</h2>
      <p className="result-body">{cap ? t(`offlineCap.${cap.kind}`, { cap: money(cap.cap, language) }) : sellError ? t(`errors.${sellError}`) : null}</p>
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

export function ResultStep() {
  const { t } = useTranslation();
  const { sale, language, receiptBusy, cashAnswer, printedBefore } = useSaldo(
    useShallow((state) => ({
      sale: state.sale,
      language: state.language,
      receiptBusy: state.receiptBusy,
      cashAnswer: state.cashAnswer,
      printedBefore: state.sale !== null && state.printedSaleIds.includes(state.sale.id),
    })),
  );
  const { resetSell, printReceipt } = useSaldo.getState();
  const kind = sale ? resultKind(sale.state) : null;
  // After a failure the cashier says where the customer's cash is before moving on.
  const mustAnswer = kind === 'failed' && sale?.state !== 'refunded' && cashAnswer === null;
  const titleFocus = useFocusOnShow<HTMLHeadingElement>();
  useNextSaleOnEnter(sale !== null && !mustAnswer);

  if (!sale || !kind) return <NotSold />;
  const amount = money(sale.price, language);
  return (
    <div className={`sell-result result-${kind}`} data-result={kind} data-state={sale.state}>
      <h2 role="alert" tabIndex={-1} ref={titleFocus}>
        {t(`result.${kind}.title`)}
      </h2>
      <p className="number-medium">
        {/* A failed sale never reads as an amount charged: the amount is named as the top-up not made. */}
        {kind === 'failed'
          ? t('counter.failedLine', { carrier: saleCarrierText(sale, t), phone: formatPhone(sale.phone, sale.country), amount })
          : `${saleCarrierText(sale, t)} · ${formatPhone(sale.phone, sale.country)} · ${amount}`}
      </p>
      <p className="result-body">{t(`result.${kind}.body`)}</p>
      {kind === 'succeeded' && sale.providerTransactionId && <p className="folio">{t('result.folio', { folio: sale.providerTransactionId })}</p>}
      {kind === 'succeeded' && <p className="cash-line">{t('result.cashKept', { amount })}</p>}
      {(kind === 'pending' || kind === 'unknown') && <WaitingAdvice />}
      {kind === 'failed' && (
        <>
          <FailedReason sale={sale} />
          <CashQuestion sale={sale} />
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary big" disabled={receiptBusy} onClick={() => void printReceipt(sale.id, printedBefore)}>
          {printedBefore ? t('counter.receipt.printCopy') : t('result.print')}
        </button>
        <button type="button" className="primary big" disabled={mustAnswer} aria-describedby={mustAnswer ? 'cash-answer-first' : undefined} onClick={resetSell}>
          {t('result.nextSale')}
        </button>
      </div>
      {mustAnswer && (
        <p id="cash-answer-first" className="hint">
          {t('result.cashAnswerFirst')}
        </p>
      )}
    </div>
  );
}
