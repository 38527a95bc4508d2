/**
 * The owner's offline policy: whether the counter queues sales while the line is down, the largest single
 * queued sale, the largest total queued and how long a sale may wait before it is owed back. Amounts are typed
 * as people say them ("500" is 500 MXN); the core checks each field and says which one is wrong.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsValues } from '../../../../../shared/contract/settings';
import { amountText, parseAmount } from '../amount';
import { Field, fieldProblem, useSave } from '../form';
import { sayProblem } from '../problems';
import { SaveBar } from './SaveBar';

type OfflinePolicy = SettingsValues['offlinePolicy'];
const HOUR_MS = 3_600_000;

interface OfflinePolicyFormProps {
  initial: OfflinePolicy;
  submitLabel?: string;
  save(policy: OfflinePolicy): Promise<unknown>;
  onSaved?: () => void;
}

export function OfflinePolicyForm({ initial, submitLabel, save: store, onSaved }: OfflinePolicyFormProps) {
  const { t } = useTranslation();
  const currency = initial.maxSale.currency;
  const [enabled, setEnabled] = useState(initial.enabled);
  const [maxSale, setMaxSale] = useState(amountText(initial.maxSale));
  const [maxTotal, setMaxTotal] = useState(amountText(initial.maxQueuedTotal));
  const [hours, setHours] = useState(String(initial.maxAgeMs / HOUR_MS));
  const save = useSave();
  const saleAmount = parseAmount(maxSale, currency);
  const totalAmount = parseAmount(maxTotal, currency);
  const hoursNumber = /^\d+(\.\d+)?$/.test(hours.trim()) ? Number(hours) : null;
  const problem = (path: string, typedOk: boolean) => (typedOk ? sayProblem(fieldProblem(save.problem, path), t) : t('forms.problems.notAmount'));
  const submit = async () => {
    if (!saleAmount || !totalAmount || hoursNumber === null) return;
    const policy = { enabled, maxSale: saleAmount, maxQueuedTotal: totalAmount, maxAgeMs: Math.round(hoursNumber * HOUR_MS) };
    if (await save.run(() => store(policy))) onSaved?.();
  };
  return (
    <>
      <label className="check-field">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        {t('settings.offline.enabled')}
      </label>
      <div className="form-grid">
        <Field label={t('settings.offline.maxSale', { currency })} value={maxSale} onValue={setMaxSale} inputMode="decimal" autoComplete="off" problem={problem('offlinePolicy.maxSale', saleAmount !== null)} />
        <Field label={t('settings.offline.maxTotal', { currency })} value={maxTotal} onValue={setMaxTotal} inputMode="decimal" autoComplete="off" problem={problem('offlinePolicy.maxQueuedTotal', totalAmount !== null)} />
        <Field label={t('settings.offline.maxAgeHours')} value={hours} onValue={setHours} inputMode="decimal" autoComplete="off" hint={t('settings.offline.maxAgeHint')} problem={hoursNumber === null ? t('forms.problems.notNumber') : sayProblem(fieldProblem(save.problem, 'offlinePolicy.maxAgeMs'), t)} />
      </div>
      <SaveBar label={submitLabel} busy={save.busy} saved={save.saved} problem={save.problem} disabled={!saleAmount || !totalAmount || hoursNumber === null} onSave={() => void submit()} />
    </>
  );
}
