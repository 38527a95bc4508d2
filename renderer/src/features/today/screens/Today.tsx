/**
 * Today's sales: search by the number's last digits or a folio, filters by state, the day's totals, a table whose
 * headers stay in view and whose whole row opens the sale, and one page at a time however many sales the day has.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Sale } from '../../../../../shared/contract/sales';
import { useSaldo } from '../../../app/store';
import { money, phone as formatPhone, time } from '../../../format';
import { todaySelectors } from '../slice';
import type { TodayFilter } from '../types';
import { SaleDetail } from './SaleDetail';
import { TodayTotals } from './TodayTotals';

const FILTERS: readonly TodayFilter[] = ['all', 'owed', 'verifying', 'queued', 'delivered', 'refunded'];

function Filters() {
  const { t } = useTranslation();
  const current = useSaldo((state) => state.todayFilter);
  const showFilter = useSaldo((state) => state.showFilter);
  return (
    <div className="today-filters" role="group" aria-label={t('counter.today.filterLabel')}>
      {FILTERS.map((filter) => (
        <button key={filter} type="button" className="chip-button" aria-pressed={current === filter} onClick={() => showFilter(filter)}>
          {t(`counter.today.filters.${filter}`)}
        </button>
      ))}
    </div>
  );
}

function SaleRow({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const openSale = useSaldo((state) => state.openSale);
  const at = time(sale.createdAt, language);
  const number = formatPhone(sale.phone, sale.country);
  // The whole row opens the sale; its first cell's button is the same target for the keyboard and screen readers.
  return (
    <tr data-sale-id={sale.id} className="sale-row" onClick={() => void openSale(sale.id)}>
      <td>
        <button type="button" className="row-button" aria-label={t('today.open', { time: at, phone: number })} onClick={(event) => (event.stopPropagation(), void openSale(sale.id))}>
          {at}
        </button>
      </td>
      <td className="phone-cell">{number}</td>
      <td>{sale.carrier}</td>
      <td className="num">{money(sale.price, language)}</td>
      <td>
        <span className={`state state-${sale.state}`}>{t(`states.${sale.state}`)}</span>
      </td>
      <td className="folio-cell">{sale.providerTransactionId ?? ''}</td>
    </tr>
  );
}

function SalesTable({ sales }: { sales: Sale[] }) {
  const { t } = useTranslation();
  const { matched, more } = useSaldo(useShallow((state) => ({ matched: state.todayPage.matched, more: state.todayPage.more })));
  const loading = useSaldo((state) => state.todayLoading);
  const loadMoreToday = useSaldo((state) => state.loadMoreToday);
  return (
    <div className="table-wrap today-table" data-testid="today-table" aria-busy={loading}>
      <table className="sales-table">
        <thead>
          <tr>
            <th scope="col">{t('today.columns.time')}</th>
            <th scope="col">{t('today.columns.phone')}</th>
            <th scope="col">{t('today.columns.carrier')}</th>
            <th scope="col">{t('today.columns.amount')}</th>
            <th scope="col">{t('today.columns.state')}</th>
            <th scope="col">{t('today.folio')}</th>
          </tr>
        </thead>
        <tbody>
          {sales.map((sale) => (
            <SaleRow key={sale.id} sale={sale} />
          ))}
        </tbody>
      </table>
      <p className="hint today-count" aria-live="polite">
        {t('counter.today.showing', { shown: sales.length, count: matched })}
      </p>
      {more && (
        <button type="button" className="secondary wide" disabled={loading} onClick={() => void loadMoreToday()}>
          {t('counter.today.more')}
        </button>
      )}
    </div>
  );
}

export function Today() {
  const { t } = useTranslation();
  const sales = useSaldo(useShallow(todaySelectors.shownSales));
  const search = useSaldo((state) => state.todaySearch);
  const loading = useSaldo((state) => state.todayLoading);
  const error = useSaldo((state) => state.todayError);
  const openId = useSaldo((state) => state.openSaleId);
  // Opening the section loads the list (navigation's go, or the sign-in for a technician's home screen).
  const { loadToday, searchToday } = useSaldo.getState();

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') searchToday('');
  };

  return (
    <main className="today" id="content" aria-labelledby="today-title">
      <div className="today-head">
        <h1 id="today-title">{t('today.title')}</h1>
        <input
          type="search"
          className="today-search"
          aria-label={t('counter.today.searchLabel')}
          placeholder={t('counter.today.searchPlaceholder')}
          value={search}
          autoComplete="off"
          onChange={(event) => searchToday(event.target.value)}
          onKeyDown={onSearchKey}
        />
        <button type="button" className="secondary" onClick={() => void loadToday()} disabled={loading}>
          {t('today.refresh')}
        </button>
      </div>
      {!openId && <Filters />}
      {!openId && <TodayTotals />}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {openId ? (
        <SaleDetail />
      ) : sales.length === 0 ? (
        <p className="hint">{loading ? t('app.loading') : search.trim() ? t('counter.today.noMatch') : t('today.empty')}</p>
      ) : (
        <SalesTable sales={sales} />
      )}
    </main>
  );
}
