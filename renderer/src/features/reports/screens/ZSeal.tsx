/**
 * What a Z seals, in words: its gapless number and day, when and who, the sale chain's head and the event
 * sequence it covers, the perpetual grand total, and its completeness (open sales at close, with count and
 * amount; no sale missing from the sequence).
 */
import { useTranslation } from 'react-i18next';
import type { Z } from '../../../../../shared/contract/backoffice';
import { useSaldo } from '../../../app/store';
import { dateTime, money } from '../../../format';

export function ZSeal({ z }: { z: Z }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  return (
    <section className="panel" aria-labelledby="z-seal-title" data-testid="z-seal">
      <h2 id="z-seal-title">{t('reports.z.sealTitle', { number: z.number, day: z.businessDay })}</h2>
      <dl className="facts compact">
        <div>
          <dt>{t('reports.z.closedAt')}</dt>
          <dd>{dateTime(z.closedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('reports.z.grandTotal')}</dt>
          <dd data-testid="z-grand-total">{money(z.grandTotal, language)}</dd>
        </div>
        <div>
          <dt>{t('reports.z.sequence')}</dt>
          <dd>{z.firstSeq !== null && z.lastSeq !== null ? t('reports.z.seqRange', { first: z.firstSeq, last: z.lastSeq }) : t('reports.z.noEvents')}</dd>
        </div>
        <div>
          <dt>{t('reports.z.chainHead')}</dt>
          <dd className="mono" title={z.chainHead ?? ''}>
            {z.chainHead ? `${z.chainHead.slice(0, 16)}…` : '—'}
          </dd>
        </div>
      </dl>
      <p className={z.completeness.sequenceComplete ? 'banner banner-ok' : 'banner banner-bad'}>
        {z.completeness.sequenceComplete ? t('reports.z.complete', { count: z.completeness.eventCount }) : t('reports.z.incomplete')}
      </p>
      <p className={z.openItems.count > 0 ? 'banner banner-warn' : 'hint'} data-testid="z-open-items">
        {t('reports.z.openItems', { count: z.openItems.count, amount: money(z.openItems.amount, language) })}
      </p>
      {z.openItems.sales.length > 0 && (
        <ul className="todo-list">
          {z.openItems.sales.map((sale) => (
            <li key={sale.saleId}>
              {dateTime(sale.createdAt, language)} · {t(`states.${sale.state}`)} · {money(sale.amount, language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
