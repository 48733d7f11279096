import type { Lang } from '../../../core/i18n';
import type { LineResult, RequestResult } from './rule';

/**
 * The sentence that says why a request line got what it got, in fr, ar or en, built from the
 * structured result (which is what is stored and compared on replay): e.g. "got 300 of 500:
 * ranked 2nd of 4 by priority score 0.82 = 0.35 × severity 5/5 + …; MA-07 nearest (2.5 h) 200 …".
 */

const nf = (lang: Lang, n: number, digits = 0) =>
  new Intl.NumberFormat(lang === 'ar' ? 'ar-MA-u-nu-latn' : lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n);

const ordinal = (lang: Lang, n: number) =>
  lang === 'en'
    ? `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`
    : lang === 'fr'
      ? n === 1
        ? '1er'
        : `${n}e`
      : `${n}`;

const URG: Record<Lang, Record<string, string>> = {
  fr: { critical: 'critique', high: 'haute', medium: 'moyenne', low: 'basse' },
  ar: { critical: 'حرجة', high: 'عالية', medium: 'متوسطة', low: 'منخفضة' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
};

export function explainScore(r: RequestResult, lang: Lang): string {
  const f = r.factors;
  const d2 = (x: number) => nf(lang, x, 2);
  const hours = f.reach.hours == null ? '—' : `${nf(lang, f.reach.hours, 1)} h`;
  switch (lang) {
    case 'fr':
      return `score ${d2(r.score)} = 0,35 × gravité ${f.severity.value}/5 + 0,30 × population ${d2(f.people.factor)} (${nf(lang, f.people.value)} pers.) + 0,20 × urgence ${URG.fr[f.urgency.value]} ${d2(f.urgency.factor)} + 0,15 × accès ${d2(f.reach.factor)} (${hours}${f.reach.platform ? ` depuis ${f.reach.platform}` : ''})`;
    case 'ar':
      return `النقطة ${d2(r.score)} = 0.35 × الخطورة ${f.severity.value}/5 + 0.30 × السكان ${d2(f.people.factor)} (${nf(lang, f.people.value)} شخص) + 0.20 × الاستعجال ${URG.ar[f.urgency.value]} ${d2(f.urgency.factor)} + 0.15 × الوصول ${d2(f.reach.factor)} (${hours}${f.reach.platform ? ` من ${f.reach.platform}` : ''})`;
    default:
      return `score ${d2(r.score)} = 0.35 × severity ${f.severity.value}/5 + 0.30 × people ${d2(f.people.factor)} (${nf(lang, f.people.value)}) + 0.20 × urgency ${f.urgency.value} ${d2(f.urgency.factor)} + 0.15 × reach ${d2(f.reach.factor)} (${hours}${f.reach.platform ? ` from ${f.reach.platform}` : ''})`;
  }
}

export function explainLine(r: RequestResult, l: LineResult, lang: Lang): string {
  const held = l.heldAfter;
  const asked = l.requested - l.dispatched;
  const parts: string[] = [];
  const n = (x: number) => nf(lang, x);
  const h = (x: number | null) => (x == null ? '—' : `${nf(lang, x, 1)} h`);
  const rank = ordinal(lang, r.rank);
  if (lang === 'fr') parts.push(`obtient ${n(held)} sur ${n(asked)} : classée ${rank} sur ${r.of} par ${explainScore(r, lang)}`);
  else if (lang === 'ar')
    parts.push(`حصل على ${n(held)} من ${n(asked)}: المرتبة ${rank} من ${r.of} حسب ${explainScore(r, lang)}`);
  else parts.push(`got ${n(held)} of ${n(asked)}: ranked ${rank} of ${r.of} by priority ${explainScore(r, lang)}`);
  if (l.heldBefore > 0)
    parts.push(
      lang === 'fr'
        ? `${n(l.heldBefore)} déjà réservés`
        : lang === 'ar'
          ? `${n(l.heldBefore)} محجوزة مسبقا`
          : `${n(l.heldBefore)} already reserved`,
    );
  l.sources.forEach((s, i) => {
    const near = i === 0 ? (lang === 'fr' ? ' la plus proche' : lang === 'ar' ? ' الأقرب' : ' nearest') : '';
    if (s.from === 'free')
      parts.push(
        lang === 'fr'
          ? `plateforme ${s.platform}${near} (${h(s.hours)}) : ${n(s.quantity)} ${s.product}`
          : lang === 'ar'
            ? `المنصة ${s.platform}${near} (${h(s.hours)}): ${n(s.quantity)} ${s.product}`
            : `platform ${s.platform}${near} (${h(s.hours)}): ${n(s.quantity)} ${s.product}`,
      );
    else
      parts.push(
        lang === 'fr'
          ? `${n(s.quantity)} ${s.product} repris à ${s.fromRequest} (score ${nf(lang, s.fromScore ?? 0, 2)}, moins urgente) sur ${s.platform} (${h(s.hours)})`
          : lang === 'ar'
            ? `${n(s.quantity)} ${s.product} مأخوذة من ${s.fromRequest} (النقطة ${nf(lang, s.fromScore ?? 0, 2)}، أقل استعجالا) في ${s.platform} (${h(s.hours)})`
            : `${n(s.quantity)} ${s.product} taken from ${s.fromRequest} (score ${nf(lang, s.fromScore ?? 0, 2)}, less urgent) at ${s.platform} (${h(s.hours)})`,
      );
  });
  for (const x of l.losses)
    parts.push(
      lang === 'fr'
        ? `${n(x.quantity)} cédés à ${x.toRequest} (score ${nf(lang, x.toScore, 2)}, plus urgente)`
        : lang === 'ar'
          ? `${n(x.quantity)} تنازل عنها لفائدة ${x.toRequest} (النقطة ${nf(lang, x.toScore, 2)}، أكثر استعجالا)`
          : `${n(x.quantity)} given up to ${x.toRequest} (score ${nf(lang, x.toScore, 2)}, more urgent)`,
    );
  if (l.shortfall > 0) {
    const why =
      l.shortfallCause === 'held_by_higher'
        ? lang === 'fr'
          ? 'le reste est réservé à des demandes plus urgentes'
          : lang === 'ar'
            ? 'الباقي محجوز لطلبات أكثر استعجالا'
            : 'the rest is reserved for more urgent requests'
        : lang === 'fr'
          ? 'plus de stock disponible'
          : lang === 'ar'
            ? 'لا يوجد مخزون متاح'
            : 'no stock left';
    parts.push(
      lang === 'fr'
        ? `manque ${n(l.shortfall)} : ${why}`
        : lang === 'ar'
          ? `نقص ${n(l.shortfall)}: ${why}`
          : `${n(l.shortfall)} short: ${why}`,
    );
  }
  return parts.join('; ');
}
