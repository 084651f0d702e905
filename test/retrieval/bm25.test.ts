import { describe, expect, it } from 'vitest';
import {
  accumulateBm25,
  bm25FromJson,
  bm25ToJson,
  buildBm25,
  scoreBm25,
} from '../../src/retrieval/bm25.js';

const docs = [
  ['theme', 'make', 'learn', 'lifestyl'],
  ['learn', 'week', 'learn', 'week', 'provinc'],
  ['contact', 'phone', 'learn'],
];
const index = buildBm25(docs);
const rank = (terms: [string, number][]) =>
  [
    ...scoreBm25(
      index,
      terms.map(([term, weight]) => ({ term, weight })),
    ),
  ]
    .sort((a, b) => b[1] - a[1])
    .map(([d]) => d);

describe('BM25', () => {
  it('ranks the passage holding a rare query term first', () => {
    expect(
      rank([
        ['theme', 1],
        ['learn', 1],
      ])[0],
    ).toBe(0);
  });

  it('gives a term found in every passage almost no weight', () => {
    const scores = scoreBm25(index, [{ term: 'learn', weight: 1 }]);
    const rare = scoreBm25(index, [{ term: 'phone', weight: 1 }]);
    expect(Math.max(...scores.values())).toBeLessThan(rare.get(2)!);
  });

  it('scales a term by its query weight', () => {
    const full = scoreBm25(index, [{ term: 'phone', weight: 1 }]).get(2)!;
    const half = scoreBm25(index, [{ term: 'phone', weight: 0.5 }]).get(2)!;
    expect(half).toBeCloseTo(full / 2);
  });

  it('returns nothing for unknown terms, including object property names', () => {
    expect(
      scoreBm25(index, [
        { term: 'zebra', weight: 1 },
        { term: 'constructor', weight: 1 },
      ]).size,
    ).toBe(0);
  });

  it('refuses postings of the earlier [passage, tf] pair layout, so an old index is rebuilt', () => {
    const old = { ...bm25ToJson(index), postings: { week: [[1, 2]] } };
    expect(() => bm25FromJson(old as never)).toThrow(/not of this version/);
  });

  it('adds into a dense array exactly what it returns as a map, listing each passage once', () => {
    const terms = [
      { term: 'learn', weight: 1 },
      { term: 'week', weight: 0.5 },
      { term: 'learn', weight: 0.25 },
    ];
    const into = new Float64Array(index.docCount);
    const touched: number[] = [];
    accumulateBm25(index, terms, into, touched, new Uint8Array(index.docCount));
    expect(touched).toEqual([0, 1, 2]);
    expect(new Map(touched.map((n) => [n, into[n]]))).toEqual(scoreBm25(index, terms));
    // The map's scratch arrays were cleared: the same call gives the same scores again.
    expect(scoreBm25(index, terms)).toEqual(scoreBm25(index, terms));
  });

  it('survives a round trip through JSON', () => {
    const copy = bm25FromJson(JSON.parse(JSON.stringify(bm25ToJson(index))));
    expect(scoreBm25(copy, [{ term: 'week', weight: 1 }])).toEqual(
      scoreBm25(index, [{ term: 'week', weight: 1 }]),
    );
  });
});
