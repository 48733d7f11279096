import { useDeferredValue, useState } from 'react';
// First: Mantine's base styles come before those of the components below (vite.config.ts).
import { MantineRoot } from './mantine';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Burger, Loader, NativeSelect, NavLink, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';
import { currentLang } from '../i18n';
import { useMe, type Me } from '../session';
import { activeEntry, sections } from './nav';
import { CurrentOrgProvider, useCurrentOrg } from './org';
import { FrameContent } from './WorkspaceFrame';

function OrgSwitch() {
  const { t } = useTranslation();
  const { orgs, current, setCurrent } = useCurrentOrg();
  if (orgs.length < 2) return current ? <Text size="sm">{current.name}</Text> : null;
  return (
    <NativeSelect
      label={t('workspace.org')}
      value={current?.id ?? ''}
      onChange={(e) => setCurrent(e.currentTarget.value)}
      data={orgs.map((o) => ({ value: o.id, label: o.name }))}
      data-testid="org-switch"
    />
  );
}

function Menu({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const lang = currentLang();
  const active = activeEntry(me.navigation, pathname)?.id ?? null;
  return (
    <nav aria-label={t('workspace.menu')} className="workspace-nav">
      <Stack gap="md">
        <OrgSwitch />
        {sections(me.navigation).map(([section, items]) => (
          <div key={section}>
            <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              {t(`workspace.sections.${section}`, { defaultValue: section })}
            </Text>
            <ul className="workspace-nav-list">
              {items.map((item) => (
                <li key={item.id}>
                  <NavLink
                    component={Link}
                    to={item.path}
                    label={item.label[lang] ?? item.label.fr}
                    active={active === item.id}
                    aria-current={active === item.id ? 'page' : undefined}
                    onClick={onNavigate}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Stack>
    </nav>
  );
}

/**
 * The signed-in workspace (`/me` for everyone, `/backoffice` for agents): a menu built from the
 * module manifests and filtered by the person's permissions (`navigation` in /auth/me), the
 * organisation switch, and the screen. Loaded on demand, with Mantine.
 */
export function Workspace() {
  const { t } = useTranslation();
  const { data: me, isPending, error } = useMe();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  // The workspace's first render (menu, organisation switch) is committed before the screen's: two
  // shorter tasks on a slow phone instead of one long one (ADR 0015). Meanwhile its content area
  // is the frame's (title, "loading"), as drawn by the server: nothing moves.
  const showScreen = useDeferredValue(true, false);

  if (isPending)
    return (
      <div className="container page workspace-pending" role="status">
        {t('common.loading')}
      </div>
    );
  if (error)
    return (
      <div className="container page">
        <ErrorAlert error={error} />
      </div>
    );
  if (!me) return <Navigate to={`/signin?next=${encodeURIComponent(pathname + search)}`} replace />;

  return (
    <MantineRoot>
      <CurrentOrgProvider me={me}>
        <div className="container workspace">
          <div className="workspace-menu-toggle">
            <Burger
              opened={open}
              onClick={() => setOpen((o) => !o)}
              aria-label={t('workspace.menu')}
              aria-expanded={open}
              aria-controls="workspace-menu"
            />
          </div>
          <aside id="workspace-menu" className="workspace-aside" data-open={open || undefined}>
            <Menu me={me} onNavigate={() => setOpen(false)} />
          </aside>
          <div className="workspace-content">
            {me.mfaEnrolmentRequired && !pathname.startsWith('/me/security') && (
              <Alert color="yellow" mb="md" role="status">
                {t('workspace.mfaEnrolment')} <Link to="/me/security">{t('workspace.mfaEnrolmentLink')}</Link>
              </Alert>
            )}
            {showScreen ? <Outlet /> : <FrameContent me={me} pathname={pathname} lang={currentLang()} />}
          </div>
        </div>
      </CurrentOrgProvider>
    </MantineRoot>
  );
}

/** Shown while a screen's code is being downloaded. */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <Loader size="sm" /> <span className="sr-only">{t('common.loading')}</span>
    </div>
  );
}
