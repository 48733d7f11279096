import { useTranslation } from 'react-i18next';
import { SearchBox } from '../components/SearchBox';

/** The services of the platform, one card each (each module will link its own pages here). */
export const SERVICES = [
  'procedures',
  'mail',
  'complaints',
  'permits',
  'civilStatus',
  'revenues',
  'procurement',
  'openGov',
  'reserves',
] as const;

export function Home() {
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <SearchBox />
        </div>
      </section>
      <section className="container services" aria-labelledby="services-title">
        <h2 id="services-title">{t('home.servicesTitle')}</h2>
        <ul className="cards">
          {SERVICES.map((s) => (
            <li key={s} className="card">
              <h3>{t(`services.${s}.title`)}</h3>
              <p>{t(`services.${s}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
