/**
 * Synonyms and abbreviations people type (term → expansion), per language of the term: French,
 * Arabic, or darija in Latin letters. Kept in `catalog.synonyms`, editable by editors (from the
 * gap report), and held by the in-process search index (engine.ts), which reloads them when the
 * table changes.
 */
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../../core/db/client';
import { markSearchIndexesStale } from './engine';
import { foldText } from './text';

export type SynonymLang = 'fr' | 'ar' | 'darija';
export const SYNONYM_LANGS = ['fr', 'ar', 'darija'] as const;

/** The starting list, loaded by `seedSynonyms` (idempotent). */
export const SEED_SYNONYMS: { lang: SynonymLang; term: string; expansion: string }[] = [
  // Identity
  { lang: 'fr', term: 'CIN', expansion: "carte nationale d'identité" },
  { lang: 'fr', term: 'CNIE', expansion: "carte nationale d'identité électronique" },
  { lang: 'fr', term: "carte d'identité", expansion: "carte nationale d'identité" },
  { lang: 'fr', term: 'pièce d’identité', expansion: "carte nationale d'identité" },
  { lang: 'darija', term: 'bitaka', expansion: 'البطاقة الوطنية' },
  { lang: 'darija', term: 'lbitaka', expansion: 'البطاقة الوطنية' },
  { lang: 'ar', term: 'لاكارط', expansion: 'البطاقة الوطنية للتعريف' },
  { lang: 'ar', term: 'البطاقة', expansion: 'البطاقة الوطنية للتعريف الإلكترونية' },
  // Travel
  { lang: 'darija', term: 'jawaz', expansion: 'passeport' },
  { lang: 'darija', term: 'jawaz safar', expansion: 'passeport' },
  { lang: 'darija', term: 'passpor', expansion: 'passeport' },
  { lang: 'fr', term: 'passport', expansion: 'passeport' },
  { lang: 'ar', term: 'باسبور', expansion: 'جواز السفر' },
  { lang: 'ar', term: 'الباسبور', expansion: 'جواز السفر' },
  // Civil status
  { lang: 'darija', term: 'lkonnach', expansion: 'livret de famille' },
  { lang: 'darija', term: 'konnach', expansion: 'livret de famille' },
  { lang: 'darija', term: 'kounach', expansion: 'livret de famille' },
  { lang: 'ar', term: 'الكناش', expansion: 'الدفتر العائلي' },
  { lang: 'ar', term: 'كناش الحالة المدنية', expansion: 'الدفتر العائلي' },
  { lang: 'darija', term: '3a9d', expansion: 'acte de naissance' },
  { lang: 'darija', term: 'aqd izdiyad', expansion: 'acte de naissance' },
  { lang: 'darija', term: 'rasm lwilada', expansion: 'acte de naissance' },
  { lang: 'ar', term: 'عقد الازدياد', expansion: 'رسم الولادة' },
  { lang: 'ar', term: 'عقد الولادة', expansion: 'رسم الولادة' },
  { lang: 'fr', term: 'extrait de naissance', expansion: "extrait d'acte de naissance" },
  { lang: 'darija', term: 'zwaj', expansion: 'mariage' },
  { lang: 'darija', term: 'zawaj', expansion: 'mariage' },
  { lang: 'darija', term: 'lwafat', expansion: 'décès' },
  { lang: 'darija', term: 'wafat', expansion: 'décès' },
  // Certificates
  { lang: 'darija', term: 'chahada', expansion: 'certificat attestation' },
  { lang: 'darija', term: 'chahadat sokna', expansion: 'certificat de résidence' },
  { lang: 'darija', term: 'sokna', expansion: 'résidence' },
  { lang: 'darija', term: 'chahadat l7ayat', expansion: 'certificat de vie' },
  { lang: 'darija', term: 'l7ayat', expansion: 'vie' },
  { lang: 'darija', term: 'hayat', expansion: 'vie' },
  { lang: 'darija', term: '3azob', expansion: 'célibat' },
  { lang: 'darija', term: 'azob', expansion: 'célibat' },
  { lang: 'darija', term: 'tasdi9', expansion: 'légalisation de signature' },
  { lang: 'darija', term: 'tasdiq', expansion: 'légalisation de signature' },
  { lang: 'darija', term: 'mota9a', expansion: 'copie conforme' },
  { lang: 'darija', term: 'motabaqa', expansion: 'copie conforme' },
  { lang: 'fr', term: 'légalisation', expansion: 'légalisation de signature' },
  { lang: 'fr', term: 'copie certifiée', expansion: 'copie conforme' },
  { lang: 'fr', term: 'casier', expansion: 'casier judiciaire' },
  { lang: 'fr', term: 'fiche anthropométrique', expansion: 'casier judiciaire' },
  { lang: 'darija', term: 'sabi9a', expansion: 'casier judiciaire' },
  { lang: 'darija', term: 'sabiqa', expansion: 'casier judiciaire' },
  { lang: 'darija', term: 'l3adli', expansion: 'casier judiciaire' },
  { lang: 'darija', term: 'jinsiya', expansion: 'nationalité' },
  { lang: 'darija', term: 'jensiya', expansion: 'nationalité' },
  // Transport
  { lang: 'darija', term: 'rokhsa', expansion: 'permis de conduire' },
  { lang: 'darija', term: 'ro5sa', expansion: 'permis de conduire' },
  { lang: 'darija', term: 'permi', expansion: 'permis de conduire' },
  { lang: 'fr', term: 'permis', expansion: 'permis de conduire' },
  { lang: 'ar', term: 'البيرمي', expansion: 'رخصة السياقة' },
  { lang: 'fr', term: 'carte grise', expansion: "certificat d'immatriculation" },
  { lang: 'darija', term: 'lcarte grise', expansion: "certificat d'immatriculation" },
  { lang: 'darija', term: 'karti griz', expansion: "certificat d'immatriculation" },
  { lang: 'ar', term: 'البطاقة الرمادية', expansion: 'شهادة التسجيل' },
  { lang: 'fr', term: 'mutation', expansion: 'transfert de propriété' },
  { lang: 'darija', term: 'tomobil', expansion: 'véhicule' },
  { lang: 'darija', term: 'tonobil', expansion: 'véhicule' },
  { lang: 'fr', term: 'voiture', expansion: 'véhicule' },
  // Urbanism
  { lang: 'darija', term: 'rokhsat lbni', expansion: 'permis de construire' },
  { lang: 'darija', term: 'lbni', expansion: 'construire construction' },
  { lang: 'fr', term: 'permis de bâtir', expansion: 'permis de construire' },
  { lang: 'fr', term: 'autorisation de construire', expansion: 'permis de construire' },
  { lang: 'fr', term: 'certificat de conformité', expansion: "permis d'habiter" },
  { lang: 'darija', term: 'sokna permis', expansion: "permis d'habiter" },
  { lang: 'fr', term: 'lotissement', expansion: 'autorisation de lotir' },
  // Company, tax, social
  { lang: 'fr', term: 'RC', expansion: 'registre de commerce' },
  { lang: 'fr', term: 'registre du commerce', expansion: 'registre de commerce' },
  { lang: 'fr', term: 'ICE', expansion: "identifiant commun de l'entreprise" },
  { lang: 'fr', term: 'IF', expansion: 'identifiant fiscal' },
  { lang: 'fr', term: 'patente', expansion: 'taxe professionnelle' },
  { lang: 'darija', term: 'batenta', expansion: 'taxe professionnelle' },
  { lang: 'darija', term: 'patenta', expansion: 'taxe professionnelle' },
  { lang: 'ar', term: 'الباتانتا', expansion: 'الرسم المهني' },
  { lang: 'ar', term: 'الباتنتا', expansion: 'الرسم المهني' },
  { lang: 'fr', term: 'TVA', expansion: 'taxe sur la valeur ajoutée' },
  { lang: 'fr', term: 'CNSS', expansion: 'caisse nationale de sécurité sociale' },
  { lang: 'fr', term: 'affiliation', expansion: 'affiliation employeur CNSS' },
  { lang: 'fr', term: 'CRI', expansion: "centre régional d'investissement" },
  { lang: 'fr', term: 'OMPIC', expansion: 'certificat négatif' },
  { lang: 'fr', term: 'nom commercial', expansion: 'certificat négatif' },
  { lang: 'fr', term: 'créer une société', expansion: "création d'entreprise" },
  { lang: 'fr', term: 'créer une entreprise', expansion: "création d'entreprise" },
  { lang: 'fr', term: 'SARL', expansion: "création d'entreprise" },
  { lang: 'darija', term: 'charika', expansion: 'société entreprise' },
  { lang: 'darija', term: 'char9a', expansion: 'société entreprise' },
  { lang: 'fr', term: 'attestation fiscale', expansion: 'attestation de régularité fiscale' },
  { lang: 'fr', term: 'quitus fiscal', expansion: 'attestation de régularité fiscale' },
  { lang: 'fr', term: 'autoentrepreneur', expansion: 'auto-entrepreneur' },
  { lang: 'fr', term: 'auto entrepreneur', expansion: 'auto-entrepreneur' },
  { lang: 'ar', term: 'المقاول الذاتي', expansion: 'نظام المقاول الذاتي' },
  { lang: 'darija', term: 'dariba', expansion: 'impôt taxe' },
  { lang: 'fr', term: 'impôts', expansion: 'fiscalité taxe' },
  // Education, elections, MRE
  { lang: 'darija', term: 'minha', expansion: 'bourse' },
  { lang: 'darija', term: 'lmin7a', expansion: 'bourse' },
  { lang: 'darija', term: 'min7a', expansion: 'bourse' },
  { lang: 'ar', term: 'المنحة', expansion: 'منحة التعليم العالي' },
  { lang: 'darija', term: 'intikhabat', expansion: 'listes électorales' },
  { lang: 'darija', term: 'lintikhabat', expansion: 'listes électorales' },
  { lang: 'fr', term: 'voter', expansion: 'listes électorales' },
  { lang: 'fr', term: 'MRE', expansion: "Marocains résidant à l'étranger" },
  { lang: 'fr', term: 'immatriculation consulaire', expansion: 'immatriculation consulaire' },
  { lang: 'fr', term: 'consulat', expansion: 'immatriculation consulaire' },
  { lang: 'fr', term: 'ODP', expansion: 'occupation temporaire du domaine public' },
  { lang: 'fr', term: 'terrasse', expansion: 'occupation temporaire du domaine public' },
];

export interface Synonym {
  id: string;
  lang: SynonymLang;
  term: string;
  termFolded: string;
  expansion: string;
  expansionFolded: string;
  createdAt: string;
}

/**
 * A synonym was added or removed here: this instance's search index reloads the synonyms before
 * its next answer (other instances within a second, by their change marker).
 */
export function invalidateSynonyms(): void {
  markSearchIndexesStale();
}

/** Loads the starting list (idempotent: existing term/expansion pairs are kept). */
export async function seedSynonyms(exec: Executor): Promise<void> {
  const list = SEED_SYNONYMS.map((s) => ({
    id: uuidv7(),
    lang: s.lang,
    term: s.term,
    term_folded: foldText(s.term),
    expansion: s.expansion,
    expansion_folded: foldText(s.expansion),
  }));
  await exec.execute(sql`
    INSERT INTO catalog.synonyms (id, lang, term, term_folded, expansion, expansion_folded)
    SELECT (s->>'id')::uuid, s->>'lang', s->>'term', s->>'term_folded', s->>'expansion', s->>'expansion_folded'
    FROM json_array_elements(${JSON.stringify(list)}::json) AS s
    ON CONFLICT (lang, term_folded, expansion_folded) DO NOTHING`);
  invalidateSynonyms();
}
