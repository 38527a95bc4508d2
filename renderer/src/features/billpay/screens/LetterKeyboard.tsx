/**
 * An on-screen keyboard for searching by name on a touch screen: letters (Ñ included), space and delete. Keys
 * keep the focus where it was, so the physical keyboard still types into the same field.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ROWS = ['QWERTYUIOP', 'ASDFGHJKLÑ', 'ZXCVBNM'] as const;
const keepFocus = (event: MouseEvent) => event.preventDefault();

interface LetterKeyboardProps {
  label: string;
  onKey(text: string): void;
  onDelete(): void;
}

export function LetterKeyboard({ label, onKey, onDelete }: LetterKeyboardProps) {
  const { t } = useTranslation();
  return (
    <div className="letter-keyboard" role="group" aria-label={label}>
      {ROWS.map((row) => (
        <div key={row} className="letter-row">
          {[...row].map((letter) => (
            <button key={letter} type="button" className="key letter-key" onMouseDown={keepFocus} onClick={() => onKey(letter.toLowerCase())}>
              {letter}
            </button>
          ))}
        </div>
      ))}
      <div className="letter-row">
        <button type="button" className="key key-action letter-space" onMouseDown={keepFocus} onClick={() => onKey(' ')}>
          {t('more.keyboard.space')}
        </button>
        <button type="button" className="key key-action" onMouseDown={keepFocus} onClick={onDelete} aria-label={t('keypad.delete')}>
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
    </div>
  );
}
