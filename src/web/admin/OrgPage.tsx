import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
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
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { z } from 'zod';
import { api } from '../api';
import './admin.css';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMe, holds } from '../session';
import { DataTable } from '../shell/DataTable';
import { useForm } from '../forms/useForm';
import { PageHeader } from '../shell/PageHeader';
import { orgName, qs, roleName, useRoles, type GrantRow, type OrgDetail, type Page, type Unit } from './common';
import { GrantForm, InviteForm } from './forms';
import { RevokeButton } from './RevokeButton';

// The server's limits (src/core/orgs/routes.ts PatchOrg).
const ARABIC = /\p{Script=Arabic}/u;
export const OrgNamesSchema = z.object({
  nameFr: z.string().trim().min(1).max(200),
  nameAr: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => ARABIC.test(s)),
  nameEn: z.string().trim().max(200),
});

function EditOrg({ org, onDone }: { org: OrgDetail; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const form = useForm(OrgNamesSchema, { nameFr: org.nameFr, nameAr: org.nameAr, nameEn: org.nameEn ?? '' }, { ns: 'admin' });
  const [active, setActive] = useState(org.active);
  const save = useMutation({
    mutationFn: (v: z.output<typeof OrgNamesSchema>) =>
      api<OrgDetail>('PATCH', `/orgs/${encodeURIComponent(org.code)}`, { ...v, nameEn: v.nameEn || null, active }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin', 'orgs'] });
      onDone();
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="org-edit-title">
      <Title order={2} size="h4" id="org-edit-title" mb="sm">
        {t('orgs.edit')}
      </Title>
      <form onSubmit={form.submit((v) => save.mutateAsync(v))} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={form.error} />
          <TextInput {...form.mantine('nameFr')} label={t('orgs.nameFr')} required lang="fr" />
          <TextInput {...form.mantine('nameAr')} label={t('orgs.nameAr')} required lang="ar" dir="rtl" />
          <TextInput {...form.mantine('nameEn')} label={t('orgs.nameEn')} lang="en" />
          <Checkbox label={t('orgs.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group gap="xs">
            <Button type="submit" loading={form.busy}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** One organisation: details, units, the people holding a role there (with revoke), and the grant / invite forms. */
export function OrgPage() {
  const { t } = useTranslation('admin');
  const code = useParams().code ?? '';
  const { data: me } = useMe();
  const [editing, setEditing] = useState(false);
  const [grantPage, setGrantPage] = useState(1);
  const org = useQuery({
    queryKey: ['admin', 'orgs', 'detail', code],
    queryFn: () => api<OrgDetail>('GET', `/orgs/${encodeURIComponent(code)}`),
  });
  const units = useQuery({
    queryKey: ['admin', 'orgs', 'units', code],
    queryFn: () => api<Page<Unit>>('GET', `/orgs/${encodeURIComponent(code)}/units${qs({ includeInactive: true })}`),
  });
  const seesPeople = holds(me, 'core.users.read');
  const grants = useQuery({
    queryKey: ['admin', 'orgs', 'grants', code, grantPage],
    queryFn: () => api<Page<GrantRow>>('GET', `/orgs/${encodeURIComponent(code)}/grants${qs({ page: grantPage, pageSize: 20 })}`),
    enabled: seesPeople,
    placeholderData: (prev) => prev,
  });
  const roles = useRoles(seesPeople || holds(me, 'core.grants.manage'));

  if (org.error)
    return (
      <>
        <PageHeader title={t('orgs.title')} crumbs={[{ label: t('orgs.title'), to: '/backoffice/orgs' }, { label: code }]} />
        <ErrorAlert error={org.error} />
      </>
    );
  if (!org.data) return <div role="status">{t('common.loading')}</div>;
  const o = org.data;
  const name = orgName(o);
  return (
    <>
      <PageHeader
        title={name}
        crumbs={[
          { label: t('orgs.title'), to: '/backoffice/orgs' },
          ...o.ancestors.map((a) => ({ label: orgName(a), to: `/backoffice/orgs/${encodeURIComponent(a.code)}` })),
          { label: name },
        ]}
      >
        {holds(me, 'core.orgs.manage') && !editing && (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('orgs.edit')}
            </Button>
            <Button component={Link} to={`/backoffice/orgs/new${qs({ parent: o.code })}`} variant="default">
              {t('orgs.addChild')}
            </Button>
          </>
        )}
      </PageHeader>
      <Stack gap="lg">
        {editing ? (
          <EditOrg org={o} onDone={() => setEditing(false)} />
        ) : (
          <dl className="facts" data-testid="org-facts">
            <dt>{t('orgs.code')}</dt>
            <dd>
              <code>{o.code}</code>
            </dd>
            <dt>{t('orgs.type')}</dt>
            <dd>{t(`types.${o.type}`)}</dd>
            <dt>{t('orgs.nameFr')}</dt>
            <dd lang="fr">{o.nameFr}</dd>
            <dt>{t('orgs.nameAr')}</dt>
            <dd lang="ar" dir="rtl">
              {o.nameAr}
            </dd>
            {o.nameEn && (
              <>
                <dt>{t('orgs.nameEn')}</dt>
                <dd lang="en">{o.nameEn}</dd>
              </>
            )}
            <dt>{t('orgs.parent')}</dt>
            <dd>
              {o.parent ? (
                <Anchor component={Link} to={`/backoffice/orgs/${encodeURIComponent(o.parent.code)}`}>
                  {orgName(o.parent)}
                </Anchor>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('orgs.status')}</dt>
            <dd>
              {o.active ? <Badge color="green">{t('orgs.active')}</Badge> : <Badge color="gray">{t('orgs.inactive')}</Badge>}
            </dd>
          </dl>
        )}

        <section aria-labelledby="org-units-title">
          <Title order={2} size="h3" id="org-units-title" mb="xs">
            {t('orgs.units')}
          </Title>
          <DataTable
            caption={t('orgs.unitsCaption', { name })}
            captionHidden
            rows={units.data?.items}
            total={units.data?.total ?? 0}
            loading={units.isPending}
            error={units.error}
            page={1}
            pageSize={Math.max(1, units.data?.total ?? 1)}
            onPageChange={() => undefined}
            rowKey={(u) => u.id}
            empty={t('orgs.noUnits')}
            columns={[
              { key: 'name', header: t('orgs.name'), render: (u) => orgName(u) },
              { key: 'kind', header: t('orgs.unitKind'), render: (u) => u.kind },
              { key: 'code', header: t('orgs.code'), render: (u) => <code>{u.code}</code>, hideOnPhone: true },
            ]}
          />
        </section>

        {seesPeople && (
          <section aria-labelledby="org-people-title">
            <Title order={2} size="h3" id="org-people-title" mb="xs">
              {t('orgs.people')}
            </Title>
            <DataTable
              testId="org-grants"
              caption={t('orgs.peopleCaption', { name })}
              captionHidden
              rows={grants.data?.items}
              total={grants.data?.total ?? 0}
              loading={grants.isFetching}
              error={grants.error}
              page={grantPage}
              pageSize={20}
              onPageChange={setGrantPage}
              rowKey={(g) => g.id}
              empty={t('orgs.noPeople')}
              columns={[
                {
                  key: 'person',
                  header: t('people.name'),
                  render: (g) => (
                    <Anchor component={Link} to={`/backoffice/people/${g.user.id}`}>
                      {g.user.displayName}
                    </Anchor>
                  ),
                },
                { key: 'email', header: t('grants.email'), render: (g) => g.user.email, hideOnPhone: true },
                {
                  key: 'role',
                  header: t('grants.role'),
                  render: (g) => (
                    <>
                      {roleName(roles.data?.items, g.role)}
                      {g.includeDescendants && (
                        <Text size="xs" c="dimmed" component="span" className="block">
                          {t('grants.withDescendants')}
                        </Text>
                      )}
                    </>
                  ),
                },
                ...(holds(me, 'core.grants.manage')
                  ? [
                      {
                        key: 'actions',
                        header: <span className="sr-only">{t('grants.actions')}</span>,
                        render: (g: GrantRow) => (
                          <RevokeButton
                            grantId={g.id}
                            label={t('grants.revokeFor', { role: roleName(roles.data?.items, g.role), name: g.user.displayName })}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </section>
        )}

        {(holds(me, 'core.grants.manage') || holds(me, 'core.users.invite')) && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {holds(me, 'core.grants.manage') && <GrantForm roles={roles.data?.items} orgCode={o.code} />}
            {holds(me, 'core.users.invite') && <InviteForm roles={roles.data?.items} orgCode={o.code} />}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

const CreateOrgSchema = OrgNamesSchema.extend({
  parentCode: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/),
  code: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/),
  type: z.enum([
    'region',
    'prefecture',
    'province',
    'arrondissement_prefecture',
    'commune',
    'ministry',
    'directorate',
    'public_establishment',
    'treasury',
  ]),
});

/** Creates an organisation below another one (`?parent=CODE`). */
export function OrgNewPage() {
  const { t } = useTranslation('admin');
  const [search] = useSearchParams();
  const qc = useQueryClient();
  const [created, setCreated] = useState<OrgDetail | null>(null);
  const form = useForm(
    CreateOrgSchema,
    {
      parentCode: search.get('parent') ?? '',
      code: '',
      type: 'commune',
      nameFr: '',
      nameAr: '',
      nameEn: '',
    } as { parentCode: string; code: string; type: string; nameFr: string; nameAr: string; nameEn: string },
    { ns: 'admin' },
  );
  const create = useMutation({
    mutationFn: (v: z.output<typeof CreateOrgSchema>) => api<OrgDetail>('POST', '/orgs', { ...v, nameEn: v.nameEn || null }),
    onSuccess: async (o) => {
      await qc.invalidateQueries({ queryKey: ['admin', 'orgs'] });
      setCreated(o);
    },
  });
  return (
    <>
      <PageHeader
        title={t('orgs.create')}
        crumbs={[{ label: t('orgs.title'), to: '/backoffice/orgs' }, { label: t('orgs.create') }]}
      />
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={form.submit((v) => create.mutateAsync(v))} noValidate>
          <Stack gap="sm">
            {created && (
              <Alert color="green" role="status">
                {t('orgs.created')}{' '}
                <Anchor component={Link} to={`/backoffice/orgs/${encodeURIComponent(created.code)}`}>
                  {orgName(created)}
                </Anchor>
              </Alert>
            )}
            <ErrorAlert error={form.error} />
            <TextInput {...form.mantine('parentCode')} label={t('orgs.parentCode')} required />
            <TextInput {...form.mantine('code')} label={t('orgs.code')} description={t('orgs.codeHint')} required />
            <NativeSelect
              label={t('orgs.type')}
              required
              value={String(form.values.type)}
              onChange={(e) => form.set('type', e.currentTarget.value)}
              data={CreateOrgSchema.shape.type.options.map((ty) => ({ value: ty, label: t(`types.${ty}`) }))}
            />
            <TextInput {...form.mantine('nameFr')} label={t('orgs.nameFr')} required lang="fr" />
            <TextInput {...form.mantine('nameAr')} label={t('orgs.nameAr')} required lang="ar" dir="rtl" />
            <TextInput {...form.mantine('nameEn')} label={t('orgs.nameEn')} lang="en" />
            <div>
              <Button type="submit" loading={form.busy}>
                {t('orgs.createSubmit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
