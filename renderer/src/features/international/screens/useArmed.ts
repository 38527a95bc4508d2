/**
 * The read-back's send button arms only after the confirm guard time, as at the Mexican counter: the second tap
 * of a double tap on the tile that opened it never pays. Enter sends once armed; Escape goes back.
 */
import { useEffect, useRef, useState } from 'react';
import { enterOnButton } from '../../../components/useKeypadKeys';
import { CONFIRM_GUARD_MS } from '../../sell/screens/ConfirmStep';

export function useArmedSend(send: () => void, back: () => void, rearmKey: unknown): boolean {
  const [armed, setArmed] = useState(false);
  const latest = useRef({ send, back, armed });
  useEffect(() => {
    latest.current = { send, back, armed };
  });
  useEffect(() => {
    setArmed(false);
    const timer = window.setTimeout(() => setArmed(true), CONFIRM_GUARD_MS);
    return () => window.clearTimeout(timer);
  }, [rearmKey]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.repeat || enterOnButton(event) || event.target instanceof HTMLInputElement) return;
      if (event.key === 'Enter' && latest.current.armed) {
        event.preventDefault();
        latest.current.send();
      } else if (event.key === 'Escape') latest.current.back();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return armed;
}
