/**
 * Paying out a refund owed, later, from today's list: owner-only. An owner marks it directly; a cashier hands
 * the tablet to the owner, who types their PIN on the spot (it travels with this one call, never stored).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../shared/contract/sales';
import { useSaldo } from '../../../app/store';
import { OwnerPinPad } from '../../../components/OwnerPinPad';
import { money } from '../../../format';

export function RefundOwed({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const isOwner = useSaldo((state) => state.user?.role === 'owner');
  const problem = useSaldo((state) => state.refundProblem);
  const busy = useSaldo((state) => state.refundBusy);
  const language = useSaldo((state) => state.language);
  const markRefunded = useSaldo((state) => state.markRefunded);
  const [askingOwner, setAskingOwner] = useState(false);
  const problemText = problem ? (problem === 'forbidden' ? t('today.refundForbidden') : t(`errors.${problem}`)) : null;

  if (askingOwner) {
    return (
      <div className="dialog-backdrop">
        <div className="dialog guard-dialog" role="alertdialog" aria-modal="true" aria-labelledby="owner-pin-title">
          <OwnerPinPad
            reason={t('today.ownerNeeded', { amount: money(sale.price, language) })}
            problem={problemText}
            busy={busy}
            onCancel={() => setAskingOwner(false)}
            onSubmit={(pin) => void markRefunded(sale.id, pin).then((done) => done && setAskingOwner(false))}
          />
        </div>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="danger big" disabled={busy} onClick={() => (isOwner ? void markRefunded(sale.id) : setAskingOwner(true))}>
        {t('today.markRefunded')}
      </button>
      {problemText && (
        <p className="error" role="alert">
          {problemText}
        </p>
      )}
    </>
  );
}
