import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useRevalidator } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * Pages whose data depends on the language (a procedure, search results) load it again when the
 * person switches language; an explicit `?lang=` in the address follows the switch.
 */
export function useReloadOnLanguageChange(): void {
  const { i18n } = useTranslation();
  const { revalidate } = useRevalidator();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const shown = useRef(i18n.language);
  useEffect(() => {
    if (shown.current === i18n.language) return;
    shown.current = i18n.language;
    const params = new URLSearchParams(search);
    if (params.has('lang')) {
      params.set('lang', i18n.language);
      void navigate(`${pathname}?${params.toString()}`, { replace: true });
    } else void revalidate();
  }, [i18n.language, pathname, search, navigate, revalidate]);
}
