/**
 * The owner's charts of a period: delivered sales by hour (the period's last day against the day before), by
 * day (its month against the month before), by carrier and by provider (the period against the one just before
 * it). Each chart can turn into a table of the same numbers (../../backoffice/screens/ComparisonChart).
 */
import { useTranslation } from 'react-i18next';
import type { ReportGrouping } from '../../../../../shared/contract/backoffice';
import { ComparisonChart } from '../../backoffice/screens/ComparisonChart';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useLoaded } from '../../backoffice/useAsync';
import { comparisonRows } from '../chart-rows';
import { monthOf, previousMonth, previousPeriod, type Period } from '../period';
import { reportsService } from '../service';

interface ChartSpec {
  by: ReportGrouping;
  current: Period;
  previous: Period;
  title: string;
  currentLabel: string;
  previousLabel: string;
}

function OneChart({ spec }: { spec: ChartSpec }) {
  const loaded = useLoaded(
    () => Promise.all([reportsService.get(spec.current, spec.by), reportsService.get(spec.previous, spec.by)]),
    `${spec.by}:${spec.current.from}:${spec.current.to}`,
  );
  if (loaded.error) return <Problem code={loaded.error} />;
  const [current, previous] = loaded.value ?? [null, null];
  const rows = current && previous ? comparisonRows(spec.by, current.groups, previous.groups, current.currency) : [];
  return <ComparisonChart title={spec.title} currentLabel={spec.currentLabel} previousLabel={spec.previousLabel} rows={rows} testId={`chart-${spec.by}`} />;
}

export function ReportCharts({ period }: { period: Period }) {
  const { t } = useTranslation();
  const day: Period = { from: period.to, to: period.to };
  const month = monthOf(period.to);
  const before = previousPeriod(period);
  const single = period.from === period.to;
  const specs: ChartSpec[] = [
    { by: 'hour', current: day, previous: previousPeriod(day), title: t('reports.charts.byHour', { date: day.to }), currentLabel: day.to, previousLabel: previousPeriod(day).to },
    { by: 'day', current: month, previous: previousMonth(period.to), title: t('reports.charts.byDay', { month: month.from.slice(0, 7) }), currentLabel: month.from.slice(0, 7), previousLabel: previousMonth(period.to).from.slice(0, 7) },
    { by: 'carrier', current: period, previous: before, title: t('reports.charts.byCarrier'), currentLabel: single ? period.to : `${period.from} – ${period.to}`, previousLabel: single ? before.to : `${before.from} – ${before.to}` },
    { by: 'provider', current: period, previous: before, title: t('reports.charts.byProvider'), currentLabel: single ? period.to : `${period.from} – ${period.to}`, previousLabel: single ? before.to : `${before.from} – ${before.to}` },
  ];
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">{t('reports.charts.title')}</h2>
      <div className="charts">
        {specs.map((spec) => (
          <OneChart key={spec.by} spec={spec} />
        ))}
      </div>
    </section>
  );
}
