import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../components/SearchBox';

/** Placeholder until the procedures catalog lands: says so honestly, shows no invented results. */
export function Procedures() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  return (
    <div className="container page">
      <h1>{t('procedures.title')}</h1>
      <SearchBox key={q} initial={q} />
      {q && <p>{t('procedures.searched', { q })}</p>}
      <div className="alert alert-info" role="status">
        {t('procedures.comingSoon')}
      </div>
    </div>
  );
}
