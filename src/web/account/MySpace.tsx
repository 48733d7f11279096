import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';
import { currentLang } from '../i18n';
import { spaceSections as declaredSections } from './sections';
import { useMe, useSignOut, type MeGrant } from '../session';
import { useNotifications } from './api';

function orgLabel(g: MeGrant): string {
  const lang = currentLang();
  const o = g.org as (MeGrant['org'] & { nameEn?: string | null }) | undefined;
  if (lang === 'ar' && o?.nameAr) return o.nameAr;
  if (lang === 'en' && o?.nameEn) return o.nameEn;
  return o?.nameFr ?? g.orgCode ?? o?.code ?? g.orgId ?? '';
}

function roleCode(g: MeGrant): string {
  if (g.roleCode) return g.roleCode;
  if (typeof g.role === 'string') return g.role;
  return g.role?.code ?? '?';
}

interface LoadedSection {
  id: string;
  order: number;
  Component: LazyExoticComponent<ComponentType>;
}

let sectionCache: LoadedSection[] | null = null;

/** The blocks modules add to the space (their "my requests"), each downloaded with its module's texts. */
function spaceSections(): LoadedSection[] {
  sectionCache ??= declaredSections().map((s) => ({
    id: s.id,
    order: s.order ?? 100,
    Component: lazy(async () => ({ default: await s.load() })),
  }));
  return sectionCache;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The signed-in person's space: who they are, their roles, their requests, notifications and security at a glance. */
export function MySpace() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const { data: me, isPending, error } = useMe();
  const signOut = useSignOut();
  const notes = useNotifications(1, true);

  if (isPending) return <Loader size="sm" role="status" aria-label={tc('common.loading')} />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) return <Navigate to="/signin" replace />;

  const sections = spaceSections();
  const u = me.user as typeof me.user & { companyIce?: string | null; status?: string };
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={1}>{t('space.title')}</Title>
        <Button
          variant="default"
          onClick={async () => {
            // Leave the personal space first: once the session is cleared, its guard would
            // otherwise send the person to the sign-in page before this navigation runs.
            await navigate('/', { replace: true });
            await signOut().catch(() => undefined);
          }}
        >
          {tc('nav.signOut')}
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="space-who">
          <Title order={2} size="h3" id="space-who" mb="sm">
            {t('space.who')}
          </Title>
          <dl className="facts">
            <Fact label={t('space.name')}>
              <span data-testid="display-name">{u.displayName}</span>
            </Fact>
            <Fact label={t('space.email')}>
              <bdi dir="ltr">{u.email}</bdi>
            </Fact>
            <Fact label={t('space.kind')}>{tc(`kinds.${u.kind}`, { defaultValue: u.kind })}</Fact>
            {u.companyName && <Fact label={t('space.company')}>{u.companyName}</Fact>}
            {u.companyIce && (
              <Fact label={t('space.ice')}>
                <bdi dir="ltr">{u.companyIce}</bdi>
              </Fact>
            )}
          </dl>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="space-security">
          <Title order={2} size="h3" id="space-security" mb="sm">
            {t('space.security')}
          </Title>
          <Group gap="xs" mb="sm">
            <Text>{t('space.twoFactor')}</Text>
            <Badge color={u.totpEnabled ? 'green' : 'gray'} variant="light">
              {u.totpEnabled ? t('space.on') : t('space.off')}
            </Badge>
          </Group>
          <Anchor component={Link} to="/me/security">
            {t('space.manageSecurity')}
          </Anchor>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t('space.notifications')}
          </Title>
          <Text mb="xs" data-testid="unread-count">
            {t('space.unread', { count: notes.data?.unread ?? 0 })}
          </Text>
          <Anchor component={Link} to="/me/notifications">
            {t('space.seeNotifications')}
          </Anchor>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="space-requests">
        <Title order={2} size="h3" id="space-requests" mb="sm">
          {t('space.requests')}
        </Title>
        {sections.length === 0 ? (
          <Text c="dimmed">{t('space.noRequests')}</Text>
        ) : (
          <Stack gap="md">
            {sections.map(({ id, Component }) => (
              <Suspense key={id} fallback={<Loader size="sm" role="status" aria-label={tc('common.loading')} />}>
                <Component />
              </Suspense>
            ))}
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="space-roles">
        <Title order={2} size="h3" id="space-roles" mb="sm">
          {t('space.roles')}
        </Title>
        {me.grants.length === 0 ? (
          <Text c="dimmed">{t('space.noRoles')}</Text>
        ) : (
          <ul className="grants">
            {me.grants.map((g, i) => (
              <li key={i}>
                <strong>{tc(`roles.${roleCode(g)}`, { defaultValue: roleCode(g) })}</strong> — {orgLabel(g)}
                {g.includeDescendants ? ` (${t('space.withDescendants')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Paper>
    </Stack>
  );
}
