/**
 * The demo catalog's own checks (issue 4), without a database: at least 60 procedures, every
 * procedure the issue names, each text in French and in Arabic (Arabic script in the Arabic, none
 * in the French), legal references and related procedures that resolve — every required document,
 * fee and delay names the text of its procedure behind it — and a relevance set of at least 80
 * queries in French, Arabic and darija.
 */
import { describe, expect, it } from 'vitest';
import { VersionContentSchema } from '../contract';
import { contentOf } from '../seed';
import { demoProcedures, relevanceSet } from './index';
import type { Fee, RequiredDocument } from './types';

/** The procedures issue 4 names, by slug. */
const REQUIRED: Record<string, string> = {
  'carte-nationale-identite-premiere-demande': 'electronic national identity card, first request',
  'carte-nationale-identite-renouvellement': 'electronic national identity card, renewal',
  'passeport-biometrique': 'biometric passport',
  'declaration-naissance': 'birth declaration',
  'extrait-acte-naissance': 'birth certificate extract',
  'copie-integrale-acte-naissance': 'birth certificate full copy',
  'declaration-deces': 'death declaration',
  'dossier-mariage': 'marriage file',
  'livret-famille': 'family booklet',
  'certificat-residence': 'residence certificate',
  'certificat-vie': 'life certificate',
  'certificat-celibat': 'certificate of celibacy',
  'legalisation-signature': 'signature legalisation',
  'copie-conforme': 'certified true copy',
  'extrait-casier-judiciaire': 'criminal record extract',
  'permis-de-conduire': 'driving licence',
  'immatriculation-vehicule': 'vehicle registration',
  'mutation-vehicule': 'vehicle transfer',
  'permis-de-construire': 'building permit',
  'permis-habiter': 'occupancy permit',
  'autorisation-de-lotir': 'subdivision authorisation',
  'autorisation-exercice-activite-economique': 'economic-activity authorisation',
  'occupation-temporaire-domaine-public-communal': 'temporary occupation of public land',
  'inscription-listes-electorales': 'registration on the electoral rolls',
  'bourse-enseignement-superieur-minhaty': 'higher-education grant',
  'immatriculation-consulaire': 'consular registration for Moroccans abroad',
  'certificat-nationalite': 'nationality certificate',
  'creation-entreprise-cri': 'company creation at the regional investment centre',
  'certificat-negatif': 'negative certificate (OMPIC)',
  'immatriculation-registre-commerce': 'commercial register',
  'identifiant-fiscal-taxe-professionnelle': 'tax identifier and professional tax',
  'identifiant-commun-entreprise-ice': 'common company identifier (ICE)',
  'affiliation-employeur-cnss': 'employer affiliation to the CNSS',
  'attestation-regularite-fiscale': 'tax compliance certificate',
  'declaration-tva': 'VAT declaration',
  'statut-auto-entrepreneur': 'auto-entrepreneur status',
};

const ARABIC = /[\u0600-\u06FF]/;
const LATIN_WORD = /[A-Za-zÀ-ÿ]{3,}/;

/** Every bilingual text of a procedure, with its path (keywords are lists, not texts). */
function texts(value: unknown, path: string, out: { path: string; fr: string; ar: string }[]) {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.fr === 'string' && typeof o.ar === 'string') out.push({ path, fr: o.fr, ar: o.ar });
    else for (const [k, v] of Object.entries(o)) if (k !== 'keywords') texts(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

describe('demo catalog content', () => {
  it('has at least 60 procedures with unique slugs, including every procedure issue 4 names', () => {
    const slugs = demoProcedures.map((p) => p.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(slugs).size).toBe(slugs.length);
    const missing = Object.entries(REQUIRED)
      .filter(([slug]) => !slugs.includes(slug))
      .map(([slug, what]) => `${what} (${slug})`);
    expect(missing).toEqual([]);
  });

  it('writes every text in French and in Arabic, each in its own script', () => {
    const bad: string[] = [];
    for (const p of demoProcedures)
      for (const x of texts(p, '', [])) {
        if (!x.fr.trim() || !x.ar.trim()) bad.push(`${p.slug} ${x.path}: empty`);
        else if (!ARABIC.test(x.ar)) bad.push(`${p.slug} ${x.path}: the Arabic has no Arabic letter`);
        else if (ARABIC.test(x.fr)) bad.push(`${p.slug} ${x.path}: the French has Arabic letters`);
      }
    expect(bad).toEqual([]);
    // A procedure's title and summary are real sentences in both languages, not copies.
    for (const p of demoProcedures) {
      expect(p.title.fr, p.slug).toMatch(LATIN_WORD);
      expect(p.summary.ar.length, p.slug).toBeGreaterThan(20);
      expect(p.keywords.fr.length + p.keywords.ar.length, p.slug).toBeGreaterThan(0);
    }
  });

  it('gives every procedure documents, steps and a legal basis; its references and related procedures resolve', () => {
    const slugs = new Set(demoProcedures.map((p) => p.slug));
    const bad: string[] = [];
    for (const p of demoProcedures) {
      if (!p.steps.length) bad.push(`${p.slug}: no step`);
      if (!p.legalBasis.length) bad.push(`${p.slug}: no legal basis`);
      if (!p.channels.length) bad.push(`${p.slug}: no channel`);
      const ids = new Set(p.legalBasis.map((l) => l.id));
      for (const x of [...p.documents, ...p.fees, p.delay])
        if (x.legal && !ids.has(x.legal.ref)) bad.push(`${p.slug}: unknown legal ref ${x.legal.ref}`);
      for (const r of p.related) if (!slugs.has(r) || r === p.slug) bad.push(`${p.slug}: related ${r}`);
      // What the seed stores: the content schema of a version.
      const parsed = VersionContentSchema.safeParse(contentOf(p, slugs));
      if (!parsed.success) bad.push(`${p.slug}: ${parsed.error.message.slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
  });

  it('gives every required document, fee and delay a legal reference to a text of its procedure (issue 4)', () => {
    // Articles stay optional (an unknown article is left out, with an editorNote, rather than guessed).
    const bad: string[] = [];
    for (const p of demoProcedures) {
      const ids = new Set(p.legalBasis.map((l) => l.id));
      const items: [string, { legal?: { ref: string; article?: string } }][] = [
        ...p.documents.map((d): [string, RequiredDocument] => [`document ${d.key}`, d]),
        ...p.fees.map((f): [string, Fee] => [`fee ${f.key}`, f]),
        ['delay', p.delay],
      ];
      for (const [what, x] of items) {
        if (!x.legal?.ref) bad.push(`${p.slug} ${what}: no legal reference`);
        else if (!ids.has(x.legal.ref)) bad.push(`${p.slug} ${what}: ${x.legal.ref} is not in its legal basis`);
        else if (x.legal.article !== undefined && !x.legal.article.trim()) bad.push(`${p.slug} ${what}: empty article`);
      }
      const d = p.delay;
      if (d.legalDays !== undefined && (!(d.legalDays > 0) || !d.legalUnit))
        bad.push(`${p.slug} delay: legalDays without a unit`);
    }
    expect(bad).toEqual([]);
  });

  it('has a relevance set of at least 80 queries in French, Arabic and darija, with typos', () => {
    expect(relevanceSet.length).toBeGreaterThanOrEqual(80);
    const langs = new Set(relevanceSet.map((q) => q.lang));
    for (const l of ['fr', 'ar', 'darija'] as const) expect(langs.has(l), l).toBe(true);
    expect(relevanceSet.some((q) => q.kind === 'typo')).toBe(true);
  });
});
