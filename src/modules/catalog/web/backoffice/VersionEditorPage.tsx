import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { api } from '../../../../web/api';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { PageHeader } from '../../../../web/shell/PageHeader';
import { AUDIENCES, CATEGORIES, EDITABLE_STATES, LIFE_EVENTS, VersionContentSchema, type StaleFlag } from '../../contract';
import { CompetenceEntry, FeeFields, FormFile, LegalBasisEntry, NoteField, RelatedPicker } from './EditorRefs';
import { clone, getAt, idOf, PlainField, setAt, TextField, type EditorApi, type Json, type Path } from './editor-kit';
import { STATE_COLORS, pick, useStateLabel, versionPath, type ManagedVersion, type TextValue } from './common';

/** The editor of a version: texts in French, Arabic and English side by side, lists, live validation, staleness flags. */
export function VersionEditorPage() {
  const { t } = useTranslation('catalog');
  const { slug = '', n: nParam = '' } = useParams();
  const n = Number(nParam);
  const version = useQuery({
    queryKey: ['catalog', 'manage', 'version', slug, n],
    queryFn: () => api<ManagedVersion>('GET', versionPath(slug, n)),
  });
  const title = version.data ? pick(version.data.content.title as TextValue) : slug;
  return (
    <>
      <PageHeader
        title={t('bo.editor.title', { n })}
        crumbs={[
          { label: t('bo.list.title'), to: '/backoffice/catalog' },
          { label: title || slug, to: `/backoffice/catalog/${slug}` },
          { label: t('bo.list.version', { n }) },
        ]}
      />
      <ErrorAlert error={version.error} />
      {version.isPending && (
        <Text role="status" c="dimmed">
          {t('bo.loading')}
        </Text>
      )}
      {version.data && <Editor key={version.data.id} version={version.data} />}
    </>
  );
}

