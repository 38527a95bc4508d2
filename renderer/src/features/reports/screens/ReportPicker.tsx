/** Which report: the X (now), one day, a range of days, or a Z by its number. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportChoice } from '../useReportView';

interface ReportPickerProps {
  choice: ReportChoice;
  today: string;
  zNumbers: readonly { number: string; businessDay: string }[];
  onChoose(choice: ReportChoice): void;
}

export function ReportPicker({ choice, today, zNumbers, onChoose }: ReportPickerProps) {
  const { t } = useTranslation();
  const ids = { day: useId(), from: useId(), to: useId(), z: useId() };
  const latestZ = zNumbers[0]?.number;
  return (
    <div className="period-picker" role="group" aria-label={t('reports.picker')}>
      <button type="button" className="chip-button" aria-pressed={choice.kind === 'x'} onClick={() => onChoose({ kind: 'x' })}>
        {t('reports.kinds.x')}
      </button>
      <button type="button" className="chip-button" aria-pressed={choice.kind === 'day'} onClick={() => onChoose({ kind: 'day', date: today })}>
        {t('reports.kinds.day')}
      </button>
      <button type="button" className="chip-button" aria-pressed={choice.kind === 'range'} onClick={() => onChoose({ kind: 'range', period: { from: `${today.slice(0, 7)}-01`, to: today } })}>
        {t('reports.kinds.range')}
      </button>
      <button type="button" className="chip-button" aria-pressed={choice.kind === 'z'} disabled={!latestZ} onClick={() => latestZ && onChoose({ kind: 'z', number: latestZ })}>
        {t('reports.kinds.z')}
      </button>
      {choice.kind === 'day' && (
        <label className="field" htmlFor={ids.day}>
          {t('reports.date')}
          <input id={ids.day} type="date" value={choice.date} max={today} onChange={(event) => event.target.value && onChoose({ kind: 'day', date: event.target.value })} />
        </label>
      )}
      {choice.kind === 'range' && (
        <>
          <label className="field" htmlFor={ids.from}>
            {t('reports.from')}
            <input id={ids.from} type="date" value={choice.period.from} max={choice.period.to} onChange={(event) => event.target.value && onChoose({ kind: 'range', period: { ...choice.period, from: event.target.value } })} />
          </label>
          <label className="field" htmlFor={ids.to}>
            {t('reports.to')}
            <input id={ids.to} type="date" value={choice.period.to} min={choice.period.from} max={today} onChange={(event) => event.target.value && onChoose({ kind: 'range', period: { ...choice.period, to: event.target.value } })} />
          </label>
        </>
      )}
      {choice.kind === 'z' && (
        <label className="field" htmlFor={ids.z}>
          {t('reports.zNumber')}
          <select id={ids.z} value={choice.number} onChange={(event) => onChoose({ kind: 'z', number: event.target.value })}>
            {zNumbers.map((z) => (
              <option key={z.number} value={z.number}>
                {z.number} · {z.businessDay}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
