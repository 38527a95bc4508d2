/**
 * Closing Saldo, for the owner or the technician on the diagnostics screen: the only way out of a kiosk (its
 * window refuses the close button, Alt+F4 and Ctrl+Q). Asked twice so a stray tap does not close the counter;
 * the core checks who is asking and the Electron host closes. A browser tab cannot be closed by the app: it
 * says so instead.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../../shared/errors';
import { call, errorCodeOf } from '../../../bridge/client';

type ExitState = 'idle' | 'confirming' | 'closing' | 'not-here';

export function ExitSaldo() {
  const { t } = useTranslation();
  const [state, setState] = useState<ExitState>('idle');
  const [error, setError] = useState<ErrorCode | null>(null);

  async function exit(): Promise<void> {
    setError(null);
    setState('closing');
    try {
      const { exiting } = await call('app.requestExit', {});
      setState(exiting ? 'closing' : 'not-here');
    } catch (caught) {
      setError(errorCodeOf(caught));
      setState('confirming');
    }
  }

  return (
    <section className="exit-saldo" aria-labelledby="exit-saldo-title">
      <h2 id="exit-saldo-title">{t('kiosk.exitTitle')}</h2>
      <p className="hint">{t('kiosk.exitHint')}</p>
      {state === 'idle' && (
        <button type="button" className="secondary big" onClick={() => setState('confirming')}>
          {t('kiosk.exit')}
        </button>
      )}
      {state === 'confirming' && (
        <div className="actions">
          <button type="button" className="primary big" onClick={() => void exit()}>
            {t('kiosk.exitConfirm')}
          </button>
          <button type="button" className="secondary big" onClick={() => setState('idle')}>
            {t('kiosk.cancel')}
          </button>
        </div>
      )}
      {state === 'closing' && <p role="status">{t('kiosk.closing')}</p>}
      {state === 'not-here' && <p role="status">{t('kiosk.notHere')}</p>}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </section>
  );
}