function Editor({ version }: { version: ManagedVersion }) {
  const { t } = useTranslation('catalog');
  const stateLabel = useStateLabel();
  const qc = useQueryClient();
  const [content, setContent] = useState<Json>(() => clone(version.content));
  const [effectiveDate, setEffectiveDate] = useState(version.effectiveDate ?? '');
  const [changeNote, setChangeNote] = useState(version.changeNote ?? '');
  const [dirty, setDirty] = useState(false);
  const [stale, setStale] = useState<StaleFlag[]>(version.stale);
  const [tried, setTried] = useState(false);
  const [refs, setRefs] = useState<ManagedVersion['refs']>(version.refs);
  const readOnly = !EDITABLE_STATES.includes(version.state);
  const parsed = useMemo(() => VersionContentSchema.safeParse(content), [content]);
  const issues = useMemo(() => {
    const m = new Map<string, string>();
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const k = i.path.map(String).join('.');
        if (!m.has(k)) m.set(k, issueText(t, i as unknown as Parameters<typeof issueText>[1]));
      }
    return m;
  }, [parsed, t]);
  const path = versionPath(version.slug, version.number);
  const save = useMutation({
    mutationFn: () =>
      api<ManagedVersion>('PATCH', path, {
        content: parsed.success ? parsed.data : content,
        ...(effectiveDate ? { effectiveDate } : {}),
        ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}),
      }),
    onSuccess: (v) => {
      setStale(v.stale);
      setRefs(v.refs);
      setContent(clone(v.content));
      setDirty(false);
      qc.setQueryData(['catalog', 'manage', 'version', v.slug, v.number], v);
      void qc.invalidateQueries({ queryKey: ['catalog', 'manage', 'procedure'] });
      void qc.invalidateQueries({ queryKey: ['catalog', 'manage', 'list'] });
    },
  });
  const confirm = useMutation({
    mutationFn: (flags: StaleFlag[]) => api<ManagedVersion>('POST', `${path}/confirm-translations`, { flags }),
    onSuccess: (v) => {
      setStale(v.stale);
      void qc.invalidateQueries({ queryKey: ['catalog', 'manage'] });
    },
  });
  const ed: EditorApi = {
    content,
    set: (p, value) => {
      setContent((c) => setAt(c, p, value));
      setDirty(true);
    },
    issues: tried || dirty ? issues : new Map(),
    stale,
    readOnly,
    confirm: (flags) => confirm.mutate(flags),
    confirming: confirm.isPending,
    refs,
    addRefs: (r) =>
      setRefs((x) => ({
        legalTexts: [...x.legalTexts, ...(r.legalTexts ?? [])],
        files: [...x.files, ...(r.files ?? [])],
        orgs: [...x.orgs, ...(r.orgs ?? [])],
      })),
    path,
  };
  const onSave = () => {
    setTried(true);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      if (first) document.getElementById(idOf(first.path as Path))?.focus();
      return;
    }
    save.mutate();
  };
  const list = (name: string) => (Array.isArray(content[name]) ? (content[name] as Json[]) : []);
  return (
    <Stack gap="lg" data-testid="catalog-editor">
      <Group gap="xs" wrap="wrap">
        <Badge color={STATE_COLORS[version.state]} variant="light" data-state={version.state}>
          {stateLabel(version.state, version.effectiveDate)}
        </Badge>
        <Anchor component={Link} to={`/backoffice/catalog/${version.slug}?v=${version.number}`} size="sm" underline="always">
          {t('bo.editor.back')}
        </Anchor>
      </Group>
      {readOnly && <Alert color="gray">{t('bo.editor.readOnly')}</Alert>}
      {stale.length > 0 && (
        <Alert
          color="orange"
          classNames={{ title: 'catalog-bo-warn-title' }}
          title={t('bo.detail.staleTitle')}
          data-testid="catalog-stale-summary"
        >
          <Stack gap="xs">
            <Text size="sm">{t('bo.detail.staleText', { count: stale.length })}</Text>
            <ul>
              {stale.map((s) => (
                <li key={`${s.field}|${s.lang}`}>
                  <Text size="sm">
                    {s.field} — {t(`bo.editor.langs.${s.lang}`)}
                  </Text>
                </li>
              ))}
            </ul>
            {!readOnly && (
              <div>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="dark"
                  onClick={() => ed.confirm(stale)}
                  loading={confirm.isPending}
                >
                  {t('bo.editor.confirmAll')}
                </Button>
              </div>
            )}
          </Stack>
        </Alert>
      )}
      <ErrorAlert error={confirm.error} />

      <Section title={t('bo.editor.general')}>
        <TextField ed={ed} path={['title']} label={t('bo.fields.title')} max={300} />
        <TextField ed={ed} path={['summary']} label={t('bo.fields.summary')} max={2000} multiline />
        <Choices ed={ed} name="audiences" values={AUDIENCES} label={t('bo.fields.audiences')} tKey="audiences" />
        <Choices ed={ed} name="categories" values={CATEGORIES} label={t('bo.fields.categories')} tKey="categories" />
        <Choices ed={ed} name="lifeEvents" values={LIFE_EVENTS} label={t('bo.fields.lifeEvents')} tKey="bo.lifeEvents" />
      </Section>

      <Section title={t('bo.fields.documents')}>
        {list('documents').map((d, i) => (
          <Item key={i} ed={ed} path={['documents', i]} label={t('bo.editor.document', { n: i + 1 })}>
            <KeyField ed={ed} path={['documents', i, 'key']} />
            <TextField ed={ed} path={['documents', i, 'name']} label={t('bo.editor.name')} max={300} />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect
                id={idOf(['documents', i, 'form'])}
                label={t('bo.editor.form')}
                disabled={ed.readOnly}
                value={String(d.form ?? 'original')}
                onChange={(e) => ed.set(['documents', i, 'form'], e.currentTarget.value)}
                data={(['original', 'copy', 'certified_copy', 'electronic'] as const).map((f) => ({
                  value: f,
                  label: t(`docForms.${f}`),
                }))}
              />
              <NumberInput
                hideControls
                id={idOf(['documents', i, 'copies'])}
                label={t('bo.editor.copies')}
                disabled={ed.readOnly}
                min={0}
                max={20}
                allowDecimal={false}
                w={110}
                value={Number(d.copies ?? 1)}
                error={ed.issues.get(['documents', i, 'copies'].join('.'))}
                onChange={(v) => ed.set(['documents', i, 'copies'], typeof v === 'number' ? v : 0)}
              />
              <Checkbox
                size="md"
                label={t('bo.editor.optional')}
                disabled={ed.readOnly}
                checked={Boolean(d.optional)}
                onChange={(e) => ed.set(['documents', i, 'optional'], e.currentTarget.checked || undefined)}
              />
            </Group>
            <TextField
              ed={ed}
              path={['documents', i, 'description']}
              label={t('bo.editor.description')}
              max={2000}
              multiline
              optional
            />
            <TextField ed={ed} path={['documents', i, 'condition']} label={t('bo.editor.condition')} max={1000} optional />
            <LegalRef ed={ed} path={['documents', i, 'legal']} />
            <NoteField ed={ed} path={['documents', i, 'editorNote']} />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addDocument')}
          onAdd={() =>
            ed.set(['documents', list('documents').length], {
              key: `doc-${list('documents').length + 1}`,
              name: { fr: '', ar: '' },
              form: 'original',
              copies: 1,
            })
          }
        />
      </Section>

      <Section title={t('bo.fields.fees')}>
        {list('fees').map((fee, i) => (
          <Item key={i} ed={ed} path={['fees', i]} label={t('bo.editor.fee', { n: i + 1 })}>
            <KeyField ed={ed} path={['fees', i, 'key']} />
            <TextField ed={ed} path={['fees', i, 'label']} label={t('bo.editor.label')} max={300} />
            <FeeFields ed={ed} i={i} fee={fee} />
            <TextField ed={ed} path={['fees', i, 'payment']} label={t('bo.editor.payment')} max={1000} optional />
            <LegalRef ed={ed} path={['fees', i, 'legal']} />
            <NoteField ed={ed} path={['fees', i, 'editorNote']} />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addFee')}
          onAdd={() =>
            ed.set(['fees', list('fees').length], {
              key: `fee-${list('fees').length + 1}`,
              label: { fr: '', ar: '' },
              kind: 'fixed',
              amountMad: 0,
            })
          }
        />
      </Section>

      <Section title={t('bo.fields.delay')}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberInput
            hideControls
            id={idOf(['delay', 'legalDays'])}
            label={t('bo.editor.legalDays')}
            disabled={ed.readOnly}
            min={0}
            max={3650}
            allowDecimal={false}
            w={160}
            value={
              typeof getAt(content, ['delay', 'legalDays']) === 'number' ? Number(getAt(content, ['delay', 'legalDays'])) : ''
            }
            error={ed.issues.get('delay.legalDays')}
            onChange={(v) => ed.set(['delay', 'legalDays'], typeof v === 'number' ? v : undefined)}
          />
          <NativeSelect
            id={idOf(['delay', 'legalUnit'])}
            label={t('bo.editor.legalUnit')}
            disabled={ed.readOnly}
            value={String(getAt(content, ['delay', 'legalUnit']) ?? '')}
            onChange={(e) => ed.set(['delay', 'legalUnit'], e.currentTarget.value || undefined)}
            data={[
              { value: '', label: '—' },
              { value: 'working_days', label: t('bo.editor.workingDays') },
              { value: 'calendar_days', label: t('bo.editor.calendarDays') },
            ]}
          />
        </Group>
        <TextField ed={ed} path={['delay', 'usual']} label={t('bo.editor.usual')} max={500} optional />
        <LegalRef ed={ed} path={['delay', 'legal']} />
        <NoteField ed={ed} path={['delay', 'editorNote']} />
      </Section>

      <Section title={t('bo.fields.steps')}>
        {list('steps').map((_s, i) => (
          <Item key={i} ed={ed} path={['steps', i]} label={t('bo.editor.step', { n: i + 1 })}>
            <TextField ed={ed} path={['steps', i, 'title']} label={t('bo.editor.stepTitle')} max={300} />
            <TextField ed={ed} path={['steps', i, 'detail']} label={t('bo.editor.detail')} max={2000} multiline optional />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addStep')}
          onAdd={() => ed.set(['steps', list('steps').length], { title: { fr: '', ar: '' } })}
        />
      </Section>

      <Section title={t('bo.fields.conditions')}>
        {list('conditions').map((_c, i) => (
          <Item key={i} ed={ed} path={['conditions', i]} label={t('bo.editor.conditionItem', { n: i + 1 })}>
            <TextField ed={ed} path={['conditions', i]} label={t('bo.editor.conditionText', { n: i + 1 })} max={2000} multiline />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addCondition')}
          onAdd={() => ed.set(['conditions', list('conditions').length], { fr: '', ar: '' })}
        />
      </Section>

      <Section title={t('bo.fields.channels')}>
        {list('channels').map((c, i) => (
          <Item key={i} ed={ed} path={['channels', i]} label={t('bo.editor.channel', { n: i + 1 })}>
            <NativeSelect
              id={idOf(['channels', i, 'kind'])}
              label={t('bo.editor.kind')}
              disabled={ed.readOnly}
              value={String(c.kind ?? 'counter')}
              onChange={(e) => ed.set(['channels', i, 'kind'], e.currentTarget.value)}
              data={(['online', 'counter', 'post'] as const).map((k) => ({ value: k, label: t(`channels.${k}`) }))}
            />
            <TextField ed={ed} path={['channels', i, 'where']} label={t('bo.editor.where')} max={500} />
            <UrlField ed={ed} path={['channels', i, 'url']} label={t('bo.editor.url')} />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addChannel')}
          onAdd={() => ed.set(['channels', list('channels').length], { kind: 'counter', where: { fr: '', ar: '' } })}
        />
      </Section>

      <Section title={t('bo.fields.legalBasis')}>
        {list('legalBasis').map((_l, i) => (
          <Item key={i} ed={ed} path={['legalBasis', i]} label={t('bo.editor.legalText', { n: i + 1 })}>
            <PlainField
              ed={ed}
              path={['legalBasis', i, 'id']}
              label={t('bo.editor.legalId')}
              description={t('bo.editor.legalIdHint')}
              max={80}
            />
            <LegalBasisEntry ed={ed} i={i} />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addLegal')}
          onAdd={() => ed.set(['legalBasis', list('legalBasis').length], { id: `texte-${list('legalBasis').length + 1}` })}
        />
      </Section>

      <Section title={t('bo.editor.competence')}>
        {list('competence').map((_c, i) => (
          <Item key={i} ed={ed} path={['competence', i]} label={t('bo.editor.competenceItem', { n: i + 1 })}>
            <CompetenceEntry ed={ed} i={i} />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addCompetence')}
          onAdd={() => ed.set(['competence', list('competence').length], { orgType: 'commune', service: { fr: '', ar: '' } })}
        />
      </Section>

      <Section title={t('bo.editor.forms')}>
        {list('forms').map((_f, i) => (
          <Item key={i} ed={ed} path={['forms', i]} label={t('bo.editor.formItem', { n: i + 1 })}>
            <TextField ed={ed} path={['forms', i, 'name']} label={t('bo.editor.formTitle')} max={300} />
            <UrlField ed={ed} path={['forms', i, 'url']} label={t('bo.editor.url')} />
            <FormFile ed={ed} i={i} />
          </Item>
        ))}
        <AddButton
          ed={ed}
          label={t('bo.editor.addForm')}
          onAdd={() => ed.set(['forms', list('forms').length], { name: { fr: '', ar: '' } })}
        />
      </Section>

      <Section title={t('bo.editor.related')}>
        <RelatedPicker ed={ed} self={version.slug} />
      </Section>

      <Section title={t('bo.fields.keywords')}>
        <Text size="sm" c="dimmed">
          {t('bo.editor.keywordsHint')}
        </Text>
        {(['fr', 'ar', 'darija'] as const).map((l) => (
          <Textarea
            key={l}
            id={idOf(['keywords', l])}
            label={t(`bo.editor.kw.${l}`)}
            disabled={ed.readOnly}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            lang={l === 'darija' ? 'ar-Latn' : l}
            autosize
            minRows={1}
            defaultValue={((getAt(content, ['keywords', l]) as string[] | undefined) ?? []).join(', ')}
            error={[...ed.issues].find(([k]) => k.startsWith(`keywords.${l}`))?.[1]}
            onBlur={(e) =>
              ed.set(
                ['keywords', l],
                e.currentTarget.value
                  .split(/[,،\n]/)
                  .map((s) => s.trim())
                  .filter(Boolean),
              )
            }
          />
        ))}
      </Section>

      <Section title={t('bo.editor.publication')}>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('bo.fields.effectiveDate')}
            disabled={readOnly}
            value={effectiveDate}
            onChange={(e) => {
              setEffectiveDate(e.currentTarget.value);
              setDirty(true);
            }}
          />
          <Textarea
            label={t('bo.fields.changeNote')}
            disabled={readOnly}
            value={changeNote}
            maxLength={2000}
            autosize
            minRows={2}
            style={{ flex: 1, minWidth: '14rem' }}
            onChange={(e) => {
              setChangeNote(e.currentTarget.value);
              setDirty(true);
            }}
          />
        </Group>
      </Section>

      {!readOnly && (
        <Paper withBorder p="sm" className="catalog-bo-savebar">
          <Stack gap="xs">
            {tried && !parsed.success && (
              <Alert color="red" role="alert">
                {t('bo.editor.invalid', { count: parsed.error.issues.length })}
              </Alert>
            )}
            <ErrorAlert error={save.error} />
            {save.isSuccess && !dirty && (
              <Text role="status" size="sm" c="green.9">
                {t('bo.editor.saved')}
              </Text>
            )}
            <Group gap="sm">
              <Button onClick={onSave} loading={save.isPending} disabled={!dirty && !save.isError} data-testid="catalog-save">
                {t('bo.save')}
              </Button>
              {dirty && (
                <Text size="sm" c="dimmed">
                  {t('bo.editor.unsaved')}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function issueText(
  t: (k: string, o?: Record<string, unknown>) => string,
  i: { code: string; message: string } & Record<string, unknown>,
): string {
  switch (i.code) {
    case 'too_small':
      return i.origin === 'string' ? t('bo.editor.v.required') : t('bo.editor.v.tooSmall', { min: i.minimum });
    case 'too_big':
      return t('bo.editor.v.tooBig', { max: i.maximum });
    case 'invalid_format':
      return t('bo.editor.v.format');
    case 'invalid_type':
      return t('bo.editor.v.required');
    default:
      return t('bo.editor.v.invalid');
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function Item({ ed, path, label, children }: { ed: EditorApi; path: Path; label: string; children: ReactNode }) {
  const { t } = useTranslation('catalog');
  return (
    <fieldset className="catalog-bo-item">
      <legend>
        <Text fw={600} size="sm">
          {label}
        </Text>
      </legend>
      <Stack gap="sm">
        {children}
        {!ed.readOnly && (
          <div>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => ed.set(path, undefined)}
              aria-label={t('bo.editor.removeItem', { item: label })}
            >
              {t('bo.editor.remove')}
            </Button>
          </div>
        )}
      </Stack>
    </fieldset>
  );
}

function AddButton({ ed, label, onAdd }: { ed: EditorApi; label: string; onAdd: () => void }) {
  if (ed.readOnly) return null;
  return (
    <div>
      <Button variant="light" size="sm" onClick={onAdd}>
        {label}
      </Button>
    </div>
  );
}

function UrlField({ ed, path, label }: { ed: EditorApi; path: Path; label: string }) {
  return (
    <TextInput
      id={idOf(path)}
      type="url"
      dir="ltr"
      label={label}
      disabled={ed.readOnly}
      maxLength={500}
      value={String(getAt(ed.content, path) ?? '')}
      error={ed.issues.get(path.join('.'))}
      onChange={(e) => ed.set(path, e.currentTarget.value.trim() === '' ? undefined : e.currentTarget.value.trim())}
    />
  );
}

function KeyField({ ed, path }: { ed: EditorApi; path: Path }) {
  const { t } = useTranslation('catalog');
  return <PlainField ed={ed} path={path} label={t('bo.editor.key')} description={t('bo.editor.keyHint')} max={80} />;
}

/** A reference to one of the version's legal texts (its id), with an article. */
function LegalRef({ ed, path }: { ed: EditorApi; path: Path }) {
  const { t } = useTranslation('catalog');
  const ids = ((ed.content.legalBasis as { id: string; title?: TextValue }[] | undefined) ?? []).filter((l) => l.id);
  const ref = getAt(ed.content, path) as { ref?: string; article?: string } | undefined;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        id={idOf([...path, 'ref'])}
        label={t('bo.editor.legalRef')}
        disabled={ed.readOnly}
        value={ref?.ref ?? ''}
        error={ed.issues.get([...path, 'ref'].join('.'))}
        onChange={(e) => ed.set(path, e.currentTarget.value ? { ...(ref ?? {}), ref: e.currentTarget.value } : undefined)}
        data={[
          { value: '', label: t('bo.editor.noRef') },
          ...ids.map((l) => ({ value: l.id, label: l.title ? pick(l.title) || l.id : l.id })),
        ]}
      />
      {ref?.ref && (
        <TextInput
          id={idOf([...path, 'article'])}
          label={t('bo.editor.article')}
          disabled={ed.readOnly}
          maxLength={120}
          value={ref.article ?? ''}
          onChange={(e) => ed.set(path, { ref: ref.ref, ...(e.currentTarget.value ? { article: e.currentTarget.value } : {}) })}
        />
      )}
    </Group>
  );
}

/** Multiple choices of a vocabulary (checkboxes). */
function Choices(props: { ed: EditorApi; name: string; values: readonly string[]; label: string; tKey: string }) {
  const { t } = useTranslation('catalog');
  const { ed } = props;
  const chosen = (ed.content[props.name] as string[] | undefined) ?? [];
  return (
    <Checkbox.Group
      label={props.label}
      value={chosen}
      error={ed.issues.get(props.name)}
      onChange={(v) => ed.set([props.name], v)}
      id={idOf([props.name])}
    >
      <Group gap="sm" mt={4} wrap="wrap">
        {props.values.map((v) => (
          <Checkbox key={v} size="md" value={v} label={t(`${props.tKey}.${v}`, { defaultValue: v })} disabled={ed.readOnly} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

export const Component = VersionEditorPage;
