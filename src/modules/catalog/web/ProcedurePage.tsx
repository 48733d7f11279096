import { useLoaderData, Link, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../web/dates';
import { isLang, type Lang } from '../../../web/i18n';
import { loadJson, type RouteHandle } from '../../../web/ssr/load';
import { useReloadOnLanguageChange } from '../../../web/ssr/revalidate';
import { Feedback } from './Feedback';
import { ReportUnlisted } from './ReportUnlisted';
import type { LegalRef, PublicProcedure } from './types';

async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get('lang');
  const query = isLang(lang) ? `?lang=${lang}` : '';
  return loadJson<PublicProcedure>(context, `/catalog/procedures/${encodeURIComponent(params.slug ?? '')}${query}`);
}

const LOCALES: Record<Lang, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

function money(centimes: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'MAD' }).format(centimes / 100);
}

function Legal({ legal }: { legal: LegalRef | null }) {
  const { t } = useTranslation('catalog');
  if (!legal) return null;
  const text = t('procedure.legalRef', { text: legal.title ?? legal.ref, article: legal.article ?? '' }).replace(/[\s,،]+$/, '');
  return (
    <span className="legal-ref">
      {legal.url ? (
        <a href={legal.url} rel="noopener noreferrer external">
          {text}
        </a>
      ) : (
        text
      )}
    </span>
  );
}

type Fee = PublicProcedure['fees'][number];

/** A fee in words: an amount, free, a rate (percentage or per unit), a range, or variable — with what it depends on. */
function FeeAmount({ f, lang }: { f: Fee; lang: Lang }) {
  const { t } = useTranslation('catalog');
  switch (f.kind) {
    case 'free':
      return <strong>{t('procedure.freeShort')}</strong>;
    case 'rate':
      return (
        <strong>
          {f.percent !== null
            ? t('procedure.feeRatePercent', {
                percent: new Intl.NumberFormat(LOCALES[lang]).format(f.percent),
                basis: f.basis ?? '',
              })
            : `${money(f.amountCentimes ?? 0, lang)} ${f.basis ?? ''}`}
        </strong>
      );
    case 'range':
      return (
        <>
          <strong>
            {t('procedure.feeRange', { min: money(f.amountCentimes ?? 0, lang), max: money(f.maxCentimes ?? 0, lang) })}
          </strong>
          {f.basis && <> ({f.basis})</>}
        </>
      );
    case 'variable':
      return (
        <>
          <strong>{t('procedure.feeVariable')}</strong>
          {f.basis && <> : {f.basis}</>}
        </>
      );
    default:
      return <strong>{money(f.amountCentimes ?? 0, lang)}</strong>;
  }
}

function size(bytes: number, lang: Lang): string {
  const kb = bytes / 1024;
  const fmt = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  return kb < 1024 ? `${fmt.format(Math.max(kb, 0.1))} KB` : `${fmt.format(kb / 1024)} MB`;
}

