/**
 * Step 2: the carrier, then an amount tile, a bundle or another amount. From a keyboard or numpad: a digit picks
 * the carrier at that place (each tile shows its key), then digits type the amount and Enter takes it (one of the
 * carrier's amounts, or any amount in its range); Backspace with nothing typed lets the carrier be chosen again.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/contract/receipts';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { Keypad } from '../../../components/Keypad';
import { useFocusOnShow } from '../../../components/useFocusOnShow';
import { useKeypadKeys } from '../../../components/useKeypadKeys';
import { money, phone as formatPhone } from '../../../format';
import { customAmountCheck, offersFor, type CarrierOffers } from '../slice';
import { canDetect, DETECT_CARRIER, isDetect, useCarrierHint } from '../detect-carrier';
import { BundleIncludesOf, DetectCarrierTile, LastTimeCarrier } from './DetectCarrier';
import { ResellDialog } from './ResellDialog';

/** The hint under the typed amount: the carrier's range, or that it sells only its listed amounts. */
function amountHelp(range: CarrierOffers['range'], problem: ReturnType<typeof customAmountCheck>['problem'], language: Language, t: TFunction): string {
  if (!range) return problem === 'not_offered' ? t('counter.onlyListed') : t('counter.typeListed');
  if (problem === 'low') return t('sell.amountTooLow', { min: money(range.min, language) });
  if (problem === 'high') return t('sell.amountTooHigh', { max: money(range.max, language) });
  return t('sell.amountRange', { min: money(range.min, language), max: money(range.max, language) });
}

/**
 * Another amount, typed on its own keypad or the keyboard: any amount in the carrier's range, or one of its
 * listed amounts. Shown for every carrier, so the panel never jumps away when a carrier has no range (Bait).
 */
function OtherAmount({ range, currency }: { range: CarrierOffers['range']; currency: string }) {
  const { t } = useTranslation();
  const { catalog, carrier, country, language, customAmount } = useSaldo(
    useShallow((state) => ({ catalog: state.catalog, carrier: state.carrier, country: state.country, language: state.language, customAmount: state.customAmount })),
  );
  const custom = customAmountCheck({ customAmount, catalog, carrier, country });
  const { pressAmountDigit, deleteAmountDigit, applyCustomAmount } = useSaldo.getState();
  return (
    <aside className="other-amount" aria-labelledby="other-title">
      <h2 id="other-title">{t('sell.otherAmount')}</h2>
      <label className="field-label" htmlFor="custom-amount">
        {t('sell.amountLabel', { currency })}
      </label>
      <output id="custom-amount" className="amount-display" aria-describedby="amount-help">
        {custom.amount ? money(custom.amount, language) : '\u00a0'}
      </output>
      <p id="amount-help" className={custom.problem === 'low' || custom.problem === 'high' || custom.problem === 'not_offered' ? 'error' : 'hint'} aria-live="polite">
        {amountHelp(range, custom.problem, language, t)}
      </p>
      <Keypad label={t('sell.otherAmount')} onDigit={pressAmountDigit} onDelete={deleteAmountDigit} />
      <button type="button" className="primary wide" disabled={custom.problem !== null || !custom.amount} onClick={() => applyCustomAmount()}>
        {custom.amount && !custom.problem ? t('sell.useAmount', { amount: money(custom.amount, language) }) : t('sell.next')}
      </button>
    </aside>
  );
}

