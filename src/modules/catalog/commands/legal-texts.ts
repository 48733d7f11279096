/**
 * Shared legal texts (`catalog.legal_texts`, ADR 0022): written once, cited by the legal basis of
 * every version that rests on them. Editors search them, create them, or write one inline in a
 * version (it becomes a shared text on save, reused by code).
 */
import { inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { can, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, badRequest, forbidden } from '../../../core/errors';
import {
  CATALOG_EDIT,
  CATALOG_REVIEW,
  type LegalTextInput,
  type LegalTextKind,
  type TText,
  type VersionContent,
} from '../contract';
import { legalTexts } from '../schema/catalog';

export type LegalTextRow = typeof legalTexts.$inferSelect;

/** The API shape of a shared legal text. */
export const presentLegalText = (r: LegalTextRow) => ({
  id: r.id,
  code: r.code,
  kind: r.kind as LegalTextKind,
  number: r.number,
  date: r.date,
  title: { fr: r.titleFr, ar: r.titleAr, ...(r.titleEn ? { en: r.titleEn } : {}) } as TText,
  reference: r.reference,
  bulletin: r.bulletin,
  url: r.url,
});
export type LegalTextView = ReturnType<typeof presentLegalText>;

/** Anyone who writes or reviews procedures somewhere may create a shared legal text. */
export function canManageLegalTexts(ctx: RequestContext): boolean {
  return can(ctx, CATALOG_EDIT) || can(ctx, CATALOG_REVIEW);
}

const KIND_PATTERNS: [RegExp, LegalTextKind][] = [
  [/^\s*dahir/i, 'dahir'],
  [/^\s*loi/i, 'law'],
  [/^\s*d[ée]cret/i, 'decree'],
  [/^\s*arr[êe]t[ée]/i, 'order'],
  [/^\s*circulaire/i, 'circular'],
];
const NUMBER_RE =
  /^\s*(?:loi organique|loi|d[ée]cret|dahir portant loi|dahir|arr[êe]t[ée]|circulaire)\s+n°\s*([0-9]+(?:[-.][0-9]+)+)/i;
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const DATE_RE = new RegExp(`\\((\\d{1,2})(?:er)? (${MONTHS.join('|')}) (\\d{4})\\)`, 'i');

/**
 * Kind, number and date read from a French title (« Décret n° 2-99-665 du 2 chaabane 1423 (9
 * octobre 2002) … »), as the data migration does for the kind and number. What cannot be read is
 * left empty rather than guessed.
 */
export function parseLegalTitle(
  titleFr: string,
  reference?: string,
): { kind: LegalTextKind; number: string | null; date: string | null } {
  const kind = KIND_PATTERNS.find(([re]) => re.test(titleFr))?.[1] ?? 'other';
  const number = NUMBER_RE.exec(titleFr)?.[1] ?? null;
  // The date in the title, else the promulgating dahir's (a law's usual date).
  const d = DATE_RE.exec(titleFr) ?? (reference ? DATE_RE.exec(reference) : null);
  let date: string | null = null;
  if (d) {
    const m = MONTHS.indexOf(d[2]!.toLowerCase()) + 1;
    date = `${d[3]}-${String(m).padStart(2, '0')}-${d[1]!.padStart(2, '0')}`;
  }
  return { kind, number, date };
}

async function insertLegalText(tx: Executor, ctx: RequestContext, input: LegalTextInput): Promise<LegalTextRow | null> {
  const [row] = await tx
    .insert(legalTexts)
    .values({
      id: uuidv7(),
      code: input.code,
      kind: input.kind,
      number: input.number ?? null,
      date: input.date ?? null,
      titleFr: input.title.fr,
      titleAr: input.title.ar,
      titleEn: input.title.en ?? null,
      reference: input.reference ?? null,
      bulletin: input.bulletin ?? null,
      url: input.url ?? null,
      createdBy: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
    })
    .onConflictDoNothing({ target: legalTexts.code })
    .returning();
  if (row)
    await audit(tx, ctx, {
      action: 'catalog.legal_text.created',
      entityType: 'catalog.legal_text',
      entityId: row.id,
      after: { code: row.code, kind: row.kind, number: row.number, date: row.date, title: row.titleFr },
    });
  return row ?? null;
}

/** Creates a shared legal text (409 CATALOG_LEGAL_TEXT_CODE_TAKEN when the code exists). */
export async function createLegalText(tx: Executor, ctx: RequestContext, input: LegalTextInput): Promise<LegalTextRow> {
  if (!canManageLegalTexts(ctx)) throw forbidden(CATALOG_EDIT);
  if (input.date && (input.date < '1900-01-01' || input.date > '2100-12-31'))
    throw badRequest('CATALOG_EFFECTIVE_DATE_INVALID', { date: input.date }, [
      { path: 'date', code: 'CATALOG_EFFECTIVE_DATE_INVALID' },
    ]);
  const row = await insertLegalText(tx, ctx, input);
  if (!row) throw new AppError('CATALOG_LEGAL_TEXT_CODE_TAKEN', 409, { code: input.code });
  return row;
}

/** Shared legal texts matching `q` (code, number or title in any language), most recent first. */
export async function searchLegalTexts(exec: Executor, q: string | undefined, page: number, pageSize: number) {
  const like = q ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = like
    ? sql`WHERE code ILIKE ${like} OR number ILIKE ${like} OR title_fr ILIKE ${like} OR title_ar ILIKE ${like} OR coalesce(title_en, '') ILIKE ${like}`
    : sql``;
  const list = await rows<{
    id: string;
    code: string;
    kind: string;
    number: string | null;
    date: string | null;
    title_fr: string;
    title_ar: string;
    title_en: string | null;
    reference: string | null;
    bulletin: string | null;
    url: string | null;
    total: string | number;
  }>(
    exec,
    sql`SELECT id, code, kind, number, date::text AS date, title_fr, title_ar, title_en, reference, bulletin, url, count(*) OVER () AS total
        FROM catalog.legal_texts ${where}
        ORDER BY (code ILIKE ${q ? `${q.trim()}%` : ''}) DESC, date DESC NULLS LAST, code
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  return {
    items: list.map((r) =>
      presentLegalText({
        id: r.id,
        code: r.code,
        kind: r.kind,
        number: r.number,
        date: r.date,
        titleFr: r.title_fr,
        titleAr: r.title_ar,
        titleEn: r.title_en,
        reference: r.reference,
        bulletin: r.bulletin,
        url: r.url,
      } as LegalTextRow),
    ),
    total: Number(list[0]?.total ?? 0),
  };
}

/** The shared legal texts with these ids. */
export async function legalTextsByIds(exec: Executor, ids: string[]): Promise<Map<string, LegalTextRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const list = await exec.select().from(legalTexts).where(inArray(legalTexts.id, unique));
  return new Map(list.map((r) => [r.id, r]));
}

/**
 * The content with every inline legal-basis entry replaced by a reference to a shared text (the
 * one whose code is the entry's id, else a new one), and every referenced text checked to exist
 * (400 CATALOG_LEGAL_TEXT_UNKNOWN). Entries keep their local id, so items' references do not move.
 */
export async function resolveLegalBasis(tx: Executor, ctx: RequestContext, content: VersionContent): Promise<VersionContent> {
  const known = await legalTextsByIds(
    tx,
    content.legalBasis.flatMap((l) => (l.textId ? [l.textId] : [])),
  );
  const missing = content.legalBasis.flatMap((l, i) => (l.textId && !known.has(l.textId) ? [i] : []));
  if (missing.length)
    throw badRequest(
      'CATALOG_LEGAL_TEXT_UNKNOWN',
      { textId: content.legalBasis[missing[0]!]!.textId },
      missing.map((i) => ({ path: `content.legalBasis[${i}].textId`, code: 'CATALOG_LEGAL_TEXT_UNKNOWN' })),
    );
  const legalBasis: VersionContent['legalBasis'] = [];
  for (const l of content.legalBasis) {
    if (l.textId) {
      legalBasis.push({ id: l.id, textId: l.textId });
      continue;
    }
    if (!l.title) {
      legalBasis.push(l);
      continue;
    }
    const [existing] = await tx
      .select({ id: legalTexts.id })
      .from(legalTexts)
      .where(sql`${legalTexts.code} = ${l.id}`);
    let textId = existing?.id;
    if (!textId) {
      const parsed = parseLegalTitle(l.title.fr, l.reference);
      const created = await insertLegalText(tx, ctx, {
        code: l.id,
        kind: l.kind ?? parsed.kind,
        ...((l.number ?? parsed.number) ? { number: (l.number ?? parsed.number)! } : {}),
        ...((l.date ?? parsed.date) ? { date: (l.date ?? parsed.date)! } : {}),
        title: l.title,
        ...(l.reference ? { reference: l.reference } : {}),
        ...(l.bulletin ? { bulletin: l.bulletin } : {}),
        ...(l.url ? { url: l.url } : {}),
      });
      // A concurrent save created it first: use that one.
      textId =
        created?.id ??
        (
          await tx
            .select({ id: legalTexts.id })
            .from(legalTexts)
            .where(sql`${legalTexts.code} = ${l.id}`)
        )[0]?.id;
    }
    legalBasis.push({ id: l.id, textId: textId! });
  }
  return { ...content, legalBasis };
}
