/**
 * The carrier, then its products priced in pesos by the core: what the customer pays (MXN) and what the
 * recipient gets, bundles with what they include, filterable by kind.
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { CarrierBadge } from '../../../components/CarrierBadge';
import { phone as formatPhone } from '../../../format';
import { intlProducts } from '../slice';
import type { ProductKindFilter } from '../types';
import { countryName, moneyWithCode } from '../words';
import { BundleIncludes } from './BundleIncludes';

const KIND_FILTERS: readonly ProductKindFilter[] = ['all', 'topup', 'bundle'];

export function IntlProductStep() {
  const { t } = useTranslation();
  const state = useSaldo(
    useShallow((store) => ({
      country: store.intlCountry ?? '',
      phone: store.intlPhone,
      catalog: store.intlCatalog,
      catalogError: store.intlCatalogError,
      carrier: store.intlCarrier,
      kind: store.intlKind,
      quotes: store.intlQuotes,
      quotesLoading: store.intlQuotesLoading,
      quoteError: store.intlQuoteError,
      language: store.language,
    })),
  );
  const { pickIntlCarrier, setIntlKind, pickIntlProduct, intlBack } = useSaldo.getState();
  const products = intlProducts({ intlCatalog: state.catalog, intlCarrier: state.carrier }, state.kind);
  const hasBundles = intlProducts({ intlCatalog: state.catalog, intlCarrier: state.carrier }, 'bundle').length > 0;

  return (
    <div className="sell-main intl-product">
      <div className="number-summary">
        <button type="button" className="secondary" onClick={intlBack}>
          ← {t('sell.back')}
        </button>
        <span className="number-small">
          {countryName(state.country, state.language)} · {formatPhone(state.phone, state.country)}
        </span>
      </div>
      <h2 id="intl-carrier-title">{t('sell.carrier')}</h2>
      {!state.catalog && !state.catalogError && <p className="hint">{t('sell.catalogLoading')}</p>}
      {state.catalogError && <p className="error">{t(`errors.${state.catalogError}`)}</p>}
      {state.catalog && state.catalog.carriers.length === 0 && <p className="hint">{t('sell.noCatalog')}</p>}
      <div className="carrier-grid" role="group" aria-labelledby="intl-carrier-title">
        {(state.catalog?.carriers ?? []).map((item) => (
          <button key={item.name} type="button" className="tile carrier-tile" aria-pressed={state.carrier === item.name} onClick={() => void pickIntlCarrier(item.name)}>
            <CarrierBadge name={item.name} />
            <span>{item.name}</span>
          </button>
        ))}
      </div>
      {state.carrier && (
        <>
          <div className="product-head">
            <h2 id="intl-products-title">{t('more.intl.products')}</h2>
            {hasBundles && (
              <div className="kind-filter" role="group" aria-label={t('more.kind.label')}>
                {KIND_FILTERS.map((kind) => (
                  <button key={kind} type="button" className="chip-button big" aria-pressed={state.kind === kind} onClick={() => setIntlKind(kind)}>
                    {t(`more.kind.${kind}`)}
                  </button>
                ))}
              </div>
            )}
          </div>
          {state.quotesLoading && <p className="hint">{t('more.intl.pricing')}</p>}
          {state.quoteError && <p className="error">{t(`errors.${state.quoteError}`)}</p>}
          <div className="product-grid" role="group" aria-labelledby="intl-products-title">
            {products.map((product) => {
              const quote = product.sku ? state.quotes[product.sku] : undefined;
              return (
                <button key={product.sku} type="button" className="tile product-tile" disabled={!quote} onClick={() => pickIntlProduct(product.sku!)}>
                  <span className="product-name">{product.name}</span>
                  {product.type === 'bundle' && product.includes && <BundleIncludes includes={product.includes} />}
                  <span className="product-charge">{quote ? moneyWithCode(quote.pricing.charge, state.language) : '…'}</span>
                  {quote && <span className="tile-sub">{t('more.intl.gets', { amount: moneyWithCode(quote.recipientGets, state.language) })}</span>}
                </button>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}
