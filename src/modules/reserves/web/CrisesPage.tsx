import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Anchor, Badge, Button, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { holds, useMe } from '../../../web/session';
import { DataTable, useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { PERM } from '../contract';
import { CRISIS_KINDS, DeclareCrisis, MAX_PEOPLE, type CrisisViewT } from '../crises/shapes';
import { BASE, fmt, qs, useIdempotencyKey, useLiveUpdates, type Page } from './common';

/** Declaring a crisis: kind, title, severity, people affected, provinces and communes (by code). */
function DeclareForm() {
  const { t } = useTranslation('reserves');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>('earthquake');
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<number | ''>(3);
  const [people, setPeople] = useState<number | ''>(0);
  const [areas, setAreas] = useState<string[]>([]);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const keyFor = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<CrisisViewT>('POST', '/reserves/crises', body, { headers: { 'idempotency-key': keyFor(body) } }),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['reserves'] });
      void navigate(`${BASE}/crises/${c.number}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      kind,
      title: title.trim(),
      severity: Number(severity),
      peopleAffected: Number(people),
      areas: areas.map((a) => a.trim().toUpperCase()),
    };
    const r = DeclareCrisis.safeParse(body);
    const found: Record<string, string> = {};
    if (!r.success) for (const i of r.error.issues) found[String(i.path[0])] ??= t('form.invalid');
    if (!body.title) found.title = t('form.required');
    if (!areas.length) found.areas = t('form.required');
    setIssues(found);
    if (Object.keys(found).length) {
      document.getElementById(`crisis-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    save.mutate(r.data);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="declare-title">
      <Title order={2} size="h4" id="declare-title" mb="sm">
        {t('crises.declare')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="declare-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              id="crisis-kind"
              label={t('crises.kind')}
              data={CRISIS_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v)}
              allowDeselect={false}
              required
            />
            <TextInput
              id="crisis-title"
              label={t('crises.name')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={200}
              required
              error={issues.title}
            />
            <NumberInput
              id="crisis-severity"
              label={t('crises.severity')}
              description={t('crises.severityHint')}
              value={severity}
              onChange={(v) => setSeverity(v === '' ? '' : Number(v))}
              min={1}
              max={5}
              allowDecimal={false}
              required
              error={issues.severity}
            />
            <NumberInput
              id="crisis-peopleAffected"
              label={t('crises.people')}
              value={people}
              onChange={(v) => setPeople(v === '' ? '' : Number(v))}
              min={0}
              max={MAX_PEOPLE}
              allowDecimal={false}
              thousandSeparator=" "
              required
              error={issues.peopleAffected}
            />
          </SimpleGrid>
          <TagsInput
            id="crisis-areas"
            label={t('crises.areas')}
            description={t('crises.areasHint')}
            value={areas}
            onChange={setAreas}
            maxTags={500}
            splitChars={[',', ' ']}
            required
            error={issues.areas}
          />
          <ErrorAlert error={save.error} />
          <div>
            <Button type="submit" loading={save.isPending} data-testid="declare-submit">
              {t('crises.declareSubmit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** The crises (active first), and the declaration form for the national authority. */
export function CrisesPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const [params, setParams] = useListParams({ status: '', page: '1' });
  const page = Number(params.page) || 1;
  const list = useQuery({
    queryKey: ['reserves', 'crises', params],
    queryFn: () => api<Page<CrisisViewT>>('GET', `/reserves/crises${qs({ status: params.status, page, pageSize: 25 })}`),
  });
  return (
    <Stack>
      <PageHeader title={t('crises.title')} crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('crises.title') }]} />
      <Select
        label={t('crises.status')}
        data={['active', 'closed'].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={params.status || null}
        onChange={(v) => setParams({ status: v ?? '' })}
        clearable
        placeholder={t('all')}
        maw={300}
      />
      <DataTable<CrisisViewT>
        caption={t('crises.title')}
        captionHidden
        testId="crises-table"
        columns={[
          {
            key: 'number',
            header: t('crises.number'),
            render: (c) => (
              <Anchor component={Link} to={`${BASE}/crises/${c.number}`}>
                {c.number}
              </Anchor>
            ),
          },
          { key: 'title', header: t('crises.name'), render: (c) => c.title },
          { key: 'kind', header: t('crises.kind'), render: (c) => t(`kinds.${c.kind}`), hideOnPhone: true },
          { key: 'severity', header: t('crises.severity'), render: (c) => c.severity, hideOnPhone: true },
          { key: 'people', header: t('crises.people'), render: (c) => fmt(c.peopleAffected), hideOnPhone: true },
          {
            key: 'status',
            header: t('crises.status'),
            render: (c) => <Badge variant="default">{t(`status.${c.status}`)}</Badge>,
          },
          { key: 'at', header: t('crises.declaredAt'), render: (c) => formatDate(c.declaredAt), hideOnPhone: true },
        ]}
        rows={list.data?.items}
        rowKey={(c) => c.id}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={25}
        onPageChange={(p) => setParams({ page: String(p) })}
        loading={list.isFetching}
        error={list.error}
      />
      {holds(me, PERM.crisesManage) && <DeclareForm />}
    </Stack>
  );
}
