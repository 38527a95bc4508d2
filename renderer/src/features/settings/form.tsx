/**
 * The pieces every owner's form is made of (settings, people, credentials, the set-up wizard): a labelled
 * field with the core's own problem for it said next to it, a PIN typed twice, a button that asks before it
 * does something that cannot be undone, and the mapping from the core's refusal to per-field problems.
 * Touch first: every control is at least 56 px high and has a visible label (its accessible name).
 */
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { ClientError, errorCodeOf } from '../../bridge/client';

/** What the core said was wrong: its code for the whole form, and its problems per field ("path: problem"). */
export interface FormProblem {
  code: ErrorCode;
  fields: Record<string, string>;
}

/** The core's refusal as a form problem; each issue goes to the field its path names. */
export function formProblemOf(error: unknown): FormProblem {
  const fields: Record<string, string> = {};
  if (error instanceof ClientError) {
    for (const issue of error.issues) {
      const colon = issue.indexOf(': ');
      if (colon > 0) fields[issue.slice(0, colon)] ??= issue.slice(colon + 2);
    }
  }
  return { code: errorCodeOf(error), fields };
}

/** The problem the core gave for one field (its path, or any path below it). */
export function fieldProblem(problem: FormProblem | null, ...paths: string[]): string | null {
  if (!problem) return null;
  for (const [path, message] of Object.entries(problem.fields)) {
    if (paths.some((wanted) => path === wanted || path.startsWith(`${wanted}.`))) return message;
  }
  return null;
}

/** The core's whole-form refusal, as a sentence in the counter's language. */
export function FormError({ problem = null, children }: { problem?: FormProblem | null; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!problem && !children) return null;
  return (
    <p className="error" role="alert" data-testid="form-error">
      {children ?? (problem ? t(`errors.${problem.code}`) : null)}
    </p>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue(value: string): void;
  /** Said under the field: what to type. */
  hint?: string;
  /** The core's (or the form's) problem with this field, said next to it. */
  problem?: string | null;
}

/** A labelled text field; its problem is tied to it (aria-describedby) so a screen reader says it too. */
export function Field({ label, value, onValue, hint, problem = null, className, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`text-input ${problem ? 'invalid' : ''}`}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onValue(event.target.value)}
        {...input}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="error field-problem" id={`${id}-problem`} data-testid="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Two digits-only PIN fields; answers the PIN once both agree, or the problem in words. */
export function usePinPair(): { pin: string; again: string; setPin(value: string): void; setAgain(value: string): void; mismatch: boolean; complete: boolean; reset(): void } {
  const [pin, setPinValue] = useState('');
  const [again, setAgainValue] = useState('');
  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 6);
  return {
    pin,
    again,
    setPin: (value) => setPinValue(digits(value)),
    setAgain: (value) => setAgainValue(digits(value)),
    mismatch: again.length >= pin.length && again.length > 0 && again !== pin,
    complete: pin.length >= 4 && pin === again,
    reset: () => {
      setPinValue('');
      setAgainValue('');
    },
  };
}

interface PinPairFieldsProps {
  pair: ReturnType<typeof usePinPair>;
  label: string;
  againLabel: string;
  /** The core's problem with the PIN (weak, taken), said under the first field. */
  problem?: string | null;
}

/** A new PIN typed twice, never shown (password fields), with the numeric keyboard on a touch screen. */
export function PinPairFields({ pair, label, againLabel, problem = null }: PinPairFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="pin-pair">
      <Field label={label} type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pair.pin} onValue={pair.setPin} hint={t('forms.pinHint')} problem={problem} />
      <Field label={againLabel} type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pair.again} onValue={pair.setAgain} problem={pair.mismatch ? t('forms.pinMismatch') : null} />
    </div>
  );
}

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
}

/** An explicit "are you sure" for what cannot be undone from this screen; "Cancelar" has the focus. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel, busy = false }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => cancel.current?.focus(), []);
  return createPortal(
    <div className="dialog-backdrop">
      <div className="dialog guard-dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <div className="actions">
          <button ref={cancel} type="button" className="secondary big" onClick={onCancel}>
            {t('forms.cancel')}
          </button>
          <button type="button" className="danger big" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** A form's save: busy while the core answers, then "guardado" or the core's problem. */
export function useSave(): { busy: boolean; saved: boolean; problem: FormProblem | null; run(action: () => Promise<unknown>): Promise<boolean>; clear(): void } {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  return {
    busy,
    saved,
    problem,
    async run(action) {
      setBusy(true);
      setSaved(false);
      setProblem(null);
      try {
        await action();
        setSaved(true);
        return true;
      } catch (error) {
        setProblem(formProblemOf(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    clear() {
      setSaved(false);
      setProblem(null);
    },
  };
}
