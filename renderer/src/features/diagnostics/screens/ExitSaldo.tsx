/**
 * Closing Saldo, for the owner or the technician on the diagnostics screen: the only way out of a kiosk (its
 * window refuses the close button, Alt+F4 and Ctrl+Q). Asked twice so a stray tap does not close the counter;
 * the core checks who is asking and the Electron host closes. A browser tab cannot be closed by the app: it
 * says so instead.
 */
import { useTranslation } from 'react-i18next';
import { useRequestExit } from '../useRequestExit';

export function ExitSaldo() {
  const { t } = useTranslation();
  const { outcome, error, ask, request, reset } = useRequestExit();

  return (
    <section className="exit-saldo" aria-labelledby="exit-saldo-title">
      <h2 id="exit-saldo-title">{t('kiosk.exitTitle')}</h2>
      <p className="hint">{t('kiosk.exitHint')}</p>
      {outcome === 'idle' && (
        <button type="button" className="secondary big" onClick={ask}>
          {t('kiosk.exit')}
        </button>
      )}
      {outcome === 'asking' && (
        <div className="actions">
          <button type="button" className="primary big" onClick={() => void request({ restart: false })}>
            {t('kiosk.exitConfirm')}
          </button>
          <button type="button" className="secondary big" onClick={reset}>
            {t('kiosk.cancel')}
          </button>
        </div>
      )}
      {outcome === 'closing' && <p role="status">{t('kiosk.closing')}</p>}
      {outcome === 'not-here' && <p role="status">{t('kiosk.notHere')}</p>}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </section>
  );
}
