/**
 * The technician's and owner's diagnostics: first, in words, what is wrong (or that nothing is); then the
 * facts behind it (app, database, hash chain, providers probed now, queue, printer, updates, 24 h of
 * connectivity, the last log lines), a button that saves the support bundle and one that prints a test receipt.
 */
import { useTranslation } from 'react-i18next';
import type { DiagnosticProblem, Diagnostics as DiagnosticsData } from '../../../../../shared/contract/diagnostics';
import type { Language } from '../../../../../shared/contract/receipts';
import { UPDATE_CHECK_RESULTS } from '../../../../../shared/contract/updates';
import { useSaldo } from '../../../app/store';
import { dateTime, money, providerName } from '../../../format';
import { intlLocale } from '../../../i18n';
import { useDiagnostics } from '../useDiagnostics';
import { ExitSaldo } from './ExitSaldo';
import { TestPrint } from './TestPrint';
import './diagnostics.css';

function bytes(value: number, language: Language): string {
  const [amount, unit] = value >= 1024 * 1024 ? [value / (1024 * 1024), 'megabyte'] : [value / 1024, 'kilobyte'];
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, maximumFractionDigits: 1 }).format(amount);
}

function ProblemList({ problems }: { problems: readonly DiagnosticProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) {
    return (
      <p className="diagnostics-verdict diagnostics-ok" data-testid="verdict">
        {t('diagnostics.allGood')}
      </p>
    );
  }
  return (
    <section className="diagnostics-verdict diagnostics-bad" aria-labelledby="problems-title" data-testid="verdict">
      <h2 id="problems-title">{t('diagnostics.problemsTitle')}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.code}-${problem.provider ?? ''}`} data-problem={problem.code}>
            {t(`diagnostics.problems.${problem.code}`, { provider: problem.provider ? providerName(problem.provider) : '', ...(problem.count !== undefined ? { count: problem.count } : {}) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Providers({ data, language }: { data: DiagnosticsData; language: Language }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="sales-table diagnostics-providers">
        <caption className="visually-hidden">{t('diagnostics.providers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diagnostics.provider')}</th>
            <th scope="col">{t('diagnostics.state')}</th>
            <th scope="col" className="num">
              {t('diagnostics.latency')}
            </th>
            <th scope="col" className="num">
              {t('diagnostics.balance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.providers.map((provider) => (
            <tr key={provider.id} data-provider={provider.id}>
              <th scope="row">{providerName(provider.id)}</th>
              <td>
                <span className={`pill ${!provider.configured ? 'pill-muted' : provider.reachable ? 'pill-ok' : 'pill-bad'}`}>
                  {!provider.configured ? t('diagnostics.notConfigured') : provider.reachable ? t('diagnostics.reachable') : t('diagnostics.unreachable')}
                </span>
              </td>
              <td className="num">{provider.latencyMs === null ? t('diagnostics.none') : t('diagnostics.ms', { count: provider.latencyMs })}</td>
              <td className="num">{provider.balance ? `${money(provider.balance, language)} ${provider.balance.currency}` : t('diagnostics.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type CheckResult = (typeof UPDATE_CHECK_RESULTS)[number];
const isCheckResult = (result: string | null): result is CheckResult => UPDATE_CHECK_RESULTS.some((known) => known === result);

function Details({ data, language }: { data: DiagnosticsData; language: Language }) {
  const { t } = useTranslation();
  const none = t('diagnostics.none');
  // The updater's result code, said in words.
  const checkResult = (result: string | null): string => (isCheckResult(result) ? t(`updates.checkResults.${result}`) : (result ?? ''));
  return (
    <>
      <h2>{t('diagnostics.providers')}</h2>
      <Providers data={data} language={language} />
      <h2>{t('diagnostics.ledger')}</h2>
      <dl className="facts compact">
        <Fact label={t('diagnostics.queued')}>{data.queue.queued}</Fact>
        <Fact label={t('diagnostics.unknown')}>{data.queue.unknown}</Fact>
        <Fact label={t('diagnostics.pending')}>{data.queue.pending}</Fact>
        <Fact label={t('diagnostics.refundDue')}>{data.queue.refundDue}</Fact>
        <Fact label={t('diagnostics.integrity')}>{data.database.integrityOk ? t('diagnostics.integrityOk') : data.database.integrity}</Fact>
        <Fact label={t('diagnostics.chain')}>{data.chain.ok ? t('diagnostics.chainOk', { count: data.chain.events }) : t('diagnostics.chainBroken', { seq: data.chain.firstBroken?.seq ?? 0 })}</Fact>
        <Fact label={t('diagnostics.chainHead')}>
          <code>{data.chain.head ? `#${data.chain.head.seq} ${data.chain.head.hash.slice(0, 16)}…` : none}</code>
        </Fact>
        <Fact label={t('diagnostics.schema')}>{data.database.schemaVersion}</Fact>
        <Fact label={t('diagnostics.size')}>{`${bytes(data.database.sizeBytes, language)} · WAL ${bytes(data.database.walBytes, language)}`}</Fact>
      </dl>
      <h2>{t('diagnostics.app')}</h2>
      <dl className="facts compact">
        <Fact label={t('diagnostics.version')}>{`${data.version} (${data.channel})`}</Fact>
        <Fact label={t('diagnostics.mode')}>{data.mode === 'demo' ? t('diagnostics.modeDemo') : t('diagnostics.modeLive')}</Fact>
        <Fact label={t('diagnostics.printer')}>{data.printer.kind === 'renderer' ? t('diagnostics.printerBrowser') : (data.printer.name ?? t('diagnostics.printerDefault'))}</Fact>
        <Fact label={t('diagnostics.lastUpdateCheck')}>{data.updates.lastCheckAt ? `${dateTime(data.updates.lastCheckAt, language)} · ${checkResult(data.updates.lastResult)}` : t('diagnostics.neverChecked')}</Fact>
        <Fact label={t('diagnostics.dataDir')}>
          <code>{data.dataDir}</code>
        </Fact>
      </dl>
      <h2>{t('diagnostics.history')}</h2>
      {data.connectivity.transitions.length === 0 ? (
        <p className="hint">{t('diagnostics.historyNone')}</p>
      ) : (
        <ol className="history">
          {data.connectivity.transitions.map((change, index) => (
            <li key={`${change.at}-${change.provider}-${index}`}>
              <span className="history-time">{dateTime(change.at, language)}</span> {t(change.reachable ? 'diagnostics.wentOnline' : 'diagnostics.wentOffline', { provider: providerName(change.provider) })}
            </li>
          ))}
        </ol>
      )}
      <details className="diagnostics-logs">
        <summary>{t('diagnostics.logs', { count: data.logs.lines.length })}</summary>
        <pre tabIndex={0}>{data.logs.lines.join('\n')}</pre>
      </details>
    </>
  );
}

