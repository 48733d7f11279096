/**
 * Parts of the version editor for what a version refers to outside itself (ADR 0022): competent
 * administrations (a type, or organisations picked by search), forms (file uploaded to the core
 * store), related procedures (picked by search), fee kinds, shared legal texts (picked by search
 * or created), internal editor notes.
 */
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { api, ApiError, csrfHeaders } from '../../../../web/api';
import { currentLang } from '../../../../web/i18n';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { COMPETENCE_ORG_TYPES, FEE_KINDS, LEGAL_TEXT_KINDS } from '../../contract';
import { getAt, idOf, TextField, type EditorApi } from './editor-kit';
import { pick, type LegalTextRef, type TextValue } from './common';

type Json = Record<string, unknown>;

/** The search text, settled for 300 ms (one request per pause, not per key). */
function useSettled(value: string, ms = 300): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** A search box with its results as buttons; keyboard friendly (Tab to a result, Enter to pick). */
function SearchPicker<T>(props: {
  label: string;
  queryKey: string;
  search: (q: string) => Promise<T[]>;
  render: (x: T) => string;
  keyOf: (x: T) => string;
  addLabel: (x: T) => string;
  onPick: (x: T) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('catalog');
  const [q, setQ] = useState('');
  const settled = useSettled(q.trim());
  const id = useId();
  const res = useQuery({
    queryKey: ['catalog', 'editor', props.queryKey, settled],
    queryFn: () => props.search(settled),
    enabled: settled.length >= 2,
  });
  if (props.disabled) return null;
  return (
    <Stack gap={4}>
      <TextInput label={props.label} value={q} onChange={(e) => setQ(e.currentTarget.value)} aria-describedby={`${id}-res`} />
      <div id={`${id}-res`} aria-live="polite">
        {settled.length >= 2 && res.data && res.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('bo.editor.noResults')}
          </Text>
        )}
        <ErrorAlert error={res.error} />
        {res.data && res.data.length > 0 && (
          <Stack gap={2} component="ul" className="catalog-bo-results">
            {res.data.map((x) => (
              <li key={props.keyOf(x)}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  justify="flex-start"
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                  aria-label={props.addLabel(x)}
                  onClick={() => {
                    props.onPick(x);
                    setQ('');
                  }}
                >
                  {props.render(x)}
                </Button>
              </li>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

interface OrgItem {
  code: string;
  nameFr: string;
  nameAr: string;
}
const orgName = (o: { nameFr: string; nameAr: string }) => (currentLang() === 'ar' ? o.nameAr : o.nameFr);

/** One competent administration: every organisation of a type, or organisations picked by search. */
export function CompetenceEntry({ ed, i }: { ed: EditorApi; i: number }) {
  const { t } = useTranslation('catalog');
  const c = (getAt(ed.content, ['competence', i]) as Json | undefined) ?? {};
  const mode = Array.isArray(c.orgCodes) ? 'orgs' : 'type';
  const codes = (c.orgCodes as string[] | undefined) ?? [];
  const service = c.service as TextValue | undefined;
  const issue = [...ed.issues].find(([k]) => k.startsWith(`competence.${i}.orgCodes`))?.[1];
  return (
    <>
      <NativeSelect
        id={idOf(['competence', i, 'mode'])}
        label={t('bo.editor.competenceMode')}
        disabled={ed.readOnly}
        value={mode}
        onChange={(e) =>
          ed.set(
            ['competence', i],
            e.currentTarget.value === 'orgs'
              ? { orgCodes: [], service: service ?? { fr: '', ar: '' } }
              : { orgType: 'commune', service: service ?? { fr: '', ar: '' } },
          )
        }
        data={[
          { value: 'type', label: t('bo.editor.modeType') },
          { value: 'orgs', label: t('bo.editor.modeOrgs') },
        ]}
      />
      {mode === 'type' ? (
        <NativeSelect
          id={idOf(['competence', i, 'orgType'])}
          label={t('bo.editor.orgType')}
          disabled={ed.readOnly}
          value={String(c.orgType ?? 'commune')}
          onChange={(e) => ed.set(['competence', i, 'orgType'], e.currentTarget.value)}
          data={COMPETENCE_ORG_TYPES.map((x) => ({ value: x, label: t(`orgTypes.${x}`) }))}
        />
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={500} id={idOf(['competence', i, 'orgCodes'])}>
            {t('bo.editor.orgs')}
          </Text>
          {codes.length === 0 && (
            <Text size="sm" c={issue ? 'red.8' : 'dimmed'}>
              {issue ?? t('bo.editor.orgNone')}
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            {codes.map((code) => {
              const o = ed.refs.orgs.find((x) => x.code === code);
              const name = o ? orgName(o) : code;
              return (
                <Badge
                  key={code}
                  variant="light"
                  color="dark"
                  size="lg"
                  rightSection={
                    ed.readOnly ? undefined : (
                      <CloseButton
                        size="xs"
                        aria-label={t('bo.editor.orgRemove', { name })}
                        onClick={() =>
                          ed.set(
                            ['competence', i, 'orgCodes'],
                            codes.filter((x) => x !== code),
                          )
                        }
                      />
                    )
                  }
                  styles={{ label: { textTransform: 'none' } }}
                >
                  {name}
                </Badge>
              );
            })}
          </Group>
          <SearchPicker<OrgItem>
            label={t('bo.editor.orgSearch')}
            queryKey="orgs"
            disabled={ed.readOnly}
            search={async (q) =>
              (await api<{ items: OrgItem[] }>('GET', `/orgs?q=${encodeURIComponent(q)}&pageSize=10`)).items.filter(
                (o) => !codes.includes(o.code),
              )
            }
            keyOf={(o) => o.code}
            render={(o) => `${orgName(o)} (${o.code})`}
            addLabel={(o) => t('bo.editor.orgAdd', { name: orgName(o) })}
            onPick={(o) => {
              ed.addRefs({ orgs: [{ code: o.code, nameFr: o.nameFr, nameAr: o.nameAr }] });
              ed.set(['competence', i, 'orgCodes'], [...codes, o.code]);
            }}
          />
        </Stack>
      )}
      <TextField ed={ed} path={['competence', i, 'service']} label={t('bo.editor.service')} max={300} />
    </>
  );
}

/** The file of a form: uploaded to the draft through the core file store, then listed by id. */
export function FormFile({ ed, i }: { ed: EditorApi; i: number }) {
  const { t } = useTranslation('catalog');
  const fileId = getAt(ed.content, ['forms', i, 'fileId']) as string | undefined;
  const file = fileId ? ed.refs.files.find((f) => f.id === fileId) : undefined;
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const body = new FormData();
      body.append('file', f, f.name);
      const res = await fetch(`/api/v1${ed.path}/forms`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'accept-language': currentLang(), ...csrfHeaders() },
      });
      const data = (await res.json().catch(() => null)) as Json | null;
      if (!res.ok) {
        const p = (data ?? {}) as { code?: string; detail?: string };
        throw new ApiError(res.status, p.code ?? 'CORE_INTERNAL', p.detail ?? res.statusText, data ?? {});
      }
      return data as { id: string; filename: string; mimeType: string; sizeBytes: number };
    },
    onSuccess: (f) => {
      ed.addRefs({ files: [{ id: f.id, filename: f.filename, mimeType: f.mimeType, sizeBytes: f.sizeBytes }] });
      ed.set(['forms', i, 'fileId'], f.id);
    },
  });
  const inputId = idOf(['forms', i, 'fileId']);
  return (
    <Stack gap={4}>
      {fileId && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('bo.editor.formUploaded', { name: file?.filename ?? fileId })}{' '}
            <a href={`/api/v1/files/${fileId}/content`} target="_blank" rel="noreferrer">
              ↗
            </a>
          </Text>
          {!ed.readOnly && (
            <CloseButton
              size="sm"
              aria-label={t('bo.editor.removeItem', { item: file?.filename ?? fileId })}
              onClick={() => ed.set(['forms', i, 'fileId'], undefined)}
            />
          )}
        </Group>
      )}
      {!ed.readOnly && (
        <>
          <label htmlFor={inputId}>
            <Text size="sm" fw={500}>
              {t('bo.editor.formFile')}
            </Text>
          </label>
          <input
            id={inputId}
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/webp"
            disabled={upload.isPending}
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) upload.mutate(f);
              e.currentTarget.value = '';
            }}
          />
          {upload.isPending && (
            <Text size="sm" role="status">
              {t('bo.editor.formUploading')}
            </Text>
          )}
          {upload.isSuccess && (
            <Text size="sm" role="status" c="green.9">
              {t('bo.editor.formUploadedOk')}
            </Text>
          )}
          <ErrorAlert error={upload.error} />
        </>
      )}
    </Stack>
  );
}

