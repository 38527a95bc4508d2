/** The foot of a read-back: whose cash it is, Back, and the send button (armed only after the double-tap guard). */
import { useTranslation } from 'react-i18next';

export function ConfirmActions({ id, cashLine, sendLabel, armed, onBack, onSend }: { id: string; cashLine: string; sendLabel: string; armed: boolean; onBack(): void; onSend(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="cash-line" id={id}>
        {cashLine}
      </p>
      <div className="actions confirm-actions">
        <button type="button" className="secondary big" onClick={onBack}>
          ← {t('sell.back')}
        </button>
        <button type="button" className="primary big" disabled={!armed} data-armed={armed} aria-describedby={id} onClick={onSend}>
          {sendLabel}
        </button>
      </div>
    </>
  );
}
