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
// Issue 10: the first-run set-up and the "Ajustes" hub (settings, people, credentials, one's own PIN).
import { CredentialsScreen, MyPinScreen, PeopleScreen, SettingsScreen } from '../features/settings/screens/AdminHub';
import { Setup } from '../features/setup/screens/Setup';
import { setupSelectors } from '../features/setup/slice';
import { resolveRoute, sectionOf, sectionsFor, type Audience } from './routes';
// Issue 14 (more to sell)
import { BillPay } from '../features/billpay/screens/BillPay';
import { International } from '../features/international/screens/International';
import { PricingSettings } from '../features/international/screens/PricingSettings';
import { startLive, useSaldo } from './store';
import { useIdleSignOut } from './useIdleSignOut';
// The owner's back office and a cashier's own shift (issue 13).
import { Providers } from '../features/providers/screens/Providers';
import { Refunds } from '../features/refunds/screens/Refunds';
import { Reports } from '../features/reports/screens/Reports';
import { MyShift } from '../features/shifts/screens/MyShift';
import { Shifts } from '../features/shifts/screens/Shifts';
import { CounterWarnings } from '../features/backoffice/screens/CounterWarnings';

/** What each route of the table in ./routes shows. */
const SCREENS: Record<ScreenId, ComponentType> = {
  'sign-in': SignIn,
  sell: Sell,
  today: Today,
  diagnostics: Diagnostics,
  setup: Setup,
  settings: SettingsScreen,
  people: PeopleScreen,
  credentials: CredentialsScreen,
  'my-pin': MyPinScreen,
  reports: Reports,
  shifts: Shifts,
  refunds: Refunds,
  providers: Providers,
  'my-shift': MyShift,
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
  const userId = useSaldo((state) => state.user?.id ?? null);
  const settingUp = useSaldo(setupSelectors.showing);

  useEffect(() => {
    const stop = startLive();
    void useSaldo.getState().boot();
    return stop;
  }, []);
  useIdleSignOut();
  // Whether the shop still needs its set-up: asked at boot and whenever someone signs in or out.
  useEffect(() => {
    if (booted) void useSaldo.getState().loadSetupStatus();
  }, [booted, userId]);
  useBackStaysInApp();

  // The set-up covers every screen until the shop has an owner, and while that owner goes through it.
  const current: ScreenId = settingUp ? 'setup' : resolveRoute(requested, audience);
  const Screen = SCREENS[current];
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <StatusBar sections={settingUp ? [] : sectionsFor(audience)} current={sectionOf(current, audience)} />
      {booted ? (
        <Screen />
      ) : (
        <main className="loading" id="content">
          <p>{t('app.loading')}</p>
        </main>
      )}
      <SettledNotices />
      {booted && <CounterWarnings />}
      {booted && <UpdateNotices />}
      <ReceiptDialog />
    </div>
  );
}
