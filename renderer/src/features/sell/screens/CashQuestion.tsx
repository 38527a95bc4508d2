/**
 * After a failure the customer's cash is in the drawer: the cashier says whether it went back now (a refund at
 * the counter, from this shift's cash) or is owed (the sale stays "Por devolver" until the owner pays it out).
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Sale } from '../../../../../shared/contract/sales';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';
import { customerWords } from '../reason';

export function CashQuestion({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const { language, cashAnswer, busy, problem } = useSaldo(
    useShallow((state) => ({ language: state.language, cashAnswer: state.cashAnswer, busy: state.cashAnswerBusy, problem: state.cashAnswerError })),
  );
  const answerCash = useSaldo((state) => state.answerCash);
  const amount = money(sale.price, language);

  if (sale.state === 'refunded') {
    return (
      <>
        <p className="tell">{t('result.tellCustomer', { message: customerWords(sale, t) })}</p>
        <p className="ok" role="status" data-testid="cash-answer">
          {t('result.cashHandedBackDone', { amount })}
        </p>
      </>
    );
  }
  if (cashAnswer === 'owed') {
    return (
      <p className="cash-line" role="status" data-testid="cash-answer">
        {t('result.cashOwedDone', { amount })}
      </p>
    );
  }
  return (
    <section className="cash-question" aria-labelledby="cash-question-title">
      <p className="cash-line">{t('result.cashPaid', { amount })}</p>
      <p className="tell">{t('result.tellCustomer', { message: customerWords(sale, t) })}</p>
      <h3 id="cash-question-title">{t('result.cashQuestion')}</h3>
      {problem && (
        <p className="error" role="alert">
          {t(`errors.${problem}`)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary big" disabled={busy} onClick={() => void answerCash('handed_back')}>
          {t('result.cashHandedBack')}
        </button>
        <button type="button" className="secondary big" disabled={busy} onClick={() => void answerCash('owed')}>
          {t('result.cashOwed')}
        </button>
      </div>
    </section>
  );
}