/** A published procedure, complete without JavaScript, printable, with its last update and legal references. */
export function ProcedurePage() {
  const p = useLoaderData<typeof loader>();
  useReloadOnLanguageChange();
  const { t, i18n } = useTranslation('catalog');
  const lang = (isLang(i18n.language) ? i18n.language : 'fr') as Lang;
  const outdated = p.possiblyOutdated.length > 0;
  // The version's effective date: in force since, or from (a version published ahead of its date).
  const eff = p.version.effectiveDate;
  const effective = eff
    ? t(eff > new Date().toISOString().slice(0, 10) ? 'procedure.effectiveFrom' : 'procedure.effective', {
        date: formatDate(eff, false, lang),
      })
    : null;
  return (
    <article className="container page procedure" lang={p.lang} dir={p.lang === 'ar' ? 'rtl' : 'ltr'}>
      <nav aria-label={t('procedure.breadcrumb')} className="breadcrumb">
        <Link to="/">{t('procedure.home')}</Link> › <Link to="/procedures">{t('procedure.catalog')}</Link>
      </nav>
      <h1>{p.title}</h1>
      <p className="lead">{p.summary}</p>
      <p className="meta">
        {t('procedure.updated', { date: formatDate(p.lastUpdated, false, lang) })} · {effective && <>{effective} · </>}
        {t('procedure.owner', { name: p.owner.name })} · {t('procedure.version', { n: p.version.number })}
      </p>
      {outdated && (
        <p className="alert alert-info" role="note">
          {t('procedure.outdated')}
        </p>
      )}
      <p className="tags">
        {p.audiences.map((a) => (
          <span key={a} className="tag">
            {t(`audiences.${a}`, { defaultValue: a })}
          </span>
        ))}
        {p.categories.map((c) => (
          <Link key={c} className="tag" to={`/procedures?category=${c}`}>
            {t(`categories.${c}`, { defaultValue: c })}
          </Link>
        ))}
      </p>
      <p className="no-print actions">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('procedure.print')}
        </button>
        {(['fr', 'ar', 'en'] as const)
          .filter((l) => l !== p.lang && (l !== 'en' || p.hasEnglish))
          .map((l) => (
            <a key={l} href={`/procedures/${p.slug}?lang=${l}`} hrefLang={l} lang={l}>
              {t(`procedure.readIn.${l}`)}
            </a>
          ))}
      </p>

      <section aria-labelledby="who">
        <h2 id="who">{t('procedure.who')}</h2>
        <ul>
          {p.competence.map((c, i) => (
            <li key={i}>
              {c.orgType ? <strong>{t(`orgTypes.${c.orgType}`, { defaultValue: c.orgType })}</strong> : null}
              {c.orgs.length > 0 && <strong>{c.orgs.map((o) => o.name).join(', ')}</strong>}
              {' — '}
              {c.service}
            </li>
          ))}
        </ul>
      </section>

      {p.conditions.length > 0 && (
        <section aria-labelledby="conditions">
          <h2 id="conditions">{t('procedure.conditions')}</h2>
          <ul>
            {p.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="documents">
        <h2 id="documents">{t('procedure.documents')}</h2>
        <ol className="documents">
          {p.documents.map((d) => (
            <li key={d.key} id={`doc-${d.key}`}>
              <strong>{d.name}</strong>
              {d.optional && <span className="tag">{t('procedure.optional')}</span>}
              <div className="doc-facts">
                {t(`docForms.${d.form}`, { defaultValue: d.form })} · {t('procedure.copies', { count: d.copies })}
                {d.issuer && <> · {t('procedure.issuer', { issuer: d.issuer })}</>}
              </div>
              {d.description && <p>{d.description}</p>}
              {d.condition && <p className="muted">{d.condition}</p>}
              <Legal legal={d.legal} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="fees">
        <h2 id="fees">{t('procedure.fees')}</h2>
        {p.fees.length === 0 || p.fees.every((f) => f.kind === 'free') ? <p>{t('procedure.free')}</p> : null}
        {p.fees.length > 0 && (
          <ul>
            {p.fees.map((f) => (
              <li key={f.key} id={`fee-${f.key}`}>
                {f.label} : <FeeAmount f={f} lang={lang} />
                {f.payment && <> — {f.payment}</>} <Legal legal={f.legal} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="delay">
        <h2 id="delay">{t('procedure.delay')}</h2>
        {p.delay.legalDays !== null && (
          <p>
            {t(p.delay.legalUnit === 'calendar_days' ? 'procedure.legalCalendarDays' : 'procedure.legalWorkingDays', {
              count: p.delay.legalDays,
            })}{' '}
            <Legal legal={p.delay.legal} />
          </p>
        )}
        {p.delay.usual && <p>{t('procedure.usual', { usual: p.delay.usual })}</p>}
      </section>

      <section aria-labelledby="how">
        <h2 id="how">{t('procedure.how')}</h2>
        <ul>
          {p.channels.map((c, i) => (
            <li key={i}>
              <strong>{t(`channels.${c.kind}`, { defaultValue: c.kind })}</strong> — {c.where}
              {c.url && (
                <>
                  {' '}
                  <a href={c.url} rel="noopener noreferrer external">
                    <bdi dir="ltr">{c.url.replace(/^https?:\/\//, '')}</bdi>
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
        <ol className="steps">
          {p.steps.map((s, i) => (
            <li key={i}>
              <strong>{s.title}</strong>
              {s.detail && <p>{s.detail}</p>}
            </li>
          ))}
        </ol>
      </section>

      {p.forms.length > 0 && (
        <section aria-labelledby="forms">
          <h2 id="forms">{t('procedure.formsTitle')}</h2>
          <ul>
            {p.forms.map((f, i) => (
              <li key={i}>
                {f.download && f.file ? (
                  <a href={f.download} download>
                    {f.name}{' '}
                    <span className="muted">
                      {t('procedure.download', {
                        type: f.file.mimeType === 'application/pdf' ? 'PDF' : f.file.mimeType.replace('image/', '').toUpperCase(),
                        size: size(f.file.sizeBytes, lang),
                      })}
                    </span>
                  </a>
                ) : f.url ? (
                  <a href={f.url} rel="noopener noreferrer external">
                    {f.name}
                  </a>
                ) : (
                  f.name
                )}
                {f.download && f.url && (
                  <>
                    {' · '}
                    <a href={f.url} rel="noopener noreferrer external">
                      {t('procedure.officialForm')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="legal">
        <h2 id="legal">{t('procedure.legalBasis')}</h2>
        <ul>
          {p.legalBasis.map((l) => (
            <li key={l.id}>
              {l.url ? (
                <a href={l.url} rel="noopener noreferrer external">
                  {l.title}
                </a>
              ) : (
                l.title
              )}
              {l.date && <> ({formatDate(l.date, false, lang)})</>}
              {l.reference && <> — {l.reference}</>}
              {l.bulletin && <> ({l.bulletin})</>}
            </li>
          ))}
        </ul>
      </section>

      {p.related.length > 0 && (
        <section aria-labelledby="related" className="no-print">
          <h2 id="related">{t('procedure.related')}</h2>
          <ul>
            {p.related.map((r) => (
              <li key={r.slug}>
                <Link to={`/procedures/${r.slug}`}>{r.title ?? r.slug}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="no-print">
        <Feedback slug={p.slug} lang={p.lang} />
        <ReportUnlisted procedure={p} />
      </div>
    </article>
  );
}

const handle: RouteHandle = {
  head: ({ data, url }) => {
    const p = data as PublicProcedure | undefined;
    if (!p) return {};
    const base = `${url.protocol}//${url.host}/procedures/${p.slug}`;
    return {
      title: `${p.title} — Raqmana`,
      description: p.summary,
      links: [
        { rel: 'canonical', href: `${base}?lang=${p.lang}` },
        { rel: 'alternate', hreflang: 'fr', href: `${base}?lang=fr` },
        { rel: 'alternate', hreflang: 'ar', href: `${base}?lang=ar` },
        ...(p.hasEnglish ? [{ rel: 'alternate', hreflang: 'en', href: `${base}?lang=en` }] : []),
        { rel: 'alternate', hreflang: 'x-default', href: base },
      ],
    };
  },
};

export const route = { loader, Component: ProcedurePage, handle };
