import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { useMe } from '../session';

export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shown = useRef(pathname);

  // After a client-side navigation, move the focus to the new content (as a page load would).
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ر
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <nav aria-label={t('nav.main')} className="header-nav">
            {me ? (
              <>
                <Link to="/me">{t('nav.mySpace')}</Link>
                {me.grants.length > 0 && <Link to="/backoffice">{t('nav.backoffice')}</Link>}
              </>
            ) : (
              <Link to="/signin">{t('nav.signIn')}</Link>
            )}
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.tagline')}</p>
          <p>
            <a href="/api/docs">{t('footer.api')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
