/**
 * New provider keys take effect when Saldo starts again: the notice says so and offers the restart, so a field
 * tech at a kiosk (whose window refuses to close) does not need a keyboard or the diagnostics screen. The core
 * checks who asks (owner or technician); the Electron host closes and starts again; a browser tab cannot, and says so.
 */
import { useTranslation } from 'react-i18next';
import { useRequestExit } from '../../diagnostics/useRequestExit';

export function RestartNotice() {
  const { t } = useTranslation();
  const { outcome, error, request } = useRequestExit();
  const sentence = outcome === 'closing' ? t('credentials.restarting') : outcome === 'not-here' ? t('credentials.restartNotHere') : t('credentials.restartRequired');

  return (
    <div className="env-notice" data-testid="restart-required">
      <p role="status">{sentence}</p>
      {(outcome === 'idle' || outcome === 'asking') && (
        <button type="button" className="secondary big" onClick={() => void request({ restart: true })}>
          {t('credentials.restart')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </div>
  );
}
