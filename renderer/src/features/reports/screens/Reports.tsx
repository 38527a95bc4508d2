/**
 * Informes (owner): the X (today's running figures, any time, changes nothing), a day, a range or a Z; the
 * figures by state with their total, cost and margin, refunds and cash, groups by cashier, carrier, provider or
 * hour adding up to the totals; charts against the previous period; downloads; and closing the day (Z).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { dateTime } from '../../../format';
import { BackofficeLayout, Problem } from '../../backoffice/screens/BackofficeLayout';
import '../../backoffice/screens/backoffice.css';
import { useReportView } from '../useReportView';
import { CloseDay } from './CloseDay';
import { ExportBar } from './ExportBar';
import { ReportCharts } from './ReportCharts';
import { CostAndMargin, RefundsAndCash, ShiftDifferences, StateTotals } from './ReportFigures';
import { ReportGroups, SHOWN_GROUPINGS } from './ReportGroups';
import { ReportPicker } from './ReportPicker';
import { ZSeal } from './ZSeal';

export function Reports() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const view = useReportView();
  const [closingDay, setClosingDay] = useState(false);
  const report = view.loaded.value?.report ?? null;
  const z = view.loaded.value?.z ?? null;
  const heading =
    view.choice.kind === 'x'
      ? t('reports.heading.x', { date: view.today, time: report ? dateTime(report.generatedAt, language) : '' })
      : view.choice.kind === 'z'
        ? t('reports.heading.z', { number: view.choice.number })
        : view.period.from === view.period.to
          ? t('reports.heading.day', { date: view.period.from })
          : t('reports.heading.range', { from: view.period.from, to: view.period.to });

  return (
    <BackofficeLayout
      screen="reports"
      title={t('reports.title')}
      error={view.loaded.error}
      actions={
        <>
          <button type="button" className="secondary" disabled={view.loaded.loading} onClick={view.refresh}>
            {t('backoffice.refresh')}
          </button>
          <button type="button" className="danger" onClick={() => setClosingDay(true)}>
            {t('reports.z.close', { date: view.choice.kind === 'day' ? view.choice.date : view.today })}
          </button>
        </>
      }
    >
      <ReportPicker choice={view.choice} today={view.today} zNumbers={view.zs.value?.zs ?? []} onChoose={view.choose} />
      <h2 data-testid="report-heading">{heading}</h2>
      {report && (
        <>
          {report.zNumber === null && view.choice.kind === 'x' && <p className="hint">{t('reports.xHint')}</p>}
          {z && <ZSeal z={z} />}
          <div className="panel-grid">
            <section className="panel" aria-labelledby="states-title">
              <h3 id="states-title">{t('reports.byState')}</h3>
              <StateTotals totals={report.totals} />
            </section>
            <section className="panel" aria-labelledby="margin-title">
              <h3 id="margin-title">{t('reports.margin')}</h3>
              <CostAndMargin totals={report.totals} />
            </section>
            <section className="panel" aria-labelledby="refunds-cash-title">
              <h3 id="refunds-cash-title">{t('reports.refundsAndCash')}</h3>
              <RefundsAndCash report={report} />
            </section>
          </div>
          {report.shifts.length > 0 && (
            <section className="panel" aria-labelledby="shift-differences-title">
              <h3 id="shift-differences-title">{t('reports.shiftDifferences')}</h3>
              <ShiftDifferences shifts={report.shifts} />
            </section>
          )}
          {report.carried.length > 0 && <p className="banner banner-warn">{t('reports.carried', { count: report.carried.length })}</p>}
          <section className="panel" aria-labelledby="groups-title">
            <h3 id="groups-title">{t('reports.groupsTitle')}</h3>
            <div className="field-row" role="group" aria-label={t('reports.groupBy')}>
              {SHOWN_GROUPINGS.map((grouping) => (
                <button key={grouping} type="button" className="chip-button" aria-pressed={view.by === grouping} onClick={() => view.setBy(grouping)}>
                  {t(`reports.by.${grouping}`)}
                </button>
              ))}
            </div>
            {z && <p className="hint">{t('reports.groupsOfZDay')}</p>}
            {view.groups.error && <Problem code={view.groups.error} />}
            {view.groups.value && <ReportGroups by={view.by} groups={view.groups.value.groups} totals={view.groups.value.totals} />}
          </section>
          <ExportBar period={view.period} zNumber={z?.number ?? null} by={view.by} />
          <ReportCharts period={view.period} />
        </>
      )}
      {!report && view.loaded.loading && <p className="hint">{t('app.loading')}</p>}
      {closingDay && (
        <CloseDay
          date={view.choice.kind === 'day' ? view.choice.date : view.today}
          onCancel={() => setClosingDay(false)}
          onClosed={(closed) => {
            setClosingDay(false);
            view.choose({ kind: 'z', number: closed.number });
            view.refresh();
          }}
        />
      )}
    </BackofficeLayout>
  );
}
