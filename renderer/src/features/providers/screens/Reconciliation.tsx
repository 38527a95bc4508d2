/**
 * A business day against each provider's own records (Relier's reconciliation export, MobiSend's orders list,
 * Liquido's status by key): matched, missing at the provider, missing in the ledger, differs — each mismatch
 * with what to do, in words. Sales the ledger has as unknown can be settled from the providers' records here
 * (through the ledger's state machine; never a resend).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileLine, Reconciliation as ReconciliationResult } from '../../../../../shared/contract/accounts';
import { useSaldo } from '../../../app/store';
import { providerName } from '../../../format';
import { moneyLabeled } from '../../backoffice/money-label';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useAction } from '../../backoffice/useAsync';
import { providersService } from '../service';

const LISTS = ['missingAtProvider', 'missingInLedger', 'differs', 'matched'] as const;

function Line({ line }: { line: ReconcileLine }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const ledger = line.ledgerState ? `${t(`states.${line.ledgerState}`)}${line.ledgerAmount ? ` ${moneyLabeled(line.ledgerAmount, language)}` : ''}` : '—';
  const provider = line.providerState ? `${t(`providers.reconcile.providerStates.${line.providerState}`)}${line.providerAmount ? ` ${moneyLabeled(line.providerAmount, language)}` : ''}` : '—';
  return (
    <tr>
      <th scope="row">{providerName(line.provider)}</th>
      <td>{line.phone ?? '—'}</td>
      <td>{line.providerTransactionId ?? '—'}</td>
      <td>{ledger}</td>
      <td>{provider}</td>
      <td>{line.action === 'none' ? '—' : t(`providers.reconcile.actions.${line.action}`)}</td>
    </tr>
  );
}

export function Reconciliation({ today }: { today: string }) {
  const { t } = useTranslation();
  const dateId = useId();
  const [date, setDate] = useState(today);
  const [settle, setSettle] = useState(false);
  const [result, setResult] = useState<ReconciliationResult | null>(null);
  const run = useAction(() => providersService.reconcile(date, settle));
  return (
    <section className="panel" aria-labelledby="reconcile-title" data-testid="reconciliation">
      <h2 id="reconcile-title">{t('providers.reconcile.title')}</h2>
      <div className="field-row">
        <label className="field" htmlFor={dateId}>
          {t('reports.date')}
          <input id={dateId} type="date" value={date} max={today} onChange={(event) => event.target.value && setDate(event.target.value)} />
        </label>
        <button type="button" className="chip-button" aria-pressed={settle} onClick={() => setSettle((on) => !on)}>
          {t('providers.reconcile.settle')}
        </button>
        <button type="button" className="primary" disabled={run.busy} onClick={() => void run.run().then((answer) => answer && setResult(answer))}>
          {run.busy ? t('providers.reconcile.running') : t('providers.reconcile.run')}
        </button>
      </div>
      {run.error && <Problem code={run.error} />}
      {result && (
        <>
          <ul className="todo-list">
            {result.providers.map((source) => (
              <li key={source.provider} className={source.ok ? undefined : 'error'}>
                {source.ok
                  ? t('providers.reconcile.source', { provider: providerName(source.provider), source: t(`providers.reconcile.sources.${source.source}`), ledger: source.ledgerSales, records: source.providerRecords })
                  : t('providers.reconcile.sourceFailed', { provider: providerName(source.provider), reason: source.error ? t(`errors.${source.error.code}`) : '' })}
              </li>
            ))}
          </ul>
          {result.settled.length > 0 && (
            <p className="ok" role="status">
              {t('providers.reconcile.settled', { count: result.settled.length })}
            </p>
          )}
          <p className={LISTS.slice(0, 3).some((list) => result[list].length > 0) ? 'banner banner-warn' : 'banner banner-ok'} data-testid="reconcile-summary">
            {t('providers.reconcile.summary', { matched: result.matched.length, missingAtProvider: result.missingAtProvider.length, missingInLedger: result.missingInLedger.length, differs: result.differs.length })}
          </p>
          {LISTS.filter((list) => list !== 'matched' && result[list].length > 0).map((list) => (
            <div className="table-wrap" key={list}>
              <table className="sales-table">
                <caption>{t(`providers.reconcile.lists.${list}`, { count: result[list].length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('providers.columns.provider')}</th>
                    <th scope="col">{t('refunds.columns.phone')}</th>
                    <th scope="col">{t('providers.reconcile.folio')}</th>
                    <th scope="col">{t('providers.reconcile.ledger')}</th>
                    <th scope="col">{t('providers.reconcile.provider')}</th>
                    <th scope="col">{t('providers.reconcile.todo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result[list].map((line, index) => (
                    <Line key={`${line.saleId ?? line.providerTransactionId ?? ''}-${index}`} line={line} />
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
