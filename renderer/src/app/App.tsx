/**
 * The counter: the status bar always on top; below it the screen the router picks for whoever is signed in
 * (sign-in until someone is); the receipt over everything. The app returns to sign-in after an idle time.
 */
import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import './styles.css';
import { Diagnostics } from '../features/diagnostics/screens/Diagnostics';
import type { ScreenId } from '../features/navigation/types';
import { useBackStaysInApp } from '../features/navigation/useBackStaysInApp';
import { SettledNotices } from '../features/notices/screens/SettledNotices';
import { ReceiptDialog } from '../features/receipt/screens/ReceiptDialog';
import { Sell } from '../features/sell/screens/Sell';
import { SignIn } from '../features/session/screens/SignIn';
import { StatusBar } from '../features/status/screens/StatusBar';
import { Today } from '../features/today/screens/Today';
import { UpdateNotices } from '../features/updates/screens/UpdateNotices';
// Issue 14 (more to sell)
import { BillPay } from '../features/billpay/screens/BillPay';
import { International } from '../features/international/screens/International';
import { PricingSettings } from '../features/international/screens/PricingSettings';
import { resolveRoute, sectionsFor, type Audience } from './routes';
import { startLive, useSaldo } from './store';
import { useIdleSignOut } from './useIdleSignOut';

/** What each route of the table in ./routes shows. */
const SCREENS: Record<ScreenId, ComponentType> = {
  'sign-in': SignIn,
  sell: Sell,
  today: Today,
  diagnostics: Diagnostics,
  // Issue 14 (more to sell)
  international: International,
  billpay: BillPay,
  pricing: PricingSettings,
};

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
  useBackStaysInApp();

  const current = resolveRoute(requested, audience);
  const Screen = SCREENS[current];
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <StatusBar sections={sectionsFor(audience)} current={current} />
      {booted ? (
        <Screen />
      ) : (
        <main className="loading" id="content">
          <p>{t('app.loading')}</p>
        </main>
      )}
      <SettledNotices />
      {booted && <UpdateNotices />}
      <ReceiptDialog />
    </div>
  );
}
