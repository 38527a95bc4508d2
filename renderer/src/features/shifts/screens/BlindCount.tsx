/**
 * The cashier counts the drawer before seeing what was expected (a blind count): piece by piece per
 * denomination, or as one amount. Nothing here shows the expected cash; the answer of `shift.end` does, once
 * the count is committed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlindCount as BlindCountInput } from '../../../../../shared/contract/backoffice';
import type { Currency } from '../../../../../shared/money';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';
import { parseTypedAmount } from '../../backoffice/amounts';
import { MoneyField } from '../../backoffice/screens/MoneyField';
import { countedMinor, denominationsOf, piecesOf } from '../denominations';

interface BlindCountProps {
  currency: Currency;
  busy: boolean;
  onCommit(count: BlindCountInput): void;
  onCancel(): void;
}

export function BlindCount({ currency, busy, onCommit, onCancel }: BlindCountProps) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const units = denominationsOf(currency);
  const [byPiece, setByPiece] = useState(units.length > 0);
  const [pieces, setPieces] = useState<Record<number, string>>({});
  const [amountText, setAmountText] = useState('');
  const [confirming, setConfirming] = useState(false);

  const typed = parseTypedAmount(amountText, currency);
  const total = byPiece ? { minor: countedMinor(pieces, units), currency } : typed.ok ? typed.amount : null;
  const commit = () => {
    if (!total) return;
    // Every denomination goes, zeros too: the core adds the pieces up and keeps the count as it was made.
    onCommit(byPiece ? { currency, denominations: units.map((unitMinor) => ({ unitMinor, count: piecesOf(pieces[unitMinor]) })) } : { amount: total });
  };

  return (
    <section className="panel" aria-labelledby="blind-count-title">
      <h2 id="blind-count-title">{t('shifts.count.title')}</h2>
      <p className="hint">{t('shifts.count.hint')}</p>
      {units.length > 0 && (
        <div className="field-row" role="group" aria-label={t('shifts.count.how')}>
          <button type="button" className="chip-button" aria-pressed={byPiece} onClick={() => setByPiece(true)}>
            {t('shifts.count.byPiece')}
          </button>
          <button type="button" className="chip-button" aria-pressed={!byPiece} onClick={() => setByPiece(false)}>
            {t('shifts.count.oneAmount')}
          </button>
        </div>
      )}
      {byPiece ? (
        <div className="denominations" role="group" aria-label={t('shifts.count.pieces')}>
          {units.map((unit) => (
            <label key={unit}>
              <span>{money({ minor: unit, currency }, language)}</span>
              <input
                inputMode="numeric"
                autoComplete="off"
                aria-label={t('shifts.count.piecesOf', { value: money({ minor: unit, currency }, language) })}
                value={pieces[unit] ?? ''}
                onChange={(event) => setPieces((known) => ({ ...known, [unit]: event.target.value.replace(/\D/g, '').slice(0, 6) }))}
              />
            </label>
          ))}
        </div>
      ) : (
        <MoneyField label={t('shifts.count.counted')} value={amountText} currency={currency} onChange={setAmountText} />
      )}
      <p className="number-medium" data-testid="count-total">
        {t('shifts.count.total', { amount: total ? money(total, language) : '—' })}
      </p>
      {confirming ? (
        <div className="actions" role="group" aria-label={t('shifts.count.confirmTitle')}>
          <p className="warn-line">{t('shifts.count.confirmBody', { amount: total ? money(total, language) : '—' })}</p>
          <button type="button" className="secondary big" onClick={() => setConfirming(false)}>
            {t('shifts.count.recount')}
          </button>
          <button type="button" className="primary big" disabled={busy || !total} onClick={commit}>
            {t('shifts.count.commit')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="secondary big" onClick={onCancel}>
            {t('shifts.count.cancel')}
          </button>
          <button type="button" className="primary big" disabled={!total} onClick={() => setConfirming(true)}>
            {t('shifts.count.done')}
          </button>
        </div>
      )}
    </section>
  );
}
