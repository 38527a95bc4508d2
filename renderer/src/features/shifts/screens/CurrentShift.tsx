/**
 * This PC's drawer, for whoever stands at it (a cashier, or the owner): open it with a counted float; cash in
 * and out with a reason; end it with a blind count, after which the expected cash and the difference show.
 * An ended shift waits for the owner's review (the owner closes it on Turnos y caja).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMajorString } from '../../../../../shared/money';
import { useSaldo } from '../../../app/store';
import { dateTime, money } from '../../../format';
import { parseTypedAmount, SHOP_CURRENCY } from '../../backoffice/amounts';
import { MoneyField } from '../../backoffice/screens/MoneyField';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useCurrentShift } from '../useCurrentShift';
import { BlindCount } from './BlindCount';
import { CashMovementForm } from './CashMovementForm';
import { ShiftFigures } from './ShiftFigures';

function OpenShift({ suggested, busy, onOpen }: { suggested: string; busy: boolean; onOpen(text: string): void }) {
  const { t } = useTranslation();
  const [floatText, setFloatText] = useState(suggested);
  const typed = parseTypedAmount(floatText, SHOP_CURRENCY);
  return (
    <section className="panel" aria-labelledby="open-shift-title">
      <h2 id="open-shift-title">{t('shifts.open.title')}</h2>
      <p className="hint">{t('shifts.open.hint')}</p>
      <div className="field-row">
        <MoneyField label={t('shifts.open.float')} value={floatText} currency={SHOP_CURRENCY} onChange={setFloatText} required />
        <button type="button" className="primary big" disabled={busy || !typed.ok} onClick={() => onOpen(floatText)}>
          {t('shifts.open.submit')}
        </button>
      </div>
    </section>
  );
}

export function CurrentShift() {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const { current, justEnded, recorded, busy, actionError, open, moveCash, end } = useCurrentShift();
  const [counting, setCounting] = useState(false);
  const shift = current.value?.shift ?? null;
  const currency = shift?.float.currency ?? current.value?.suggestedFloat.currency ?? SHOP_CURRENCY;

  if (current.loading && !current.value) return <p className="hint">{t('app.loading')}</p>;
  return (
    <div className="current-shift" data-testid="current-shift">
      {current.error && <Problem code={current.error} />}
      {actionError && <Problem code={actionError} />}
      {recorded && !actionError && (
        <p className="ok" role="status">
          {t(`shifts.recorded.${recorded}`)}
        </p>
      )}
      {justEnded && justEnded.id !== shift?.id && (
        <section className="panel" aria-labelledby="ended-title">
          <h2 id="ended-title">{t('shifts.ended.title')}</h2>
          <ShiftFigures shift={justEnded} caption={t('shifts.ended.title')} />
          <p className="hint">{t('shifts.ended.waitOwner')}</p>
        </section>
      )}
      {!shift && current.value && (
        <OpenShift
          suggested={current.value.suggestedFloat.minor > 0 ? toMajorString(current.value.suggestedFloat) : ''}
          busy={busy}
          onOpen={(text) => {
            const typed = parseTypedAmount(text, currency);
            if (typed.ok) void open(typed.amount);
          }}
        />
      )}
      {shift && (
        <section className="panel" aria-labelledby="shift-title">
          <h2 id="shift-title">{shift.state === 'open' ? t('shifts.current.open') : t('shifts.current.ended')}</h2>
          {shift.stale && shift.state === 'open' && <p className="banner banner-warn">{t('shifts.stale', { since: dateTime(shift.openedAt, language) })}</p>}
          <p>{t('shifts.current.since', { time: dateTime(shift.openedAt, language), float: money(shift.float, language) })}</p>
          {shift.expected !== null && <ShiftFigures shift={shift} caption={t('shifts.current.open')} />}
          {shift.expected === null && shift.state === 'open' && <p className="hint">{t('shifts.current.blind')}</p>}
          {shift.state === 'ended' && <p className="hint">{t('shifts.ended.waitOwner')}</p>}
        </section>
      )}
      {shift?.state === 'open' && !counting && (
        <>
          <CashMovementForm currency={currency} busy={busy} onSubmit={moveCash} />
          <div className="actions">
            <button type="button" className="danger big" onClick={() => setCounting(true)}>
              {t('shifts.end.start')}
            </button>
          </div>
        </>
      )}
      {shift?.state === 'open' && counting && (
        <BlindCount
          currency={currency}
          busy={busy}
          onCancel={() => setCounting(false)}
          onCommit={(count) => {
            void end(count).then((done) => done && setCounting(false));
          }}
        />
      )}
    </div>
  );
}
