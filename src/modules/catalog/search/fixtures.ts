/** Small search documents for the search tests (real procedures, shortened). */
import type { SearchDocument } from './indexer';

export const FIXTURE_ORG = { id: '0190f0aa-0000-7000-8000-000000000001', path: '/0190f0aa-0000-7000-8000-000000000001/' };
export const FIXTURE_ORG_B = {
  id: '0190f0aa-0000-7000-8000-000000000002',
  path: '/0190f0aa-0000-7000-8000-000000000001/0190f0aa-0000-7000-8000-000000000002/',
};

let n = 0;
const uid = () => `0190f0bb-0000-7000-8000-${String(++n).padStart(12, '0')}`;

function doc(
  slug: string,
  title: SearchDocument['title'],
  summary: SearchDocument['summary'],
  extra: Partial<SearchDocument> = {},
): SearchDocument {
  return {
    procedureId: uid(),
    versionId: uid(),
    slug,
    ownerOrgId: FIXTURE_ORG.id,
    ownerOrgPath: FIXTURE_ORG.path,
    audiences: ['citizens'],
    categories: ['identity'],
    lifeEvents: [],
    title,
    summary,
    keywords: { fr: [], ar: [], darija: [] },
    body: { fr: '', ar: '' },
    orgNames: [],
    publishedAt: new Date('2026-01-15T10:00:00Z'),
    ...extra,
  };
}

export function fixtureDocuments(): SearchDocument[] {
  return [
    doc(
      'cnie-premiere-demande',
      {
        fr: "Carte nationale d'identité électronique : première demande",
        ar: 'البطاقة الوطنية للتعريف الإلكترونية: الطلب الأول',
      },
      {
        fr: "Obtenir pour la première fois la carte nationale d'identité électronique (CNIE) auprès de la DGSN.",
        ar: 'الحصول لأول مرة على البطاقة الوطنية للتعريف الإلكترونية لدى المديرية العامة للأمن الوطني.',
      },
      {
        keywords: { fr: ['CIN', 'CNIE', 'carte d’identité'], ar: ['البطاقة الوطنية'], darija: ['bitaka', 'lbitaka'] },
        body: {
          fr: "Extrait d'acte de naissance. Certificat de résidence. Photos d'identité.",
          ar: 'نسخة موجزة من رسم الولادة. شهادة السكنى.',
        },
      },
    ),
    doc(
      'passeport-biometrique',
      { fr: 'Passeport biométrique', ar: 'جواز السفر البيومتري', en: 'Biometric passport' },
      {
        fr: 'Demander ou renouveler le passeport biométrique marocain.',
        ar: 'طلب أو تجديد جواز السفر البيومتري المغربي.',
        en: 'Apply for or renew the Moroccan biometric passport.',
      },
      {
        categories: ['travel'],
        keywords: { fr: ['passeport', 'voyage'], ar: ['جواز'], darija: ['jawaz', 'passpor'] },
        body: { fr: "Timbre de 500 dirhams. Carte nationale d'identité.", ar: 'تنبر بقيمة 500 درهم.' },
      },
    ),
    doc(
      'extrait-acte-naissance',
      { fr: "Extrait d'acte de naissance", ar: 'نسخة موجزة من رسم الولادة' },
      {
        fr: "Obtenir un extrait d'acte de naissance auprès du bureau d'état civil.",
        ar: 'الحصول على نسخة موجزة من رسم الولادة من مكتب الحالة المدنية.',
      },
      { categories: ['civil_status'], keywords: { fr: ['acte de naissance'], ar: ['عقد الازدياد'], darija: ['3a9d'] } },
    ),
    doc(
      'permis-de-conduire',
      { fr: 'Permis de conduire', ar: 'رخصة السياقة' },
      { fr: 'Passer le permis de conduire électronique.', ar: 'اجتياز رخصة السياقة الإلكترونية.' },
      {
        categories: ['transport'],
        keywords: { fr: ['permis'], ar: ['رخصة'], darija: ['rokhsa'] },
        body: { fr: 'Certificat médical. Examen théorique et pratique.', ar: 'شهادة طبية.' },
      },
    ),
    doc(
      'taxe-professionnelle',
      { fr: 'Inscription à la taxe professionnelle', ar: 'التسجيل في الرسم المهني' },
      {
        fr: 'Déclarer le début d’activité pour la taxe professionnelle (ex-patente).',
        ar: 'التصريح بمزاولة النشاط للرسم المهني.',
      },
      {
        audiences: ['companies'],
        categories: ['tax'],
        ownerOrgId: FIXTURE_ORG_B.id,
        ownerOrgPath: FIXTURE_ORG_B.path,
        keywords: { fr: ['patente'], ar: ['الباتنتا'], darija: [] },
      },
    ),
    doc(
      'registre-de-commerce',
      { fr: 'Immatriculation au registre de commerce', ar: 'التسجيل في السجل التجاري' },
      { fr: 'Inscrire une entreprise au registre de commerce du tribunal.', ar: 'تسجيل المقاولة في السجل التجاري بالمحكمة.' },
      {
        audiences: ['companies'],
        categories: ['company'],
        ownerOrgId: FIXTURE_ORG_B.id,
        ownerOrgPath: FIXTURE_ORG_B.path,
        keywords: { fr: ['RC'], ar: [], darija: [] },
        body: { fr: "Certificat négatif. Carte nationale d'identité du gérant.", ar: 'الشهادة السلبية.' },
      },
    ),
    doc(
      'certificat-residence',
      { fr: 'Certificat de résidence', ar: 'شهادة السكنى' },
      {
        fr: 'Attester de son adresse de résidence, délivré par l’autorité locale.',
        ar: 'إثبات محل السكنى، تسلمها السلطة المحلية.',
      },
      {
        categories: ['certificates'],
        keywords: { fr: ['attestation de résidence'], ar: ['شهادة السكنى'], darija: ['chahadat sokna'] },
      },
    ),
  ];
}
