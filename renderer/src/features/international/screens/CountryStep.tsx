/**
 * The country, from the providers' catalogs (cached, works offline), most sold first, searchable by name in
 * Spanish or English on the screen's keyboard or the physical one. Only countries that can be sold now are
 * offered; those waiting for the owner's exchange rate are named. An owner also finds the exchange rate here.
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { LetterKeyboard } from '../../billpay/screens/LetterKeyboard';
import { countryMatches, countryName } from '../words';

export function CountryStep() {
  const { t } = useTranslation();
  const { countries, loading, error, search, language, role } = useSaldo(
    useShallow((state) => ({
      countries: state.intlCountries,
      loading: state.intlCountriesLoading,
      error: state.intlCountriesError,
      search: state.intlSearch,
      language: state.language,
      role: state.user?.role ?? null,
    })),
  );
  const { setIntlSearch, pickIntlCountry, go } = useSaldo.getState();
  // Mexico is the Mexican counter's own tab.
  const abroad = countries.filter((country) => country.code !== 'MX');
  const sellable = abroad.filter((country) => country.sellable && countryMatches(country.code, search));
  const waitingForRate = abroad.filter((country) => country.reason === 'pricing_not_set');

  return (
    <div className="intl-country">
      <div className="sell-main">
        <label className="field-label" htmlFor="country-search">
          {t('more.intl.searchLabel')}
        </label>
        <input
          id="country-search"
          className="search-input"
          value={search}
          autoComplete="off"
          autoFocus
          placeholder={t('more.intl.searchPlaceholder')}
          onChange={(event) => setIntlSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && sellable.length === 1) pickIntlCountry(sellable[0]!.code);
          }}
        />
        <LetterKeyboard label={t('more.keyboard.label')} onKey={(letter) => setIntlSearch(search + letter)} onDelete={() => setIntlSearch(search.slice(0, -1))} />
      </div>
      <section className="intl-countries" aria-labelledby="countries-title">
        <h2 id="countries-title">{t('more.intl.countries')}</h2>
        {loading && <p className="hint">{t('sell.catalogLoading')}</p>}
        {error && <p className="error">{t(`errors.${error}`)}</p>}
        {!loading && !error && sellable.length === 0 && <p className="hint">{search ? t('more.intl.noMatch', { search }) : t('more.intl.noCountries')}</p>}
        <div className="country-grid" role="group" aria-labelledby="countries-title">
          {sellable.map((country) => (
            <button key={country.code} type="button" className="tile country-tile" onClick={() => pickIntlCountry(country.code)}>
              <span>{countryName(country.code, language)}</span>
              <span className="tile-sub">{country.sold > 0 ? t('more.intl.sold', { count: country.sold }) : country.carriers.join(' · ')}</span>
            </button>
          ))}
        </div>
        {waitingForRate.length > 0 && (
          <p className="hint" data-testid="waiting-for-rate">
            {t('more.intl.waitingForRate', { countries: waitingForRate.map((country) => countryName(country.code, language)).join(', ') })}
          </p>
        )}
        {role === 'owner' && (
          <button type="button" className="secondary" onClick={() => go('pricing')}>
            {t('more.pricing.open')}
          </button>
        )}
      </section>
    </div>
  );
}