interface SearchHit {
  slug: string;
  title: string;
}

/** Related procedures: the chosen ones (removable) and a search to add more. */
export function RelatedPicker({ ed, self }: { ed: EditorApi; self: string }) {
  const { t } = useTranslation('catalog');
  const related = (ed.content.related as string[] | undefined) ?? [];
  const [titles, setTitles] = useState<Record<string, string>>({});
  const issue = [...ed.issues].find(([k]) => k.startsWith('related'))?.[1];
  return (
    <Stack gap="xs">
      {related.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('bo.editor.relatedNone')}
        </Text>
      )}
      {issue && (
        <Text size="sm" c="red.8">
          {issue}
        </Text>
      )}
      <Stack gap={4} component="ul" className="catalog-bo-results">
        {related.map((slug) => (
          <li key={slug}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {titles[slug] ?? slug}
              </Text>
              {!ed.readOnly && (
                <CloseButton
                  size="sm"
                  aria-label={t('bo.editor.relatedRemove', { title: titles[slug] ?? slug })}
                  onClick={() =>
                    ed.set(
                      ['related'],
                      related.filter((s) => s !== slug),
                    )
                  }
                />
              )}
            </Group>
          </li>
        ))}
      </Stack>
      <SearchPicker<SearchHit>
        label={t('bo.editor.relatedSearch')}
        queryKey="related"
        disabled={ed.readOnly}
        search={async (q) =>
          (
            await api<{ items: SearchHit[] }>('GET', `/catalog/procedures?q=${encodeURIComponent(q)}&lang=${currentLang()}`)
          ).items.filter((h) => h.slug !== self && !related.includes(h.slug))
        }
        keyOf={(h) => h.slug}
        render={(h) => h.title}
        addLabel={(h) => t('bo.editor.relatedAdd', { title: h.title })}
        onPick={(h) => {
          setTitles((x) => ({ ...x, [h.slug]: h.title }));
          ed.set(['related'], [...related, h.slug]);
        }}
      />
    </Stack>
  );
}

