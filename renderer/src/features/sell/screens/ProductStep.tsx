/** Step 2: the carrier, then an amount tile, a bundle or another amount in the carrier's range. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { Keypad } from '../../../components/Keypad';
import { useKeypadKeys } from '../../../components/useKeypadKeys';
import { money, phone as formatPhone } from '../../../format';
import { customAmountCheck, offersFor, type CarrierOffers } from '../slice';
import { canDetect, DETECT_CARRIER, isDetect, useCarrierHint, withHintFirst } from '../detect-carrier';
import { BundleIncludesOf, DetectCarrierTile } from './DetectCarrier';
import { ResellDialog } from './ResellDialog';

/** Any amount inside the carrier's range, typed on its own keypad. */
function OtherAmount({ range }: { range: NonNullable<CarrierOffers['range']> }) {
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
        {t('sell.amountLabel', { currency: range.min.currency })}
      </label>
      <output id="custom-amount" className="amount-display" aria-describedby="amount-help">
        {customAmount ? money({ minor: Number(customAmount) * 100, currency: range.min.currency }, language) : '\u00a0'}
      </output>
      <p id="amount-help" className={custom.problem === 'low' || custom.problem === 'high' ? 'error' : 'hint'} aria-live="polite">
        {custom.problem === 'low'
          ? t('sell.amountTooLow', { min: money(range.min, language) })
          : custom.problem === 'high'
            ? t('sell.amountTooHigh', { max: money(range.max, language) })
            : t('sell.amountRange', { min: money(range.min, language), max: money(range.max, language) })}
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
  const { pickCarrier, pickOffer, pressAmountDigit, deleteAmountDigit, applyCustomAmount, back } = useSaldo.getState();

  useKeypadKeys({ digit: pressAmountDigit, backspace: deleteAmountDigit, escape: back, enter: applyCustomAmount });

  const carriers = withHintFirst(catalog?.carriers ?? [], hint);
  const range = offers.range;
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
        <div className="carrier-grid" role="group" aria-labelledby="carrier-title">
          {carriers.map((item) => (
            <button key={item.name} type="button" className="tile carrier-tile" aria-pressed={carrier === item.name} onClick={() => pickCarrier(item.name)}>
              <CarrierBadge name={item.name} />
              <span>{item.name}</span>
              {item.name === hint && <span className="tile-tag">{t('more.detect.lastTime')}</span>}
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
            <h2 id="amounts-title">{t('sell.amounts')}</h2>
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
      {carrier && range && <OtherAmount range={range} />}
      <ResellDialog />
    </div>
  );
}
