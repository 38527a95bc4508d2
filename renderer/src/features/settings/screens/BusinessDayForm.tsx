/** The shop's time zone and the hour its business day starts (what "today" and a day close mean). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblem, useSave } from '../form';
import { sayProblem } from '../problems';
import { SaveBar } from './SaveBar';
import { SelectField } from './SelectField';

// Mexico's zones first (the shops are there), then the other countries the counter sells to.
const TIME_ZONES = [
  'America/Mexico_City',
  'America/Monterrey',
  'America/Merida',
  'America/Cancun',
  'America/Chihuahua',
  'America/Ciudad_Juarez',
  'America/Mazatlan',
  'America/Hermosillo',
  'America/Tijuana',
  'America/Tegucigalpa',
  'America/Lima',
  'Asia/Manila',
];

export interface BusinessDayValues {
  timeZone: string;
  dayStartHour: number;
}

interface BusinessDayFormProps {
  initial: BusinessDayValues;
  submitLabel?: string;
  save(values: BusinessDayValues): Promise<unknown>;
  onSaved?: () => void;
}

export function BusinessDayForm({ initial, submitLabel, save: store, onSaved }: BusinessDayFormProps) {
  const { t } = useTranslation();
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [hour, setHour] = useState(initial.dayStartHour);
  const save = useSave();
  const zones = TIME_ZONES.includes(timeZone) ? TIME_ZONES : [timeZone, ...TIME_ZONES];
  const hours = Array.from({ length: 24 }, (_, value) => value);
  const submit = async () => {
    if (await save.run(() => store({ timeZone, dayStartHour: hour }))) onSaved?.();
  };
  return (
    <>
      <div className="form-grid">
        <SelectField label={t('settings.day.timeZone')} value={timeZone} onValue={setTimeZone} options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))} problem={sayProblem(fieldProblem(save.problem, 'timeZone'), t)} />
        <SelectField
          label={t('settings.day.startHour')}
          value={String(hour)}
          onValue={(value) => setHour(Number(value))}
          options={hours.map((value) => ({ value: String(value), label: `${String(value).padStart(2, '0')}:00` }))}
          hint={t('settings.day.startHourHint')}
          problem={sayProblem(fieldProblem(save.problem, 'dayStartHour'), t)}
        />
      </div>
      <SaveBar label={submitLabel} busy={save.busy} saved={save.saved} problem={save.problem} onSave={() => void submit()} />
    </>
  );
}
