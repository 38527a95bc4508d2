/**
 * The owner's people: everyone who has worked the counter (active first), adding one (name, PIN twice, role),
 * disabling one after an explicit confirmation (their sales keep their name), and resetting a forgotten PIN.
 * PINs are typed, never shown; a weak or taken PIN is refused by the core with its sentence.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../shared/contract/auth';
import type { Person } from '../../../../../shared/contract/people';
import { useSaldo } from '../../../app/store';
import { ConfirmDialog, Field, FormError, PinPairFields, fieldProblem, usePinPair, useSave } from '../../settings/form';
import { sayProblem } from '../../settings/problems';
import { isPinProblem } from '../pin-problem';
import { peopleService } from '../service';
import { usePeople } from '../usePeople';

const ROLES: readonly User['role'][] = ['cashier', 'owner', 'tech'];

function AddPerson({ onAdded }: { onAdded(): Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<User['role']>('cashier');
  const pins = usePinPair();
  const save = useSave();
  const submit = async () => {
    const ok = await save.run(() => peopleService.add({ name: name.trim(), role, pin: pins.pin }));
    if (!ok) return;
    setName('');
    pins.reset();
    await onAdded();
  };
  return (
    <section className="form-section" aria-labelledby="add-person-title">
      <h2 id="add-person-title">{t('people.addTitle')}</h2>
      <div className="form-grid">
        <Field label={t('people.name')} value={name} onValue={setName} autoComplete="off" maxLength={40} problem={sayProblem(fieldProblem(save.problem, 'name'), t)} />
        <fieldset className="form-field plain-fieldset">
          <legend className="field-label">{t('people.role')}</legend>
          <div className="choice-row">
            {ROLES.map((option) => (
              <button key={option} type="button" aria-pressed={role === option} onClick={() => setRole(option)}>
                {t(`people.roles.${option}`)}
              </button>
            ))}
          </div>
        </fieldset>
      </div>
      <PinPairFields pair={pins} label={t('people.pin')} againLabel={t('people.pinAgain')} problem={isPinProblem(save.problem) && save.problem ? t(`errors.${save.problem.code}`) : sayProblem(fieldProblem(save.problem, 'pin'), t)} />
      {save.problem && !isPinProblem(save.problem) && <FormError problem={save.problem} />}
      <div className="form-actions">
        <button type="button" className="primary big" disabled={save.busy || name.trim() === '' || !pins.complete} onClick={() => void submit()}>
          {t('people.add')}
        </button>
        {save.saved && (
          <p className="ok" role="status">
            {t('people.added')}
          </p>
        )}
      </div>
    </section>
  );
}

function ResetPin({ person, onDone }: { person: Person; onDone(): void }) {
  const { t } = useTranslation();
  const pins = usePinPair();
  const save = useSave();
  const submit = async () => {
    if (await save.run(() => peopleService.resetPin(person.id, pins.pin))) onDone();
  };
  return (
    <div className="reset-pin" role="group" aria-label={t('people.resetFor', { name: person.name })}>
      <PinPairFields pair={pins} label={t('people.pin')} againLabel={t('people.pinAgain')} problem={save.problem && isPinProblem(save.problem) ? t(`errors.${save.problem.code}`) : null} />
      {save.problem && !isPinProblem(save.problem) && <FormError problem={save.problem} />}
      <div className="form-actions">
        <button type="button" className="secondary big" onClick={onDone}>
          {t('forms.cancel')}
        </button>
        <button type="button" className="primary big" disabled={save.busy || !pins.complete} onClick={() => void submit()}>
          {t('people.saveNewPin')}
        </button>
      </div>
    </div>
  );
}

function PersonRow({ person, onChanged }: { person: Person; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const me = useSaldo((state) => state.user?.id === person.id);
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const disable = useSave();
  return (
    <li className={`person ${person.active ? '' : 'person-disabled'}`} data-person={person.name}>
      <span className="person-name">{person.name}</span>
      <span className="pill pill-muted">{t(`people.roles.${person.role}`)}</span>
      {!person.active && <span className="pill pill-bad">{t('people.disabled')}</span>}
      {person.demo && <span className="pill pill-warn">{t('people.demo')}</span>}
      {person.active && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setResetting(true)} aria-label={t('people.resetFor', { name: person.name })}>
            {t('people.reset')}
          </button>
          {!me && (
            <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={t('people.disableFor', { name: person.name })}>
              {t('people.disable')}
            </button>
          )}
        </div>
      )}
      {disable.problem && <FormError problem={disable.problem} />}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {resetting && (
        <ResetPin
          person={person}
          onDone={() => {
            setResetting(false);
            setDone(t('people.pinReset', { name: person.name }));
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('people.disableTitle', { name: person.name })}
          body={t('people.disableBody', { name: person.name })}
          confirmLabel={t('people.disableConfirm')}
          busy={disable.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void disable.run(() => peopleService.disable(person.id)).then((ok) => (ok ? onChanged() : undefined));
          }}
        />
      )}
    </li>
  );
}

export function People() {
  const { t } = useTranslation();
  const { people, error, reload } = usePeople();
  return (
    <div className="people">
      <h2>{t('people.title')}</h2>
      {error && <FormError problem={{ code: error, fields: {} }} />}
      {people && (
        <ul className="people-list" aria-label={t('people.title')}>
          {people.map((person) => (
            <PersonRow key={person.id} person={person} onChanged={reload} />
          ))}
        </ul>
      )}
      <AddPerson onAdded={reload} />
    </div>
  );
}
