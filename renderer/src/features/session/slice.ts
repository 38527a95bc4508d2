/** Who is signed in, and signing in with a PIN. */
import { DEFAULT_BUSINESS_DAY_RULE } from '../../../../shared/business-day';
import { DEFAULT_IDLE_SIGN_OUT_MINUTES } from '../../../../shared/contract/app';
import type { Slice } from '../../app/slice';
import { ClientError, errorCodeOf } from '../../bridge/client';
import type { LanguageActions, LanguageState } from '../language/types';
import type { NavigationState } from '../navigation/types';
import type { NoticesActions } from '../notices/types';
import type { ReceiptActions } from '../receipt/types';
import type { SellActions } from '../sell/types';
import { statusService } from '../status/service';
import type { StatusActions } from '../status/types';
import type { TodayActions } from '../today/types';
import { sessionService } from './service';
import type { SessionSlice, SessionState } from './types';

/** A change of person starts every feature afresh: the boot applies the shop's language and connectivity. */
type SessionNeeds = Pick<LanguageActions, 'setLanguage'> &
  Pick<LanguageState, 'language'> &
  Pick<StatusActions, 'connectivityChanged' | 'refreshStatus'> &
  Pick<SellActions, 'resetSell' | 'loadCatalog' | 'loadRecent' | 'pressPhoneDigit'> &
  Pick<TodayActions, 'resetToday' | 'loadToday'> &
  Pick<NoticesActions, 'resetNotices'> &
  Pick<ReceiptActions, 'closeReceipt'> &
  Pick<NavigationState, 'route'>;

export const sessionInitialState: SessionState = {
  booted: false,
  info: null,
  user: null,
  signingIn: false,
  signInProblem: null,
  businessDay: DEFAULT_BUSINESS_DAY_RULE,
  idleSignOutMinutes: DEFAULT_IDLE_SIGN_OUT_MINUTES,
  signInScreenLanguage: null,
  typedAhead: '',
};

/** More than any number plus its country code: a cashier leaning on the keyboard is not a number. */
const MAX_TYPED_AHEAD = 16;

function issueValue(error: unknown, name: string): string | null {
  if (!(error instanceof ClientError)) return null;
  const found = error.issues.find((issue) => issue.startsWith(`${name}: `));
  return found ? found.slice(name.length + 2) : null;
}

export const createSessionSlice: Slice<SessionSlice, SessionNeeds> = (set, get) => ({
  ...sessionInitialState,
  async boot() {
    const [info, settings, session] = await Promise.allSettled([sessionService.info(), sessionService.settings(), sessionService.current()]);
    if (settings.status === 'fulfilled') {
      const { timeZone, dayStartHour, idleSignOutMinutes } = settings.value;
      set({ businessDay: { timeZone, dayStartHour }, idleSignOutMinutes });
      await get().setLanguage(settings.value.language, false);
    }
    set({ info: info.status === 'fulfilled' ? info.value : null, booted: true, signInScreenLanguage: get().language });
    try {
      get().connectivityChanged(await statusService.connectivity());
    } catch {
      // Shown as "checking" until the first event.
    }
    get().sessionChanged(session.status === 'fulfilled' ? session.value.user : null);
  },
  async signIn(pin) {
    if (get().signingIn) return false;
    set({ signingIn: true, signInProblem: null, typedAhead: '' });
    try {
      const { user } = await sessionService.signIn(pin);
      set({ signingIn: false });
      get().sessionChanged(user);
      return true;
    } catch (error) {
      const left = issueValue(error, 'attemptsLeft');
      set({
        signingIn: false,
        typedAhead: '',
        signInProblem: { code: errorCodeOf(error), attemptsLeft: left === null ? null : Number(left), lockedUntil: issueValue(error, 'lockedUntil') },
      });
      return false;
    }
  },
  typeAhead(key) {
    const { signingIn, typedAhead, user } = get();
    // Signed in already (the event came before the answer): the number step takes the digit itself.
    if (user && /^\d$/.test(key)) return get().pressPhoneDigit(key);
    if (!signingIn) return;
    if (/^\d$/.test(key) && typedAhead.length < MAX_TYPED_AHEAD) set({ typedAhead: typedAhead + key });
    else if (key === 'Backspace') set({ typedAhead: typedAhead.slice(0, -1) });
  },
  async signOut() {
    try {
      await sessionService.signOut();
    } finally {
      get().sessionChanged(null);
    }
  },
  async loadShopSettings() {
    // Signed out the core tells nothing of the shop's settings, so the sign-in screen's language switch
    // changed only that screen: a language picked there is stored now, otherwise the shop's applies.
    try {
      const settings = await sessionService.settings();
      const { timeZone, dayStartHour, idleSignOutMinutes } = settings;
      set({ businessDay: { timeZone, dayStartHour }, idleSignOutMinutes });
      const picked = get().language;
      if (picked !== get().signInScreenLanguage) await get().setLanguage(picked, true);
      else await get().setLanguage(settings.language, false);
    } catch {
      // The counter keeps the language and business day it has; the next sign-in tries again.
    }
  },
  sessionChanged(user) {
    const before = get().user;
    if (before?.id === user?.id) return;
    set({ user, signInProblem: null, ...(user ? {} : { signInScreenLanguage: get().language }) });
    get().resetSell();
    get().resetToday();
    get().resetNotices();
    get().closeReceipt();
    set({ route: 'sell' });
    // The number field starts with whatever was keyed while the PIN was checked (after the reset, never before).
    const typedAhead = user ? get().typedAhead : '';
    set({ typedAhead: '' });
    for (const digit of typedAhead) get().pressPhoneDigit(digit);
    if (user) {
      void get().loadShopSettings();
      void get().refreshStatus();
      void get().loadCatalog();
      void get().loadRecent();
      // Today's sales as the counter knows them, so a sale settling later can be announced.
      void get().loadToday();
    }
  },
});

export const sessionSelectors = {
  user: (state: SessionState) => state.user,
  isOwner: (state: SessionState) => state.user?.role === 'owner',
  demo: (state: SessionState) => state.info?.mode === 'demo',
};