/** An amount in MAD (two decimals). */
function Mad({ ed, path, label }: { ed: EditorApi; path: (string | number)[]; label: string }) {
  const v = getAt(ed.content, path);
  return (
    <NumberInput
      hideControls
      id={idOf(path)}
      label={label}
      disabled={ed.readOnly}
      min={0}
      max={10_000_000}
      decimalScale={2}
      w={180}
      suffix=" MAD"
      value={typeof v === 'number' ? v : ''}
      error={ed.issues.get(path.join('.'))}
      onChange={(x) => ed.set(path, typeof x === 'number' ? x : undefined)}
    />
  );
}

/** The kind of a fee and the amounts that kind takes: fixed, free, rate (percent or per unit), range, variable. */
export function FeeFields({ ed, i, fee }: { ed: EditorApi; i: number; fee: Json }) {
  const { t } = useTranslation('catalog');
  const kind = String(fee.kind ?? ((Number(fee.amountMad ?? 0) || 0) > 0 ? 'fixed' : 'free'));
  const rateMode = fee.percent !== undefined ? 'percent' : 'unit';
  const setKind = (k: string) => {
    const { amountMad, minMad, maxMad, percent, basis, ...rest } = fee;
    void minMad;
    void maxMad;
    void percent;
    const next: Json = { ...rest, kind: k };
    if (k === 'fixed') next.amountMad = amountMad ?? 0;
    if (k === 'rate') Object.assign(next, { percent: 1, basis: basis ?? { fr: '', ar: '' } });
    if (k === 'range') Object.assign(next, { minMad: 0, maxMad: 0 });
    if (k === 'variable') next.basis = basis ?? { fr: '', ar: '' };
    if (k === 'range' && basis) next.basis = basis;
    ed.set(['fees', i], next);
  };
  const p = (f: string) => ['fees', i, f];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          id={idOf(p('kind'))}
          label={t('bo.editor.feeKind')}
          disabled={ed.readOnly}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={FEE_KINDS.map((k) => ({ value: k, label: t(`feeKinds.${k}`) }))}
        />
        {kind === 'fixed' && <Mad ed={ed} path={p('amountMad')} label={t('bo.editor.amount')} />}
        {kind === 'rate' && (
          <>
            <NativeSelect
              id={idOf(p('rateMode'))}
              label={t('bo.editor.rateMode')}
              disabled={ed.readOnly}
              value={rateMode}
              onChange={(e) => {
                const { percent: _p, amountMad: _a, ...rest } = fee;
                ed.set(['fees', i], e.currentTarget.value === 'percent' ? { ...rest, percent: 1 } : { ...rest, amountMad: 0 });
              }}
              data={[
                { value: 'percent', label: t('bo.editor.ratePercent') },
                { value: 'unit', label: t('bo.editor.rateUnit') },
              ]}
            />
            {rateMode === 'percent' ? (
              <NumberInput
                hideControls
                id={idOf(p('percent'))}
                label={t('bo.editor.percent')}
                disabled={ed.readOnly}
                min={0}
                max={100}
                decimalScale={4}
                w={140}
                suffix=" %"
                value={typeof fee.percent === 'number' ? fee.percent : ''}
                error={ed.issues.get(p('percent').join('.'))}
                onChange={(x) => ed.set(p('percent'), typeof x === 'number' ? x : undefined)}
              />
            ) : (
              <Mad ed={ed} path={p('amountMad')} label={t('bo.editor.perUnit')} />
            )}
          </>
        )}
        {kind === 'range' && (
          <>
            <Mad ed={ed} path={p('minMad')} label={t('bo.editor.minAmount')} />
            <Mad ed={ed} path={p('maxMad')} label={t('bo.editor.maxAmount')} />
          </>
        )}
      </Group>
      {kind !== 'fixed' && kind !== 'free' && (
        <TextField ed={ed} path={p('basis')} label={t('bo.editor.basis')} max={500} optional={kind === 'range'} />
      )}
    </Stack>
  );
}

