/**
 * The float check of a day, per provider: previous balance + deposits − cost of the day's delivered sales
 * (+ reversals) is what the provider should report; the variance against what it did report, with its likely
 * causes in words, and an alert when it is beyond rounding.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../../../shared/money';
import { useSaldo } from '../../../app/store';
import { providerName } from '../../../format';
import { moneyLabeled } from '../../backoffice/money-label';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useLoaded } from '../../backoffice/useAsync';
import { providersService } from '../service';

export function FloatCheck({ today, refreshKey }: { today: string; refreshKey: number }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const dateId = useId();
  const [date, setDate] = useState(today);
  const loaded = useLoaded(() => providersService.floatCheck(date), `${date}#${refreshKey}`);
  const show = (amount: Money | null) => (amount ? moneyLabeled(amount, language) : '—');
  return (
    <section className="panel" aria-labelledby="float-title" data-testid="float-check">
      <div className="chart-head">
        <h2 id="float-title">{t('providers.float.title')}</h2>
        <label className="field" htmlFor={dateId}>
          {t('reports.date')}
          <input id={dateId} type="date" value={date} max={today} onChange={(event) => event.target.value && setDate(event.target.value)} />
        </label>
      </div>
      {loaded.error && <Problem code={loaded.error} />}
      {(loaded.value?.providers ?? []).map((line) => (
        <div key={line.provider} className={line.alert ? 'banner banner-bad' : undefined} data-provider={line.provider}>
          <h3>{providerName(line.provider)}</h3>
          <table className="figures">
            <caption className="visually-hidden">{t('providers.float.caption', { provider: providerName(line.provider) })}</caption>
            <tbody>
              <tr>
                <th scope="row">{t('providers.float.previous')}</th>
                <td>{show(line.previousBalance)}</td>
              </tr>
              <tr>
                <th scope="row">{t('providers.float.deposits')}</th>
                <td>+ {show(line.deposits)}</td>
              </tr>
              <tr>
                <th scope="row">{t('providers.float.deliveredCost', { count: line.deliveredSales })}</th>
                <td>− {show(line.deliveredCost)}</td>
              </tr>
              <tr>
                <th scope="row">{t('providers.float.reversals')}</th>
                <td>+ {show(line.reversals)}</td>
              </tr>
              <tr className="total">
                <th scope="row">{t('providers.float.expected')}</th>
                <td>{show(line.expected)}</td>
              </tr>
              <tr>
                <th scope="row">{t('providers.float.reported')}</th>
                <td>{show(line.reported)}</td>
              </tr>
              <tr className="total">
                <th scope="row">{t('providers.float.variance')}</th>
                <td>{show(line.variance)}</td>
              </tr>
            </tbody>
          </table>
          {line.alert && <p role="alert">{t('providers.float.alert', { provider: providerName(line.provider) })}</p>}
          {line.likelyCauses.length > 0 && (
            <ul className="todo-list" aria-label={t('providers.float.causes')}>
              {line.likelyCauses.map((cause) => (
                <li key={cause}>{t(`providers.float.cause.${cause}`)}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
