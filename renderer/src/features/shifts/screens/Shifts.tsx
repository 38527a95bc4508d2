/**
 * Turnos y caja (owner): this PC's drawer (the same actions a cashier has), the shifts waiting for review, and
 * every shift with its figures; a shift open for more than 24 h is flagged. Opening a row reviews that shift.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { dateTime, money } from '../../../format';
import { BackofficeLayout } from '../../backoffice/screens/BackofficeLayout';
import { useLoaded } from '../../backoffice/useAsync';
import { shiftsService } from '../service';
import { CurrentShift } from './CurrentShift';
import { ShiftReview } from './ShiftReview';

function ShiftList({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const list = useLoaded(() => shiftsService.list(), 'list');
  const shifts = list.value?.shifts ?? [];
  const stale = shifts.filter((shift) => shift.stale && shift.state === 'open');
  const waiting = shifts.filter((shift) => shift.state === 'ended').length;
  return (
    <section aria-labelledby="shift-list-title">
      <h2 id="shift-list-title">{t('shifts.list.title')}</h2>
      {stale.map((shift) => (
        <p key={shift.id} className="banner banner-warn" role="alert">
          {t('shifts.stale', { since: dateTime(shift.openedAt, language) })}
        </p>
      ))}
      {waiting > 0 && <p className="banner banner-warn">{t('shifts.list.waiting', { count: waiting })}</p>}
      {shifts.length === 0 ? (
        <p className="hint">{list.loading ? t('app.loading') : t('shifts.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="sales-table">
            <thead>
              <tr>
                <th scope="col">{t('shifts.list.opened')}</th>
                <th scope="col">{t('shifts.list.state')}</th>
                <th scope="col" className="num">
                  {t('shifts.figures.float')}
                </th>
                <th scope="col" className="num">
                  {t('shifts.figures.expected')}
                </th>
                <th scope="col" className="num">
                  {t('shifts.figures.counted')}
                </th>
                <th scope="col" className="num">
                  {t('shifts.figures.difference')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((shift) => (
                <tr key={shift.id} data-shift-id={shift.id}>
                  <td>
                    <button type="button" className="row-button" aria-label={t('shifts.list.open', { time: dateTime(shift.openedAt, language) })} onClick={() => onOpen(shift.id)}>
                      {dateTime(shift.openedAt, language)}
                    </button>
                  </td>
                  <td>
                    {t(`shifts.states.${shift.state}`)}
                    {shift.stale && shift.state === 'open' ? ` · ${t('shifts.list.stale')}` : ''}
                  </td>
                  <td className="num">{money(shift.float, language)}</td>
                  <td className="num">{shift.expected ? money(shift.expected, language) : '—'}</td>
                  <td className="num">{shift.counted ? money(shift.counted, language) : '—'}</td>
                  <td className="num">{shift.difference ? money(shift.difference, language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Shifts() {
  const { t } = useTranslation();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [listKey, setListKey] = useState(0);
  return (
    <BackofficeLayout screen="shifts" title={t('shifts.title')}>
      {reviewing ? (
        <ShiftReview
          id={reviewing}
          onBack={() => setReviewing(null)}
          onClosed={() => {
            setReviewing(null);
            setListKey((key) => key + 1);
          }}
        />
      ) : (
        <div className="stack">
          <CurrentShift />
          <ShiftList key={listKey} onOpen={setReviewing} />
        </div>
      )}
    </BackofficeLayout>
  );
}