/** An internal note for editors and reviewers (never published). */
export function NoteField({ ed, path }: { ed: EditorApi; path: (string | number)[] }) {
  const { t } = useTranslation('catalog');
  const v = getAt(ed.content, path);
  if (ed.readOnly && !v) return null;
  return (
    <TextInput
      id={idOf(path)}
      label={t('bo.editor.editorNote')}
      disabled={ed.readOnly}
      maxLength={500}
      value={typeof v === 'string' ? v : ''}
      error={ed.issues.get(path.join('.'))}
      onChange={(e) => ed.set(path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
    />
  );
}

const legalTitle = (l: LegalTextRef) => `${l.code} — ${pick(l.title)}`;

/** One entry of the legal basis: a shared legal text, picked by search or created here. */
export function LegalBasisEntry({ ed, i }: { ed: EditorApi; i: number }) {
  const { t } = useTranslation('catalog');
  const entry = (getAt(ed.content, ['legalBasis', i]) as Json | undefined) ?? {};
  const textId = entry.textId as string | undefined;
  const shared = textId ? ed.refs.legalTexts.find((l) => l.id === textId) : undefined;
  const [creating, setCreating] = useState(false);
  const use = (l: LegalTextRef) => {
    ed.addRefs({ legalTexts: [l] });
    ed.set(['legalBasis', i], { id: String(entry.id ?? l.code), textId: l.id });
    setCreating(false);
  };
  const missing = ed.issues.get(`legalBasis.${i}`);
  return (
    <Stack gap="xs">
      {textId ? (
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('bo.editor.legalPicked')} · {t(`legalKinds.${shared?.kind ?? 'other'}`)}
            {shared?.number ? ` n° ${shared.number}` : ''}
            {shared?.date ? ` · ${shared.date}` : ''}
          </Text>
          <Text size="sm">{shared ? pick(shared.title) : textId}</Text>
          {shared?.bulletin && (
            <Text size="xs" c="dimmed">
              {shared.bulletin}
            </Text>
          )}
        </Paper>
      ) : entry.title ? (
        <Alert color="gray">{t('bo.editor.legalInline')}</Alert>
      ) : null}
      {!entry.textId && entry.title !== undefined && (
        <TextField ed={ed} path={['legalBasis', i, 'title']} label={t('bo.editor.legalTitle')} max={500} />
      )}
      {missing && !textId && (
        <Text size="sm" c="red.8">
          {missing}
        </Text>
      )}
      <SearchPicker<LegalTextRef>
        label={textId ? t('bo.editor.legalChange') : t('bo.editor.legalPick')}
        queryKey="legal-texts"
        disabled={ed.readOnly}
        search={async (q) =>
          (await api<{ items: LegalTextRef[] }>('GET', `/catalog/manage/legal-texts?q=${encodeURIComponent(q)}`)).items
        }
        keyOf={(l) => l.id}
        render={legalTitle}
        addLabel={(l) => t('bo.editor.legalUse', { title: legalTitle(l) })}
        onPick={use}
      />
      {!ed.readOnly &&
        (creating ? (
          <NewLegalText onCreated={use} onCancel={() => setCreating(false)} defaultCode={String(entry.id ?? '')} />
        ) : (
          <div>
            <Button variant="light" size="compact-sm" onClick={() => setCreating(true)}>
              {t('bo.editor.legalCreate')}
            </Button>
          </div>
        ))}
    </Stack>
  );
}

/** Creates a shared legal text (POST /catalog/manage/legal-texts). */
function NewLegalText(props: { onCreated: (l: LegalTextRef) => void; onCancel: () => void; defaultCode: string }) {
  const { t } = useTranslation('catalog');
  const [f, setF] = useState({
    code: props.defaultCode,
    kind: 'law',
    number: '',
    date: '',
    fr: '',
    ar: '',
    bulletin: '',
    url: '',
  });
  const create = useMutation({
    mutationFn: () =>
      api<LegalTextRef>('POST', '/catalog/manage/legal-texts', {
        code: f.code.trim(),
        kind: f.kind,
        ...(f.number.trim() ? { number: f.number.trim() } : {}),
        ...(f.date ? { date: f.date } : {}),
        title: { fr: f.fr.trim(), ar: f.ar.trim() },
        ...(f.bulletin.trim() ? { bulletin: f.bulletin.trim() } : {}),
        ...(f.url.trim() ? { url: f.url.trim() } : {}),
      }),
    onSuccess: props.onCreated,
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const fieldError = (path: string) =>
    create.error instanceof ApiError ? create.error.fieldErrors.find((e) => e.path === path)?.code : undefined;
  return (
    <Paper withBorder p="sm" component="fieldset" className="catalog-bo-item">
      <legend>
        <Text fw={600} size="sm">
          {t('bo.editor.legalCreate')}
        </Text>
      </legend>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('bo.editor.legalCode')}
            description={t('bo.editor.legalCodeHint')}
            required
            dir="ltr"
            maxLength={80}
            value={f.code}
            onChange={set('code')}
            error={fieldError('code')}
          />
          <NativeSelect
            label={t('bo.editor.legalKind')}
            value={f.kind}
            onChange={set('kind')}
            data={LEGAL_TEXT_KINDS.map((k) => ({ value: k, label: t(`legalKinds.${k}`) }))}
          />
          <TextInput
            label={t('bo.editor.legalNumber')}
            dir="ltr"
            maxLength={40}
            w={140}
            value={f.number}
            onChange={set('number')}
          />
          <TextInput label={t('bo.editor.legalDate')} type="date" value={f.date} onChange={set('date')} />
        </Group>
        <TextInput
          label={t('bo.editor.langs.fr')}
          lang="fr"
          dir="ltr"
          required
          maxLength={500}
          value={f.fr}
          onChange={set('fr')}
        />
        <TextInput
          label={t('bo.editor.langs.ar')}
          lang="ar"
          dir="rtl"
          required
          maxLength={500}
          value={f.ar}
          onChange={set('ar')}
        />
        <TextInput label={t('bo.editor.bulletin')} maxLength={200} value={f.bulletin} onChange={set('bulletin')} />
        <TextInput label={t('bo.editor.url')} type="url" dir="ltr" maxLength={500} value={f.url} onChange={set('url')} />
        <ErrorAlert error={create.error} />
        <Group gap="sm">
          <Button size="compact-md" onClick={() => create.mutate()} loading={create.isPending}>
            {t('bo.editor.legalCreateSubmit')}
          </Button>
          <Button size="compact-md" variant="subtle" onClick={props.onCancel}>
            {t('bo.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
