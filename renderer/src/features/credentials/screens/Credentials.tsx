/**
 * Provider credentials (owner or technician): one card per provider, and the notice that stored credentials
 * apply when Saldo starts again. The set-up wizard shows the same list as its providers step.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CredentialsView } from '../../../../../shared/contract/credentials';
import type { ErrorCode } from '../../../../../shared/errors';
import { errorCodeOf } from '../../../bridge/client';
import { FormError } from '../../settings/form';
import { credentialsService } from '../service';
import { ProviderCard } from './ProviderCard';
import { RestartNotice } from './RestartNotice';

export function CredentialsList({ onChanged }: { onChanged?: (view: CredentialsView) => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<CredentialsView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  // The parent's listener may be a new function each render; the list loads once.
  const listener = useRef(onChanged);
  listener.current = onChanged;
  const changed = useCallback((next: CredentialsView) => {
    setView(next);
    listener.current?.(next);
  }, []);
  useEffect(() => {
    credentialsService.list().then(changed, (caught: unknown) => setError(errorCodeOf(caught)));
  }, [changed]);
  return (
    <>
      {error && <FormError problem={{ code: error, fields: {} }} />}
      {view?.restartRequired && <RestartNotice />}
      {view && (
        <ul className="provider-list" aria-label={t('credentials.title')}>
          {view.providers.map((provider) => (
            <ProviderCard key={provider.provider} view={provider} onChanged={changed} />
          ))}
        </ul>
      )}
    </>
  );
}

export function Credentials() {
  const { t } = useTranslation();
  return (
    <div className="credentials">
      <h2>{t('credentials.title')}</h2>
      <p className="hint">{t('credentials.hint')}</p>
      <CredentialsList />
    </div>
  );
}
