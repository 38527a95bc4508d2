/** A section's save button, with "Guardado" or the core's refusal for the whole section beside it. */
import { useTranslation } from 'react-i18next';
import { FormError, type FormProblem } from '../form';

interface SaveBarProps {
  label?: string;
  busy: boolean;
  saved: boolean;
  problem: FormProblem | null;
  disabled?: boolean;
  onSave(): void;
}

export function SaveBar({ label, busy, saved, problem, disabled = false, onSave }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <>
      {problem && <FormError>{problem.code === 'invalid_input' && Object.keys(problem.fields).length > 0 ? t('forms.fixFields') : t(`errors.${problem.code}`)}</FormError>}
      <div className="form-actions">
        <button type="button" className="primary big" disabled={busy || disabled} onClick={onSave}>
          {busy ? t('forms.saving') : (label ?? t('forms.save'))}
        </button>
        {saved && (
          <p className="ok" role="status">
            {t('forms.saved')}
          </p>
        )}
      </div>
    </>
  );
}
