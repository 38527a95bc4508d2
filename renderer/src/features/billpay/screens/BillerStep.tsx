/** The biller, searched by name (MobiSend, online) on the screen's keyboard or the physical one, 20 a page. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaldo } from '../../../app/store';
import { countryName } from '../../international/words';
import { LetterKeyboard } from './LetterKeyboard';

/** Wait for a pause in typing before asking the provider. */
const SEARCH_PAUSE_MS = 300;

export function BillerStep() {
  const { t } = useTranslation();
  const { search, billers, total, page, loading, error, language } = useSaldo(
    useShallow((state) => ({
      search: state.billSearch,
      billers: state.billers,
      total: state.billersTotal,
      page: state.billersPage,
      loading: state.billersLoading,
      error: state.billersError,
      language: state.language,
    })),
  );
  const { setBillSearch, searchBillers, pickBiller } = useSaldo.getState();
  useEffect(() => {
    const timer = window.setTimeout(() => void searchBillers(1), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [search, searchBillers]);

  const short = search.trim().length < 2;
  return (
    <div className="intl-country">
      <div className="sell-main">
        <label className="field-label" htmlFor="biller-search">
          {t('more.bill.searchLabel')}
        </label>
        <input
          id="biller-search"
          className="search-input"
          value={search}
          autoComplete="off"
          autoFocus
          placeholder={t('more.bill.searchPlaceholder')}
          onChange={(event) => setBillSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && billers.length === 1) pickBiller(billers[0]!);
          }}
        />
        <LetterKeyboard label={t('more.keyboard.label')} onKey={(letter) => setBillSearch(search + letter)} onDelete={() => setBillSearch(search.slice(0, -1))} />
      </div>
      <section className="intl-countries" aria-labelledby="billers-title" aria-busy={loading}>
        <h2 id="billers-title">{t('more.bill.billers')}</h2>
        {short && <p className="hint">{t('more.bill.typeTwo')}</p>}
        {error && <p className="error">{t(`errors.${error}`)}</p>}
        {!short && !loading && !error && billers.length === 0 && <p className="hint">{t('more.bill.noMatch', { search: search.trim() })}</p>}
        <ul className="biller-list">
          {billers.map((biller) => (
            <li key={biller.billerCode}>
              <button type="button" className="biller-button" onClick={() => pickBiller(biller)}>
                <span className="biller-name">{biller.name}</span>
                <span className="tile-sub">{[biller.category ? t(`more.bill.category.${biller.category}`, { defaultValue: biller.category }) : null, biller.country ? countryName(biller.country, language) : null].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
        {billers.length < total && (
          <button type="button" className="secondary wide" disabled={loading} onClick={() => void searchBillers(page + 1)}>
            {t('more.bill.more', { shown: billers.length, total })}
          </button>
        )}
      </section>
    </div>
  );
}
