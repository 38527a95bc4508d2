/** A labelled choice from a list (a native select: the touch screen's own large picker). */
import { useId } from 'react';

interface SelectFieldProps {
  label: string;
  value: string;
  onValue(value: string): void;
  options: readonly { value: string; label: string }[];
  hint?: string;
  problem?: string | null;
}

export function SelectField({ label, value, onValue, options, hint, problem = null }: SelectFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className={`select-input ${problem ? 'invalid' : ''}`} value={value} aria-invalid={problem ? true : undefined} aria-describedby={described || undefined} onChange={(event) => onValue(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
