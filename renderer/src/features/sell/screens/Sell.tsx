/** The sale, step by step: number → carrier and amount → confirm → sending → result. */
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { StepList } from '../../../components/StepList';
import { SaleKindTabs } from '../../international/screens/SaleKindTabs';
import { ConfirmStep } from './ConfirmStep';
import { NumberStep } from './NumberStep';
import { ProductStep } from './ProductStep';
import { ResultStep } from './ResultStep';
import { SendingStep } from './SendingStep';

function StepHeader() {
  const { t } = useTranslation();
  const step = useSaldo((state) => state.step);
  const steps = ['number', 'product', 'confirm'] as const;
  const at = step === 'sending' || step === 'result' ? steps.length : steps.indexOf(step);
  return <StepList label={t('sell.title')} labels={steps.map((name) => t(`sell.steps.${name}`))} current={at} />;
}

export function Sell() {
  const { t } = useTranslation();
  const step = useSaldo((state) => state.step);
  return (
    <main className="sell" id="content" aria-labelledby="sell-title">
      <h1 id="sell-title" className="visually-hidden">
        {t('sell.title')}
      </h1>
      {step === 'number' && <SaleKindTabs current="sell" />}
      <StepHeader />
      {step === 'number' && <NumberStep />}
      {step === 'product' && <ProductStep />}
      {step === 'confirm' && <ConfirmStep />}
      {step === 'sending' && <SendingStep />}
      {step === 'result' && <ResultStep />}
    </main>
  );
}
