import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMe, holds } from '../session';
import { DataTable, useListParams } from '../shell/DataTable';
import { PageHeader } from '../shell/PageHeader';
import { useCurrentOrg } from '../shell/org';
import { orgName, qs, roleName, useRoles, type Page, type Person, type PersonGrant } from './common';
import { GrantForm, InviteForm } from './forms';
import { RevokeButton } from './RevokeButton';

const STATUS_COLOR: Record<string, string> = { active: 'green', invited: 'blue', disabled: 'gray', pending: 'yellow' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** People holding a role within my scope: search by name or e-mail, filter by organisation; invite an agent. */
export function PeoplePage() {
  const { t } = useTranslation('admin');
  const { data: me } = useMe();
  const { current } = useCurrentOrg();
  const [params, setParams] = useListParams({ q: '', org: '', page: '1' });
  const [typed, setTyped] = useState({ q: params.q, org: params.org });
  const [debounced] = useDebouncedValue(typed, 300);
  useEffect(() => {
    const q = debounced.q.trim();
    const org = debounced.org.trim().toUpperCase();
    if (q !== params.q || org !== params.org) setParams({ q, org });
  }, [debounced]);
  const page = Number(params.page) || 1;
  const pageSize = 20;
  const list = useQuery({
    queryKey: ['admin', 'people', params.q, params.org, page],
    queryFn: () => api<Page<Person>>('GET', `/users${qs({ q: params.q, org: params.org, page, pageSize })}`),
    placeholderData: (prev) => prev,
  });
  const roles = useRoles(holds(me, 'core.users.invite'));
  return (
    <>
      <PageHeader title={t('people.title')} />
      <Stack gap="md">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="search"
              label={t('people.search')}
              value={typed.q}
              maxLength={200}
              onChange={(e) => setTyped({ ...typed, q: e.currentTarget.value })}
            />
            <TextInput
              label={t('people.org')}
              description={t('grants.orgHint')}
              value={typed.org}
              maxLength={100}
              onChange={(e) => setTyped({ ...typed, org: e.currentTarget.value })}
            />
          </SimpleGrid>
        </form>
        <DataTable
          testId="people"
          caption={t('people.caption')}
          captionHidden
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          error={list.error}
          page={page}
          pageSize={pageSize}
          onPageChange={(p) => setParams({ page: String(p) })}
          rowKey={(p) => p.id}
          columns={[
            {
              key: 'name',
              header: t('people.name'),
              render: (p) => (
                <Anchor component={Link} to={`/backoffice/people/${p.id}`}>
                  {p.displayName}
                </Anchor>
              ),
            },
            { key: 'email', header: t('grants.email'), render: (p) => p.email, hideOnPhone: true },
            {
              key: 'kind',
              header: t('people.kind'),
              render: (p) => t(`kinds.${p.kind}`, { defaultValue: p.kind }),
              hideOnPhone: true,
            },
            { key: 'status', header: t('people.status'), render: (p) => <StatusBadge status={p.status} /> },
          ]}
        />
        {holds(me, 'core.users.invite') && (
          <InviteForm key={current?.code} roles={roles.data?.items} defaultOrg={current?.code} />
        )}
      </Stack>
    </>
  );
}

/** One person: their account, their roles by organisation (revoke), disable / re-enable, grant another role. */
export function PersonPage() {
  const { t } = useTranslation('admin');
  const id = useParams().id ?? '';
  const { current } = useCurrentOrg();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const person = useQuery({
    queryKey: ['admin', 'person', id],
    queryFn: () => api<{ user: Person; grants: PersonGrant[] }>('GET', `/users/${encodeURIComponent(id)}`),
  });
  const roles = useRoles();
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'disabled') => api<Person>('PATCH', `/users/${encodeURIComponent(id)}/status`, { status }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
  const crumbs = [{ label: t('people.title'), to: '/backoffice/people' }];
  if (!person.data)
    return (
      <>
        <PageHeader title={t('people.title')} crumbs={[...crumbs, { label: '…' }]} />
        <ErrorAlert error={person.error} />
        {person.isPending && <div role="status">{t('common.loading')}</div>}
      </>
    );
  const { user, grants } = person.data;
  const self = me?.user.id === user.id;
  return (
    <>
      <PageHeader title={user.displayName} crumbs={[...crumbs, { label: user.displayName }]}>
        {holds(me, 'core.users.manage') && !self && (user.status === 'active' || user.status === 'invited') && (
          <Button color="red" variant="light" loading={setStatus.isPending} onClick={() => setStatus.mutate('disabled')}>
            {t('people.disable')}
          </Button>
        )}
        {holds(me, 'core.users.manage') && !self && user.status === 'disabled' && (
          <Button loading={setStatus.isPending} onClick={() => setStatus.mutate('active')}>
            {t('people.enable')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="lg">
        <ErrorAlert error={setStatus.error} />
        {setStatus.isSuccess && (
          <Alert color="green" role="status">
            {t(setStatus.data.status === 'disabled' ? 'people.disabled' : 'people.enabled')}
          </Alert>
        )}
        <dl className="facts">
          <dt>{t('grants.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('people.kind')}</dt>
          <dd>{t(`kinds.${user.kind}`, { defaultValue: user.kind })}</dd>
          <dt>{t('people.status')}</dt>
          <dd>
            <StatusBadge status={user.status} />
          </dd>
          <dt>{t('people.totp')}</dt>
          <dd>{user.totpEnabled ? t('people.yes') : t('people.no')}</dd>
        </dl>
        <section aria-labelledby="person-grants-title">
          <Title order={2} size="h3" id="person-grants-title" mb="xs">
            {t('people.grants')}
          </Title>
          <DataTable
            testId="person-grants"
            caption={t('people.grantsCaption', { name: user.displayName })}
            captionHidden
            rows={grants}
            total={grants.length}
            page={1}
            pageSize={Math.max(1, grants.length)}
            onPageChange={() => undefined}
            rowKey={(g) => g.id}
            empty={t('people.noGrants')}
            columns={[
              { key: 'role', header: t('grants.role'), render: (g) => roleName(roles.data?.items, g.role) },
              {
                key: 'org',
                header: t('grants.org'),
                render: (g) => (
                  <>
                    <Anchor component={Link} to={`/backoffice/orgs/${encodeURIComponent(g.org.code)}`}>
                      {orgName(g.org)}
                    </Anchor>
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
                      render: (g: PersonGrant) => (
                        <RevokeButton
                          grantId={g.id}
                          label={t('grants.revokeFor', { role: roleName(roles.data?.items, g.role), name: user.displayName })}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
        {holds(me, 'core.grants.manage') && (user.kind === 'agent' || user.kind === 'operator') && (
          <Group align="flex-start">
            <div style={{ flex: '1 1 20rem', maxWidth: '40rem' }}>
              <GrantForm roles={roles.data?.items} email={user.email} defaultOrg={current?.code} />
            </div>
          </Group>
        )}
      </Stack>
    </>
  );
}
