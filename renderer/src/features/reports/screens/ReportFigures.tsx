/**
 * A report's numbers, laid out so the parts visibly add up: one line per ledger state (failed and refunded
 * even at zero) whose counts and amounts sum to the total line; delivered sales, their provider cost and the
 * shop's margin; refunds owed and paid; cash in and out; each shift's difference.
 */
import { useTranslation } from 'react-i18next';
import type { Report, ReportTotals } from '../../../../../shared/contract/backoffice';
import type { SaleState } from '../../../../../shared/contract/sales';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';
import { moneyLabeled } from '../../backoffice/money-label';

/** The states every report shows, as the ledger names them; `created` and `sending` show only when not zero. */
export const ALWAYS_SHOWN_STATES = ['succeeded', 'failed', 'refund_due', 'refunded', 'queued', 'pending', 'unknown'] as const satisfies readonly SaleState[];
const SHOWN_WHEN_ANY = ['created', 'sending'] as const satisfies readonly SaleState[];

export function shownStates(totals: ReportTotals): SaleState[] {
  return [...ALWAYS_SHOWN_STATES, ...SHOWN_WHEN_ANY.filter((state) => totals[state].count > 0)];
}

export function StateTotals({ totals }: { totals: ReportTotals }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  return (
    <table className="figures" data-testid="report-states">
      <caption className="visually-hidden">{t('reports.byState')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.columns.state')}</th>
          <td>
            <strong>{t('reports.columns.count')}</strong>
          </td>
          <td>
            <strong>{t('reports.columns.amount')}</strong>
          </td>
        </tr>
      </thead>
      <tbody>
        {shownStates(totals).map((state) => (
          <tr key={state} data-state={state}>
            <th scope="row">{t(`states.${state}`)}</th>
            <td>{totals[state].count}</td>
            <td>{money(totals[state].amount, language)}</td>
          </tr>
        ))}
        <tr className="total" data-state="all">
          <th scope="row">{t('reports.allSales')}</th>
          <td>{totals.all.count}</td>
          <td>{money(totals.all.amount, language)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function CostAndMargin({ totals }: { totals: ReportTotals }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const charged = totals.costCharged.map((amount) => moneyLabeled(amount, language)).join(' + ');
  return (
    <table className="figures" data-testid="report-margin">
      <caption className="visually-hidden">{t('reports.margin')}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('reports.delivered')}</th>
          <td>{money(totals.succeeded.amount, language)}</td>
        </tr>
        <tr>
          <th scope="row">{t('reports.cost', { count: totals.costKnownCount })}</th>
          <td>
            <span aria-hidden="true">− </span>
            {money(totals.cost, language)}
          </td>
        </tr>
        {charged && (
          <tr>
            <th scope="row">{t('reports.costCharged')}</th>
            <td>{charged}</td>
          </tr>
        )}
        <tr className="total" data-testid="report-margin-total">
          <th scope="row">{t('reports.marginLine')}</th>
          <td>{money(totals.margin, language)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function RefundsAndCash({ report }: { report: Pick<Report, 'refunds' | 'cashMovements'> }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const line = (label: string, figure: { count: number; amount: Report['totals']['all']['amount'] }, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{figure.count}</td>
      <td>{money(figure.amount, language)}</td>
    </tr>
  );
  return (
    <>
      <table className="figures" data-testid="report-refunds-cash">
        <caption className="visually-hidden">{t('reports.refundsAndCash')}</caption>
        <tbody>
          {line(t('reports.refundsOwed'), report.refunds.owed, 'refunds-owed')}
          {line(t('reports.refundsPaid'), report.refunds.paid, 'refunds-paid')}
          {line(t('reports.refundsPaidAtCounter'), report.refunds.paidAtCounter, 'refunds-paid-counter')}
          {line(t('reports.cashIn'), report.cashMovements.in, 'cash-in')}
          {line(t('reports.cashOut'), report.cashMovements.out, 'cash-out')}
        </tbody>
      </table>
    </>
  );
}

/** Each shift of the period with its expected cash, the count and the difference (over or short). */
export function ShiftDifferences({ shifts }: { shifts: Report['shifts'] }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const shown = (amount: Report['totals']['all']['amount'] | null) => (amount ? money(amount, language) : '—');
  return (
    <table className="figures" data-testid="report-shifts">
      <caption className="visually-hidden">{t('reports.shiftDifferences')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.columns.shift')}</th>
          <th scope="col">{t('shifts.figures.expected')}</th>
          <th scope="col">{t('shifts.figures.counted')}</th>
          <th scope="col">{t('shifts.figures.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {shifts.map((shift, index) => (
          <tr key={shift.shiftId}>
            <th scope="row">
              {t('reports.shiftN', { n: index + 1 })} · {t(`shifts.states.${shift.state}`)}
            </th>
            <td>{shown(shift.expected)}</td>
            <td>{shown(shift.counted)}</td>
            <td>{shown(shift.difference)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
