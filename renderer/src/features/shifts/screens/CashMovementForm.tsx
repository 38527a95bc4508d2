/** Cash put in or taken out of the open drawer, always with a reason (a drop to the safe, a payout, change). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency, Money } from '../../../../../shared/money';
import { parseTypedAmount } from '../../backoffice/amounts';
import { MoneyField } from '../../backoffice/screens/MoneyField';

const REASONS = ['drop', 'payout', 'change', 'other'] as const;
type ReasonKind = (typeof REASONS)[number];

interface CashMovementFormProps {
  currency: Currency;
  busy: boolean;
  /** Answers whether it was recorded (the form then empties). */
  onSubmit(direction: 'in' | 'out', amount: Money, reason: string): Promise<boolean>;
}

export function CashMovementForm({ currency, busy, onSubmit }: CashMovementFormProps) {
  const { t } = useTranslation();
  const noteId = useId();
  const [amountText, setAmountText] = useState('');
  const [kind, setKind] = useState<ReasonKind>('drop');
  const [note, setNote] = useState('');
  const typed = parseTypedAmount(amountText, currency);
  const reason = [t(`shifts.cash.reasons.${kind}`), note.trim()].filter(Boolean).join(': ');
  const ready = typed.ok && typed.amount.minor > 0 && (kind !== 'other' || note.trim().length > 0);

  const submit = async (direction: 'in' | 'out') => {
    if (!typed.ok || !ready) return;
    if (await onSubmit(direction, typed.amount, reason)) {
      setAmountText('');
      setNote('');
    }
  };

  return (
    <section className="panel" aria-labelledby="cash-title">
      <h2 id="cash-title">{t('shifts.cash.title')}</h2>
      <div className="field-row">
        <MoneyField label={t('shifts.cash.amount')} value={amountText} currency={currency} onChange={setAmountText} />
      </div>
      <div className="field-row" role="group" aria-label={t('shifts.cash.reason')}>
        {REASONS.map((option) => (
          <button key={option} type="button" className="chip-button" aria-pressed={kind === option} onClick={() => setKind(option)}>
            {t(`shifts.cash.reasons.${option}`)}
          </button>
        ))}
      </div>
      <label className="field" htmlFor={noteId}>
        {kind === 'other' ? t('shifts.cash.noteRequired') : t('shifts.cash.note')}
        <input id={noteId} maxLength={120} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="actions">
        <button type="button" className="secondary big" disabled={busy || !ready} onClick={() => void submit('in')}>
          {t('shifts.cash.in')}
        </button>
        <button type="button" className="secondary big" disabled={busy || !ready} onClick={() => void submit('out')}>
          {t('shifts.cash.out')}
        </button>
      </div>
    </section>
  );
}
