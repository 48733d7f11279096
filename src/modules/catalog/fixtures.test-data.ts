/** A small procedure in the demo format, for the catalog's tests (independent of the demo content). */
import type { VersionContentInput } from './contract';

export function fixtureContent(overrides: Partial<VersionContentInput> = {}): VersionContentInput {
  return {
    title: { fr: "Carte nationale d'identité électronique — test", ar: 'البطاقة الوطنية للتعريف الإلكترونية — اختبار' },
    summary: {
      fr: "Obtenir sa première carte nationale d'identité électronique.",
      ar: 'الحصول على أول بطاقة وطنية للتعريف الإلكترونية.',
    },
    audiences: ['citizens'],
    categories: ['identity'],
    lifeEvents: [],
    competence: [{ orgCodes: ['DGSN'], service: { fr: 'Service de la CNIE', ar: 'مصلحة البطاقة الوطنية' } }],
    channels: [{ kind: 'counter', where: { fr: 'Commissariat de police', ar: 'مفوضية الشرطة' } }],
    documents: [
      {
        key: 'birth-extract',
        name: { fr: "Extrait d'acte de naissance", ar: 'نسخة موجزة من رسم الولادة' },
        form: 'original',
        copies: 1,
        issuer: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' },
        legal: { ref: 'loi-35-06', article: 'art. 6' },
      },
      {
        key: 'photos',
        name: { fr: "Photos d'identité", ar: 'صور فوتوغرافية' },
        form: 'original',
        copies: 2,
      },
    ],
    conditions: [{ fr: 'Être de nationalité marocaine.', ar: 'أن يكون مغربي الجنسية.' }],
    fees: [
      {
        key: 'stamp',
        label: { fr: 'Timbre', ar: 'تنبر' },
        amountMad: 75,
        payment: { fr: 'Timbre électronique', ar: 'تنبر إلكتروني' },
        legal: { ref: 'loi-35-06', article: 'art. 10' },
      },
    ],
    delay: { legalDays: 30, legalUnit: 'calendar_days', usual: { fr: 'Environ 15 jours', ar: 'حوالي 15 يوما' } },
    legalBasis: [
      {
        id: 'loi-35-06',
        title: {
          fr: "Loi n° 35-06 instituant la carte nationale d'identité électronique",
          ar: 'القانون رقم 35.06 المحدث للبطاقة الوطنية للتعريف الإلكترونية',
        },
      },
    ],
    steps: [{ title: { fr: 'Prendre rendez-vous', ar: 'أخذ موعد' } }],
    keywords: { fr: ['CIN', 'CNIE'], ar: ['البطاقة الوطنية'], darija: ['bitaka'] },
    related: [],
    ...overrides,
  };
}
