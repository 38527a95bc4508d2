/** Anyone signed in changes their own PIN: the old one first, then the new one twice. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormError, PinPairFields, usePinPair, useSave } from '../../settings/form';
import { isPinProblem } from '../pin-problem';
import { peopleService } from '../service';

export function ChangeOwnPin() {
  const { t } = useTranslation();
  const [oldPin, setOldPin] = useState('');
  const pins = usePinPair();
  const save = useSave();
  const submit = async () => {
    if (await save.run(() => peopleService.changeOwnPin(oldPin, pins.pin))) {
      setOldPin('');
      pins.reset();
    }
  };
  const problem = save.problem;
  return (
    <section className="form-section my-pin" aria-labelledby="my-pin-title">
      <h2 id="my-pin-title">{t('people.myPinTitle')}</h2>
      <Field
        label={t('people.oldPin')}
        type="password"
        inputMode="numeric"
        autoComplete="current-password"
        maxLength={6}
        value={oldPin}
        onValue={(value) => setOldPin(value.replace(/\D/g, '').slice(0, 6))}
        problem={problem?.code === 'wrong_pin' ? t('errors.wrong_pin') : null}
      />
      <PinPairFields pair={pins} label={t('people.newPin')} againLabel={t('people.pinAgain')} problem={isPinProblem(problem) && problem ? t(`errors.${problem.code}`) : null} />
      {problem && problem.code !== 'wrong_pin' && !isPinProblem(problem) && <FormError problem={problem} />}
      <div className="form-actions">
        <button type="button" className="primary big" disabled={save.busy || oldPin.length < 4 || !pins.complete} onClick={() => void submit()}>
          {t('people.changePin')}
        </button>
        {save.saved && (
          <p className="ok" role="status">
            {t('people.pinChanged')}
          </p>
        )}
      </div>
    </section>
  );
}
