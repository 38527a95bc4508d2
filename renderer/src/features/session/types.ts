/** Who is signed in, and signing in with a PIN: the session slice's shape. */
import type { BusinessDayRule } from '../../../../shared/business-day';
import type { AppInfo } from '../../../../shared/contract/app';
import type { User } from '../../../../shared/contract/auth';
import type { Language } from '../../../../shared/contract/receipts';
import type { ErrorCode } from '../../../../shared/errors';

export interface SignInProblem {
  code: ErrorCode;
  attemptsLeft: number | null;
  lockedUntil: string | null;
}

export interface SessionState {
  booted: boolean;
  info: AppInfo | null;
  user: User | null;
  signingIn: boolean;
  signInProblem: SignInProblem | null;
  /** The shop's business day (time zone, day start hour) from its settings: what "today" means. */
  businessDay: BusinessDayRule;
  /** The shop's idle time before the counter goes back to sign-in (the core enforces it too). */
  idleSignOutMinutes: number;
  /** The language the sign-in screen showed when it opened: a different one now was picked there. */
  signInScreenLanguage: Language | null;
  /**
   * Digits keyed while the PIN is being checked: they are the customer's number, typed before the number field
   * exists. They go into it the moment someone is signed in (dropped if the PIN is refused).
   */
  typedAhead: string;
}

export interface SessionActions {
  /** First load: app info, settings (language), who is signed in, connectivity. */
  boot(): Promise<void>;
  signIn(pin: string): Promise<boolean>;
  /** A key pressed while the PIN is being checked: digits are kept for the number, Backspace takes one back. */
  typeAhead(key: string): void;
  signOut(): Promise<void>;
  /** After sign-in: the shop's language and business day (the core tells them only to a signed-in user). */
  loadShopSettings(): Promise<void>;
  /** Someone signed in or out (from the session.changed event or our own calls). */
  sessionChanged(user: User | null): void;
}

export type SessionSlice = SessionState & SessionActions;
