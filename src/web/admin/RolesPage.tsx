import { useTranslation } from 'react-i18next';
import { Badge, List, Stack, Text } from '@mantine/core';
import { currentLang } from '../i18n';
import { useMe, holds } from '../session';
import { DataTable } from '../shell/DataTable';
import { PageHeader } from '../shell/PageHeader';
import { useCurrentOrg } from '../shell/org';
import { usePermissions, useRoles, type Role } from './common';
import { GrantForm } from './forms';

/** Roles with their permissions in the page's language; granting a role on an organisation. */
export function RolesPage() {
  const { t } = useTranslation('admin');
  const { data: me } = useMe();
  const { current } = useCurrentOrg();
  const lang = currentLang();
  const roles = useRoles();
  const perms = usePermissions();
  const describe = (code: string) =>
    code === '*' ? t('roles.everything') : (perms.data?.items.find((p) => p.code === code)?.description[lang] ?? code);
  const items = roles.data?.items;
  return (
    <>
      <PageHeader title={t('roles.title')} />
      <Stack gap="lg">
        <DataTable
          testId="roles"
          caption={t('roles.caption')}
          captionHidden
          rows={items}
          total={items?.length ?? 0}
          loading={roles.isPending}
          error={roles.error ?? perms.error}
          page={1}
          pageSize={Math.max(1, items?.length ?? 1)}
          onPageChange={() => undefined}
          rowKey={(r) => r.code}
          columns={[
            {
              key: 'name',
              header: t('roles.name'),
              render: (r: Role) => (
                <>
                  <Text fw={600}>{r.name[lang] ?? r.code}</Text>
                  <Text size="xs" c="dimmed">
                    <code>{r.code}</code>
                  </Text>
                  {r.requiresMfa && (
                    <Badge size="xs" variant="light" mt={4}>
                      {t('roles.mfa')}
                    </Badge>
                  )}
                </>
              ),
            },
            {
              key: 'permissions',
              header: t('roles.permissions'),
              render: (r: Role) => (
                <List size="sm" spacing={2}>
                  {r.permissions.map((p) => (
                    <List.Item key={p}>{describe(p)}</List.Item>
                  ))}
                </List>
              ),
            },
          ]}
        />
        {holds(me, 'core.grants.manage') && (
          <div className="form-column">
            <GrantForm key={current?.code} roles={items} defaultOrg={current?.code} />
          </div>
        )}
      </Stack>
    </>
  );
}
