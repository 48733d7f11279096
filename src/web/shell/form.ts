import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api';

type Errors = Record<string, string>;

/**
 * A small form helper for back-office screens: values validated as you type with a zod schema
 * (the same limits as the server's), messages translated from the zod issue code
 * (`validation.<code>` of the common texts), and the server's field errors (problem+json
 * `errors[].path` = `body.<field>`) put back on their fields, keeping what was typed.
 *
 *     const form = useZodForm(CreateOrgForm, { code: '', nameFr: '' });
 *     <TextInput {...form.field('code')} label=… />
 *     <form onSubmit={form.onSubmit(async (values) => api('POST', '/orgs', values))}>
 */
export function useZodForm<S extends z.ZodType<Record<string, unknown>>>(schema: S, initial: z.input<S>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const check = useCallback(
    (v: z.input<S>): { data?: z.output<S>; errors: Errors } => {
      const r = schema.safeParse(v);
      if (r.success) return { data: r.data, errors: {} };
      const out: Errors = {};
      for (const issue of r.error.issues) {
        const key = String(issue.path[0] ?? '_');
        if (!out[key]) out[key] = t(`validation.${issue.code}`, { defaultValue: t('validation.custom') });
      }
      return { errors: out };
    },
    [schema, t],
  );

  const setField = useCallback(
    (name: string, value: unknown) => {
      setValues((prev) => {
        const next = { ...(prev as Record<string, unknown>), [name]: value } as z.input<S>;
        setErrors(check(next).errors);
        return next;
      });
      setTouched((p) => ({ ...p, [name]: true }));
    },
    [check],
  );

  /** Props for a Mantine text input: value, onChange, and the error once the field was touched. */
  const field = (name: keyof z.input<S> & string) => ({
    name,
    value: String((values as Record<string, unknown>)[name] ?? ''),
    onChange: (e: { currentTarget: { value: string } }) => setField(name, e.currentTarget.value),
    error: touched[name] ? errors[name] : undefined,
  });

  const onSubmit = (action: (data: z.output<S>) => Promise<unknown>) => async (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const r = check(values);
    setErrors(r.errors);
    setTouched(Object.fromEntries(Object.keys({ ...(values as object), ...r.errors }).map((k) => [k, true])));
    if (!r.data) return;
    setSubmitting(true);
    setError(null);
    try {
      await action(r.data);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fieldErrors.length) {
        const server: Errors = {};
        for (const fe of err.fieldErrors) server[fe.path.replace(/^body\./, '').split('.')[0]!] = fe.message;
        setErrors((prev) => ({ ...prev, ...server }));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const reset = (v: z.input<S> = initial) => {
    setValues(v);
    setErrors({});
    setTouched({});
    setError(null);
  };

  return { values, errors, setField, field, onSubmit, submitting, error, reset, valid: !Object.keys(errors).length };
}