export function Diagnostics() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const { diagnostics, checking, saving, saved, error, check, save } = useDiagnostics();
  return (
    <main className="diagnostics" id="content" aria-labelledby="diagnostics-title" aria-busy={checking}>
      <div className="today-head">
        <h1 id="diagnostics-title">{t('diagnostics.title')}</h1>
        <div className="actions">
          <button type="button" className="secondary big" onClick={() => void check()} disabled={checking}>
            {checking ? t('diagnostics.checking') : t('diagnostics.check')}
          </button>
          <button type="button" className="primary big" onClick={() => void save()} disabled={saving}>
            {saving ? t('diagnostics.saving') : t('diagnostics.save')}
          </button>
        </div>
      </div>
      <p className="hint">{t('diagnostics.saveHint')}</p>
      {saved && (
        <p className="ok" role="status">
          {t('diagnostics.saved', { file: saved })}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {diagnostics ? (
        <>
          <ProblemList problems={diagnostics.problems} />
          <p className="hint">{t('diagnostics.checkedAt', { time: dateTime(diagnostics.checkedAt, language) })}</p>
          <Details data={diagnostics} language={language} />
        </>
      ) : (
        checking && <p className="hint">{t('diagnostics.checking')}</p>
      )}
      <TestPrint />
      <ExitSaldo />
    </main>
  );
}
