/**
 * Routes of the catalog search, registered by the catalog's routes plugin (under /api/v1):
 * - GET  /catalog/procedures: public search and list;
 * - POST /catalog/search/click: public, a result was opened (feeds the gap report);
 * - GET  /catalog/search/gaps: editors, the queries that found nothing or got no click;
 * - GET/POST/DELETE /catalog/synonyms: editors, the synonyms table (changes audited).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { authorize } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { rows } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import { searchIndexFor } from './engine';
import { flushSearchLog, loggedQueryText, search } from './query';
import { SNIPPET_FIELDS } from './sections';
import { invalidateSynonyms, SYNONYM_LANGS } from './synonyms';
import { foldText } from './text';

/** Declared by the catalog's manifest; used here by its code. */
const CATALOG_EDIT = 'catalog.edit';
const TAGS = ['catalog'];

const CODE = z
  .string()
  .trim()
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/);
const SearchQuery = z.object({
  q: z.string().max(200).optional().describe('French, Arabic or darija in Latin letters; no q: alphabetical list'),
  lang: z.enum(['fr', 'ar', 'en']).optional().describe('display language (default: the request language)'),
  audience: CODE.optional(),
  category: CODE.optional(),
  lifeEvent: CODE.optional(),
  org: z.uuid().optional().describe('organisation id: procedures of this organisation and the ones under it'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
const Facet = z.array(z.object({ value: z.string(), count: z.number(), label: z.string().optional() }));
const SearchResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      summary: z.string(),
      highlights: z.object({
        title: z.string().describe('escaped HTML, matches in <mark>'),
        summary: z.string().describe('escaped HTML, matches in <mark>'),
      }),
      snippet: z
        .object({
          html: z
            .string()
            .describe(
              'escaped HTML, matches in <mark>; about 160 characters, cut at word boundaries (… where text was left out)',
            ),
          matchedIn: z.enum(SNIPPET_FIELDS).describe('where the words were found: label the excerpt with it'),
          lang: z.enum(['fr', 'ar', 'en']).describe('language of the excerpt (may differ from `lang`)'),
        })
        .nullable()
        .describe('why the procedure matched: where the query’s words are (null without a query)'),
      audiences: z.array(z.string()),
      categories: z.array(z.string()),
      score: z.number(),
    }),
  ),
  total: z.number(),
  facets: z.object({ audience: Facet, category: Facet, org: Facet }),
  suggestion: z.string().optional().describe('"did you mean", when nothing matched'),
});

const ClickBody = z.strictObject({
  q: z.string().min(1).max(200).describe('the query as it was searched (`q` of the search)'),
  lang: z.enum(['fr', 'ar', 'en']).describe('the display language of the search (its `lang`, or the request language)'),
  procedureId: z.uuid(),
  rank: z.number().int().min(1).max(1000),
});

const GapsQuery = z.object({
  lang: z.enum(['fr', 'ar', 'en']),
  period: z.enum(['7d', '30d', '90d', '365d']).default('30d'),
});
const GapRow = z.object({ query: z.string(), searches: z.number(), lastAt: z.string() });
const GapsResponse = z.object({
  lang: z.string(),
  from: z.string(),
  noResult: z.array(GapRow),
  noClick: z.array(GapRow.extend({ results: z.number().describe('results of the last search') })),
});

