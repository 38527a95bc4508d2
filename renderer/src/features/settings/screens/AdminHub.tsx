/**
 * "Ajustes": the owner's settings, people and provider credentials, and everyone's own PIN, as tabs of one
 * section (the status bar has no room for four more buttons at 1024 px). Which tabs show comes from the route
 * table: a technician sees credentials and their PIN, a cashier only their PIN.
 */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { hubTabsFor, type Audience } from '../../../app/routes';
import { useSaldo } from '../../../app/store';
import { Credentials } from '../../credentials/screens/Credentials';
import type { AdminRouteId } from '../../navigation/types';
import { ChangeOwnPin } from '../../people/screens/ChangeOwnPin';
import { People } from '../../people/screens/People';
import { Settings } from './Settings';
import './admin.css';

const TABS: Record<AdminRouteId, { title: string; Screen: ComponentType }> = {
  settings: { title: 'admin.tabs.settings', Screen: Settings },
  people: { title: 'admin.tabs.people', Screen: People },
  credentials: { title: 'admin.tabs.credentials', Screen: Credentials },
  'my-pin': { title: 'admin.tabs.myPin', Screen: ChangeOwnPin },
};

const isAdminRoute = (id: string): id is AdminRouteId => Object.prototype.hasOwnProperty.call(TABS, id);

export function AdminHub({ screen }: { screen: AdminRouteId }) {
  const { t } = useTranslation();
  const audience = useSaldo((state): Audience => state.user?.role ?? 'signed-out');
  const go = useSaldo((state) => state.go);
  const tabs = hubTabsFor(screen, audience).flatMap((route) => (isAdminRoute(route.id) ? [route.id] : []));
  const { Screen } = TABS[screen];
  return (
    <main className="admin" id="content" aria-labelledby="admin-title">
      <h1 id="admin-title" className="visually-hidden">
        {t(TABS[screen].title)}
      </h1>
      {tabs.length > 1 && (
        <nav className="admin-tabs" aria-label={t('admin.tabsLabel')}>
          {tabs.map((id) => (
            <button key={id} type="button" className="tab-button" aria-current={id === screen ? 'page' : undefined} onClick={() => go(id)}>
              {t(TABS[id].title)}
            </button>
          ))}
        </nav>
      )}
      <Screen />
    </main>
  );
}

/** One component per route, for App's table of screens. */
export const SettingsScreen = () => <AdminHub screen="settings" />;
export const PeopleScreen = () => <AdminHub screen="people" />;
export const CredentialsScreen = () => <AdminHub screen="credentials" />;
export const MyPinScreen = () => <AdminHub screen="my-pin" />;
