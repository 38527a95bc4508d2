/**
 * The counter's guards around one sale: the ledger's re-sell check between the amount and the read-back, the
 * core's own refusals of a sale (resell_blocked, repeat_unconfirmed), the answers that travel with the sale (an
 * owner's PIN, a confirmed repeat), and the cash question after a failure.
 */
import type { ResellCheck } from '../../../../shared/contract/sales';
import type { ErrorCode } from '../../../../shared/errors';
import type { StoreApi } from 'zustand';
import { errorCodeOf } from '../../bridge/client';
import type { StatusActions } from '../status/types';
import type { TodayActions, TodayState } from '../today/types';
import { newRequestId, sellService } from './service';
import type { Offer, ResellGuard, SellActions, SellInputExtras, SellSlice } from './types';

/** What a sale touches outside itself: today's list shows it as soon as it is known; the status bar's refunds owed. */
export type SellNeeds = Pick<TodayState, 'todaySales'> & Pick<TodayActions, 'upsertTodaySale'> & Pick<StatusActions, 'refreshStatus'>;

type SellStore = SellSlice & SellNeeds;

/** What the ledger's answer asks of the cashier: an unresolved sale blocks, the same sale moments ago asks first. */
export function resellGuardFrom(check: ResellCheck): ResellGuard | null {
  if (check.unresolved) return { kind: 'blocked', earlier: check.unresolved };
  if (check.sameRecently) return { kind: 'repeat', earlier: check.sameRecently };
  return null;
}

/** The sale's own refusal codes, when the core knew better than the check before the read-back. */
export function guardKindOf(code: ErrorCode): ResellGuard['kind'] | null {
  if (code === 'resell_blocked') return 'blocked';
  if (code === 'repeat_unconfirmed') return 'repeat';
  return null;
}

/** What the ledger says about earlier sales to this number and amount; null when it cannot say. */
async function askLedger(phone: string, country: string, offer: Offer): Promise<ResellCheck | null> {
  try {
    return await sellService.checkResell({ phone, country, ...(offer.kind === 'sku' ? { sku: offer.sku } : { amount: offer.amount }) });
  } catch {
    // The core checks again when the sale is sent (resell_blocked, repeat_unconfirmed): a check that could not
    // run does not stop the sale, it only loses the earlier sale's time and state in the dialog.
    return null;
  }
}

type GuardActions = Pick<SellActions, 'cancelResell' | 'confirmRepeat' | 'allowWithOwnerPin' | 'answerCash'>;

export function createReadBackGuards(set: StoreApi<SellStore>['setState'], get: () => SellStore) {
  /** The ledger's check, between the amount and the read-back: a dialog, or on to the read-back. */
  async function checkThenReadBack(offer: Offer): Promise<void> {
    const { phone, country } = get();
    const check = await askLedger(phone, country, offer);
    // The cashier may have gone back or changed the amount meanwhile.
    if (get().offer !== offer || get().step !== 'product') return;
    const guard = check ? resellGuardFrom(check) : null;
    set({ resellChecking: false, resellGuard: guard, ...(guard ? {} : { step: 'confirm' as const, requestId: newRequestId() }) });
  }

  /** The core refused the sale itself: back before the read-back, with the dialog the check would have shown. */
  async function refusedByGuard(kind: ResellGuard['kind']): Promise<void> {
    const { phone, country, offer } = get();
    set({ step: 'product', requestId: null, sellError: null, resellGuard: { kind, earlier: null }, ownerPin: null, repeatConfirmed: false });
    const check = offer ? await askLedger(phone, country, offer) : null;
    const earlier = kind === 'blocked' ? check?.unresolved : check?.sameRecently;
    if (earlier && get().resellGuard?.kind === kind) set({ resellGuard: { kind, earlier } });
  }

  /** The read-back's answers that travel with this one sale. */
  function extras(): SellInputExtras {
    const { ownerPin, repeatConfirmed } = get();
    return { ...(ownerPin ? { ownerPin } : {}), ...(repeatConfirmed ? { repeatConfirmed } : {}) };
  }

  const actions: GuardActions = {
    cancelResell() {
      set({ resellGuard: null, resellChecking: false, offer: null, ownerPin: null, repeatConfirmed: false });
    },
    confirmRepeat() {
      if (get().step !== 'product' || get().resellGuard?.kind !== 'repeat') return;
      set({ resellGuard: null, repeatConfirmed: true, step: 'confirm', requestId: newRequestId() });
    },
    allowWithOwnerPin(pin) {
      if (get().step !== 'product' || get().resellGuard?.kind !== 'blocked') return;
      // The owner allowed another sale to this number on purpose: that answers "¿Otra recarga igual?" too.
      set({ resellGuard: null, ownerPin: pin, repeatConfirmed: true, step: 'confirm', requestId: newRequestId() });
    },
    async answerCash(answer) {
      const { sale, cashAnswerBusy, step } = get();
      if (!sale || cashAnswerBusy || step !== 'result') return;
      if (answer === 'owed') {
        set({ cashAnswer: 'owed', cashAnswerError: null });
        return;
      }
      set({ cashAnswerBusy: true, cashAnswerError: null });
      try {
        const refunded = await sellService.refundAtCounter(sale.id);
        set({ sale: refunded, cashAnswer: 'handed_back', cashAnswerBusy: false });
        get().upsertTodaySale(refunded);
        void get().refreshStatus();
        void get().loadRecent();
      } catch (error) {
        set({ cashAnswerBusy: false, cashAnswerError: errorCodeOf(error) });
      }
    },
  };

  return { checkThenReadBack, refusedByGuard, extras, actions };
}
