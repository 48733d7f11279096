import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useAdoptTypedValues } from '../ssr/hydration';
import { apiFieldIssues, messageKeys, zodFieldIssues, type FieldIssue, type FieldIssues } from './validation';

type Values = Record<string, unknown>;

export interface UseFormOptions<V extends Values> {
  /** Values the schema needs beyond the fields (e.g. the e-mail, for the password rule). */
  context?: Record<string, unknown>;
  /** Turns the typed values into what the schema and the API expect (trimming, dropping fields). */
  toInput?: (values: V) => Record<string, unknown>;
  /** i18next namespace of the field messages (`<ns>:forms.<field>.<code>`). */
  ns?: string;
}

/**
 * A form validated as you type with a zod schema of the API contract. A field's problem shows
 * once the field was left (or the form submitted) and follows each key stroke after that; the
 * server's refusal puts its field errors back on their fields (until the field is changed) and
 * keeps every value typed. `field(name)` gives the ids and ARIA attributes of an accessible input.
 */
export function useForm<S extends z.ZodType, V extends Values>(schema: S, initial: V, opts: UseFormOptions<V> = {}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [server, setServer] = useState<FieldIssues>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const check = useCallback(
    (v: V) => {
      const input = { ...(optsRef.current.toInput ? optsRef.current.toInput(v) : v), ...optsRef.current.context };
      return schema.safeParse(input);
    },
    [schema],
  );
  // Checked at every render (cheap): the context (e.g. the e-mail) may change too.
  const parsed = check(values);
  const local = parsed.success ? {} : zodFieldIssues(parsed.error.issues);

  const issue = (name: string): FieldIssue | undefined => server[name] ?? (touched[name] || submitted ? local[name] : undefined);
  const message = (name: string): string | undefined => {
    const i = issue(name);
    return i ? t(messageKeys(name, i, opts.ns ?? 'account'), i.params as Record<string, string>) : undefined;
  };
  const idOf = (name: string) => `${base}-${name}`;
  // Text typed into the server-rendered page before the app took over is kept.
  useAdoptTypedValues(() =>
    Object.keys(initial)
      .filter((name) => typeof initial[name] === 'string')
      .map((name) => ({
        el: typeof document === 'undefined' ? null : document.getElementById(idOf(name)),
        adopt: (value) => setValues((prev) => (prev[name] === value ? prev : { ...prev, [name]: value })),
      })),
  );

  const set = (name: keyof V & string, value: V[keyof V & string]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    if (server[name])
      setServer((prev) => {
        const { [name]: _gone, ...rest } = prev;
        return rest;
      });
  };

  /** Props for a native input (plain HTML pages): id, value, handlers, aria-invalid and aria-describedby. */
  const field = (name: keyof V & string, describedBy: string[] = []) => {
    const id = idOf(name);
    const bad = issue(name) !== undefined;
    const described = [...describedBy, ...(bad ? [`${id}-error`] : [])].join(' ') || undefined;
    return {
      id,
      name,
      value: String(values[name] ?? ''),
      onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value as V[keyof V & string]),
      onBlur: () => setTouched((p) => (p[name] ? p : { ...p, [name]: true })),
      'aria-invalid': bad || undefined,
      'aria-describedby': described,
    };
  };

  /** Props for a Mantine input: it links `error` and `description` to the input itself. */
  const mantine = (name: keyof V & string) => {
    const { id, value, onChange, onBlur } = field(name);
    return { id, name, value, onChange, onBlur, error: message(name) };
  };

  /** Moves the focus to the first refused field in the page's order (the keyboard user lands on it). */
  const focusFirst = (names: string[]) => {
    if (typeof document === 'undefined') return;
    const els = names.map((n) => document.getElementById(idOf(n))).filter((e): e is HTMLElement => e !== null);
    els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    els[0]?.focus();
  };

  const submit = (action: (data: z.output<S>) => Promise<unknown>, onError?: (e: unknown) => void) => async (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted(true);
    setError(null);
    const r = check(values);
    if (!r.success) {
      focusFirst(Object.keys(zodFieldIssues(r.error.issues)));
      return;
    }
    setBusy(true);
    try {
      await action(r.data);
    } catch (err) {
      setError(err);
      const fields = apiFieldIssues(err);
      setServer(fields);
      focusFirst(Object.keys(fields));
      onError?.(err);
    } finally {
      setBusy(false);
    }
  };

  const reset = (v: V = initial) => {
    setValues(v);
    setTouched({});
    setServer({});
    setSubmitted(false);
    setError(null);
  };

  return { values, set, field, mantine, issue, message, idOf, submit, busy, error, setError, reset, valid: parsed.success };
}

export type Form = ReturnType<typeof useForm>;
