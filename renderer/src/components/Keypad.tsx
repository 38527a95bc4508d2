/**
 * A big on-screen keypad: digit keys named by their digit, a delete key and, optionally, a clear key. Keys
 * do not take the focus from the field they type into (a tap keeps the physical keyboard's target).
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface KeypadProps {
  label: string;
  onDigit(digit: string): void;
  onDelete(): void;
  onClear?: () => void;
  disabled?: boolean;
}

const keepFocus = (event: MouseEvent) => event.preventDefault();

export function Keypad({ label, onDigit, onDelete, onClear, disabled = false }: KeypadProps) {
  const { t } = useTranslation();
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div className="keypad" role="group" aria-label={label}>
      {digits.map((digit) => (
        <button key={digit} type="button" className="key" disabled={disabled} onMouseDown={keepFocus} onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      {onClear ? (
        <button type="button" className="key key-action" disabled={disabled} onMouseDown={keepFocus} onClick={onClear}>
          {t('keypad.clear')}
        </button>
      ) : (
        <span aria-hidden="true" />
      )}
      <button type="button" className="key" disabled={disabled} onMouseDown={keepFocus} onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="key key-action" disabled={disabled} onMouseDown={keepFocus} onClick={onDelete} aria-label={t('keypad.delete')}>
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
