/** The set-up's owner: name and PIN typed twice; creating them signs them in for the steps that follow. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPinProblem } from '../../people/pin-problem';
import { Field, FormError, PinPairFields, fieldProblem, usePinPair, useSave } from '../../settings/form';
import { sayProblem } from '../../settings/problems';
import { setupService } from '../service';

export function OwnerStep({ done, onDone }: { done: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const pins = usePinPair();
  const save = useSave();
  if (done) {
    return (
      <>
        <p className="ok">{t('setup.owner.exists')}</p>
        <button type="button" className="primary big" onClick={onDone}>
          {t('setup.next')}
        </button>
      </>
    );
  }
  const submit = async () => {
    if (await save.run(() => setupService.createOwner(name.trim(), pins.pin, pins.again))) onDone();
  };
  return (
    <>
      <p className="hint">{t('setup.owner.hint')}</p>
      <Field label={t('setup.owner.name')} value={name} onValue={setName} maxLength={40} autoComplete="name" problem={sayProblem(fieldProblem(save.problem, 'name'), t)} />
      <PinPairFields pair={pins} label={t('setup.owner.pin')} againLabel={t('setup.owner.pinAgain')} problem={isPinProblem(save.problem) && save.problem ? t(`errors.${save.problem.code}`) : sayProblem(fieldProblem(save.problem, 'pin'), t)} />
      {save.problem && !isPinProblem(save.problem) && Object.keys(save.problem.fields).length === 0 && <FormError problem={save.problem} />}
      <div className="form-actions">
        <button type="button" className="primary big" disabled={save.busy || name.trim() === '' || !pins.complete} onClick={() => void submit()}>
          {t('setup.owner.create')}
        </button>
      </div>
    </>
  );
}
