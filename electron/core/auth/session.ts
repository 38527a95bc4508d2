/** Who is signed in at this counter. One kiosk, one session; the auth module sets it, handlers read it. */
import type { User } from '../../../shared/contract/auth';

export interface Session {
  current(): User | null;
  signIn(user: User): void;
  signOut(): void;
}

export function createSession(onChange?: (user: User | null) => void): Session {
  let user: User | null = null;
  return {
    current: () => user,
    signIn(next) {
      user = next;
      onChange?.(user);
    },
    signOut() {
      user = null;
      onChange?.(null);
    },
  };
}
