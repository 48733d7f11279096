import { describe, expect, it } from 'vitest';
import {
  arabicInput,
  arabicLightStem,
  editDistance,
  foldText,
  highlight,
  queryWords,
  simpleInput,
  snippet,
  typoBudget,
} from './text';

describe('folding for the catalog search', () => {
  it('folds French accents, case and apostrophes', () => {
    expect(foldText("Carte Nationale d'Identité ÉLECTRONIQUE")).toBe('carte nationale d identite electronique');
    expect(queryWords("Demande de carte d'identité pour mon fils")).toEqual(['carte', 'identite', 'fils']);
  });

  it('folds Arabic variants for matching (marks, tatweel, alef/hamza, ى, ة) without NFD pitfalls', () => {
    expect(foldText('إِسْتِمَارَة')).toBe(foldText('استماره'));
    expect(foldText('الـبـطـاقـة')).toBe('البطاقه');
    expect(foldText('أ')).toBe('ا');
    expect(foldText('مستشفى')).toBe('مستشفي');
    expect(foldText('رُخْصَة')).toBe('رخصه');
    // Arabic folding is applied on composed text: hamza-on-alef from a decomposed input still folds.
    expect(foldText('\u0627\u0654')).toBe('ا');
  });

  it('keeps ة for the Arabic stemmer view, folds the rest', () => {
    expect(arabicInput('البِطاقة الوطنيّة')).toBe('البطاقة الوطنية');
    expect(arabicInput('إدارة')).toBe('ادارة');
    expect(arabicInput('Passeport')).toBe('passeport');
  });

  it('light-stems Arabic words consistently (article, prepositions, plural and feminine endings)', () => {
    const stems = ['بطاقة', 'البطاقة', 'للبطاقة', 'بالبطاقة', 'والبطاقة', 'بطاقات'].map((w) => arabicLightStem(foldText(w)));
    expect(new Set(stems)).toEqual(new Set(['بطاق']));
    expect(arabicLightStem(foldText('الجوازات'))).toBe('جواز');
    // Short words keep at least three letters.
    expect(arabicLightStem(foldText('الام'))).toBe('الام');
    expect(simpleInput('Jawaz السفر')).toBe('jawaz سفر');
  });

  it('drops stop words in French, Arabic and darija', () => {
    expect(queryWords('كيف الحصول على جواز السفر')).toEqual(['الحصول', 'جواز', 'السفر']);
    expect(queryWords('kifach n9der nakhod jawaz dyal safar')).toEqual(['n9der', 'nakhod', 'jawaz', 'safar']);
    expect(queryWords('le la les de')).toEqual([]);
  });
});

describe('typo rules', () => {
  it('counts one edit for a missing, extra, wrong or swapped letter', () => {
    expect(editDistance('passeport', 'pasport', 3)).toBe(2);
    expect(editDistance('passeport', 'passeprot', 3)).toBe(1);
    expect(editDistance('permis', 'permsi', 3)).toBe(1);
    expect(editDistance('جواز', 'جوز', 3)).toBe(1);
    expect(editDistance('جواز', 'جوار', 3)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('allows no typo under three letters, one up to seven, two from eight', () => {
    expect(typoBudget('rc')).toBe(0);
    expect(typoBudget('جوز')).toBe(1);
    expect(typoBudget('permis')).toBe(1);
    expect(typoBudget('passeport')).toBe(2);
  });
});

describe('highlighting', () => {
  it('marks the words as written, escapes the rest', () => {
    expect(highlight('Passeport biométrique & <b>', ['passeport', 'biometrique']).html).toBe(
      '<mark>Passeport</mark> <mark>biométrique</mark> &amp; &lt;b&gt;',
    );
    expect(highlight('البطاقة الوطنية للتعريف', ['بطاقه']).html).toBe('<mark>البطاقة</mark> الوطنية للتعريف');
    expect(highlight('Renouvellement du passeport', ['renouveler']).html).toBe('<mark>Renouvellement</mark> du passeport');
    expect(highlight('Rien ici', ['passeport']).matched).toBe(false);
  });

  it('cuts a snippet: the best line whole when short, else around the first match at word boundaries, with ellipses', () => {
    const text = 'Première phrase sans rapport. Deuxième phrase avec le passeport biométrique.';
    expect(snippet(text, ['passeport'])).toBe(
      'Première phrase sans rapport. Deuxième phrase avec le <mark>passeport</mark> biométrique.',
    );
    expect(snippet(text, ['xyz'])).toBeNull();
    expect(snippet(['Copie de la CIN', 'Passeport et carte de séjour', 'Passeport'], ['passeport', 'sejour'])).toBe(
      '<mark>Passeport</mark> et carte de <mark>séjour</mark>',
    );
    const long = `${'mot '.repeat(60)}le passeport ${'suite '.repeat(40)}fin`;
    const s = snippet(long, ['passeport'], 60)!;
    expect(s).toMatch(/^…mot .*<mark>passeport<\/mark> suite .*suite…$/);
    expect(s.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(60);
    expect(snippet(`le passeport ${'suite '.repeat(40)}`, ['passeport'], 60)).toMatch(
      /^le <mark>passeport<\/mark> suite.*suite…$/,
    );
    expect(snippet(`${'avant '.repeat(40)}le passeport.`, ['passeport'], 60)).toMatch(/^…avant .*<mark>passeport<\/mark>\.$/);
  });
});
