import { useId } from 'react';
import { Form, Link, useLoaderData, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../web/api';
import { currentLang, isLang } from '../../../web/i18n';
import { loadJson, type RouteHandle } from '../../../web/ssr/load';
import { useReloadOnLanguageChange } from '../../../web/ssr/revalidate';
import { Highlighted } from './Highlighted';
import type { FacetValue, SearchItem, SearchResult } from './types';

const FILTERS = ['q', 'audience', 'category', 'org', 'page'] as const;

async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  for (const k of FILTERS) {
    const v = url.searchParams.get(k);
    if (v) params.set(k, v);
  }
  const lang = url.searchParams.get('lang');
  if (isLang(lang)) params.set('lang', lang);
  return loadJson<SearchResult>(context, `/catalog/procedures?${params.toString()}`);
}

/**
 * Tells the catalog which result a search led to (feeds the editors' "no click" report); never
 * blocks the visit. The search is named by its text and display language (the `lang` the loader
 * sent, else the page's language, which is what the API was asked in): the answer carries no id
 * of its own, so that the same search gives the same, cacheable answer (ADR 0017).
 */
function recordClick(q: string, lang: string | null, procedureId: string, rank: number) {
  if (!q.trim()) return;
  const body = { q: q.slice(0, 200), lang: isLang(lang) ? lang : currentLang(), procedureId, rank };
  void api('POST', '/catalog/search/click', body).catch(() => undefined);
}

function Facet({ name, values, label }: { name: 'audience' | 'category' | 'org'; values: FacetValue[]; label: string }) {
  const { t } = useTranslation('catalog');
  const [params] = useSearchParams();
  const current = params.get(name);
  if (values.length === 0) return null;
  const hrefFor = (value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    if (value) next.set(name, value);
    else next.delete(name);
    return `/procedures?${next.toString()}`;
  };
  return (
    <section className="facet" aria-label={label}>
      <h2>{label}</h2>
      <ul>
        {current && (
          <li>
            <Link to={hrefFor(null)}>{t('search.allValues')}</Link>
          </li>
        )}
        {values.map((v) => (
          <li key={v.value}>
            <Link to={hrefFor(v.value)} aria-current={current === v.value ? 'true' : undefined}>
              {name === 'org' ? (v.label ?? v.value) : t(`${name}s.${v.value}`, { defaultValue: v.label ?? v.value })}{' '}
              <span className="count">({v.count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Why a result matched, when its title and summary do not show it: an excerpt of the part of the
 * procedure that holds the query's words (« Pièce demandée : … »), in the language it was found in.
 */
function ResultSnippet({ item }: { item: SearchItem }) {
  const { t } = useTranslation('catalog');
  const s = item.snippet;
  if (!s || item.highlights.title.includes('<mark>') || item.highlights.summary.includes('<mark>')) return null;
  return (
    <p className="result-snippet">
      <span className="result-snippet-label">{t(`search.matchedIn.${s.matchedIn}`)}</span>{' '}
      <span lang={s.lang} dir={s.lang === 'ar' ? 'rtl' : 'ltr'}>
        <Highlighted html={s.html} />
      </span>
    </p>
  );
}

/**
 * Search results (`/procedures?q=`): a plain GET form, facet links and page links, so the page
 * works without JavaScript; highlighted matches come escaped from the server and are rendered as
 * text and <mark> elements (`Highlighted`), never as HTML.
 */
export function SearchPage() {
  const data = useLoaderData<typeof loader>();
  useReloadOnLanguageChange();
  const { t } = useTranslation('catalog');
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const id = useId();
  const pages = Math.max(1, Math.ceil(data.total / 20));
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `/procedures?${next.toString()}`;
  };
  return (
    <div className="container page catalog-search">
      <h1>{q ? t('search.titleFor', { q }) : t('search.title')}</h1>
      <Form role="search" method="get" action="/procedures" className="search">
        <label htmlFor={id}>{t('search.label')}</label>
        <div className="search-row">
          <input
            id={id}
            name="q"
            type="search"
            defaultValue={q}
            key={q}
            autoComplete="off"
            placeholder={t('search.placeholder')}
          />
          {params.get('audience') && <input type="hidden" name="audience" value={params.get('audience')!} />}
          {params.get('category') && <input type="hidden" name="category" value={params.get('category')!} />}
          {params.get('org') && <input type="hidden" name="org" value={params.get('org')!} />}
          <button type="submit" className="btn btn-primary">
            {t('search.submit')}
          </button>
        </div>
      </Form>
      <div className="search-layout">
        <aside className="facets" aria-label={t('search.filters')}>
          <Facet name="audience" values={data.facets.audience} label={t('search.audience')} />
          <Facet name="category" values={data.facets.category} label={t('search.category')} />
          <Facet name="org" values={data.facets.org} label={t('search.org')} />
        </aside>
        <section aria-labelledby="results-count" className="results">
          <p id="results-count" role="status">
            {t('search.count', { count: data.total })}
          </p>
          {data.total === 0 && data.suggestion && (
            <p className="suggestion">
              {t('search.didYouMean')} <Link to={`/procedures?q=${encodeURIComponent(data.suggestion)}`}>{data.suggestion}</Link>
            </p>
          )}
          {data.total === 0 && !data.suggestion && q && <p>{t('search.nothing')}</p>}
          <ol className="result-list" start={(page - 1) * 20 + 1}>
            {data.items.map((item, i) => (
              <li key={item.id} className="result">
                <h2>
                  <Link
                    to={`/procedures/${item.slug}`}
                    onClick={() => recordClick(q, params.get('lang'), item.id, (page - 1) * 20 + i + 1)}
                  >
                    <Highlighted html={item.highlights.title || item.title} />
                  </Link>
                </h2>
                <p>
                  <Highlighted html={item.highlights.summary || item.summary} />
                </p>
                <ResultSnippet item={item} />
                <p className="tags">
                  {item.audiences.map((a) => (
                    <span key={a} className="tag">
                      {t(`audiences.${a}`, { defaultValue: a })}
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label={t('search.pages')} className="pagination">
              {page > 1 && (
                <Link to={pageHref(page - 1)} rel="prev">
                  {t('search.previous')}
                </Link>
              )}
              <span>{t('search.pageOf', { page, pages })}</span>
              {page < pages && (
                <Link to={pageHref(page + 1)} rel="next">
                  {t('search.next')}
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
      <p className="muted open-data">
        {t('search.openData')} <a href="/api/v1/catalog/export.json">JSON</a> · <a href="/api/v1/catalog/export.csv">CSV</a> ·{' '}
        <a href="/api/docs">{t('search.openDataApi')}</a>
      </p>
    </div>
  );
}

const handle: RouteHandle = {
  head: ({ url, t }) => {
    const q = url.searchParams.get('q');
    return {
      title: `${q ? t('catalog:search.titleFor', { q }) : t('catalog:search.title')} — ${t('app.name')}`,
      description: t('catalog:search.description'),
    };
  },
};

export const route = { loader, Component: SearchPage, handle };
