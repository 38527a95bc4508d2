/**
 * One chart of the back office: a period's sales beside the previous period's, bar by bar (hours of a day,
 * days of a month, carriers, providers), with recharts. The figure has an accessible name; the same numbers
 * are one tap away as a table (exact money there, the bars only draw them), for a screen reader and for
 * anyone who would rather read.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { minorDigits, toMajorNumber } from '../../../../../shared/money';
import { useSaldo } from '../../../app/store';
import type { ComparisonRow } from '../comparison';
import { money } from '../../../format';

interface ComparisonChartProps {
  title: string;
  currentLabel: string;
  previousLabel: string;
  rows: readonly ComparisonRow[];
  /** A stable id for tests and screenshots. */
  testId: string;
}

export function ComparisonChart({ title, currentLabel, previousLabel, rows, testId }: ComparisonChartProps) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const data = rows.map((row) => ({ label: row.label, current: toMajorNumber(row.current), previous: toMajorNumber(row.previous) }));
  const currency = rows[0]?.current.currency;
  const asMoney = (value: number) => (currency ? money({ minor: Math.round(value * 10 ** minorDigits(currency)), currency }, language) : String(value));

  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <figcaption className="chart-head">
        <h3 id={titleId}>{title}</h3>
        <button type="button" className="secondary" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? t('backoffice.showChart') : t('backoffice.showTable')}
        </button>
      </figcaption>
      {rows.length === 0 ? (
        <p className="hint">{t('backoffice.noData')}</p>
      ) : asTable ? (
        <div className="table-wrap">
          <table className="sales-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backoffice.chartItem')}</th>
                <th scope="col" className="num">
                  {currentLabel}
                </th>
                <th scope="col" className="num">
                  {t('backoffice.count')}
                </th>
                <th scope="col" className="num">
                  {previousLabel}
                </th>
                <th scope="col" className="num">
                  {t('backoffice.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{money(row.current, language)}</td>
                  <td className="num">{row.currentCount}</td>
                  <td className="num">{money(row.previous, language)}</td>
                  <td className="num">{row.previousCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="chart-body" role="img" aria-label={t('backoffice.chartSummary', { title, current: currentLabel, previous: previousLabel })}>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 13 }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 13 }} width={70} tickFormatter={(value: number) => asMoney(value)} />
              <Tooltip formatter={(value) => asMoney(Number(value))} />
              <Legend />
              <Bar dataKey="previous" name={previousLabel} fill="#9aa4b2" isAnimationActive={false} />
              <Bar dataKey="current" name={currentLabel} fill="#0b3d91" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
