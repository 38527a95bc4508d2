/**
 * An owner's PIN typed on the spot, for an override at the counter (another sale while one is unresolved,
 * paying out a refund owed). The PIN only travels with the one call it allows; the core checks it and records
 * the override. Shown as dots, never echoed.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './Keypad';

const PIN_MIN = 4;
const PIN_MAX = 6;

interface OwnerPinPadProps {
  /** Why the owner is asked, in the counter's language. */
  reason: string;
  /** A sentence to show under the PIN (a refused PIN, a missing permission). */
  problem?: string | null;
  busy?: boolean;
  onSubmit(pin: string): void;
  onCancel(): void;
}

export function OwnerPinPad({ reason, problem = null, busy = false, onSubmit, onCancel }: OwnerPinPadProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelButton.current?.focus(), []);
  // A refused PIN is typed again from the start.
  useEffect(() => {
    if (problem) setPin('');
  }, [problem]);

  const press = (digit: string) => setPin((typed) => (typed.length >= PIN_MAX ? typed : typed + digit));
  return (
    <div className="owner-pin">
      <h3 id="owner-pin-title">{t('ownerPin.title')}</h3>
      <p>{reason}</p>
      <p className="hint">{t('ownerPin.hint')}</p>
      <div className="pin-display" role="status" aria-label={t('ownerPin.title')} data-testid="owner-pin-display">
        <span aria-hidden="true">{pin.length ? '●'.repeat(pin.length) : '\u00a0'}</span>
        <span className="visually-hidden">{t('ownerPin.digits', { count: pin.length })}</span>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <Keypad label={t('ownerPin.keypad')} disabled={busy} onDigit={press} onDelete={() => setPin((typed) => typed.slice(0, -1))} onClear={() => setPin('')} />
      <div className="actions">
        <button ref={cancelButton} type="button" className="secondary big" onClick={onCancel}>
          {t('ownerPin.cancel')}
        </button>
        <button type="button" className="primary big" disabled={busy || pin.length < PIN_MIN} onClick={() => onSubmit(pin)}>
          {t('ownerPin.submit')}
        </button>
      </div>
    </div>
  );
}
