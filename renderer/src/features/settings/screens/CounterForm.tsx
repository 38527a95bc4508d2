/**
 * How the counter behaves: the shop's default language, receipt paper width, idle sign-out, the window in
 * which the same number and amount asks "¿otra igual?", and whether a shift opens by itself at sign-in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsValues } from '../../../../../shared/contract/settings';
import { Field, fieldProblem, useSave } from '../form';
import { sayProblem } from '../problems';
import { SaveBar } from './SaveBar';

type CounterValues = Pick<SettingsValues, 'language' | 'receiptWidthMm' | 'idleSignOutMinutes' | 'resellWindowMinutes' | 'shiftPolicy'>;

/** Two or more buttons of which one is chosen (a radio group a finger can hit). */
export function Choice<T extends string | number>({ label, value, options, onValue }: { label: string; value: T; options: readonly { value: T; label: string }[]; onValue(value: T): void }) {
  return (
    <fieldset className="form-field plain-fieldset">
      <legend className="field-label">{label}</legend>
      <div className="choice-row">
        {options.map((option) => (
          <button key={String(option.value)} type="button" aria-pressed={option.value === value} onClick={() => onValue(option.value)}>
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

const wholeNumber = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text) : null);

export function CounterForm({ initial, save: store }: { initial: CounterValues; save(values: Partial<SettingsValues>): Promise<unknown> }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(initial.language);
  const [width, setWidth] = useState(initial.receiptWidthMm);
  const [idle, setIdle] = useState(String(initial.idleSignOutMinutes));
  const [resell, setResell] = useState(String(initial.resellWindowMinutes));
  const [autoOpen, setAutoOpen] = useState(initial.shiftPolicy.autoOpen);
  const save = useSave();
  const idleMinutes = wholeNumber(idle);
  const resellMinutes = wholeNumber(resell);
  const submit = () => {
    if (idleMinutes === null || resellMinutes === null) return;
    void save.run(() => store({ language, receiptWidthMm: width, idleSignOutMinutes: idleMinutes, resellWindowMinutes: resellMinutes, shiftPolicy: { ...initial.shiftPolicy, autoOpen } }));
  };
  return (
    <>
      <div className="form-grid">
        <Choice<SettingsValues['language']>
          label={t('settings.counter.language')}
          value={language}
          onValue={setLanguage}
          options={[
            { value: 'es-MX', label: t('language.es') },
            { value: 'en', label: t('language.en') },
          ]}
        />
        <Choice<SettingsValues['receiptWidthMm']>
          label={t('settings.counter.paper')}
          value={width}
          onValue={setWidth}
          options={[
            { value: 58, label: t('settings.counter.paperMm', { mm: 58 }) },
            { value: 80, label: t('settings.counter.paperMm', { mm: 80 }) },
          ]}
        />
        <Field label={t('settings.counter.idle')} value={idle} onValue={setIdle} inputMode="numeric" hint={t('settings.counter.idleHint')} problem={idleMinutes === null ? t('forms.problems.notNumber') : sayProblem(fieldProblem(save.problem, 'idleSignOutMinutes'), t)} />
        <Field label={t('settings.counter.resell')} value={resell} onValue={setResell} inputMode="numeric" hint={t('settings.counter.resellHint')} problem={resellMinutes === null ? t('forms.problems.notNumber') : sayProblem(fieldProblem(save.problem, 'resellWindowMinutes'), t)} />
      </div>
      <label className="check-field">
        <input type="checkbox" checked={autoOpen} onChange={(event) => setAutoOpen(event.target.checked)} />
        {t('settings.counter.autoOpen')}
      </label>
      <SaveBar busy={save.busy} saved={save.saved} problem={save.problem} disabled={idleMinutes === null || resellMinutes === null} onSave={submit} />
    </>
  );
}
