/**
 * The counter: the status bar always on top; below it the screen the router picks for whoever is signed in
 * (sign-in until someone is); the receipt over everything. The app returns to sign-in after an idle time.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import './styles.css';
import { ReceiptDialog } from '../features/receipt/screens/ReceiptDialog';
import { StatusBar } from '../features/status/screens/StatusBar';
import { resolveRoute, sectionsFor, type Audience } from './routes';
import { startLive, useSaldo } from './store';
import { useIdleSignOut } from './useIdleSignOut';

export function App() {
  const { t } = useTranslation();
  const booted = useSaldo((state) => state.booted);
  const audience = useSaldo((state): Audience => state.user?.role ?? 'signed-out');
  const requested = useSaldo((state) => state.route);

  useEffect(() => {
    const stop = startLive();
    void useSaldo.getState().boot();
    return stop;
  }, []);
  useIdleSignOut();

  const { id, Screen } = resolveRoute(requested, audience);
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <StatusBar sections={sectionsFor(audience)} current={id} />
      {booted ? (
        <Screen />
      ) : (
        <main className="loading" id="content">
          <p>{t('app.loading')}</p>
        </main>
      )}
      <ReceiptDialog />
    </div>
  );
}
