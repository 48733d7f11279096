import { describe, expect, it } from 'vitest';
import { foldText, foldedWords } from './normalize';

describe('foldText, Latin script', () => {
  it('ignores case and French accents', () => {
    expect(foldText('Témara')).toBe('temara');
    expect(foldText('TÉMARA')).toBe('temara');
    expect(foldText('Aïn Attig')).toBe('ain attig');
    expect(foldText('Drâa-Tafilalet')).toBe('draa tafilalet');
    expect(foldText('Fès-Meknès')).toBe('fes meknes');
    expect(foldText('Laâyoune')).toBe('laayoune');
    expect(foldText('Ça, c’est Œuvre')).toBe('ca c est oeuvre');
  });

  it('treats apostrophes, hyphens and punctuation as spaces and collapses whitespace', () => {
    expect(foldText("Talat N'Yacoub")).toBe('talat n yacoub');
    expect(foldText('Talat N’Yacoub')).toBe('talat n yacoub');
    expect(foldText("  Ben   M'Sick\t-- Casablanca. ")).toBe('ben m sick casablanca');
    expect(foldText('Oued Ed-Dahab')).toBe('oued ed dahab');
    expect(foldText('a_b%c')).toBe('a b c');
  });

  it('returns an empty string for empty or missing input', () => {
    expect(foldText('')).toBe('');
    expect(foldText(null)).toBe('');
    expect(foldText(undefined)).toBe('');
    expect(foldText(" - ' ")).toBe('');
  });

  it('keeps digits and folds full-width forms', () => {
    expect(foldText('MA-CAS-01')).toBe('ma cas 01');
    expect(foldText('ＴＥＭＡＲＡ')).toBe('temara');
  });
});

describe('foldText, Arabic script', () => {
  it('folds alef forms (hamza above/below, madda, wasla) to bare alef', () => {
    expect(foldText('أصيلة')).toBe(foldText('اصيلة'));
    expect(foldText('إقليم')).toBe('اقليم');
    expect(foldText('آسفي')).toBe('اسفي');
    expect(foldText('ٱلرباط')).toBe('الرباط');
  });

  it('folds alef forms also when the input arrives decomposed (NFD)', () => {
    const decomposed = 'أمزميز'.normalize('NFD');
    expect(decomposed).not.toBe('أمزميز');
    expect(foldText(decomposed)).toBe(foldText('امزميز'));
    expect(foldText('آسفي'.normalize('NFD'))).toBe('اسفي');
  });

  it('folds ta marbuta, alef maqsura, waw and yeh with hamza', () => {
    expect(foldText('تمارة')).toBe('تماره');
    expect(foldText('تمارة')).toBe(foldText('تماره'));
    expect(foldText('مصطفى')).toBe('مصطفي');
    expect(foldText('مؤسسة')).toBe('موسسه');
    expect(foldText('بئر')).toBe('بير');
  });

  it('removes tashkeel and tatweel', () => {
    expect(foldText('الصَّخِيرَات')).toBe('الصخيرات');
    expect(foldText('المـــغرب')).toBe('المغرب');
    expect(foldText('مُرَاكُشٌ')).toBe('مراكش');
  });

  it('converts Arabic-Indic digits and Arabic punctuation', () => {
    expect(foldText('٢٠٢٦')).toBe('2026');
    expect(foldText('۱۲')).toBe('12');
    expect(foldText('الرباط، سلا؛ القنيطرة؟')).toBe('الرباط سلا القنيطره');
  });

  it('folds Maghrebi and Persian letter variants', () => {
    expect(foldText('ڨلميم')).toBe(foldText('قلميم'));
    expect(foldText('گلميم')).toBe(foldText('كلميم'));
    expect(foldText('ی')).toBe('ي');
  });

  it('handles mixed French and Arabic text', () => {
    expect(foldText('Skhirate-Témara عمالة الصخيرات تمارة')).toBe('skhirate temara عماله الصخيرات تماره');
    expect(foldedWords('Aït Ourir آيت أورير')).toEqual(['ait', 'ourir', 'ايت', 'اورير']);
  });

  it('is idempotent', () => {
    for (const s of ['Témara تمارة', 'إقليم الحوز', "Talat N'Yacoub ثلاث نيعقوب", 'Œuvre آسفي']) {
      expect(foldText(foldText(s))).toBe(foldText(s));
    }
  });
});
