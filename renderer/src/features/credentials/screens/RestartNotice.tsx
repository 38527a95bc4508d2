/**
 * New provider keys take effect when Saldo starts again: the notice says so and offers the restart, so a field
 * tech at a kiosk (whose window refuses to close) does not need a keyboard or the diagnostics screen. The core
 * checks who asks (owner or technician); the Electron host closes and starts again; a browser tab cannot, and says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../../shared/errors';
import { call, errorCodeOf } from '../../../bridge/client';

type RestartState = 'idle' | 'restarting' | 'not-here';

export function RestartNotice() {
  const { t } = useTranslation();
  const [state, setState] = useState<RestartState>('idle');
  const [error, setError] = useState<ErrorCode | null>(null);

  async function restart(): Promise<void> {
    setError(null);
    setState('restarting');
    try {
      const { exiting } = await call('app.requestExit', { restart: true });
      setState(exiting ? 'restarting' : 'not-here');
    } catch (caught) {
      setError(errorCodeOf(caught));
      setState('idle');
    }
  }

  return (
    <div className="env-notice" data-testid="restart-required">
      <p role="status">{state === 'restarting' ? t('credentials.restarting') : state === 'not-here' ? t('credentials.restartNotHere') : t('credentials.restartRequired')}</p>
      {state === 'idle' && (
        <button type="button" className="secondary big" onClick={() => void restart()}>
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
