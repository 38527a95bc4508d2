/**
 * Low-balance thresholds: below this prepaid balance a provider shows as low. Per provider an amount and the
 * currency its balance is kept in (Relier keeps dollars, others may keep pesos); an empty amount: no warning.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../../../../shared/contract/app';
import type { SettingsValues } from '../../../../../shared/contract/settings';
import { providerName } from '../../../format';
import { amountText, parseAmount } from '../amount';
import { Field, fieldProblem, useSave } from '../form';
import { sayProblem } from '../problems';
import { SaveBar } from './SaveBar';
import { SelectField } from './SelectField';

type Thresholds = SettingsValues['lowBalanceThresholds'];
const PROVIDERS: readonly ProviderId[] = ['relier', 'mobisend', 'liquido'];
const CURRENCIES = ['MXN', 'USD'] as const;

export function LowBalanceForm({ initial, save: store }: { initial: Thresholds; save(thresholds: Thresholds): Promise<unknown> }) {
  const { t } = useTranslation();
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(PROVIDERS.map((id) => [id, initial[id] ? amountText(initial[id]) : ''])));
  const [currencies, setCurrencies] = useState<Record<string, string>>(() => Object.fromEntries(PROVIDERS.map((id) => [id, initial[id]?.currency ?? 'MXN'])));
  const save = useSave();
  const parsed = PROVIDERS.map((id) => ({ id, text: (amounts[id] ?? '').trim(), amount: parseAmount(amounts[id] ?? '', currencies[id] ?? 'MXN') }));
  const typedBad = parsed.some((entry) => entry.text !== '' && entry.amount === null);
  const submit = () => {
    // An empty amount is "no warning" (null), not "the default".
    const thresholds: Thresholds = Object.fromEntries(parsed.map((entry) => [entry.id, entry.amount ?? null]));
    void save.run(() => store(thresholds));
  };
  return (
    <>
      <p className="hint">{t('settings.lowBalance.hint')}</p>
      {PROVIDERS.map((id) => {
        const entry = parsed.find((one) => one.id === id);
        const name = providerName(id);
        return (
          <div key={id} className="form-grid">
            <Field
              label={t('settings.lowBalance.amount', { provider: name })}
              value={amounts[id] ?? ''}
              onValue={(value) => setAmounts((current) => ({ ...current, [id]: value }))}
              inputMode="decimal"
              autoComplete="off"
              problem={entry && entry.text !== '' && !entry.amount ? t('forms.problems.notAmount') : sayProblem(fieldProblem(save.problem, `lowBalanceThresholds.${id}`), t)}
            />
            <SelectField label={t('settings.lowBalance.currency', { provider: name })} value={currencies[id] ?? 'MXN'} onValue={(value) => setCurrencies((current) => ({ ...current, [id]: value }))} options={CURRENCIES.map((code) => ({ value: code, label: code }))} />
          </div>
        );
      })}
      <SaveBar busy={save.busy} saved={save.saved} problem={save.problem} disabled={typedBad} onSave={submit} />
    </>
  );
}
