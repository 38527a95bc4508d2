/**
 * Whether the display must be kept awake now: in kiosk mode, while the shop is open (the same opening hours
 * and time zone the update policy reads; one rule for "open", in ../updates/policy). Outside opening hours the
 * screen may sleep like any PC's; a normal desktop window never holds the display awake.
 */
import { isShopOpen, type ShopHours } from '../updates/policy';

export interface KeepAwakeInput {
  kiosk: boolean;
  shopHours: ShopHours;
  /** The shop's IANA time zone (settings `timeZone`). */
  timeZone: string;
  /** Epoch milliseconds. */
  now: number;
}

export function shouldKeepDisplayAwake(input: KeepAwakeInput): boolean {
  return input.kiosk && isShopOpen(input.shopHours, input.timeZone, input.now);
}
