import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Breadcrumbs, Group, Title } from '@mantine/core';
import './texts';
import './shell.css';

export interface Crumb {
  label: string;
  /** Link target; the last crumb (the page itself) has none. */
  to?: string;
}

/**
 * The top of every back-office screen: breadcrumbs (a `nav` landmark), the page's single `h1`,
 * and the browser tab's title (`<title> · Raqmana`), with room for actions on the inline-end side.
 *
 *     <PageHeader title={t('orgs.title')} crumbs={[{ label: t('orgs.title'), to: '/backoffice/orgs' }, { label: name }]}>
 *       <Button>…</Button>
 *     </PageHeader>
 */
export function PageHeader({ title, crumbs = [], children }: { title: string; crumbs?: Crumb[]; children?: ReactNode }) {
  const { t } = useTranslation('shell');
  useEffect(() => {
    document.title = `${title} · ${t('app.name', { ns: 'translation' })}`;
  }, [title, t]);
  return (
    <header className="page-header">
      {crumbs.length > 0 && (
        <nav aria-label={t('breadcrumbs')}>
          <Breadcrumbs separator="›" separatorMargin={6} className="page-crumbs">
            <Anchor component={Link} to="/backoffice" size="sm">
              {t('backoffice')}
            </Anchor>
            {crumbs.map((c, i) =>
              c.to ? (
                <Anchor key={i} component={Link} to={c.to} size="sm">
                  {c.label}
                </Anchor>
              ) : (
                <span key={i} aria-current="page" className="page-crumb-current">
                  {c.label}
                </span>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Title order={1} size="h2" className="page-title">
          {title}
        </Title>
        {children && <Group gap="xs">{children}</Group>}
      </Group>
    </header>
  );
}
