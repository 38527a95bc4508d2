/** "Cambiar cajero": signs out at once, unless a sale is half-way, then asks before discarding it. */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';
import { phone as formatPhone } from '../../../format';

/** A sale the cashier has started but not sent: a number typed, an amount chosen, a read-back open. */
function useSaleInProgress(): { inProgress: boolean; phone: string | null } {
  const inProgress = useSaldo((state) => state.step === 'product' || state.step === 'confirm' || (state.step === 'number' && state.phone.length > 0));
  const phone = useSaldo((state) => (state.phone ? formatPhone(state.phone, state.country) : null));
  return { inProgress, phone };
}

function DiscardDialog({ phone, onKeep, onDiscard }: { phone: string | null; onKeep(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  // Out of the status bar, whose light-on-dark text and button styles are not the dialog's.
  return createPortal(
    <div className="dialog-backdrop">
      <div className="dialog guard-dialog" role="alertdialog" aria-modal="true" aria-labelledby="switch-title" aria-describedby="switch-body">
        <h2 id="switch-title">{t('status.switchTitle')}</h2>
        <p id="switch-body">{phone ? t('status.switchBody', { phone }) : t('status.switchBodyNoNumber')}</p>
        <div className="actions">
          <button ref={keep} type="button" className="primary big" onClick={onKeep}>
            {t('status.switchKeep')}
          </button>
          <button type="button" className="secondary big" onClick={onDiscard}>
            {t('status.switchDiscard')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The button says who is signed in above what it does, so the header keeps one row at 1024×768. */
export function SwitchCashier({ disabled, name }: { disabled: boolean; name: string }) {
  const { t } = useTranslation();
  const { inProgress, phone } = useSaleInProgress();
  const signOut = useSaldo((state) => state.signOut);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="chip-button switch-cashier" aria-label={t('status.switchCashier')} disabled={disabled} onClick={() => (inProgress ? setAsking(true) : void signOut())}>
        <span className="cashier" aria-hidden="true">
          {name}
        </span>
        <span aria-hidden="true">{t('status.switchCashier')}</span>
      </button>
      <span className="visually-hidden">{t('status.cashier', { name })}</span>
      {asking && (
        <DiscardDialog
          phone={phone}
          onKeep={() => setAsking(false)}
          onDiscard={() => {
            setAsking(false);
            void signOut();
          }}
        />
      )}
    </>
  );
}
