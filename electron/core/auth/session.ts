/**
 * Who is signed in at this counter. One kiosk, one session; the auth module sets it, handlers read it.
 *
 * Idle expiry lives here, in the core, not only in the renderer: a session with no call for longer than the
 * shop's `idleSignOutMinutes` is ended. `current()` ends it the moment it is asked (so the next call answers
 * `unauthenticated`), and a timer ends it on its own so `session.changed` is pushed even when nobody calls.
 * Idle time is measured on a monotonic clock, so setting the wall clock back or forward changes nothing.
 */
import type { User } from '../../../shared/contract/auth';
import type { Clock } from '../kernel/clock';
import { monotonicClock } from './monotonic';

export interface Session {
  /** The signed-in user, or null; a session idle past its limit is ended here first. */
  current(): User | null;
  signIn(user: User): void;
  signOut(): void;
  /** A call from the signed-in person: the idle time starts again. */
  touch(): void;
  /** Stops the idle timer (the core is closing). */
  dispose(): void;
}

export interface IdleExpiry {
  /** The current limit in milliseconds (read each time: the owner may change the setting). */
  limitMs(): number;
  /** Monotonic milliseconds; tests inject their own. */
  clock?: Clock;
  /** Tests that drive the clock by hand turn the background timer off. */
  timer?: boolean;
}

export function createSession(onChange?: (user: User | null) => void, idle?: IdleExpiry): Session {
  const clock = idle?.clock ?? monotonicClock;
  let user: User | null = null;
  let lastActivity = 0;
  let timer: NodeJS.Timeout | null = null;

  function stopTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function end(): void {
    stopTimer();
    user = null;
    onChange?.(null);
  }

  function expired(): boolean {
    return idle !== undefined && user !== null && clock.now() - lastActivity > idle.limitMs();
  }

  function arm(): void {
    stopTimer();
    if (!idle || idle.timer === false || !user) return;
    const remaining = Math.max(0, lastActivity + idle.limitMs() - clock.now());
    timer = setTimeout(() => {
      timer = null;
      if (expired()) end();
      else arm();
    }, remaining + 1_000);
    timer.unref?.();
  }

  function current(): User | null {
    if (expired()) end();
    return user;
  }

  return {
    current,
    signIn(next) {
      user = next;
      lastActivity = clock.now();
      arm();
      onChange?.(user);
    },
    signOut() {
      if (user === null) return;
      end();
    },
    touch() {
      if (current() === null) return;
      lastActivity = clock.now();
    },
    dispose: stopTimer,
  };
}
