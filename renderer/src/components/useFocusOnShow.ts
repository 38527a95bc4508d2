/**
 * Focus follows the sale: each step puts the keyboard's focus where the next key belongs, so a keyboard or
 * numpad sale never needs Tab. Focus moves only when `key` changes (the step, a carrier picked), never on
 * every render, so a cashier who tapped somewhere keeps it.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusOnShow<T extends HTMLElement>(key: unknown = null): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}
