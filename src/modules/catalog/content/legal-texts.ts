/**
 * Legal texts cited by procedures of several files of the demo catalog, written once (the seed
 * makes one shared text, catalog.legal_texts, of each id). A text cited by one file stays in it.
 */
import type { LegalText } from './types';

export const LOI_55_19: LegalText = {
  id: 'loi-55-19',
  title: {
    fr: 'Loi n° 55-19 relative à la simplification des procédures et formalités administratives',
    ar: 'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية',
    en: 'Law No. 55-19 on the simplification of administrative procedures and formalities',
  },
  reference: 'Dahir n° 1-20-06 du 11 rejeb 1441 (6 mars 2020)',
  bulletin: 'BO n° 6866 du 19 mars 2020',
};

export const CODE_FAMILLE: LegalText = {
  id: 'code-famille',
  title: {
    fr: 'Loi n° 70-03 portant Code de la famille',
    ar: 'القانون رقم 70.03 بمثابة مدونة الأسرة',
    en: 'Law No. 70-03, Family Code',
  },
  reference: 'Dahir n° 1-04-22 du 12 hija 1424 (3 février 2004)',
  bulletin: 'BO n° 5184 du 5 février 2004',
};

export const LOI_36_21: LegalText = {
  id: 'loi-36-21',
  title: {
    fr: "Loi n° 36-21 relative à l'état civil",
    ar: 'القانون رقم 36.21 المتعلق بالحالة المدنية',
    en: 'Law No. 36-21 on civil status',
  },
  reference: 'Dahir n° 1-21-81 (juillet 2021)',
};

export const LOI_37_99: LegalText = {
  id: 'loi-37-99',
  title: {
    fr: "Loi n° 37-99 relative à l'état civil (remplacée par la loi n° 36-21 à l'entrée en vigueur de ses textes d'application)",
    ar: 'القانون رقم 37.99 المتعلق بالحالة المدنية (المعوض بالقانون رقم 36.21 عند دخول نصوصه التطبيقية حيز التنفيذ)',
    en: 'Law No. 37-99 on civil status (replaced by Law No. 36-21)',
  },
  reference: 'Dahir n° 1-02-239 du 25 rejeb 1423 (3 octobre 2002)',
  bulletin: 'BO n° 5054 du 7 novembre 2002',
};

export const LOI_04_20: LegalText = {
  id: 'loi-04-20',
  title: {
    fr: "Loi n° 04-20 relative à la carte nationale d'identité électronique",
    ar: 'القانون رقم 04.20 المتعلق بالبطاقة الوطنية للتعريف الإلكترونية',
    en: 'Law No. 04-20 on the electronic national identity card',
  },
  reference: 'Dahir n° 1-20-80 (2020)',
  url: 'https://www.cnie.ma',
};

export const CONVENTION_VIENNE: LegalText = {
  id: 'convention-vienne-1963',
  title: {
    fr: 'Convention de Vienne sur les relations consulaires du 24 avril 1963',
    ar: 'اتفاقية فيينا للعلاقات القنصلية المؤرخة في 24 أبريل 1963',
    en: 'Vienna Convention on Consular Relations of 24 April 1963',
  },
};

export const LO_113_14: LegalText = {
  id: 'lo-113-14',
  title: {
    fr: 'Loi organique n° 113-14 relative aux communes',
    ar: 'القانون التنظيمي رقم 113.14 المتعلق بالجماعات',
    en: 'Organic Law No. 113-14 on communes',
  },
  reference: 'Dahir n° 1-15-85 du 20 ramadan 1436 (7 juillet 2015)',
};
