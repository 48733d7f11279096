import type { InputHTMLAttributes, ReactNode } from 'react';
import './forms.css';

interface FieldForm {
  // `never`: any form's field names are accepted (the name is checked where the form is made).
  field: (
    name: never,
    describedBy?: string[],
  ) => {
    id: string;
    name: string;
    value: string;
    onChange: (e: { currentTarget: { value: string } }) => void;
    onBlur: () => void;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  };
  message: (name: string) => string | undefined;
  idOf: (name: string) => string;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'value' | 'onChange' | 'onBlur'>;

/**
 * A labelled text input for the public pages (plain HTML, styles.css): its hint and its error are
 * tied to it by `aria-describedby`, `aria-invalid` is set while the value is refused.
 */
export function TextField({
  form,
  name,
  label,
  hint,
  after,
  ...input
}: { form: FieldForm; name: string; label: ReactNode; hint?: ReactNode; after?: ReactNode } & InputProps) {
  const id = form.idOf(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const msg = form.message(name);
  return (
    <div className="field" data-invalid={msg ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={hintId} className="hint field-hint">
          {hint}
        </div>
      )}
      <input {...input} {...form.field(name as never, hintId ? [hintId] : [])} />
      {after}
      {msg && (
        <p id={`${id}-error`} className="field-error">
          {msg}
        </p>
      )}
    </div>
  );
}
