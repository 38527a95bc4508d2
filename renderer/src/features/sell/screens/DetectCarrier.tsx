/** "No sé la compañía" on the counter: its tile, and the carrier named in words wherever a sale shows it. */
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../../shared/contract/sales';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { BundleIncludes } from '../../international/screens/BundleIncludes';
import { isDetect } from '../detect-carrier';
import '../../international/sell-more.css';

export function DetectCarrierTile({ pressed, onPick }: { pressed: boolean; onPick(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tile carrier-tile detect-tile" aria-pressed={pressed} onClick={onPick}>
      <span aria-hidden="true" className="detect-mark">
        ?
      </span>
      <span>{t('more.detect.tile')}</span>
    </button>
  );
}

/** The carrier this number was sold with last time, offered first (above the carriers, whose keys stay as they are). */
export function LastTimeCarrier({ carrier, onPick }: { carrier: string; onPick(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tile last-carrier" onClick={onPick}>
      <CarrierBadge name={carrier} />
      <span>{t('more.detect.lastTimeCarrier', { carrier })}</span>
    </button>
  );
}

/** The carrier as chosen, or "detected when it is sent" before the provider says which. */
export function CarrierName({ carrier }: { carrier: string }) {
  const { t } = useTranslation();
  if (isDetect(carrier)) return <>{t('more.detect.onSend')}</>;
  return (
    <>
      <CarrierBadge name={carrier} /> {carrier}
    </>
  );
}

/** A sale's carrier in words: the one detected says so; a detection not answered yet says that. */
export function saleCarrierText(sale: { carrier: string; carrierDetected?: boolean | undefined }, t: (key: string, options?: Record<string, string>) => string): string {
  if (!sale.carrierDetected) return sale.carrier;
  return sale.carrier ? t('more.detect.detected', { carrier: sale.carrier }) : t('more.detect.notYet');
}

/** What a bundle tile includes, looked up in the catalog by its SKU. */
export function BundleIncludesOf({ catalog, sku }: { catalog: Catalog | null; sku: string }) {
  const includes = catalog?.products.find((product) => product.sku === sku)?.includes;
  return includes ? <BundleIncludes includes={includes} /> : null;
}
