/**
 * A shift's cash, laid out so the parts visibly add up: float + cash sales − refunds paid + cash in − cash out
 * = expected; then counted and the difference (over or short). Figures still blind (a cashier before the count)
 * are not shown at all.
 */
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../../../shared/contract/backoffice';
import type { Money } from '../../../../../shared/money';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';

function Line({ label, amount, sign = '', className, testId }: { label: string; amount: Money | null; sign?: '' | '+' | '−'; className?: string; testId?: string }) {
  const language = useSaldo((state) => state.language);
  if (amount === null) return null;
  return (
    <tr className={className} data-testid={testId}>
      <th scope="row">{label}</th>
      <td>
        {sign && <span aria-hidden="true">{sign} </span>}
        {money(amount, language)}
      </td>
    </tr>
  );
}

export function ShiftFigures({ shift, caption }: { shift: Shift; caption: string }) {
  const { t } = useTranslation();
  const difference = shift.difference;
  const differenceClass = difference === null || difference.minor === 0 ? undefined : difference.minor < 0 ? 'difference-short' : 'difference-over';
  const differenceLabel = difference === null || difference.minor === 0 ? t('shifts.figures.difference') : difference.minor < 0 ? t('shifts.figures.short') : t('shifts.figures.over');
  return (
    <table className="figures" data-testid="shift-figures">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        <Line label={t('shifts.figures.float')} amount={shift.float} testId="figure-float" />
        <Line label={t('shifts.figures.cashSales')} amount={shift.cashSales} sign="+" testId="figure-cash-sales" />
        <Line label={t('shifts.figures.refundsPaid')} amount={shift.refundsPaid} sign="−" testId="figure-refunds-paid" />
        <Line label={t('shifts.figures.cashIn')} amount={shift.cashIn} sign="+" testId="figure-cash-in" />
        <Line label={t('shifts.figures.cashOut')} amount={shift.cashOut} sign="−" testId="figure-cash-out" />
        <Line label={t('shifts.figures.expected')} amount={shift.expected} className="total" testId="figure-expected" />
        <Line label={t('shifts.figures.counted')} amount={shift.counted} testId="figure-counted" />
        <Line label={differenceLabel} amount={difference} className={differenceClass} testId="figure-difference" />
      </tbody>
    </table>
  );
}
