/** Under a read-back priced in pesos (an international top-up, a bill): how the pesos were worked out, and a price that changed. */
import { useTranslation } from 'react-i18next';
import type { PricedInPesos } from '../../../../../shared/contract/sale-kinds';
import type { Language } from '../../../../../shared/contract/receipts';
import { moneyWithCode } from '../words';

export function PricedInPesosLines({ pricing, language, changed }: { pricing: PricedInPesos; language: Language; changed: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="hint" data-testid="rate-line">
        {t('more.rateLine', { sent: moneyWithCode(pricing.sent, language), rate: pricing.rate, markup: pricing.markupPercent })}
      </p>
      {changed && (
        <p className="warn-line" role="alert">
          {t('errors.quote_changed')}
        </p>
      )}
    </>
  );
}
