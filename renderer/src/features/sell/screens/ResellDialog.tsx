/**
 * Before the read-back, when the ledger knows an earlier sale to this number: an unresolved one blocks (the
 * owner can allow another with their PIN), the same number and amount moments ago asks "¿Otra recarga igual?".
 * Both show the earlier sale's time and state, so the cashier can tell the customer what happened to it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../shared/contract/sales';
import { useSaldo } from '../../../app/store';
import { OwnerPinPad } from '../../../components/OwnerPinPad';
import { money, time } from '../../../format';

function useEarlierWords(earlier: Sale | null): { amount: string; time: string; state: string } | null {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  if (!earlier) return null;
  return { amount: money(earlier.price, language), time: time(earlier.createdAt, language), state: t(`states.${earlier.state}`) };
}

function BlockedBody({ earlier, onOwner }: { earlier: Sale | null; onOwner(): void }) {
  const { t } = useTranslation();
  const words = useEarlierWords(earlier);
  const cancelResell = useSaldo((state) => state.cancelResell);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <>
      <h2 id="resell-title">{t('guard.blockedTitle')}</h2>
      {words && <p className="number-medium" data-testid="resell-earlier">{t('guard.blockedBody', words)}</p>}
      <p>{t('guard.blockedWhy')}</p>
      <p className="hint">{t('guard.ownerCanAllow')}</p>
      <div className="actions">
        <button ref={first} type="button" className="primary big" onClick={cancelResell}>
          {t('guard.cancel')}
        </button>
        <button type="button" className="secondary big" onClick={onOwner}>
          {t('guard.ownerAllow')}
        </button>
      </div>
    </>
  );
}

function RepeatBody({ earlier }: { earlier: Sale | null }) {
  const { t } = useTranslation();
  const words = useEarlierWords(earlier);
  const { cancelResell, confirmRepeat } = useSaldo.getState();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <>
      <h2 id="resell-title">{t('guard.repeatTitle')}</h2>
      <p className="number-medium" data-testid="resell-earlier">
        {words ? t('guard.repeatBody', words) : t('guard.repeatBodyUnknown')}
      </p>
      <div className="actions">
        <button ref={first} type="button" className="secondary big" onClick={cancelResell}>
          {t('guard.repeatNo')}
        </button>
        <button type="button" className="primary big" onClick={confirmRepeat}>
          {t('guard.repeatYes')}
        </button>
      </div>
    </>
  );
}

export function ResellDialog() {
  const { t } = useTranslation();
  const guard = useSaldo((state) => state.resellGuard);
  const { cancelResell, allowWithOwnerPin } = useSaldo.getState();
  const [askingOwner, setAskingOwner] = useState(false);
  useEffect(() => setAskingOwner(false), [guard]);

  useEffect(() => {
    if (!guard) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancelResell();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [guard, cancelResell]);

  if (!guard) return null;
  return (
    <div className="dialog-backdrop">
      <div className={`dialog guard-dialog guard-${guard.kind}`} role="alertdialog" aria-modal="true" aria-labelledby={askingOwner ? 'owner-pin-title' : 'resell-title'}>
        {guard.kind === 'repeat' ? (
          <RepeatBody earlier={guard.earlier} />
        ) : askingOwner ? (
          <OwnerPinPad reason={t('guard.blockedTitle')} onSubmit={allowWithOwnerPin} onCancel={() => setAskingOwner(false)} />
        ) : (
          <BlockedBody earlier={guard.earlier} onOwner={() => setAskingOwner(true)} />
        )}
      </div>
    </div>
  );
}
