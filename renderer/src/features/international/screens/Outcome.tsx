/**
 * The end of a sale priced in dollars, in words the cashier can tell the customer: delivered (or paid), on its
 * way, being checked, or not made, with where the customer's cash is; the receipt; the next sale. A sale the core
 * refused before recording it says nothing was charged.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { enterOnButton } from '../../../components/useKeypadKeys';
import { moneyWithCode } from '../words';
import { failureReason } from '../../sell/reason';
import { resultKind } from '../../sell/slice';
import type { CashAnswer } from '../../sell/types';
import type { Outcome as OutcomeValue } from '../outcome';

interface OutcomeProps {
  outcome: OutcomeValue;
  /** Which words: a top-up's ("Recarga entregada") or a bill's ("Pago realizado"). */
  words: 'topup' | 'bill';
  /** What was sold, in one line, without its price. */
  summary: string;
  /** Facts under the headline (the detected carrier, what the recipient gets, the confirmation code). */
  children?: ReactNode;
  onAnswerCash(answer: CashAnswer): void;
  onRetry(): void;
  onNext(): void;
}

function CashAfterFailure({ outcome, onAnswerCash }: Pick<OutcomeProps, 'outcome' | 'onAnswerCash'>) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const sale = outcome.sale!;
  const amount = moneyWithCode(sale.price, language);
  if (sale.state === 'refunded') {
    return (
      <p className="ok" role="status" data-testid="cash-answer">
        {t('result.cashHandedBackDone', { amount })}
      </p>
    );
  }
  if (outcome.cash === 'owed') {
    return (
      <p className="cash-line" role="status" data-testid="cash-answer">
        {t('result.cashOwedDone', { amount })}
      </p>
    );
  }
  return (
    <section className="cash-question" aria-labelledby="more-cash-title">
      <p className="cash-line">{t('result.cashPaid', { amount })}</p>
      <h3 id="more-cash-title">{t('result.cashQuestion')}</h3>
      {outcome.cashError && (
        <p className="error" role="alert">
          {t(`errors.${outcome.cashError}`)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary big" disabled={outcome.cashBusy} onClick={() => onAnswerCash('handed_back')}>
          {t('result.cashHandedBack')}
        </button>
        <button type="button" className="secondary big" disabled={outcome.cashBusy} onClick={() => onAnswerCash('owed')}>
          {t('result.cashOwed')}
        </button>
      </div>
    </section>
  );
}

export function Outcome({ outcome, words, summary, children, onAnswerCash, onRetry, onNext }: OutcomeProps) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const receiptBusy = useSaldo((state) => state.receiptBusy);
  const printReceipt = useSaldo((state) => state.printReceipt);
  const { sale } = outcome;
  // A second print of the same sale is a copy (the core counts prints and says COPIA too).
  const printedBefore = useSaldo((state) => sale !== null && state.printedSaleIds.includes(sale.id));
  const kind = sale ? resultKind(sale.state) : null;
  const mustAnswer = kind === 'failed' && sale?.state !== 'refunded' && outcome.cash === null;
  // Enter starts the next sale once nothing is left to answer (a keyboard or numpad sale ends with Enter).
  const next = useRef({ onNext, blocked: mustAnswer });
  useEffect(() => {
    next.current = { onNext, blocked: mustAnswer };
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Enter' || event.repeat || enterOnButton(event) || next.current.blocked) return;
      event.preventDefault();
      next.current.onNext();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!sale || !kind) {
    return (
      <div className="sell-result result-failed" data-result="error">
        <h2 role="alert">{t('result.notSold')}</h2>
        <p className="result-body">{outcome.error ? t(`errors.${outcome.error}`) : null}</p>
        <p className="result-body">{t('result.notSoldBody')}</p>
        <div className="actions">
          <button type="button" className="secondary big" onClick={onRetry}>
            {t('result.retry')}
          </button>
          <button type="button" className="primary big" onClick={onNext}>
            {t('result.nextSale')}
          </button>
        </div>
      </div>
    );
  }
  const head = words === 'bill' ? `more.billResult.${kind}` : `result.${kind}`;
  const reason = kind === 'failed' ? failureReason(sale, t) : null;
  return (
    <div className={`sell-result result-${kind}`} data-result={kind} data-state={sale.state}>
      <h2 role="alert">{t(`${head}.title`)}</h2>
      <p className="number-medium">
        {/* A failed sale never reads as an amount charged. */}
        {kind === 'failed' ? t('more.failedSummary', { summary, amount: moneyWithCode(sale.price, language) }) : `${summary} · ${moneyWithCode(sale.price, language)}`}
      </p>
      <p className="result-body">{t(`${head}.body`)}</p>
      {children}
      {kind === 'succeeded' && sale.providerTransactionId && <p className="folio">{t('result.folio', { folio: sale.providerTransactionId })}</p>}
      {kind === 'succeeded' && <p className="cash-line">{t('result.cashKept', { amount: moneyWithCode(sale.price, language) })}</p>}
      {(kind === 'pending' || kind === 'unknown') && <p className="cash-line">{t('result.waiting.keepCash')}</p>}
      {reason && <p className="result-body">{t('result.why', { reason })}</p>}
      {kind === 'failed' && <CashAfterFailure outcome={outcome} onAnswerCash={onAnswerCash} />}
      <div className="actions">
        <button type="button" className="secondary big" disabled={receiptBusy} onClick={() => void printReceipt(sale.id, printedBefore)}>
          {printedBefore ? t('counter.receipt.printCopy') : t('result.print')}
        </button>
        <button type="button" className="primary big" disabled={mustAnswer} aria-describedby={mustAnswer ? 'more-cash-first' : undefined} onClick={onNext}>
          {t('result.nextSale')}
        </button>
      </div>
      {mustAnswer && (
        <p id="more-cash-first" className="hint">
          {t('result.cashAnswerFirst')}
        </p>
      )}
    </div>
  );
}
