/**
 * The frame of every back-office screen: its tabs (Reports, Shifts and cash, Refunds, Providers, as the
 * route table gives them to the signed-in role), the screen's title and a line for a problem as a sentence.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../../shared/errors';
import './backoffice.css';
import { backofficeTabsFor, type Audience } from '../../../app/routes';
import { useSaldo } from '../../../app/store';
import type { RouteId } from '../../navigation/types';

interface BackofficeLayoutProps {
  screen: RouteId;
  title: string;
  /** Buttons beside the title (refresh, export). */
  actions?: ReactNode;
  error?: ErrorCode | null;
  children: ReactNode;
}

export function BackofficeLayout({ screen, title, actions, error = null, children }: BackofficeLayoutProps) {
  const { t } = useTranslation();
  const audience = useSaldo((state): Audience => state.user?.role ?? 'signed-out');
  const go = useSaldo((state) => state.go);
  const tabs = backofficeTabsFor(audience);
  return (
    <main className="backoffice" id="content" aria-labelledby="backoffice-title" data-screen={screen}>
      {tabs.length > 0 && (
        <nav className="backoffice-tabs" aria-label={t('backoffice.navLabel')}>
          {tabs.map((tab) => (
            <button key={tab.id} type="button" className="nav-button" aria-current={tab.id === screen ? 'page' : undefined} onClick={() => go(tab.id as RouteId)}>
              {t(tab.tab)}
            </button>
          ))}
        </nav>
      )}
      <div className="backoffice-head">
        <h1 id="backoffice-title">{title}</h1>
        {actions}
      </div>
      {error && <Problem code={error} />}
      {children}
    </main>
  );
}

/** A contract error code said as a sentence in the counter's language. */
export function Problem({ code }: { code: ErrorCode }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert">
      {t(`errors.${code}`)}
    </p>
  );
}
