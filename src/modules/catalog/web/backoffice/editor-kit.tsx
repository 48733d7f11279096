/** Shared pieces of the version editor: paths into the content, the editor's API, and the text fields. */
import { Button, Group, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaleFlag } from '../../contract';
import type { ManagedVersion, TextValue } from './common';

export type Path = (string | number)[];
export type Json = Record<string, unknown>;

export const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
export const getAt = (obj: unknown, path: Path): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), obj);
export function setAt(obj: Json, path: Path, value: unknown): Json {
  const root = clone(obj);
  let o: Record<string | number, unknown> = root;
  path.slice(0, -1).forEach((k, i) => {
    if (o[k] === undefined || o[k] === null) o[k] = typeof path[i + 1] === 'number' ? [] : {};
    o = o[k] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(o) && typeof last === 'number') o.splice(last, 1);
    else delete o[last];
  } else o[last] = value;
  return root;
}
/** The server's field name of a path (`documents[birth-extract].name`): keyed items by key, others by position. */
function fieldOf(content: unknown, path: Path): string {
  let out = '';
  let o: unknown = content;
  for (const k of path) {
    if (typeof k === 'number') {
      const item = Array.isArray(o) ? o[k] : undefined;
      const key =
        item && typeof item === 'object' && typeof (item as { key?: unknown }).key === 'string'
          ? (item as { key: string }).key
          : k;
      out += `[${key}]`;
    } else out += out ? `.${k}` : k;
    o = o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined;
  }
  return out;
}
export const idOf = (path: Path) => `ed-${path.join('-')}`;

export interface EditorApi {
  content: Json;
  set: (path: Path, value: unknown) => void;
  issues: Map<string, string>;
  stale: StaleFlag[];
  readOnly: boolean;
  confirm: (flags: StaleFlag[]) => void;
  confirming: boolean;
  /** What the content refers to (shared legal texts, files, organisations), as last loaded or picked. */
  refs: ManagedVersion['refs'];
  addRefs: (r: Partial<ManagedVersion['refs']>) => void;
  /** The version's address, for uploads. */
  path: string;
}

const LANGS = ['fr', 'ar', 'en'] as const;

/** A text in French, Arabic (right to left) and English, side by side; a flag on a language that may be out of date. */
export function TextField(props: {
  ed: EditorApi;
  path: Path;
  label: string;
  max: number;
  multiline?: boolean;
  optional?: boolean;
}) {
  const { t } = useTranslation('catalog');
  const { ed, path } = props;
  const value = (getAt(ed.content, path) as Partial<TextValue> | undefined) ?? {};
  const field = fieldOf(ed.content, path);
  const change = (lang: (typeof LANGS)[number], v: string) => {
    const next: Record<string, string> = { ...(value as Record<string, string>) };
    if (v === '' && lang === 'en') delete next.en;
    else next[lang] = v;
    const empty = Object.values(next).every((x) => x === '');
    ed.set(path, props.optional && empty ? undefined : next);
  };
  const Input = props.multiline ? Textarea : TextInput;
  return (
    <fieldset className="catalog-bo-text" data-field={field}>
      <legend>
        <Text size="sm" fw={500}>
          {props.label}
          {props.optional && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('bo.editor.optionalField')})
            </Text>
          )}
        </Text>
      </legend>
      <div className="catalog-bo-langs">
        {LANGS.map((lang) => {
          const flag = ed.stale.find((s) => s.field === field && s.lang === lang);
          const errorKey = [...path, lang].join('.');
          const flagId = `${idOf([...path, lang])}-stale`;
          return (
            <div key={lang}>
              <Input
                id={idOf([...path, lang])}
                label={t(`bo.editor.langs.${lang}`)}
                lang={lang}
                dir={lang === 'ar' ? 'rtl' : 'ltr'}
                disabled={ed.readOnly}
                required={!props.optional && lang !== 'en'}
                value={value[lang] ?? ''}
                maxLength={props.max}
                error={
                  ed.issues.get(errorKey) ??
                  (lang !== 'en' && !value[lang] && !props.optional ? ed.issues.get(path.join('.')) : undefined)
                }
                aria-describedby={flag ? flagId : undefined}
                onChange={(e) => change(lang, e.currentTarget.value)}
                {...(props.multiline ? { autosize: true, minRows: 2 } : {})}
              />
              {flag && (
                <Group gap={6} mt={4} wrap="wrap" id={flagId} data-testid="catalog-stale-flag">
                  <Text className="catalog-bo-stale" span>
                    ⚠ {t('bo.editor.staleFlag')}
                  </Text>
                  {!ed.readOnly && (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="dark"
                      loading={ed.confirming}
                      onClick={() => ed.confirm([flag])}
                    >
                      {t('bo.editor.checked')}
                    </Button>
                  )}
                </Group>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function PlainField(props: {
  ed: EditorApi;
  path: Path;
  label: string;
  max: number;
  description?: string;
  optional?: boolean;
}) {
  const { ed, path } = props;
  return (
    <TextInput
      id={idOf(path)}
      label={props.label}
      description={props.description}
      disabled={ed.readOnly}
      required={!props.optional}
      maxLength={props.max}
      value={String(getAt(ed.content, path) ?? '')}
      error={ed.issues.get(path.join('.'))}
      onChange={(e) => ed.set(path, e.currentTarget.value === '' && props.optional ? undefined : e.currentTarget.value)}
    />
  );
}
