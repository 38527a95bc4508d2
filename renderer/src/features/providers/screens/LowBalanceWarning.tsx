/**
 * On the counter, for whoever is signed in: a provider's last known available balance is under the owner's
 * low-balance threshold (the core decides, `accounts.balanceWarnings`). Asked at sign-in, whenever balances
 * change and every few minutes; a tap hides it until the warnings change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BalanceWarning } from '../../../../../shared/contract/accounts';
import { useSaldo } from '../../../app/store';
import { call, on } from '../../../bridge/client';
import { providerName } from '../../../format';
import { moneyLabeled } from '../../backoffice/money-label';

const CHECK_EVERY_MS = 5 * 60_000;

export function LowBalanceWarning() {
  const { t } = useTranslation();
  const userId = useSaldo((state) => state.user?.id ?? null);
  const language = useSaldo((state) => state.language);
  const [warnings, setWarnings] = useState<BalanceWarning[]>([]);
  const [dismissed, setDismissed] = useState('');

  useEffect(() => {
    if (!userId) {
      setWarnings([]);
      return;
    }
    let alive = true;
    const check = () =>
      void call('accounts.balanceWarnings', {}).then(
        (answer) => alive && setWarnings(answer.warnings),
        () => undefined,
      );
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    const stop = on('balances.changed', check);
    return () => {
      alive = false;
      clearInterval(timer);
      stop();
    };
  }, [userId]);

  const key = warnings.map((warning) => `${warning.provider}:${warning.available.minor}`).join('|');
  if (warnings.length === 0 || key === dismissed) return null;
  return (
    <div className="banner banner-warn" role="alert" data-testid="low-balance-warning">
      {warnings.map((warning) => (
        <p key={warning.provider}>
          {t('providers.lowOnCounter', { provider: providerName(warning.provider), available: moneyLabeled(warning.available, language), threshold: moneyLabeled(warning.threshold, language) })}
        </p>
      ))}
      <button type="button" className="secondary" onClick={() => setDismissed(key)}>
        {t('shifts.dismiss')}
      </button>
    </div>
  );
}
