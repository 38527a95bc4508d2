/** The day at a glance: how many sales, what was delivered, what is owed back, what still waits for an answer. */
import { useTranslation } from 'react-i18next';
import type { SaleState, SalesListTotals } from '../../../../../shared/contract/sales';
import type { Money } from '../../../../../shared/money';
import type { Language } from '../../../../../shared/contract/receipts';
import { useSaldo } from '../../../app/store';
import { money } from '../../../format';

/** Count and amounts (one per currency) of the states in `states`. */
function sum(totals: SalesListTotals, states: readonly SaleState[]): { count: number; amounts: Money[] } {
  const byCurrency = new Map<string, number>();
  let count = 0;
  for (const total of totals) {
    if (!states.includes(total.state)) continue;
    count += total.count;
    byCurrency.set(total.amount.currency, (byCurrency.get(total.amount.currency) ?? 0) + total.amount.minor);
  }
  return { count, amounts: [...byCurrency.entries()].map(([currency, minor]) => ({ minor, currency })) };
}

function amounts(list: Money[], language: Language): string {
  return list.length ? list.map((amount) => money(amount, language)).join(' + ') : money({ minor: 0, currency: 'MXN' }, language);
}

export function TodayTotals() {
  const { t } = useTranslation();
  const totals = useSaldo((state) => state.todayPage.totals);
  const language = useSaldo((state) => state.language);
  const all = sum(totals, ['created', 'queued', 'sending', 'pending', 'unknown', 'succeeded', 'failed', 'refund_due', 'refunded']);
  const delivered = sum(totals, ['succeeded']);
  const owed = sum(totals, ['refund_due']);
  const waiting = sum(totals, ['created', 'queued', 'sending', 'pending', 'unknown']);
  return (
    <dl className="today-totals" data-testid="today-totals">
      <div>
        <dt>{t('counter.today.totalSales')}</dt>
        <dd>{all.count}</dd>
      </div>
      <div>
        <dt>{t('counter.today.totalDelivered', { count: delivered.count })}</dt>
        <dd>{amounts(delivered.amounts, language)}</dd>
      </div>
      <div className={owed.count > 0 ? 'owed' : undefined}>
        <dt>{t('counter.today.totalOwed', { count: owed.count })}</dt>
        <dd>{amounts(owed.amounts, language)}</dd>
      </div>
      <div>
        <dt>{t('counter.today.totalWaiting')}</dt>
        <dd>{waiting.count}</dd>
      </div>
    </dl>
  );
}
