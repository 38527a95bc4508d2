/**
 * A report's groups (by cashier, carrier, provider or hour) as one table whose last line is the report's own
 * totals: the groups add up to it, to the centavo, and a person can check that on the screen.
 */
import { useTranslation } from 'react-i18next';
import type { ReportGroup, ReportGrouping, ReportTotals } from '../../../../../shared/contract/backoffice';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';
import { groupLabel } from '../labels';

export const SHOWN_GROUPINGS = ['cashier', 'carrier', 'provider', 'hour'] as const satisfies readonly ReportGrouping[];

function Row({ label, figures, total = false }: { label: string; figures: ReportTotals; total?: boolean }) {
  const language = useSaldo((state) => state.language);
  return (
    <tr className={total ? 'total' : undefined} data-group={total ? 'total' : label}>
      <th scope="row">{label}</th>
      <td>{figures.succeeded.count}</td>
      <td>{money(figures.succeeded.amount, language)}</td>
      <td>{figures.failed.count}</td>
      <td>{figures.refund_due.count + figures.refunded.count}</td>
      <td>{figures.all.count}</td>
      <td>{money(figures.all.amount, language)}</td>
      <td>{money(figures.cost, language)}</td>
      <td>{money(figures.margin, language)}</td>
    </tr>
  );
}

export function ReportGroups({ by, groups, totals }: { by: ReportGrouping; groups: readonly ReportGroup[]; totals: ReportTotals }) {
  const { t } = useTranslation();
  const me = useSaldo((state) => state.user);
  return (
    <div className="table-wrap">
      <table className="figures" data-testid="report-groups">
        <caption className="visually-hidden">{t(`reports.by.${by}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`reports.groupKey.${by}`)}</th>
            <th scope="col">{t('reports.columns.deliveredCount')}</th>
            <th scope="col">{t('reports.columns.deliveredAmount')}</th>
            <th scope="col">{t('reports.columns.failed')}</th>
            <th scope="col">{t('reports.columns.owedOrRefunded')}</th>
            <th scope="col">{t('reports.columns.allCount')}</th>
            <th scope="col">{t('reports.columns.allAmount')}</th>
            <th scope="col">{t('reports.columns.cost')}</th>
            <th scope="col">{t('reports.columns.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <Row key={group.key} label={groupLabel(by, group.key, me)} figures={group} />
          ))}
          <Row label={t('reports.total')} figures={totals} total />
        </tbody>
      </table>
    </div>
  );
}
