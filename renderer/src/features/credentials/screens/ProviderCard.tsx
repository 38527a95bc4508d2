/**
 * One provider's credentials: whether they are set ("configurado, termina en …1234") and where from, a form to
 * type new ones (write-only: the fields empty again once stored), removing the stored ones after an explicit
 * confirmation, and "Probar conexión", whose answer is said in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CredentialsInput, CredentialsView, ProviderCredentialsView } from '../../../../../shared/contract/credentials';
import { useSaldo } from '../../../app/store';
import { errorCodeOf } from '../../../bridge/client';
import { money, providerName } from '../../../format';
import { ConfirmDialog, Field, FormError, fieldProblem, useSave } from '../../settings/form';
import { sayProblem } from '../../settings/problems';
import { CREDENTIAL_FIELDS } from '../fields';
import { credentialsService } from '../service';

type TestAnswer = { ok: true; latencyMs: number; balance: string | null } | { ok: false; code: string };

function lastFour(view: ProviderCredentialsView): string | null {
  const first = CREDENTIAL_FIELDS[view.provider][0];
  return (first && view.credentials[first.name]?.last4) || null;
}

function CredentialsForm({ view, onSaved, onCancel }: { view: ProviderCredentialsView; onSaved(next: CredentialsView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [baseUrl, setBaseUrl] = useState(view.baseUrl);
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useSave();
  const fields = CREDENTIAL_FIELDS[view.provider];
  const name = providerName(view.provider);
  const complete = baseUrl.trim() !== '' && fields.every((field) => field.optional || (values[field.name] ?? '').trim() !== '');
  const submit = async () => {
    const typed = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value.trim()]));
    const input = { provider: view.provider, baseUrl: baseUrl.trim(), ...typed } as CredentialsInput;
    let next: CredentialsView | null = null;
    if (await save.run(async () => (next = await credentialsService.set(input)))) {
      setValues({});
      if (next) onSaved(next);
    }
  };
  return (
    <div className="credentials-form" role="group" aria-label={t('credentials.formFor', { provider: name })}>
      <Field label={t('credentials.fields.baseUrl', { provider: name })} value={baseUrl} onValue={setBaseUrl} inputMode="url" autoComplete="off" spellCheck={false} problem={sayProblem(fieldProblem(save.problem, 'baseUrl'), t)} />
      {fields.map((field) => (
        <Field
          key={field.name}
          label={`${t(`credentials.fields.${field.name}`, { provider: name })}${field.optional ? ` ${t('forms.optional')}` : ''}`}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={values[field.name] ?? ''}
          onValue={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          problem={sayProblem(fieldProblem(save.problem, field.name), t)}
        />
      ))}
      <p className="hint">{t('credentials.writeOnly')}</p>
      {save.problem && Object.keys(save.problem.fields).length === 0 && <FormError problem={save.problem} />}
      <div className="form-actions">
        <button type="button" className="secondary big" onClick={onCancel}>
          {t('forms.cancel')}
        </button>
        <button type="button" className="primary big" disabled={save.busy || !complete} onClick={() => void submit()}>
          {t('credentials.save', { provider: name })}
        </button>
      </div>
    </div>
  );
}

export function ProviderCard({ view, onChanged }: { view: ProviderCredentialsView; onChanged(next: CredentialsView): void }) {
  const { t } = useTranslation();
  const language = useSaldo((state) => state.language);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [testing, setTesting] = useState(false);
  const [answer, setAnswer] = useState<TestAnswer | null>(null);
  const remove = useSave();
  const name = providerName(view.provider);
  const last4 = lastFour(view);

  const test = async () => {
    setTesting(true);
    setAnswer(null);
    try {
      const tested = await credentialsService.test(view.provider);
      setAnswer({ ok: true, latencyMs: tested.latencyMs, balance: tested.balance ? `${money(tested.balance, language)} ${tested.balance.currency}` : null });
    } catch (caught) {
      setAnswer({ ok: false, code: errorCodeOf(caught) });
    } finally {
      setTesting(false);
    }
  };

  let state: string;
  if (view.source === 'none') state = t('credentials.notConfigured');
  else if (last4) state = t('credentials.configuredEnding', { last4 });
  else state = t('credentials.configured');

  return (
    <li className="provider-card" data-provider={view.provider}>
      <div className="provider-head">
        <h3>{name}</h3>
        <span className={`pill ${view.source === 'none' ? 'pill-muted' : 'pill-ok'}`} data-testid="credentials-state">
          {state}
        </span>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={t(view.source === 'none' ? 'credentials.addFor' : 'credentials.changeFor', { provider: name })}>
            {t(view.source === 'none' ? 'credentials.add' : 'credentials.change')}
          </button>
          {view.stored && (
            <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={t('credentials.removeFor', { provider: name })}>
              {t('credentials.remove')}
            </button>
          )}
          <button type="button" className="primary" disabled={testing || view.source === 'none'} onClick={() => void test()} aria-label={t('credentials.testFor', { provider: name })}>
            {testing ? t('credentials.testing') : t('credentials.test')}
          </button>
        </div>
      </div>
      {view.source === 'env' && <p className="env-notice">{t(view.stored ? 'credentials.envWinsStored' : 'credentials.envWins', { provider: name })}</p>}
      {answer && (
        <p className={answer.ok ? 'ok' : 'error'} role={answer.ok ? 'status' : 'alert'} data-testid="credentials-test" data-ok={answer.ok}>
          {answer.ok
            ? `${t('credentials.testOk', { provider: name, count: answer.latencyMs })}${answer.balance ? ` ${t('credentials.testBalance', { balance: answer.balance })}` : ''}`
            : `${t('credentials.testFailed', { provider: name })} ${t(`errors.${answer.code}`, { defaultValue: t('errors.internal') })}`}
        </p>
      )}
      {remove.problem && <FormError problem={remove.problem} />}
      {editing && (
        <CredentialsForm
          view={view}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            setAnswer(null);
            onChanged(next);
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('credentials.removeTitle', { provider: name })}
          body={t(view.source === 'env' ? 'credentials.removeBodyEnv' : 'credentials.removeBody', { provider: name })}
          confirmLabel={t('credentials.removeConfirm')}
          busy={remove.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            let next: CredentialsView | null = null;
            void remove
              .run(async () => (next = await credentialsService.remove(view.provider)))
              .then((ok) => {
                if (ok && next) onChanged(next);
              });
          }}
        />
      )}
    </li>
  );
}
