/**
 * The counter: the status bar always on top; sign-in until someone is signed in; then selling or today's
 * sales. The app returns to sign-in after an idle time, never in the middle of a sale being sent.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';
import './styles.css';
import { ReceiptDialog } from './screens/ReceiptDialog';
import { Sell } from './screens/Sell';
import { SignIn } from './screens/SignIn';
import { StatusBar } from './screens/StatusBar';
import { Today } from './screens/Today';
import { startLive, useSaldo } from './store';

/** Back to sign-in after this long without a touch or a key. */
export const IDLE_SIGN_OUT_MS = 5 * 60_000;

function useIdleSignOut() {
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

export function App() {
  const { t } = useTranslation();
  const booted = useSaldo((state) => state.booted);
  const user = useSaldo((state) => state.user);
  const screen = useSaldo((state) => state.screen);

  useEffect(() => {
    const stop = startLive();
    void useSaldo.getState().boot();
    return stop;
  }, []);
  useIdleSignOut();

  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <StatusBar />
      {!booted ? (
        <main className="loading" id="content">
          <p>{t('app.loading')}</p>
        </main>
      ) : !user ? (
        <SignIn />
      ) : screen === 'today' ? (
        <Today />
      ) : (
        <Sell />
      )}
      <ReceiptDialog />
    </div>
  );
}
