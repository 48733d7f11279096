import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { currentLang } from '../i18n';
import { useMe, useSignOut, type MeGrant } from '../session';

function roleCode(g: MeGrant): string {
  if (g.roleCode) return g.roleCode;
  if (typeof g.role === 'string') return g.role;
  return g.role?.code ?? '?';
}

function orgLabel(g: MeGrant): string {
  const lang = currentLang();
  const name = g.orgName ?? g.org?.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object') return name[lang] ?? name.fr ?? Object.values(name)[0] ?? '';
  if (lang === 'ar' && g.org?.nameAr) return g.org.nameAr;
  return g.org?.nameFr ?? g.orgCode ?? g.org?.code ?? g.orgId ?? '';
}

/** The signed-in person's space: who they are, their roles and organisations. */
export function MySpace() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me, isPending, error } = useMe();
  const signOut = useSignOut();

  if (isPending)
    return (
      <p className="container page" role="status">
        {t('common.loading')}
      </p>
    );
  if (error)
    return (
      <div className="container page">
        <ErrorAlert error={error} />
      </div>
    );
  if (!me) return <Navigate to="/signin" replace />;

  const roleName = (code: string) => t(`roles.${code}`, { defaultValue: code });
  return (
    <div className="container page">
      <h1>{t('mySpace.title')}</h1>
      <section className="panel" aria-labelledby="who">
        <h2 id="who">{t('mySpace.who')}</h2>
        <dl className="facts">
          <dt>{t('mySpace.name')}</dt>
          <dd data-testid="display-name">{me.user.displayName}</dd>
          <dt>{t('mySpace.email')}</dt>
          <dd>
            <bdi dir="ltr">{me.user.email}</bdi>
          </dd>
          <dt>{t('mySpace.kind')}</dt>
          <dd>{t(`kinds.${me.user.kind}`, { defaultValue: me.user.kind })}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="roles">
        <h2 id="roles">{t('mySpace.roles')}</h2>
        {me.grants.length === 0 ? (
          <p>{t('mySpace.noRoles')}</p>
        ) : (
          <ul className="grants">
            {me.grants.map((g, i) => (
              <li key={i}>
                <strong>{roleName(roleCode(g))}</strong> — {orgLabel(g)}
                {g.includeDescendants ? ` (${t('mySpace.withDescendants')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <button
        type="button"
        className="btn"
        onClick={async () => {
          await signOut().catch(() => undefined);
          void navigate('/');
        }}
      >
        {t('nav.signOut')}
      </button>
    </div>
  );
}
