/**
 * `topScored` (query.ts) computes the trigram closeness only for candidates that can still enter
 * the page; its result must be exactly the first k of scoring and sorting every candidate, ties
 * (same score, same sort key) included.
 */
import { describe, expect, it } from 'vitest';
import type { IndexedDoc } from './engine';
import { topScored } from './query';

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

function candidates(n: number) {
  const closeness = new Map<string, number>();
  const list = Array.from({ length: n }, (_, i) => {
    const id = `id-${String(i).padStart(4, '0')}`;
    // Few distinct values, so that bases, closeness and sort keys tie often.
    const base = Math.floor(rnd() * 4) + [0, 0.25, 0.5][Math.floor(rnd() * 3)]!;
    closeness.set(id, [0, 0.5, 1, 1, 0.3][Math.floor(rnd() * 5)]!);
    return { doc: { id } as IndexedDoc, base, score: 0, sort: `s${Math.floor(rnd() * 5)}` };
  });
  return { list, closeness };
}

describe('topScored', () => {
  it('gives the first k of the full order while scoring fewer candidates', () => {
    let computed = 0;
    let all = 0;
    for (let round = 0; round < 200; round++) {
      const n = 5 + Math.floor(rnd() * 200);
      const k = 1 + Math.floor(rnd() * 60);
      const { list, closeness } = candidates(n);
      const full = list
        .map((c) => ({ ...c, score: Math.fround(c.base + 0.5 * closeness.get(c.doc.id)!) }))
        .sort((a, b) => b.score - a.score || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0) || (a.doc.id < b.doc.id ? -1 : 1))
        .slice(0, k);
      const top = topScored(list, k, (c) => {
        computed++;
        return closeness.get(c.doc.id)!;
      });
      all += n;
      expect(top.map((c) => [c.doc.id, c.score])).toEqual(full.map((c) => [c.doc.id, c.score]));
    }
    expect(computed).toBeLessThan(all);
  });
});
