/**
 * Each provider's balance in its own currency, with Relier's credit limit and the exchange rate it charged,
 * the owner's low-balance threshold and whether it is low (the counter's status bar warns from the same rule).
 */
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { dateTime, providerName } from '../../../format';
import { moneyLabeled } from '../../backoffice/money-label';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useLoaded } from '../../backoffice/useAsync';
import { providersService } from '../service';
import { useState } from 'react';

export function Balances() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const [asked, setAsked] = useState(0);
  const loaded = useLoaded(() => providersService.balances(asked > 0), String(asked));
  const balances = loaded.value?.balances ?? [];
  return (
    <section className="panel" aria-labelledby="balances-title" data-testid="balances">
      <div className="chart-head">
        <h2 id="balances-title">{t('providers.balances.title')}</h2>
        <button type="button" className="secondary" disabled={loaded.loading} onClick={() => setAsked((count) => count + 1)}>
          {t('providers.balances.refresh')}
        </button>
      </div>
      {loaded.error && <Problem code={loaded.error} />}
      {balances.some((balance) => balance.low) && (
        <p className="banner banner-warn" role="alert">
          {t('providers.balances.lowWarning', { providers: balances.filter((balance) => balance.low).map((balance) => providerName(balance.provider)).join(', ') })}
        </p>
      )}
      <div className="table-wrap">
        <table className="sales-table">
          <caption className="visually-hidden">{t('providers.balances.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('providers.columns.provider')}</th>
              <th scope="col" className="num">
                {t('providers.columns.available')}
              </th>
              <th scope="col" className="num">
                {t('providers.columns.balance')}
              </th>
              <th scope="col" className="num">
                {t('providers.columns.creditLimit')}
              </th>
              <th scope="col">{t('providers.columns.rate')}</th>
              <th scope="col" className="num">
                {t('providers.columns.threshold')}
              </th>
              <th scope="col">{t('providers.columns.readAt')}</th>
            </tr>
          </thead>
          <tbody>
            {balances.map((balance) => (
              <tr key={balance.provider} data-provider={balance.provider}>
                <th scope="row">
                  {providerName(balance.provider)} {balance.low && <span className="state state-failed">{t('providers.balances.low')}</span>}
                </th>
                <td className="num">{balance.available ? moneyLabeled(balance.available, language) : '—'}</td>
                <td className="num">{balance.balance ? moneyLabeled(balance.balance, language) : '—'}</td>
                <td className="num">{balance.creditLimit ? moneyLabeled(balance.creditLimit, language) : '—'}</td>
                <td>{balance.exchangeRate ? t('providers.balances.rate', { rate: balance.exchangeRate, currency: balance.available?.currency ?? 'USD' }) : '—'}</td>
                <td className="num">{balance.threshold ? moneyLabeled(balance.threshold, language) : t('providers.balances.noThreshold')}</td>
                <td>
                  {balance.refreshedAt ? dateTime(balance.refreshedAt, language) : t('providers.balances.never')}
                  {balance.source === 'cached' && ` · ${t('providers.balances.cached')}`}
                  {balance.error && (
                    <span className="error">
                      {' '}
                      · {t(`errors.${balance.error.code}`)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('providers.balances.thresholdHint')}</p>
    </section>
  );
}
