/**
 * When a downloaded update may be installed: the one rule, pure (no clock, no database, no Electron). The
 * Electron scheduler and `cli update-policy` both ask it; neither decides anything itself.
 *
 * Installing restarts the app, and a restart in the middle of a sale is exactly what the ledger's recovery
 * exists for, not something to cause on purpose. So, first rule that applies wins:
 *   1. nothing downloaded                                   → wait
 *   2. a sale is being sent or awaits the provider's answer → wait (never overridable)
 *   3. the offline queue holds sales, or outcomes are unresolved (unknown or pending), and the owner has
 *      not allowed installing anyway                         → wait (the queue drains, unknowns get resolved)
 *   4. the shop is open: only with the owner's confirmation → install-now if confirmed, else ask-owner
 *   5. the shop is closed                                   → install-now, by itself
 * The channel (stable or beta) chooses which feed is read, never when an update installs.
 */
import { businessDayOf } from '../../../shared/business-day';
import type { UPDATE_CHANNELS, UPDATE_DECISIONS, UPDATE_REASON_CODES } from '../../../shared/contract/updates';

export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/**
 * Opening hours on the shop's wall clock, whole hours: open 0–23, close 1–24 (24 is midnight). A close before
 * the open hour means the shop is open across midnight (18 → 2); 0 → 24 means open all day (never closed).
 */
export interface ShopHours {
  open: number;
  close: number;
}

export interface UpdatePolicyInput {
  /** A sale is being sent or awaits the provider's answer to that request (ledger states created, sending). */
  sending: boolean;
  /** Sales waiting in the offline queue. */
  queued: number;
  /** Sales whose outcome is unknown (timeout, broken connection) and not yet resolved with the provider. */
  unknown: number;
  /** Sales the provider accepted whose final result has not arrived yet. */
  pending: number;
  shopHours: ShopHours;
  /** The shop's IANA time zone (settings `timeZone`), in which `shopHours` are read. */
  timeZone: string;
  /** Epoch milliseconds. */
  now: number;
  /** The owner confirmed installing during opening hours. */
  ownerConfirmed: boolean;
  /** The owner allowed installing although the queue holds sales or outcomes are unresolved. */
  ownerAllowsNonEmptyQueue: boolean;
  /** An update has been downloaded and is ready to install. */
  updateDownloaded: boolean;
  channel: UpdateChannel;
}

export type UpdateDecision = (typeof UPDATE_DECISIONS)[number];
export type UpdateReasonCode = (typeof UPDATE_REASON_CODES)[number];

export interface UpdatePolicyResult {
  decision: UpdateDecision;
  reason: { code: UpdateReasonCode; message: string };
  /** Whether the shop was open at `now` (so a tech can see which half of the rule applied). */
  shopOpen: boolean;
}

/** Whether the shop is open at an instant: at or after the last opening on its wall clock, before the next closing. */
export function isShopOpen(hours: ShopHours, timeZone: string, instantMs: number): boolean {
  if (hours.open === hours.close % 24) return true;
  // The business day that starts at hour H began at the latest wall-clock H before `instantMs`, whatever the
  // date or daylight saving: the shop is open when it opened more recently than it closed.
  const lastOpening = businessDayOf(instantMs, { timeZone, dayStartHour: hours.open }).startMs;
  const lastClosing = businessDayOf(instantMs, { timeZone, dayStartHour: hours.close % 24 }).startMs;
  return lastOpening > lastClosing;
}

function result(decision: UpdateDecision, code: UpdateReasonCode, message: string, shopOpen: boolean): UpdatePolicyResult {
  return { decision, reason: { code, message }, shopOpen };
}

export function decideUpdate(input: UpdatePolicyInput): UpdatePolicyResult {
  const shopOpen = isShopOpen(input.shopHours, input.timeZone, input.now);
  if (!input.updateDownloaded) return result('wait', 'no_update_downloaded', 'No update has been downloaded yet; there is nothing to install.', shopOpen);
  if (input.sending) return result('wait', 'sale_in_flight', 'A sale is being sent or awaits the provider’s answer; the update waits until it has one.', shopOpen);
  if (!input.ownerAllowsNonEmptyQueue) {
    if (input.queued > 0) {
      return result('wait', 'offline_queue_not_empty', `The offline queue holds ${input.queued} sale(s); the update waits until they are sent, unless the owner allows installing now.`, shopOpen);
    }
    if (input.unknown + input.pending > 0) {
      return result(
        'wait',
        'outcomes_unresolved',
        `${input.unknown} sale(s) with an unknown outcome and ${input.pending} awaiting the provider’s result; the update waits until they are resolved, unless the owner allows installing now.`,
        shopOpen,
      );
    }
  }
  if (shopOpen) {
    return input.ownerConfirmed
      ? result('install-now', 'shop_open_owner_confirmed', 'The shop is open, no sale is in flight and the owner confirmed: installing now.', shopOpen)
      : result('ask-owner', 'shop_open_needs_owner', 'The shop is open: the update installs at an idle moment once the owner confirms.', shopOpen);
  }
  return result('install-now', 'shop_closed', 'The shop is closed and no sale is in flight: installing now.', shopOpen);
}
