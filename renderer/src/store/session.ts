/** Who is signed in, and signing in with a PIN. */
import { DEFAULT_BUSINESS_DAY_RULE, type BusinessDayRule } from '../../../shared/business-day';
import type { AppInfo } from '../../../shared/contract/app';
import type { User } from '../../../shared/contract/auth';
import type { ErrorCode } from '../../../shared/errors';
import { appService, authService, statusService } from '../services/api';
import { ClientError, errorCodeOf } from '../services/client';
import type { Slice } from './types';

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
}

export interface SessionActions {
  /** First load: app info, settings (language), who is signed in, connectivity. */
  boot(): Promise<void>;
  signIn(pin: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** Someone signed in or out (from the session.changed event or our own calls). */
  sessionChanged(user: User | null): void;
}

export type SessionSlice = SessionState & SessionActions;

export const sessionInitialState: SessionState = { booted: false, info: null, user: null, signingIn: false, signInProblem: null, businessDay: DEFAULT_BUSINESS_DAY_RULE };

function issueValue(error: unknown, name: string): string | null {
  if (!(error instanceof ClientError)) return null;
  const found = error.issues.find((issue) => issue.startsWith(`${name}: `));
  return found ? found.slice(name.length + 2) : null;
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => ({
  ...sessionInitialState,
  async boot() {
    const [info, settings, session] = await Promise.allSettled([appService.info(), appService.settings(), authService.current()]);
    if (settings.status === 'fulfilled') {
      const { timeZone, dayStartHour } = settings.value;
      set({ businessDay: { timeZone, dayStartHour } });
      await get().setLanguage(settings.value.language, false);
    }
    set({ info: info.status === 'fulfilled' ? info.value : null, booted: true });
    try {
      get().connectivityChanged(await statusService.connectivity());
    } catch {
      // Shown as "checking" until the first event.
    }
    get().sessionChanged(session.status === 'fulfilled' ? session.value.user : null);
  },
  async signIn(pin) {
    if (get().signingIn) return false;
    set({ signingIn: true, signInProblem: null });
    try {
      const { user } = await authService.signIn(pin);
      set({ signingIn: false });
      get().sessionChanged(user);
      return true;
    } catch (error) {
      const left = issueValue(error, 'attemptsLeft');
      set({
        signingIn: false,
        signInProblem: { code: errorCodeOf(error), attemptsLeft: left === null ? null : Number(left), lockedUntil: issueValue(error, 'lockedUntil') },
      });
      return false;
    }
  },
  async signOut() {
    try {
      await authService.signOut();
    } finally {
      get().sessionChanged(null);
    }
  },
  sessionChanged(user) {
    const before = get().user;
    if (before?.id === user?.id) return;
    set({ user, signInProblem: null });
    get().resetSell();
    get().resetToday();
    get().closeReceipt();
    set({ screen: 'sell' });
    if (user) {
      void get().refreshStatus();
      void get().loadCatalog();
      void get().loadRecent();
    }
  },
});

export const sessionSelectors = {
  user: (state: SessionState) => state.user,
  isOwner: (state: SessionState) => state.user?.role === 'owner',
  demo: (state: SessionState) => state.info?.mode === 'demo',
};
