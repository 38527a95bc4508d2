/**
 * Step 3: read the number back to the customer, then charge and send (Enter sends, Escape goes back).
 * The read-back always stops the cashier: for a guard time after it appears the send button is disarmed, and a
 * tap counts only if it began on the armed button, so the second tap of a double tap on an amount tile (or
 * Enter pressed twice on the amount keypad) never sends. Five taps on the armed button still send one sale.
 */
import { useEffect, useRef, useState, type MouseEvent, type MutableRefObject, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { useFocusOnShow } from '../../../components/useFocusOnShow';
import { enterOnButton } from '../../../components/useKeypadKeys';
import { money, phone as formatPhone } from '../../../format';
import { CarrierName } from './DetectCarrier';
import { LineCheck } from './LineCheck';

/** Long enough to swallow the second tap of a double tap (~300 ms apart), short enough not to slow a cashier. */
export const CONFIRM_GUARD_MS = 600;

/** Arms after the guard time; answers whether it is armed and since when (performance.now() time base). */
export function useArmedAfterGuard(): { armed: boolean; armedAt: MutableRefObject<number | null> } {
  const [armed, setArmed] = useState(false);
  const armedAt = useRef<number | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      armedAt.current = performance.now();
      setArmed(true);
    }, CONFIRM_GUARD_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return { armed, armedAt };
}

export function ConfirmStep() {
  const { t } = useTranslation();
  const { phone, country, carrier, offer, language, ownerPin, repeatConfirmed } = useSaldo(
    useShallow((state) => ({ phone: state.phone, country: state.country, carrier: state.carrier, offer: state.offer, language: state.language, ownerPin: state.ownerPin, repeatConfirmed: state.repeatConfirmed })),
  );
  const { confirmSale, back, refreshStatus } = useSaldo.getState();
  const { armed, armedAt } = useArmedAfterGuard();
  // The read-back takes the focus: Enter here is the screen's (send once armed), never a button left behind.
  const titleFocus = useFocusOnShow<HTMLHeadingElement>();
  const pointerDownAt = useRef<number | null>(null);

  // The line may have gone down since the status bar last heard: ask again as the read-back shows.
  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.repeat || enterOnButton(event)) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        if (armedAt.current !== null) void confirmSale();
      } else if (event.key === 'Escape') back();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [confirmSale, back, armedAt]);

  function onSendPointerDown(event: PointerEvent<HTMLButtonElement>) {
    pointerDownAt.current = event.timeStamp;
  }

  function onSend(event: MouseEvent<HTMLButtonElement>) {
    if (armedAt.current === null) return;
    // detail 0: Enter or Space on the focused button. Otherwise the press must have begun on the armed button.
    const byPointer = event.detail > 0;
    if (byPointer && (pointerDownAt.current === null || pointerDownAt.current < armedAt.current)) return;
    void confirmSale();
  }

  if (!offer || !carrier) return null;
  const amount = money(offer.amount, language);
  return (
    <div className="sell-confirm">
      <h2 tabIndex={-1} ref={titleFocus}>
        {t('sell.confirmTitle')}
      </h2>
      <p className="hint">{t('sell.readBack')}</p>
      <p className="number-large" aria-label={t('sell.confirmNumber')} data-testid="confirm-number">
        {formatPhone(phone, country)}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('sell.confirmCarrier')}</dt>
          <dd>
            <CarrierName carrier={carrier} />
          </dd>
        </div>
        {offer.kind === 'sku' && (
          <div>
            <dt>{t('sell.confirmProduct')}</dt>
            <dd>{offer.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('sell.confirmAmount')}</dt>
          <dd>{amount}</dd>
        </div>
        <div className="charge">
          <dt>{t('sell.confirmCharge')}</dt>
          <dd>{amount}</dd>
        </div>
      </dl>
      {(ownerPin || repeatConfirmed) && <p className="warn-line">{ownerPin ? t('guard.allowedByOwner') : t('guard.repeatConfirmedLine')}</p>}
      <LineCheck />
      <p className="cash-line" id="cash-holder">
        {t('sell.cashHolder', { amount })}
      </p>
      <div className="actions confirm-actions">
        <button type="button" className="secondary big" onClick={back}>
          ← {t('sell.back')}
        </button>
        <button
          type="button"
          className="primary big"
          disabled={!armed}
          aria-describedby="cash-holder"
          data-armed={armed}
          onPointerDown={onSendPointerDown}
          onClick={onSend}
        >
          {t('sell.send', { amount })}
        </button>
      </div>
    </div>
  );
}
