/**
 * The owner reviews one shift: its figures (the parts add up to the expected cash), its cash movements, and,
 * for an ended shift, the close. A difference beyond the owner's tolerance asks for a note and the owner's PIN
 * typed again (the core refuses the close without them, whatever this screen shows).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { OwnerPinPad } from '../../../components/OwnerPinPad';
import { dateTime, money } from '../../../format';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useAction, useLoaded } from '../../backoffice/useAsync';
import { shiftsService } from '../service';
import { ShiftFigures } from './ShiftFigures';

export function ShiftReview({ id, onBack, onClosed }: { id: string; onBack(): void; onClosed(): void }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const noteId = useId();
  const loaded = useLoaded(() => shiftsService.get(id), id);
  const close = useAction((note: string, pin?: string) => shiftsService.close(id, note || undefined, pin));
  const [note, setNote] = useState('');
  const [askingPin, setAskingPin] = useState(false);
  const shift = loaded.value?.shift;
  const movements = loaded.value?.movements ?? [];
  const needsNoteAndPin = shift?.beyondTolerance === true;

  const submit = async (pin?: string) => {
    const closed = await close.run(note.trim(), pin);
    if (closed) {
      setAskingPin(false);
      onClosed();
    }
  };

  return (
    <section className="panel" aria-labelledby="review-title" data-testid="shift-review">
      <div className="detail-head">
        <button type="button" className="secondary" onClick={onBack}>
          ← {t('shifts.review.back')}
        </button>
        <h2 id="review-title">{t('shifts.review.title')}</h2>
        {shift && <span className={`state shift-${shift.state}`}>{t(`shifts.states.${shift.state}`)}</span>}
      </div>
      {loaded.error && <Problem code={loaded.error} />}
      {shift && (
        <>
          <p>
            {t('shifts.review.times', { opened: dateTime(shift.openedAt, language), ended: shift.endedAt ? dateTime(shift.endedAt, language) : '—' })} ·{' '}
            {t('shifts.review.sales', { count: shift.saleCount })}
          </p>
          <ShiftFigures shift={shift} caption={t('shifts.review.title')} />
          {movements.length > 0 && (
            <>
              <h3>{t('shifts.review.movements')}</h3>
              <ul className="todo-list">
                {movements.map((movement) => (
                  <li key={movement.id}>
                    {dateTime(movement.at, language)} · {movement.direction === 'in' ? t('shifts.cash.inShort') : t('shifts.cash.outShort')} {money(movement.amount, language)} · {movement.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {shift.note && <p>{t('shifts.review.noteWas', { note: shift.note })}</p>}
          {shift.state === 'ended' && (
            <>
              {needsNoteAndPin && <p className="banner banner-warn">{t('shifts.review.beyondTolerance')}</p>}
              <label className="field" htmlFor={noteId}>
                {needsNoteAndPin ? t('shifts.review.noteRequired') : t('shifts.review.note')}
                <textarea id={noteId} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
              </label>
              {close.error && !askingPin && <Problem code={close.error} />}
              <div className="actions">
                <button type="button" className="primary big" disabled={close.busy || (needsNoteAndPin && note.trim() === '')} onClick={() => (needsNoteAndPin ? setAskingPin(true) : void submit())}>
                  {t('shifts.review.close')}
                </button>
              </div>
            </>
          )}
        </>
      )}
      {askingPin && shift?.difference && (
        <div className="dialog-backdrop">
          <div className="dialog guard-dialog" role="alertdialog" aria-modal="true" aria-labelledby="owner-pin-title">
            <OwnerPinPad
              reason={t('shifts.review.pinReason', { difference: money(shift.difference, language) })}
              problem={close.error ? t(`errors.${close.error}`) : null}
              busy={close.busy}
              onCancel={() => setAskingPin(false)}
              onSubmit={(pin) => void submit(pin)}
            />
          </div>
        </div>
      )}
    </section>
  );
}
