import { useDeferredValue, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Anchor, Badge, Button, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api } from '../api';
import './admin.css';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMe, holds } from '../session';
import { DataTable, useListParams } from '../shell/DataTable';
import { PageHeader } from '../shell/PageHeader';
import { orgName, qs, type OrgItem, type Page } from './common';

const CHILDREN_PAGE = 100;

/** One organisation of the tree: a disclosure button that loads its children on demand, and a link to its page. */
function TreeNode({ org, level }: { org: OrgItem; level: number }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState(level === 0);
  const [pages, setPages] = useState(1);
  const children = useQuery({
    queryKey: ['admin', 'orgs', 'children', org.code, pages],
    queryFn: () =>
      api<Page<OrgItem>>('GET', `/orgs/${encodeURIComponent(org.code)}/children${qs({ pageSize: CHILDREN_PAGE * pages })}`),
    enabled: open,
    placeholderData: (prev) => prev,
    // The first level may have come with the roots (OrgsPage): not asked for again at once.
    staleTime: 30_000,
  });
  // The children arrive in a transition: a level of the tree (up to a hundred rows) renders in
  // slices that let the browser answer in between, not in one long task (ADR 0015).
  const shown = useDeferredValue(children.data);
  const name = orgName(org);
  const leaf = org.type === 'commune' || org.type === 'arrondissement_prefecture';
  return (
    <li className="org-tree-item">
      <div className="org-tree-row">
        {leaf ? (
          <span className="org-tree-toggle" aria-hidden="true" />
        ) : (
          <UnstyledButton
            className="org-tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? 'orgs.collapse' : 'orgs.expand', { name })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '−' : '+'}</span>
          </UnstyledButton>
        )}
        <Anchor component={Link} to={`/backoffice/orgs/${encodeURIComponent(org.code)}`}>
          {name}
        </Anchor>
        <Text span size="xs" c="dimmed">
          {t(`types.${org.type}`)}
        </Text>
        {!org.active && (
          <Badge size="xs" color="gray">
            {t('orgs.inactive')}
          </Badge>
        )}
      </div>
      {open && !leaf && (
        <>
          {!shown && !children.error && (
            <Text size="sm" c="dimmed" role="status" className="org-tree-note">
              {t('common.loading')}
            </Text>
          )}
          <ErrorAlert error={children.error} />
          {shown && shown.items.length > 0 && (
            <ul className="org-tree" role="list">
              {shown.items.map((c) => (
                <TreeNode key={c.id} org={c} level={level + 1} />
              ))}
            </ul>
          )}
          {shown && shown.items.length < shown.total && (
            <Button variant="subtle" size="compact-sm" className="org-tree-note" onClick={() => setPages((p) => p + 1)}>
              {t('orgs.more', { shown: shown.items.length, total: shown.total })}
            </Button>
          )}
        </>
      )}
    </li>
  );
}

/** Organisations: the territorial tree (root → regions → prefectures and provinces → communes) and a search in French or Arabic. */
export function OrgsPage() {
  const { t } = useTranslation('admin');
  const { data: me } = useMe();
  const [params, setParams] = useListParams({ q: '', page: '1' });
  const [typed, setTyped] = useState(params.q);
  const [q] = useDebouncedValue(typed.trim(), 300);
  const page = Number(params.page) || 1;
  const pageSize = 20;
  useEffect(() => {
    if (q !== params.q) setParams({ q });
  }, [q]);

  const queryClient = useQueryClient();
  const roots = useQuery({
    queryKey: ['admin', 'orgs', 'roots'],
    // The roots and their children (shown open) in one request, not two in a row (ADR 0015): each
    // root's first page of children goes where its TreeNode looks for it.
    queryFn: async () => {
      const found = await api<Page<OrgItem> & { children?: Record<string, Page<OrgItem>> }>(
        'GET',
        `/orgs${qs({ type: 'country', pageSize: 10, childrenPageSize: CHILDREN_PAGE })}`,
      );
      for (const [code, level] of Object.entries(found.children ?? {}))
        queryClient.setQueryData(['admin', 'orgs', 'children', code, 1], level);
      return found;
    },
  });
  const rootItems = useDeferredValue(roots.data?.items);
  const found = useQuery({
    queryKey: ['admin', 'orgs', 'search', params.q, page],
    queryFn: () => api<Page<OrgItem>>('GET', `/orgs${qs({ q: params.q, page, pageSize, includeInactive: true })}`),
    enabled: params.q.length > 0,
    placeholderData: (prev) => prev,
  });

  return (
    <>
      <PageHeader title={t('orgs.title')}>
        {holds(me, 'core.orgs.manage') && (
          <Button component={Link} to="/backoffice/orgs/new">
            {t('orgs.create')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="md">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <TextInput
            type="search"
            label={t('orgs.search')}
            description={t('orgs.searchHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            maxLength={200}
            data-testid="org-search"
          />
        </form>
        {params.q ? (
          <DataTable
            testId="org-results"
            caption={t('orgs.results', { q: params.q })}
            rows={found.data?.items}
            total={found.data?.total ?? 0}
            loading={found.isFetching}
            error={found.error}
            page={page}
            pageSize={pageSize}
            onPageChange={(p) => setParams({ page: String(p) })}
            rowKey={(o) => o.id}
            columns={[
              {
                key: 'name',
                header: t('orgs.name'),
                render: (o) => (
                  <Anchor component={Link} to={`/backoffice/orgs/${encodeURIComponent(o.code)}`}>
                    {orgName(o)}
                  </Anchor>
                ),
              },
              { key: 'type', header: t('orgs.type'), render: (o) => t(`types.${o.type}`) },
              { key: 'code', header: t('orgs.code'), render: (o) => <code>{o.code}</code>, hideOnPhone: true },
              {
                key: 'status',
                header: t('orgs.status'),
                render: (o) => (o.active ? t('orgs.active') : t('orgs.inactive')),
                hideOnPhone: true,
              },
            ]}
          />
        ) : (
          <Paper withBorder p="sm" component="section" aria-labelledby="org-tree-title">
            <Title order={2} size="h4" id="org-tree-title" mb="xs">
              {t('orgs.tree')}
            </Title>
            <ErrorAlert error={roots.error} />
            {!rootItems && !roots.error && (
              <Text size="sm" role="status">
                {t('common.loading')}
              </Text>
            )}
            <ul className="org-tree org-tree-root" role="list" data-testid="org-tree">
              {rootItems?.map((o) => (
                <TreeNode key={o.id} org={o} level={0} />
              ))}
            </ul>
          </Paper>
        )}
      </Stack>
    </>
  );
}
