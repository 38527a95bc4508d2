/** Always visible: connectivity, queue, refunds owed, low balances, the cashier, language, sections. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';
import { LanguageSwitch } from '../../language/LanguageSwitch';
import type { ScreenId, SectionLink } from '../../navigation/types';
import { statusSelectors } from '../slice';
import { SwitchCashier } from './SwitchCashier';
import { ListPill } from './ListPill';
import { PacedPills, VerifyingPill } from './TimePills';

interface StatusBarProps {
  /** The sections the signed-in person may open (none while signed out). */
  sections: readonly SectionLink[];
  /** The screen showing now. */
  current: ScreenId;
}

function PartialLine({ providers }: { providers: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{t('counter.status.partialShort', { providers })}</span>
      <span className="visually-hidden">{t('status.partial', { providers })}</span>
    </>
  );
}

export function StatusBar({ sections, current }: StatusBarProps) {
  const { t } = useTranslation();
  const online = useSaldo(statusSelectors.online);
  const queue = useSaldo((state) => state.queue);
  const low = useSaldo(useShallow(statusSelectors.lowBalanceProviders));
  const unreachable = useSaldo(useShallow(statusSelectors.unreachableProviders));
  const user = useSaldo((state) => state.user);
  const language = useSaldo((state) => state.language);
  const go = useSaldo((state) => state.go);
  const sending = useSaldo((state) => state.step === 'sending');
  const demo = useSaldo((state) => state.info?.mode === 'demo');

  return (
    <header className="status-bar">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        {demo && (
          <span className="demo-tag" title={t('app.demo')}>
            <span aria-hidden="true">{t('counter.status.demoShort')}</span>
            <span className="visually-hidden">{t('app.demo')}</span>
          </span>
        )}
      </div>
      <div className="status-items" role="status" aria-label={t('status.label')}>
        <span
          className={`pill ${online === null ? 'pill-muted' : !online ? 'pill-bad' : unreachable.length ? 'pill-warn' : 'pill-ok'}`}
          data-testid="connectivity"
          title={online && unreachable.length ? t('status.partial', { providers: unreachable.join(', ') }) : undefined}
        >
          <span aria-hidden="true">{online === null ? '○' : online && !unreachable.length ? '●' : '✕'} </span>
          {/* Partly down: the short form keeps the header on one row; the title and screen readers get the sentence. */}
          {online === null ? t('status.checking') : !online ? t('status.offline') : unreachable.length ? <PartialLine providers={unreachable.join(', ')} /> : t('status.online')}
        </span>
        {user && (
          <ListPill testId="queue" tone={queue && queue.queued > 0 ? 'pill-warn' : 'pill-muted'} filter="queued" title={t('status.queueTitle')} disabled={sending}>
            {t('status.queue', { count: queue?.queued ?? 0 })}
          </ListPill>
        )}
        {user && (
          <ListPill testId="refunds" tone={queue && queue.refundDue > 0 ? 'pill-bad' : 'pill-muted'} filter="owed" title={t('counter.status.refundsOpen')} disabled={sending}>
            {queue && queue.refundDue > 0 ? t('status.refunds', { count: queue.refundDue, total: money(queue.refundDueTotal, language) }) : t('status.refundsNone')}
          </ListPill>
        )}
        {user && <VerifyingPill />}
        {user && <PacedPills />}
        {user && low.length > 0 && (
          <span className="pill pill-warn" data-testid="low-balance">
            {t('status.lowBalance', { providers: low.join(', ') })}
          </span>
        )}
      </div>
      {user && (
        <nav className="sections" aria-label={t('nav.label')}>
          {sections.map((section) => (
            <button key={section.id} type="button" className="nav-button" aria-current={current === section.id ? 'page' : undefined} disabled={sending} onClick={() => go(section.id)}>
              {t(section.section)}
            </button>
          ))}
        </nav>
      )}
      <div className="who">
        {user && <SwitchCashier disabled={sending} name={user.name} />}
        <LanguageSwitch />
      </div>
    </header>
  );
}