export function ProductStep() {
  const { t } = useTranslation();
  const { phone, catalog, catalogLoading, catalogError, carrier, country, language, resellChecking } = useSaldo(
    useShallow((state) => ({
      phone: state.phone,
      catalog: state.catalog,
      catalogLoading: state.catalogLoading,
      catalogError: state.catalogError,
      carrier: state.carrier,
      country: state.country,
      language: state.language,
      resellChecking: state.resellChecking,
    })),
  );
  const offers = offersFor(catalog, carrier);
  const hint = useCarrierHint(phone, country);
  const { pickCarrier, pickCarrierByKey, pickOffer, pressAmountDigit, deleteAmountDigit, applyCustomAmount, back } = useSaldo.getState();

  useKeypadKeys({
    digit: (digit) => {
      if (!pickCarrierByKey(digit)) pressAmountDigit(digit);
    },
    backspace: deleteAmountDigit,
    escape: back,
    enter: applyCustomAmount,
  });
  // Focus on the first carrier, then on the amounts once one is chosen: Enter and digits belong to the step.
  const carrierFocus = useFocusOnShow<HTMLDivElement>(carrier === null);
  const amountsFocus = useFocusOnShow<HTMLDivElement>(carrier);

  const carriers = catalog?.carriers ?? [];
  const range = offers.range;
  const currency = range?.min.currency ?? offers.amounts[0]?.currency ?? null;
  return (
    <div className="sell-product">
      <div className="sell-main">
        <div className="number-summary">
          <button type="button" className="secondary" onClick={back}>
            ← {t('sell.back')}
          </button>
          <span className="number-small">{formatPhone(phone, country)}</span>
        </div>
        <h2 id="carrier-title">{t('sell.carrier')}</h2>
        {catalogLoading && <p className="hint">{t('sell.catalogLoading')}</p>}
        {catalogError && <p className="error">{t(`errors.${catalogError}`)}</p>}
        {!catalogLoading && carriers.length === 0 && <p className="hint">{t('sell.noCatalog')}</p>}
        {hint && carrier === null && carriers.some((item) => item.name === hint) && <LastTimeCarrier carrier={hint} onPick={() => pickCarrier(hint)} />}
        <div className="carrier-grid" role="group" aria-labelledby="carrier-title" tabIndex={-1} ref={carrier === null ? carrierFocus : undefined}>
          {carriers.map((item, index) => (
            <button key={item.name} type="button" className="tile carrier-tile" aria-pressed={carrier === item.name} aria-keyshortcuts={index < 9 ? String(index + 1) : undefined} onClick={() => pickCarrier(item.name)}>
              {index < 9 && (
                <kbd className="tile-key" aria-hidden="true">
                  {index + 1}
                </kbd>
              )}
              <CarrierBadge name={item.name} />
              <span>{item.name}</span>
              {/* A visual cue only: the "La última vez: …" button above says it to screen readers, and the tile keeps its carrier's name. */}
              {item.name === hint && (
                <span className="tile-tag" aria-hidden="true">
                  {t('more.detect.lastTime')}
                </span>
              )}
            </button>
          ))}
          {canDetect(catalog, country) && <DetectCarrierTile pressed={isDetect(carrier)} onPick={() => pickCarrier(DETECT_CARRIER)} />}
        </div>
        {!carrier && carriers.length > 0 && <p className="hint">{t('sell.carrierHint')}</p>}
        {resellChecking && (
          <p className="hint" role="status">
            {t('sell.checkingResell')}
          </p>
        )}
        {carrier && offers.amounts.length > 0 && (
          <>
            <h2 id="amounts-title" tabIndex={-1} ref={amountsFocus}>
              {t('sell.amounts')}
            </h2>
            <div className="amount-grid" role="group" aria-labelledby="amounts-title">
              {offers.amounts.map((amount) => (
                <button key={amount.minor} type="button" className="tile amount-tile" onClick={() => pickOffer({ kind: 'amount', amount })}>
                  {money(amount, language)}
                </button>
              ))}
            </div>
          </>
        )}
        {carrier && offers.bundles.length > 0 && (
          <>
            <h2 id="bundles-title">{t('sell.bundles')}</h2>
            <div className="amount-grid" role="group" aria-labelledby="bundles-title">
              {offers.bundles.map((bundle) => (
                <button key={`${bundle.name}-${bundle.amount.minor}`} type="button" className="tile bundle-tile" onClick={() => pickOffer(bundle)}>
                  <span>{bundle.name}</span>
                  <BundleIncludesOf catalog={catalog} sku={bundle.sku} />
                  <span className="tile-sub">{money(bundle.amount, language)}</span>
                </button>
              ))}
            </div>
          </>
        )}
      </div>
      {carrier && currency && <OtherAmount range={range} currency={currency} />}
      <ResellDialog />
    </div>
  );
}
