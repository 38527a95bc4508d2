/**
 * After sign-in: "Saldo se actualizó de X a Y" once per update (dismissible), and for an owner or a technician
 * the update waiting to install, with the policy's reason as a sentence. When the policy asks the owner, the
 * owner is asked "¿instalar ahora?" and the answer goes to `updates.confirm`.
 */
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../../../shared/contract/updates';
import { useUpdateNotices } from '../useUpdateNotices';
import './updates.css';

/** The policy's reason as a sentence in the counter's language (counts from the ledger it read). */
export function useReasonSentence(): (status: UpdateStatus) => string {
  const { t } = useTranslation();
  return (status) => {
    const { queued, unknown, pending } = status.ledger;
    return t(`updates.reasons.${status.policy.reason.code}`, { count: queued, unknown, pending });
  };
}

export function UpdateNotices() {
  const { t } = useTranslation();
  const reasonOf = useReasonSentence();
  const view = useUpdateNotices();
  const { status } = view;
  const showStatus = status !== null && !view.postponed;
  if (!view.whatChanged && !showStatus) return null;
  const askOwner = status?.policy.decision === 'ask-owner' && view.mayConfirm;
  const offered = status?.lastCheck?.version;
  return (
    <div className="update-notices">
      {view.whatChanged && (
        <section className="update-notice" role="status" aria-labelledby="what-changed-title" data-testid="what-changed">
          <h2 id="what-changed-title">{t('updates.whatChanged', { from: view.whatChanged.from, to: view.whatChanged.to })}</h2>
          <button type="button" className="secondary" onClick={view.dismissWhatChanged}>
            {t('updates.dismiss')}
          </button>
        </section>
      )}
      {showStatus && status && (
        <section className="update-notice" role={askOwner ? 'alertdialog' : 'status'} aria-labelledby="update-ready-title" data-testid="update-ready">
          <h2 id="update-ready-title">{askOwner ? t('updates.askInstall') : t('updates.ready')}</h2>
          {offered && <p>{t('updates.version', { version: offered })}</p>}
          <p data-testid="update-reason">{reasonOf(status)}</p>
          {view.error && (
            <p className="error" role="alert">
              {t(`errors.${view.error}`)}
            </p>
          )}
          <div className="actions">
            {askOwner && (
              <button type="button" className="primary" disabled={view.confirming} onClick={() => void view.confirm()}>
                {t('updates.installNow')}
              </button>
            )}
            <button type="button" className="secondary" onClick={view.postpone}>
              {askOwner ? t('updates.later') : t('updates.dismiss')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
