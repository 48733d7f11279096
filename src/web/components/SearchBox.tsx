import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAdoptTypedValues } from '../ssr/hydration';

/**
 * The search for procedures (the catalog's results page). A plain GET form until the app takes
 * over; what was typed before that is kept.
 */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useAdoptTypedValues(() => [{ el: input.current, adopt: setQ }]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(`/procedures?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="search" onSubmit={submit} action="/procedures" method="get">
      <label htmlFor={id}>{t('search.label')}</label>
      <div className="search-row">
        <input
          id={id}
          ref={input}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('search.placeholder')}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
