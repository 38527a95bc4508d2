/**
 * The owner's price for what the shop buys in dollars (international top-ups, bills): the exchange rate it
 * charges (pesos per dollar) and a markup, one for every country and, where the owner wants, one per country.
 * The core validates and records the change (owner only); this form says what is wrong before it is sent.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { MarkupPercentSchema, ShopRateSchema, type CountryPricing, type PricingSettings as Pricing } from '../../../../../shared/contract/sale-kinds';
import { useSaldo } from '../../../app/store';
import { countryName } from '../words';
import '../sell-more.css';

interface Row {
  rate: string;
  markupPercent: string;
}

const EMPTY: Row = { rate: '', markupPercent: '' };

function rowProblems(row: Row): { rate: boolean; markup: boolean } {
  return { rate: !ShopRateSchema.safeParse(row.rate).success, markup: !MarkupPercentSchema.safeParse(row.markupPercent).success };
}

function PriceFields({ id, label, row, onChange, tried }: { id: string; label: string; row: Row; onChange(row: Row): void; tried: boolean }) {
  const { t } = useTranslation();
  const problems = rowProblems(row);
  const showRate = tried && problems.rate;
  const showMarkup = tried && problems.markup;
  return (
    <fieldset className="price-row">
      <legend>{label}</legend>
      <div className="price-field">
        <label htmlFor={`${id}-rate`}>{t('more.pricing.rate')}</label>
        <input
          id={`${id}-rate`}
          inputMode="decimal"
          autoComplete="off"
          value={row.rate}
          aria-invalid={showRate}
          aria-describedby={`${id}-rate-help`}
          onChange={(event) => onChange({ ...row, rate: event.target.value.trim() })}
        />
        <span id={`${id}-rate-help`} className={showRate ? 'error' : 'hint'}>
          {showRate ? t('more.pricing.rateProblem') : t('more.pricing.rateHint')}
        </span>
      </div>
      <div className="price-field">
        <label htmlFor={`${id}-markup`}>{t('more.pricing.markup')}</label>
        <input
          id={`${id}-markup`}
          inputMode="decimal"
          autoComplete="off"
          value={row.markupPercent}
          aria-invalid={showMarkup}
          aria-describedby={`${id}-markup-help`}
          onChange={(event) => onChange({ ...row, markupPercent: event.target.value.trim() })}
        />
        <span id={`${id}-markup-help`} className={showMarkup ? 'error' : 'hint'}>
          {showMarkup ? t('more.pricing.markupProblem') : t('more.pricing.markupHint')}
        </span>
      </div>
    </fieldset>
  );
}

export function PricingSettings() {
  const { t } = useTranslation();
  const { pricing, loading, saving, error, saved, countries, language } = useSaldo(
    useShallow((state) => ({
      pricing: state.pricing,
      loading: state.pricingLoading,
      saving: state.pricingSaving,
      error: state.pricingError,
      saved: state.pricingSaved,
      countries: state.intlCountries,
      language: state.language,
    })),
  );
  const { loadPricing, savePricing, loadIntlCountries, go } = useSaldo.getState();
  const [all, setAll] = useState<Row>(EMPTY);
  const [byCountry, setByCountry] = useState<Record<string, Row>>({});
  const [tried, setTried] = useState(false);

  useEffect(() => {
    void loadPricing();
    void loadIntlCountries();
  }, [loadPricing, loadIntlCountries]);
  useEffect(() => {
    if (!pricing) return;
    setAll(pricing.default ?? EMPTY);
    setByCountry(Object.fromEntries(pricing.byCountry.map(({ country, rate, markupPercent }) => [country, { rate, markupPercent }])));
  }, [pricing]);

  const rows = Object.entries(byCountry);
  const addable = countries.filter((country) => country.code !== 'MX' && country.currency !== 'MXN' && !(country.code in byCountry));
  const allEmpty = all.rate === '' && all.markupPercent === '';
  const valid = [...(allEmpty ? [] : [all]), ...rows.map(([, row]) => row)].every((row) => !rowProblems(row).rate && !rowProblems(row).markup);

  function save() {
    setTried(true);
    if (!valid) return;
    const next: Pricing = { default: allEmpty ? null : (all as CountryPricing), byCountry: rows.map(([country, row]) => ({ country, ...row })) };
    void savePricing(next);
  }

  return (
    <main className="pricing" id="content" aria-labelledby="pricing-title">
      <div className="number-summary">
        <button type="button" className="secondary" onClick={() => go('international')}>
          ← {t('more.tabs.international')}
        </button>
        <h1 id="pricing-title">{t('more.pricing.title')}</h1>
      </div>
      <p className="hint">{t('more.pricing.intro')}</p>
      {loading && <p className="hint">{t('app.loading')}</p>}
      <PriceFields id="all" label={t('more.pricing.all')} row={all} onChange={setAll} tried={tried && !allEmpty} />
      {rows.map(([code, row]) => (
        <div key={code} className="price-country">
          <PriceFields id={code} label={countryName(code, language)} row={row} onChange={(changed) => setByCountry({ ...byCountry, [code]: changed })} tried={tried} />
          <button
            type="button"
            className="secondary"
            aria-label={t('more.pricing.remove', { country: countryName(code, language) })}
            onClick={() => setByCountry(Object.fromEntries(rows.filter(([other]) => other !== code)))}
          >
            {t('more.pricing.removeShort')}
          </button>
        </div>
      ))}
      {addable.length > 0 && (
        <div className="price-add" role="group" aria-label={t('more.pricing.add')}>
          <span className="field-label">{t('more.pricing.add')}</span>
          {addable.map((country) => (
            <button key={country.code} type="button" className="chip-button big" onClick={() => setByCountry({ ...byCountry, [country.code]: { ...(allEmpty ? EMPTY : all) } })}>
              {countryName(country.code, language)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {saved && (
        <p className="ok" role="status">
          {t('more.pricing.saved')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary big" disabled={saving} onClick={save}>
          {t('more.pricing.save')}
        </button>
      </div>
    </main>
  );
}
