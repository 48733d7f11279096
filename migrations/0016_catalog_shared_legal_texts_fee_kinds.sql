-- Data (issue 4, ADR 0022): every fee gets its kind: 0 MAD → free, otherwise fixed.
UPDATE "catalog"."versions" v SET "content" = jsonb_set(v."content", '{fees}', (
  SELECT coalesce(jsonb_agg(CASE WHEN f ? 'kind' THEN f
    WHEN coalesce((f->>'amountMad')::numeric, 0) = 0 THEN (f - 'amountMad') || '{"kind":"free"}'::jsonb
    ELSE f || '{"kind":"fixed"}'::jsonb END ORDER BY o), '[]'::jsonb)
  FROM jsonb_array_elements(v."content"->'fees') WITH ORDINALITY AS x(f, o)))
WHERE jsonb_typeof(v."content"->'fees') = 'array' AND jsonb_array_length(v."content"->'fees') > 0;
--> statement-breakpoint
-- Data: the legal texts written inline in versions become shared texts, one per code (the local id), the most complete copy kept.
INSERT INTO "catalog"."legal_texts" ("id", "code", "kind", "number", "title_fr", "title_ar", "title_en", "reference", "bulletin", "url")
SELECT DISTINCT ON (l->>'id') gen_random_uuid(), l->>'id',
  CASE WHEN l->'title'->>'fr' ~* '^\s*dahir' THEN 'dahir' WHEN l->'title'->>'fr' ~* '^\s*loi' THEN 'law'
       WHEN l->'title'->>'fr' ~* '^\s*d[ée]cret' THEN 'decree' WHEN l->'title'->>'fr' ~* '^\s*arr[êe]t[ée]' THEN 'order'
       WHEN l->'title'->>'fr' ~* '^\s*circulaire' THEN 'circular' ELSE 'other' END,
  (regexp_match(l->'title'->>'fr', '^\s*(?:loi organique|loi|d[ée]cret|dahir portant loi|dahir|arr[êe]t[ée]|circulaire)\s+n°\s*([0-9]+(?:[-.][0-9]+)+)', 'i'))[1],
  l->'title'->>'fr', l->'title'->>'ar', l->'title'->>'en', l->>'reference', l->>'bulletin', l->>'url'
FROM "catalog"."versions" v, jsonb_array_elements(CASE WHEN jsonb_typeof(v."content"->'legalBasis') = 'array' THEN v."content"->'legalBasis' ELSE '[]'::jsonb END) l
WHERE l ? 'title' AND NOT (l ? 'textId')
ORDER BY l->>'id', (l ? 'bulletin') DESC, (l ? 'reference') DESC, v."published_at" DESC NULLS LAST, v."number" DESC
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
UPDATE "catalog"."versions" v SET "content" = jsonb_set(v."content", '{legalBasis}', (
  SELECT coalesce(jsonb_agg(CASE WHEN l ? 'textId' OR lt."id" IS NULL THEN l ELSE jsonb_build_object('id', l->>'id', 'textId', lt."id") END ORDER BY o), '[]'::jsonb)
  FROM jsonb_array_elements(v."content"->'legalBasis') WITH ORDINALITY AS x(l, o)
  LEFT JOIN "catalog"."legal_texts" lt ON lt."code" = l->>'id'))
WHERE jsonb_typeof(v."content"->'legalBasis') = 'array' AND jsonb_array_length(v."content"->'legalBasis') > 0;
--> statement-breakpoint
-- Language flags on the inline titles no longer apply (the shared text has one title per language).
UPDATE "catalog"."versions" SET "stale" = coalesce((SELECT jsonb_agg(s) FROM jsonb_array_elements("stale") s WHERE s->>'field' NOT LIKE 'legalBasis%'), '[]'::jsonb)
WHERE "stale"::text LIKE '%legalBasis%';
--> statement-breakpoint
-- Items keep their ids and keys: their copy of the fee, its kind, and the legal text they cite.
UPDATE "catalog"."items" i SET "fee_kind" = f->>'kind', "data" = f,
  "amount_centimes" = CASE WHEN f->>'kind' = 'free' THEN 0 ELSE i."amount_centimes" END
FROM "catalog"."versions" v, jsonb_array_elements(v."content"->'fees') f
WHERE i."kind" = 'fee' AND v."id" = i."version_id" AND f->>'key' = i."key";
--> statement-breakpoint
UPDATE "catalog"."items" i SET "legal_text_id" = lt."id", "legal_article" = i."data"->'legal'->>'article'
FROM "catalog"."versions" v, jsonb_array_elements(v."content"->'legalBasis') l, "catalog"."legal_texts" lt
WHERE v."id" = i."version_id" AND i."data" ? 'legal' AND l->>'id' = i."data"->'legal'->>'ref' AND lt."id" = (l->>'textId')::uuid;
