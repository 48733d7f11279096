import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { z } from 'zod';
import { api } from '../../../../web/api';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { useForm } from '../../../../web/forms/useForm';
import { holds, useMe } from '../../../../web/session';
import { DataTable, useListParams } from '../../../../web/shell/DataTable';
import { PageHeader } from '../../../../web/shell/PageHeader';
import { useCurrentOrg } from '../../../../web/shell/org';
import { AUDIENCES, CATALOG_EDIT, CATEGORIES, SLUG_RE, VERSION_STATES } from '../../contract';
import { STATE_COLORS, pick, useFormat, useStateLabel, type ManagedRow } from './common';

const PAGE_SIZE = 20;

/** The procedures the person may edit or review, with the state of their latest version; creating one. */
export function ProceduresPage() {
  const { t } = useTranslation('catalog');
  const { data: me } = useMe();
  const f = useFormat();
  const stateLabel = useStateLabel();
  const [params, setParams] = useListParams({ state: '', page: '1' });
  const page = Number(params.page) || 1;
  const [creating, setCreating] = useState(false);
  const qs = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (params.state) qs.set('state', params.state);
  const list = useQuery({
    queryKey: ['catalog', 'manage', 'list', params.state, page],
    queryFn: () => api<{ items: ManagedRow[]; total: number }>('GET', `/catalog/manage/procedures?${qs}`),
  });
  const canCreate = holds(me, CATALOG_EDIT);
  return (
    <>
      <PageHeader title={t('bo.list.title')}>
        {canCreate && (
          <Button onClick={() => setCreating((c) => !c)} aria-expanded={creating} aria-controls="catalog-create">
            {t('bo.create.open')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="lg">
        {canCreate && (
          <Collapse expanded={creating} id="catalog-create">
            {creating && <CreateProcedure onCancel={() => setCreating(false)} />}
          </Collapse>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('bo.list.filters')}>
          <NativeSelect
            label={t('bo.list.state')}
            value={params.state}
            onChange={(e) => setParams({ state: e.currentTarget.value })}
            data={[
              { value: '', label: t('bo.list.allStates') },
              ...VERSION_STATES.map((s) => ({ value: s, label: t(`bo.states.${s}`) })),
            ]}
          />
        </Group>
        <DataTable
          testId="catalog-procedures"
          caption={t('bo.list.caption')}
          captionHidden
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isPending}
          error={list.error}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={(p) => setParams({ page: String(p) })}
          rowKey={(r) => r.slug}
          empty={t('bo.list.empty')}
          columns={[
            {
              key: 'title',
              header: t('bo.list.procedure'),
              render: (r: ManagedRow) => (
                <>
                  <Anchor component={Link} to={`/backoffice/catalog/${r.slug}`} fw={600}>
                    {pick(r.title) || r.slug}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    <code>{r.slug}</code> · {r.ownerCode}
                  </Text>
                </>
              ),
            },
            {
              key: 'versions',
              header: t('bo.list.versions'),
              render: (r: ManagedRow) => (
                <Stack gap={4}>
                  {r.publishedVersion !== null && <Text size="sm">{t('bo.list.published', { n: r.publishedVersion })}</Text>}
                  {r.latestVersion !== r.publishedVersion && (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{t('bo.list.version', { n: r.latestVersion })}</Text>
                      <Badge color={STATE_COLORS[r.state]} variant="light" data-state={r.state}>
                        {stateLabel(r.state, r.effectiveDate)}
                      </Badge>
                    </Group>
                  )}
                </Stack>
              ),
            },
            {
              key: 'stale',
              header: t('bo.list.stale'),
              hideOnPhone: true,
              render: (r: ManagedRow) =>
                r.staleCount > 0 ? (
                  <Badge color="dark" variant="outline">
                    {t('bo.list.staleCount', { count: r.staleCount })}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('bo.list.noStale')}
                  </Text>
                ),
            },
            {
              key: 'updated',
              header: t('bo.list.updated'),
              hideOnPhone: true,
              render: (r: ManagedRow) => <Text size="sm">{f.date(r.updatedAt)}</Text>,
            },
          ]}
        />
      </Stack>
    </>
  );
}

const CreateSchema = z.object({
  slug: z.string().trim().min(3).max(120).regex(SLUG_RE, 'slug'),
  ownerCode: z.string().trim().min(1).max(64),
  titleFr: z.string().trim().min(1).max(300),
  titleAr: z.string().trim().min(1).max(300),
  summaryFr: z.string().trim().min(1).max(2000),
  summaryAr: z.string().trim().min(1).max(2000),
  audience: z.enum(AUDIENCES),
  category: z.enum(CATEGORIES),
});

/** A new procedure: its address, administration, title and summary in both languages; the rest in the editor. */
function CreateProcedure({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('catalog');
  const titleId = useId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { current } = useCurrentOrg();
  const form = useForm(
    CreateSchema,
    {
      slug: '',
      ownerCode: current?.code ?? '',
      titleFr: '',
      titleAr: '',
      summaryFr: '',
      summaryAr: '',
      audience: 'citizens',
      category: 'identity',
    },
    { ns: 'catalog' },
  );
  const create = useMutation({
    mutationFn: (v: z.output<typeof CreateSchema>) =>
      api<{ number: number; slug: string }>('POST', '/catalog/manage/procedures', {
        slug: v.slug,
        ownerCode: v.ownerCode,
        content: {
          title: { fr: v.titleFr, ar: v.titleAr },
          summary: { fr: v.summaryFr, ar: v.summaryAr },
          audiences: [v.audience],
          categories: [v.category],
        },
      }),
    onSuccess: async (v) => {
      await qc.invalidateQueries({ queryKey: ['catalog', 'manage'] });
      void navigate(`/backoffice/catalog/${v.slug}/versions/${v.number}`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t('bo.create.title')}
      </Title>
      <form onSubmit={form.submit((v) => create.mutateAsync(v))} noValidate data-testid="catalog-create-form">
        <Stack gap="sm">
          <ErrorAlert error={form.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...form.mantine('slug')} label={t('bo.create.slug')} description={t('bo.create.slugHint')} required />
            <TextInput {...form.mantine('ownerCode')} label={t('bo.create.owner')} required />
            <TextInput {...form.mantine('titleFr')} label={t('bo.create.titleFr')} lang="fr" required />
            <TextInput {...form.mantine('titleAr')} label={t('bo.create.titleAr')} lang="ar" dir="rtl" required />
            <Textarea {...form.mantine('summaryFr')} label={t('bo.create.summaryFr')} lang="fr" autosize minRows={2} required />
            <Textarea
              {...form.mantine('summaryAr')}
              label={t('bo.create.summaryAr')}
              lang="ar"
              dir="rtl"
              autosize
              minRows={2}
              required
            />
            <NativeSelect
              label={t('bo.create.audience')}
              value={String(form.values.audience)}
              onChange={(e) => form.set('audience', e.currentTarget.value as 'citizens')}
              data={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
            />
            <NativeSelect
              label={t('bo.create.category')}
              value={String(form.values.category)}
              onChange={(e) => form.set('category', e.currentTarget.value as 'identity')}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            />
          </SimpleGrid>
          <Group gap="xs">
            <Button type="submit" loading={form.busy}>
              {t('bo.create.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('bo.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export const Component = ProceduresPage;
