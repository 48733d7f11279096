import { describe, expect, it } from 'vitest';
import { TrigramIds, trigramList } from './trigram';

/** Values given by PostgreSQL 15's pg_trgm for the same inputs (`SELECT word_similarity(a, b)`). */
const PG_WORD_SIMILARITY: [string, string, number][] = [
  ['passeport biometrique', 'passeport biometrique\njawaz\npassport', 1],
  ['pasport', 'passeport biometrique\nvoyage', 0.5],
  ['certificat residence', 'carte nationale d identite\ncertificat de residence x', 0.875],
  ['word', 'two words', 0.8],
  ['permsi conduire', 'permis de conduire\npermis', 0.8125],
  ['registre comercce', 'immatriculation au registre de commerce\nrc\nregistre de commerce', 0.65217394],
  ['جواز سفر', 'جواز السفر البيومتري', 0.5555556],
  ['رخصه السياقه', 'رخصه السياقه\nرخصه', 1],
  ['qwxzt', 'passeport', 0],
];

describe('pg_trgm in JS', () => {
  it('cuts words padded like pg_trgm', () => {
    expect(trigramList('Ab c1')).toEqual(['  a', ' ab', 'ab ', '  c', ' c1', 'c1 ']);
  });

  it('gives the word_similarity PostgreSQL gives', () => {
    const ids = new TrigramIds();
    const seqs = PG_WORD_SIMILARITY.map(([, b]) => ids.sequence(b));
    PG_WORD_SIMILARITY.forEach(([a, b, expected], i) => {
      expect(ids.wordSimilarity(ids.query(a), seqs[i]!), `${a} / ${b}`).toBeCloseTo(expected, 6);
    });
  });
});
