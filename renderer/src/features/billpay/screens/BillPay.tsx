/** Bill payments: biller → account, amount and fee → read-back → paying → result and receipt. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SendingPanel } from '../../../components/SendingPanel';
import { StepList } from '../../../components/StepList';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { Outcome } from '../../international/screens/Outcome';
import { SaleKindTabs } from '../../international/screens/SaleKindTabs';
import type { BillStep } from '../types';
import { BillConfirmStep } from './BillConfirmStep';
import { BillDetailsStep } from './BillDetailsStep';
import { BillerStep } from './BillerStep';

const STEPS = ['biller', 'details', 'confirm'] as const satisfies readonly BillStep[];

function Steps({ step }: { step: BillStep }) {
  const { t } = useTranslation();
  const at = step === 'sending' || step === 'result' ? STEPS.length : STEPS.indexOf(step);
  return <StepList label={t('more.bill.title')} labels={STEPS.map((name) => t(`more.bill.steps.${name}`))} current={at} />;
}

function Paying() {
  const { t } = useTranslation();
  // Counted from when this screen appeared: the payment was sent a moment before.
  const [startedAt] = useState(() => Date.now());
  return <SendingPanel title={t('more.bill.paying')} startedAt={startedAt} />;
}

function BillResult() {
  const { t } = useTranslation();
  const { outcome, biller, account } = useSaldo(useShallow((state) => ({ outcome: state.billOutcome, biller: state.biller, account: state.billAccount })));
  const { answerBillCash, resetBill, retryBill } = useSaldo.getState();
  const bill = outcome.sale?.bill;
  const summary = [bill?.billerName ?? biller?.name, bill?.accountNumber ?? account].filter(Boolean).join(' · ');
  return (
    <Outcome outcome={outcome} words="bill" summary={summary} onAnswerCash={(answer) => void answerBillCash(answer)} onRetry={() => void retryBill()} onNext={resetBill}>
      {bill?.confirmationCode && <p className="folio">{t('more.bill.confirmation', { code: bill.confirmationCode })}</p>}
    </Outcome>
  );
}

export function BillPay() {
  const { t } = useTranslation();
  const step = useSaldo((state) => state.billStep);
  // Leaving the screen ends the payment on it (one already sent is in Ventas de hoy).
  useEffect(() => useSaldo.getState().resetBill, []);
  return (
    <main className="sell billpay" id="content" aria-labelledby="billpay-title">
      <h1 id="billpay-title" className="visually-hidden">
        {t('more.bill.title')}
      </h1>
      {step === 'biller' && <SaleKindTabs current="billpay" />}
      <Steps step={step} />
      {step === 'biller' && <BillerStep />}
      {step === 'details' && <BillDetailsStep />}
      {step === 'confirm' && <BillConfirmStep />}
      {step === 'sending' && <Paying />}
      {step === 'result' && <BillResult />}
    </main>
  );
}
