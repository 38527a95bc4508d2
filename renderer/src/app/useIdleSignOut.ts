/** Back to sign-in after an idle time, never in the middle of a sale being sent. */
import { useEffect } from 'react';
import { useSaldo } from './store';

/** Back to sign-in after this long without a touch or a key. */
export const IDLE_SIGN_OUT_MS = 5 * 60_000;

export function useIdleSignOut(): void {
  const user = useSaldo((state) => state.user);
  useEffect(() => {
    if (!user) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const state = useSaldo.getState();
        if (state.step === 'sending') arm();
        else void state.signOut();
      }, IDLE_SIGN_OUT_MS);
    };
    const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    activity.forEach((name) => window.addEventListener(name, arm, { passive: true }));
    arm();
    return () => {
      window.clearTimeout(timer);
      activity.forEach((name) => window.removeEventListener(name, arm));
    };
  }, [user]);
}
