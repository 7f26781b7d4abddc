/**
 * A labelled input with its hint and, after a refused save, the server's message for it. The input is
 * passed as a render function so it gets the ids that tie hint and error to it for screen readers.
 */
import type { ReactNode } from 'react';

export interface FieldA11y {
  id: string;
  'aria-describedby': string;
  'aria-invalid': boolean;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  children(a11y: FieldA11y): ReactNode;
}

export function Field({ id, label, hint, errors = [], children }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

/** A whole number with its unit shown beside it (the label and hint say the unit to screen readers). */
export function NumberInput({
  a11y,
  value,
  min,
  max,
  step = 1,
  unit,
  onChange,
}: {
  a11y: FieldA11y;
  value: string;
  min: number;
  max: number;
  step?: number;
  unit: string;
  onChange(value: string): void;
}) {
  return (
    <span className="field-number">
      <input {...a11y} type="number" inputMode="numeric" min={min} max={max} step={step} value={value} onChange={(e) => onChange(e.target.value)} />
      <span aria-hidden="true">{unit}</span>
    </span>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
