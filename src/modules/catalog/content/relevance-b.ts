import type { RelevanceQuery } from './types';

/**
 * Relevance set, batch B (urbanism, economic activity, public land, company creation, tax, social security):
 * what people actually type, in French (with typos, without accents, abbreviations), Arabic (spelling variants),
 * darija in Latin letters, and across languages. `expected`: any of the slugs in the top 3 counts.
 */
export const relevanceB: RelevanceQuery[] = [
  // French
  { query: 'permis de construir', lang: 'fr', kind: 'typo', expected: ['permis-de-construire'] },
  { query: 'autorisation construction maison', lang: 'fr', kind: 'synonym', expected: ['permis-de-construire'] },
  { query: "permis d'habiter", lang: 'fr', kind: 'plain', expected: ['permis-habiter'] },
  { query: 'lotisement terrain', lang: 'fr', kind: 'typo', expected: ['autorisation-de-lotir'] },
  { query: 'certificat negatif', lang: 'fr', kind: 'plain', expected: ['certificat-negatif'] },
  { query: 'inscription RC', lang: 'fr', kind: 'abbreviation', expected: ['immatriculation-registre-commerce'] },
  { query: 'ICE entreprise', lang: 'fr', kind: 'abbreviation', expected: ['identifiant-commun-entreprise-ice'] },
  { query: 'declaration TVA', lang: 'fr', kind: 'abbreviation', expected: ['declaration-tva'] },
  { query: 'patente', lang: 'fr', kind: 'synonym', expected: ['identifiant-fiscal-taxe-professionnelle'] },
  { query: 'auto entreprneur', lang: 'fr', kind: 'typo', expected: ['statut-auto-entrepreneur'] },
  { query: 'affiliation cnss employeur', lang: 'fr', kind: 'plain', expected: ['affiliation-employeur-cnss'] },
  { query: 'attestation regularite fiscale', lang: 'fr', kind: 'plain', expected: ['attestation-regularite-fiscale'] },
  {
    query: 'creer une societe',
    lang: 'fr',
    kind: 'stemming',
    expected: ['creation-entreprise-cri', 'creation-entreprise-en-ligne'],
  },
  {
    query: 'terrasse cafe sur le trottoir',
    lang: 'fr',
    kind: 'synonym',
    expected: ['occupation-temporaire-domaine-public-communal'],
  },
  { query: 'ouvrir un restaurent', lang: 'fr', kind: 'typo', expected: ['autorisation-cafe-restaurant'] },
  { query: 'impot sur les societes', lang: 'fr', kind: 'plain', expected: ['declaration-impot-societes'] },
  { query: 'démolir une maison', lang: 'fr', kind: 'stemming', expected: ['permis-de-demolir'] },
  { query: 'declaration IR revenus', lang: 'fr', kind: 'abbreviation', expected: ['declaration-impot-revenu'] },
  { query: 'déposer une marque', lang: 'fr', kind: 'stemming', expected: ['depot-marque-ompic'] },

  { query: 'fermer ma societe', lang: 'fr', kind: 'stemming', expected: ['radiation-registre-commerce'] },
  { query: 'note de renseignement urbanistique', lang: 'fr', kind: 'stemming', expected: ['note-renseignements-urbanistiques'] },

  { query: 'payer vignete voiture', lang: 'fr', kind: 'typo', expected: ['vignette-automobile-tsava'] },

  // Arabic
  { query: 'رخصة البناء', lang: 'ar', kind: 'plain', expected: ['permis-de-construire'] },
  { query: 'رخصه السكن', lang: 'ar', kind: 'variant', expected: ['permis-habiter'] },
  { query: 'الاذن باحداث تجزئه عقاريه', lang: 'ar', kind: 'variant', expected: ['autorisation-de-lotir'] },
  { query: 'شهادة سلبية', lang: 'ar', kind: 'variant', expected: ['certificat-negatif'] },
  { query: 'السجل التجاري', lang: 'ar', kind: 'plain', expected: ['immatriculation-registre-commerce'] },
  { query: 'التعريف الموحد للمقاولة', lang: 'ar', kind: 'plain', expected: ['identifiant-commun-entreprise-ice'] },
  { query: 'التصريح بالضريبة على القيمة المضافة', lang: 'ar', kind: 'synonym', expected: ['declaration-tva'] },
  { query: 'الرسم المهني', lang: 'ar', kind: 'plain', expected: ['identifiant-fiscal-taxe-professionnelle'] },
  { query: 'مقاول ذاتي', lang: 'ar', kind: 'variant', expected: ['statut-auto-entrepreneur'] },
  { query: 'الانخراط في الضمان الاجتماعي', lang: 'ar', kind: 'plain', expected: ['affiliation-employeur-cnss'] },
  { query: 'شهاده الوضعيه الجبائيه', lang: 'ar', kind: 'variant', expected: ['attestation-regularite-fiscale'] },
  {
    query: 'انشاء شركه',
    lang: 'ar',
    kind: 'variant',
    expected: ['creation-entreprise-cri', 'creation-entreprise-en-ligne'],
  },
  { query: 'احتلال الملك العمومي', lang: 'ar', kind: 'synonym', expected: ['occupation-temporaire-domaine-public-communal'] },
  { query: 'رخصة فتح مقهى', lang: 'ar', kind: 'plain', expected: ['autorisation-cafe-restaurant'] },
  { query: 'رخصـــة الهدم', lang: 'ar', kind: 'variant', expected: ['permis-de-demolir'] },
  { query: 'تسجيل الأُجَراء في الضمان الاجتماعي', lang: 'ar', kind: 'variant', expected: ['immatriculation-salarie-cnss'] },
  { query: 'لوحة إشهارية', lang: 'ar', kind: 'plain', expected: ['autorisation-enseigne-publicitaire'] },
  { query: 'الضريبه علي الدخل', lang: 'ar', kind: 'variant', expected: ['declaration-impot-revenu'] },
  { query: 'رخصة الاصلاح', lang: 'ar', kind: 'variant', expected: ['autorisation-refection'] },
  { query: 'تقسيم الارض', lang: 'ar', kind: 'variant', expected: ['autorisation-morcellement'] },
  { query: 'مذكرة المعلومات التعميرية', lang: 'ar', kind: 'plain', expected: ['note-renseignements-urbanistiques'] },

  { query: 'التسجيل في بوابة الصفقات العمومية', lang: 'ar', kind: 'plain', expected: ['inscription-portail-marches-publics'] },
  { query: 'شهادة الانخراط في الضمان الاجتماعي', lang: 'ar', kind: 'plain', expected: ['attestation-affiliation-cnss'] },

  { query: 'الضريبة الخصوصية على السيارات', lang: 'ar', kind: 'plain', expected: ['vignette-automobile-tsava'] },

  // Darija in Latin letters
  { query: 'rokhsa dyal lbni', lang: 'darija', kind: 'plain', expected: ['permis-de-construire'] },
  { query: 'lpatente', lang: 'darija', kind: 'synonym', expected: ['identifiant-fiscal-taxe-professionnelle'] },
  {
    query: 'ndir charika',
    lang: 'darija',
    kind: 'plain',
    expected: ['creation-entreprise-cri', 'creation-entreprise-en-ligne'],
  },
  { query: 'bghit ndir auto entrepreneur', lang: 'darija', kind: 'plain', expected: ['statut-auto-entrepreneur'] },
  { query: 'rokhsat l9ahwa', lang: 'darija', kind: 'plain', expected: ['autorisation-cafe-restaurant'] },
  { query: 'tajzi2a', lang: 'darija', kind: 'plain', expected: ['autorisation-de-lotir'] },
  { query: 'sijil tijari', lang: 'darija', kind: 'plain', expected: ['immatriculation-registre-commerce'] },
  { query: 'nsjel l5dam f cnss', lang: 'darija', kind: 'plain', expected: ['immatriculation-salarie-cnss'] },
  { query: 'rokhsa nfte7 hanout', lang: 'darija', kind: 'plain', expected: ['autorisation-exercice-activite-economique'] },
  { query: 'rokhsat sokna', lang: 'darija', kind: 'plain', expected: ['permis-habiter'] },

  { query: 'attestation cnss', lang: 'darija', kind: 'plain', expected: ['attestation-affiliation-cnss'] },
  { query: 'nsed charika', lang: 'darija', kind: 'plain', expected: ['radiation-registre-commerce'] },

  { query: 'nkhless lvignette', lang: 'darija', kind: 'plain', expected: ['vignette-automobile-tsava'] },

  // Across languages
  {
    query: 'رخصة مزاولة نشاط تجاري',
    lang: 'ar',
    kind: 'crosslang',
    display: 'fr',
    expected: ['autorisation-exercice-activite-economique'],
  },
  { query: 'الشهادة السلبية', lang: 'ar', kind: 'crosslang', display: 'fr', expected: ['certificat-negatif'] },
  { query: 'المقاول الذاتي', lang: 'ar', kind: 'crosslang', display: 'fr', expected: ['statut-auto-entrepreneur'] },
  {
    query: 'taxe professionnelle',
    lang: 'fr',
    kind: 'crosslang',
    display: 'ar',
    expected: ['identifiant-fiscal-taxe-professionnelle'],
  },
  {
    query: 'registre de commerce',
    lang: 'fr',
    kind: 'crosslang',
    display: 'ar',
    expected: ['immatriculation-registre-commerce'],
  },
];
