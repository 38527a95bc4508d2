/**
 * Back to sign-in after the shop's idle time (`idleSignOutMinutes`) without a touch or a key, never in the
 * middle of a sale being sent. The core ends an idle session on its own too (it cannot see touches, only calls).
 */
import { useEffect } from 'react';
import { useSaldo } from './store';

export function useIdleSignOut(): void {
  const user = useSaldo((state) => state.user);
  const idleMs = useSaldo((state) => state.idleSignOutMinutes) * 60_000;
  useEffect(() => {
    if (!user) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const state = useSaldo.getState();
        if (state.step === 'sending') arm();
        else void state.signOut();
      }, idleMs);
    };
    const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    activity.forEach((name) => window.addEventListener(name, arm, { passive: true }));
    arm();
    return () => {
      window.clearTimeout(timer);
      activity.forEach((name) => window.removeEventListener(name, arm));
    };
  }, [user, idleMs]);
}
