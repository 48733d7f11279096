import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { useHydrated } from '../ssr/hydration';

/** The heading of a public page's step, focused when the step changes (screen readers hear the new state). */
export function StepHeading({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A message box of the public pages (status or confirmation), with an optional link. */
export function Notice({ children, link }: { children: ReactNode; link?: { to: string; text: string } }) {
  return (
    <div className="alert alert-info check-mail" role="status">
      <p>{children}</p>
      {link && (
        <p>
          <Link to={link.to}>{link.text}</Link>
        </p>
      )}
    </div>
  );
}

/**
 * The submit button: disabled with a "please wait" text while the request runs, and until the app
 * has taken over the server-rendered page (the form is sent by the app, not by the browser).
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  return (
    <button type="submit" className="btn btn-primary" disabled={busy || !hydrated} aria-busy={busy || undefined}>
      {busy ? t('common.wait') : children}
    </button>
  );
}

export { ErrorAlert };
