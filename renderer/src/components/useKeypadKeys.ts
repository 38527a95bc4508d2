/**
 * The physical keyboard as a second way to press an on-screen keypad: digits, Backspace, Escape and Enter,
 * ignored while the cashier types in a field, and Enter left to a focused button (that is its own tap).
 * A held-down Enter repeats nothing.
 */
import { useEffect, useRef } from 'react';

export interface KeypadKeys {
  digit(digit: string): void;
  backspace(): void;
  escape(): void;
  enter(): void;
}

function typingInField(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
}

/** Enter on a focused button is that button's own tap; a screen's Enter shortcut leaves it alone. */
export function enterOnButton(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && event.target instanceof HTMLButtonElement;
}

export function useKeypadKeys(keys: KeypadKeys): void {
  // The latest handlers, without re-adding the listener on every render.
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (typingInField(event) || enterOnButton(event)) return;
      if (/^\d$/.test(event.key)) latest.current.digit(event.key);
      else if (event.key === 'Backspace') latest.current.backspace();
      else if (event.key === 'Escape') latest.current.escape();
      else if (event.key === 'Enter' && !event.repeat) latest.current.enter();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
