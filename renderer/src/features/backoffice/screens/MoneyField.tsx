/** A labelled amount field for the back office's forms: typed as people say it, checked as it is typed. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../../../shared/money';
import { parseTypedAmount } from '../amounts';

interface MoneyFieldProps {
  label: string;
  value: string;
  currency: Currency;
  onChange(text: string): void;
  /** Whether an empty field is a problem worth saying yet. */
  required?: boolean;
}

export function MoneyField({ label, value, currency, onChange, required = false }: MoneyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const parsed = parseTypedAmount(value, currency);
  const problem = !parsed.ok && (parsed.problem !== 'empty' || required) ? t(`backoffice.amountProblem.${parsed.problem}`) : null;
  return (
    <label className="field" htmlFor={id}>
      {t('backoffice.amountIn', { label, currency })}
      <input id={id} inputMode="decimal" autoComplete="off" value={value} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => onChange(event.target.value)} />
      {problem && (
        <span id={`${id}-problem`} className="error">
          {problem}
        </span>
      )}
    </label>
  );
}
