/** Deposits to a provider account (amount in the account's currency, date, bank reference), and the list. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProviderIdSchema, type ProviderId } from '../../../../../shared/contract/app';
import { useSaldo } from '../../../app/store';
import { providerName } from '../../../format';
import { moneyLabeled } from '../../backoffice/money-label';
import { parseTypedAmount } from '../../backoffice/amounts';
import { MoneyField } from '../../backoffice/screens/MoneyField';
import { Problem } from '../../backoffice/screens/BackofficeLayout';
import { useAction, useLoaded } from '../../backoffice/useAsync';
import { providersService } from '../service';

/** All three providers keep the shop's balance in US dollars today. */
const ACCOUNT_CURRENCY = 'USD';

export function Deposits({ today, onRecorded }: { today: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const ids = { date: useId(), reference: useId() };
  const [provider, setProvider] = useState<ProviderId>('relier');
  const [amountText, setAmountText] = useState('');
  const [date, setDate] = useState(today);
  const [reference, setReference] = useState('');
  const [listKey, setListKey] = useState(0);
  const list = useLoaded(() => providersService.deposits(), String(listKey));
  const add = useAction(() => {
    const typed = parseTypedAmount(amountText, ACCOUNT_CURRENCY);
    if (!typed.ok) throw new Error('unreachable: the button waits for a valid amount');
    return providersService.addDeposit({ provider, amount: typed.amount, date, reference: reference.trim() });
  });
  const typed = parseTypedAmount(amountText, ACCOUNT_CURRENCY);
  const ready = typed.ok && typed.amount.minor > 0 && reference.trim().length > 0;

  const submit = async () => {
    if (await add.run()) {
      setAmountText('');
      setReference('');
      setListKey((key) => key + 1);
      onRecorded();
    }
  };

  return (
    <section className="panel" aria-labelledby="deposits-title" data-testid="deposits">
      <h2 id="deposits-title">{t('providers.deposits.title')}</h2>
      <div className="field-row" role="group" aria-label={t('providers.columns.provider')}>
        {ProviderIdSchema.options.map((id) => (
          <button key={id} type="button" className="chip-button" aria-pressed={provider === id} onClick={() => setProvider(id)}>
            {providerName(id)}
          </button>
        ))}
      </div>
      <div className="field-row">
        <MoneyField label={t('providers.deposits.amount')} value={amountText} currency={ACCOUNT_CURRENCY} onChange={setAmountText} />
        <label className="field" htmlFor={ids.date}>
          {t('reports.date')}
          <input id={ids.date} type="date" value={date} max={today} onChange={(event) => event.target.value && setDate(event.target.value)} />
        </label>
        <label className="field" htmlFor={ids.reference}>
          {t('providers.deposits.reference')}
          <input id={ids.reference} maxLength={80} value={reference} onChange={(event) => setReference(event.target.value)} />
        </label>
        <button type="button" className="primary" disabled={add.busy || !ready} onClick={() => void submit()}>
          {t('providers.deposits.add')}
        </button>
      </div>
      {add.error && <Problem code={add.error} />}
      {(list.value?.deposits ?? []).length > 0 && (
        <ul className="todo-list" aria-label={t('providers.deposits.list')}>
          {(list.value?.deposits ?? []).map((deposit) => (
            <li key={deposit.id}>
              {deposit.date} · {providerName(deposit.provider)} · {moneyLabeled(deposit.amount, language)} · {deposit.reference}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