const folds = (s: string) => foldText(s).length > 0;
const SynonymBody = z.strictObject({
  lang: z.enum(SYNONYM_LANGS).describe('language of the term: fr, ar, or darija (Latin letters)'),
  term: z.string().trim().min(1).max(80).refine(folds, { message: 'must contain letters or digits' }),
  expansion: z.string().trim().min(1).max(200).refine(folds, { message: 'must contain letters or digits' }),
});
const Synonym = z.object({
  id: z.string(),
  lang: z.string(),
  term: z.string(),
  expansion: z.string(),
  createdAt: z.string(),
});
const SynonymList = z.object({
  lang: z.enum(SYNONYM_LANGS).optional(),
  q: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const IdParams = z.object({ id: z.uuid() });

interface SynonymRow {
  id: string;
  lang: string;
  term: string;
  expansion: string;
  created_at: Date | string;
}
const toSynonym = (r: SynonymRow) => ({
  id: r.id,
  lang: r.lang,
  term: r.term,
  expansion: r.expansion,
  createdAt: new Date(r.created_at).toISOString(),
});

export const catalogSearchRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // A serving instance builds its in-process index as soon as it listens (ADR 0017), so the first
  // person to search does not wait for it; the build runs in the background, not before listening.
  app.addHook('onListen', async () => {
    const started = performance.now();
    void searchIndexFor(db)
      .fresh()
      .then(() => app.log.info({ ms: Math.round(performance.now() - started) }, 'catalog search index built'))
      .catch((err: unknown) => app.log.warn({ err }, 'catalog search index build failed; the first search will retry'));
  });
  // The query log is written in batches (query.ts): what is queued is written before the database closes.
  app.addHook('onClose', async () => {
    await flushSearchLog(db).catch((err: unknown) => app.log.error({ err }, 'search query log not written'));
  });

  r.get(
    '/catalog/procedures',
    {
      schema: {
        tags: TAGS,
        summary: 'Search or list the published procedures (public)',
        description:
          'A query in French, Arabic or darija (Latin letters) finds procedures whatever the display language; accents, case, Arabic spelling variants, typos, stemming, synonyms and abbreviations are tolerated. Title, synonyms and keywords rank above the summary and the body text. The same search gives the same answer until the catalog changes: it sends a weak `ETag` with `Cache-Control: public, no-cache` (a cache keeps it but asks again each time, so every search is counted) and answers 304 to a matching `If-None-Match`. To record which result was opened, send the same `q` and display language to POST /catalog/search/click.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 304: z.null() },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const lang = q.lang ?? (request.ctx.lang === 'ar' || request.ctx.lang === 'en' ? request.ctx.lang : 'fr');
      const { logged, ...result } = await search(db, { ...q, lang });
      logged.catch((err: unknown) => request.log.error({ err }, 'search query log not written'));
      // The answer depends only on the parameters and the index: its hash is a validator that holds
      // until the catalog (or a synonym, an organisation's name) changes. The search ran (and was
      // logged) all the same: the cache revalidates on every use (no-cache).
      const etag = `W/"${createHash('sha1').update(JSON.stringify(result)).digest('base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'public, no-cache');
      if (!q.lang) reply.header('vary', 'Accept-Language');
      const inm = request.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return reply.code(304).send(null);
      return result;
    },
  );

  r.post(
    '/catalog/search/click',
    {
      schema: {
        tags: TAGS,
        summary: 'Record that a search result was opened (public)',
        description:
          'Names the search by its `q` and display language `lang` (as sent to GET /catalog/procedures): the click is counted for the latest such search of the last hour without a click yet, else the latest one (a second result opened). 404 when no such search was made or the procedure is not in the index.',
        body: ClickBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const b = request.body;
      // The query may still wait in the log's queue (written in batches).
      await flushSearchLog(db);
      // The search of the same text and language this click follows (ADR 0017, clicks by query): the
      // latest of the last hour without a click, else the latest (a second result opened).
      const inserted = await rows<{ id: string }>(
        db,
        sql`INSERT INTO catalog.search_clicks (id, query_id, procedure_id, rank)
            SELECT ${uuidv7()}, q.id, ${b.procedureId}, ${b.rank}
            FROM catalog.search_queries q
            WHERE q.query_folded = ${loggedQueryText(b.q)} AND q.lang = ${b.lang}
              AND q.created_at > now() - interval '1 hour'
              AND EXISTS (SELECT 1 FROM catalog.search_documents d WHERE d.procedure_id = ${b.procedureId})
            ORDER BY EXISTS (SELECT 1 FROM catalog.search_clicks c WHERE c.query_id = q.id), q.created_at DESC, q.id DESC
            LIMIT 1
            RETURNING id`,
      );
      if (!inserted.length) throw new AppError('CATALOG_SEARCH_CLICK_UNKNOWN', 404);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/catalog/search/gaps',
    {
      schema: {
        tags: TAGS,
        summary: 'Queries that found nothing or were followed by no click, per display language (catalog.edit)',
        querystring: GapsQuery,
        response: { 200: GapsResponse },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request.ctx, CATALOG_EDIT);
      const { lang, period } = request.query;
      const from = new Date(Date.now() - Number(period.slice(0, -1)) * 86_400_000);
      const noResult = await rows<{ query: string; searches: number | string; last_at: Date | string }>(
        db,
        sql`SELECT query_folded AS query, count(*) AS searches, max(created_at) AS last_at
            FROM catalog.search_queries
            WHERE lang = ${lang} AND created_at >= ${from.toISOString()} AND result_count = 0
            GROUP BY query_folded ORDER BY count(*) DESC, max(created_at) DESC LIMIT 100`,
      );
      const noClick = await rows<{ query: string; searches: number | string; last_at: Date | string; results: number }>(
        db,
        sql`SELECT q.query_folded AS query, count(*) AS searches, max(q.created_at) AS last_at,
                   (array_agg(q.result_count ORDER BY q.created_at DESC))[1] AS results
            FROM catalog.search_queries q
            WHERE q.lang = ${lang} AND q.created_at >= ${from.toISOString()} AND q.result_count > 0
              AND NOT EXISTS (SELECT 1 FROM catalog.search_clicks c WHERE c.query_id = q.id)
            GROUP BY q.query_folded ORDER BY count(*) DESC, max(q.created_at) DESC LIMIT 100`,
      );
      const iso = (d: Date | string) => new Date(d).toISOString();
      return {
        lang,
        from: from.toISOString(),
        noResult: noResult.map((g) => ({ query: g.query, searches: Number(g.searches), lastAt: iso(g.last_at) })),
        noClick: noClick.map((g) => ({
          query: g.query,
          searches: Number(g.searches),
          lastAt: iso(g.last_at),
          results: Number(g.results),
        })),
      };
    },
  );

  r.get(
    '/catalog/synonyms',
    {
      schema: {
        tags: TAGS,
        summary: 'List the search synonyms (catalog.edit)',
        querystring: SynonymList,
        response: { 200: z.object({ items: z.array(Synonym), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request.ctx, CATALOG_EDIT);
      const q = request.query;
      const where = [sql`TRUE`];
      if (q.lang) where.push(sql`lang = ${q.lang}`);
      const f = q.q ? foldText(q.q) : '';
      if (f)
        where.push(
          sql`(term_folded LIKE ${'%' + f.replace(/[%_\\]/g, '\\$&') + '%'} OR expansion_folded LIKE ${'%' + f.replace(/[%_\\]/g, '\\$&') + '%'})`,
        );
      const list = await rows<SynonymRow & { total: number | string }>(
        db,
        sql`SELECT id, lang, term, expansion, created_at, count(*) OVER () AS total
            FROM catalog.synonyms WHERE ${sql.join(where, sql` AND `)}
            ORDER BY term_folded, expansion_folded
            LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      );
      return { items: list.map(toSynonym), total: list.length ? Number(list[0]!.total) : 0 };
    },
  );

  r.post(
    '/catalog/synonyms',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a search synonym: people typing `term` also find `expansion` (catalog.edit, audited)',
        body: SynonymBody,
        response: { 201: Synonym },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = request.ctx;
      authorize(ctx, CATALOG_EDIT);
      const b = request.body;
      const created = await db.transaction(async (tx) => {
        const [row] = await rows<SynonymRow>(
          tx,
          sql`INSERT INTO catalog.synonyms (id, lang, term, term_folded, expansion, expansion_folded, created_by)
              VALUES (${uuidv7()}, ${b.lang}, ${b.term}, ${foldText(b.term)}, ${b.expansion}, ${foldText(b.expansion)}, ${ctx.actor!.id})
              ON CONFLICT (lang, term_folded, expansion_folded) DO NOTHING
              RETURNING id, lang, term, expansion, created_at`,
        );
        if (!row) throw new AppError('CATALOG_SYNONYM_EXISTS', 409, { term: b.term });
        await audit(tx, ctx, {
          action: 'catalog.synonyms.create',
          entityType: 'catalog.synonym',
          entityId: row.id,
          after: { lang: b.lang, term: b.term, expansion: b.expansion },
        });
        return row;
      });
      invalidateSynonyms();
      return reply.code(201).send(toSynonym(created));
    },
  );

  r.delete(
    '/catalog/synonyms/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a search synonym (catalog.edit, audited)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = request.ctx;
      authorize(ctx, CATALOG_EDIT);
      await db.transaction(async (tx) => {
        const [row] = await rows<SynonymRow>(
          tx,
          sql`DELETE FROM catalog.synonyms WHERE id = ${request.params.id} RETURNING id, lang, term, expansion, created_at`,
        );
        if (!row) throw new AppError('CATALOG_SYNONYM_NOT_FOUND', 404);
        await audit(tx, ctx, {
          action: 'catalog.synonyms.delete',
          entityType: 'catalog.synonym',
          entityId: row.id,
          before: { lang: row.lang, term: row.term, expansion: row.expansion },
        });
      });
      invalidateSynonyms();
      return reply.code(204).send(null);
    },
  );
};
