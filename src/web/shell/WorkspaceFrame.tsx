import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n';
import type { Me } from '../session';
import { activeEntry, sections } from './nav';

/**
 * The frame of a signed-in page, drawn by the server (src/web/entry-server.tsx, ADR 0015) so that
 * the first paint does not wait for the workspace's code: the same places as the workspace
 * (src/web/shell/Workspace.tsx) — the menu of the person's screens as plain links, the page's
 * title when the address is a menu entry — in plain HTML styled by the public stylesheet, without
 * Mantine. The browser replaces it whole with the workspace once its code, the person and the
 * screen's code are there (src/web/main.tsx).
 */
export function WorkspaceFrame({ me, pathname, lang }: { me: Me; pathname: string; lang: Lang }) {
  const { t } = useTranslation();
  const active = activeEntry(me.navigation, pathname);
  return (
    <div className="container workspace">
      <div className="workspace-menu-toggle">
        <span className="frame-burger" aria-hidden="true" />
      </div>
      <aside className="workspace-aside">
        <nav aria-label={t('workspace.menu')} className="workspace-nav">
          {sections(me.navigation).map(([section, items]) => (
            <div key={section} className="frame-section">
              <h2 className="frame-section-title">{t(`workspace.sections.${section}`, { defaultValue: section })}</h2>
              <ul className="workspace-nav-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <a
                      href={item.path}
                      className="frame-link"
                      data-active={active?.id === item.id || undefined}
                      aria-current={active?.id === item.id ? 'page' : undefined}
                    >
                      {item.label[lang] ?? item.label.fr}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <div className="workspace-content">
        <FrameContent me={me} pathname={pathname} lang={lang} />
      </div>
    </div>
  );
}

/**
 * The frame's content area: the page's title when the address is a menu entry, and "loading".
 * Also what the workspace shows in its first render, before the screen's (Workspace.tsx).
 */
export function FrameContent({ me, pathname, lang }: { me: Me; pathname: string; lang: Lang }) {
  const { t } = useTranslation();
  const active = activeEntry(me.navigation, pathname);
  const title = active && active.path === pathname ? (active.label[lang] ?? active.label.fr) : null;
  return (
    <>
      {title && (
        <header className="page-header frame-header">
          <h1 className="frame-title">{title}</h1>
        </header>
      )}
      <p role="status" className="frame-loading">
        {t('common.loading')}
      </p>
    </>
  );
}
