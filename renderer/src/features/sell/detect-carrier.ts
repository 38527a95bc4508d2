/**
 * "No sé la compañía" (Mexico): the cashier leaves the carrier to the provider, which detects it from the number
 * (MobiSend, when the carrier is omitted). The counter keeps the choice as a marker that is never a carrier's
 * name; the sale goes without a carrier and the result names the one detected. Where the number was sold before,
 * the carrier used last time is offered first (./screens/DetectCarrier.tsx, LastTimeCarrier).
 */
import { useEffect, useState } from 'react';
import type { Catalog } from '../../../../shared/contract/sales';
import type { Money } from '../../../../shared/money';
import { call } from '../../bridge/client';

/** The carrier "chosen" when the cashier does not know it: no carrier is named with a leading asterisk. */
export const DETECT_CARRIER = '*detect*';

export function isDetect(carrier: string | null): boolean {
  return carrier === DETECT_CARRIER;
}

/** The sale's carrier field: left out when the provider detects it. */
export function carrierForSale(carrier: string): { carrier?: string } {
  return isDetect(carrier) ? {} : { carrier };
}

/** Only where a provider that detects carriers sells the country's top-ups. */
export function canDetect(catalog: Catalog | null, country: string): boolean {
  return country === 'MX' && (catalog?.products ?? []).some((product) => product.provider === 'mobisend' && product.type === 'topup');
}

/** The amounts any detected carrier can take: MobiSend's top-up amounts that every carrier it sells offers. */
export function detectAmounts(catalog: Catalog | null): Money[] {
  const products = (catalog?.products ?? []).filter((product) => product.provider === 'mobisend' && product.type === 'topup' && product.amount);
  const carriers = new Set(products.map((product) => product.carrier));
  const byAmount = new Map<number, { amount: Money; carriers: Set<string> }>();
  for (const product of products) {
    const entry = byAmount.get(product.amount!.minor) ?? { amount: product.amount!, carriers: new Set<string>() };
    entry.carriers.add(product.carrier);
    byAmount.set(product.amount!.minor, entry);
  }
  return [...byAmount.values()].filter((entry) => entry.carriers.size === carriers.size).map((entry) => entry.amount).sort((a, b) => a.minor - b.minor);
}

/** The carrier this number was last sold with (chosen or detected), asked once per number; null when never sold. */
export function useCarrierHint(phone: string, country: string): string | null {
  const [hint, setHint] = useState<{ key: string; carrier: string | null } | null>(null);
  const key = `${country}:${phone}`;
  useEffect(() => {
    let current = true;
    call('catalog.carrierHint', { phone, country })
      .then((answer) => current && setHint({ key, carrier: answer.carrier }))
      // A convenience: without it the carriers keep their usual order.
      .catch(() => current && setHint({ key, carrier: null }));
    return () => {
      current = false;
    };
  }, [phone, country, key]);
  return hint?.key === key ? hint.carrier : null;
}
