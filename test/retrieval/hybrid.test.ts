import { describe, expect, it } from 'vitest';
import { createRetriever, DEFAULT_WEIGHTS, yearsIn } from '../../src/retrieval/hybrid.js';
import { measureRetrieval, type RetrievalCase } from '../../src/retrieval/measure.js';
import { readQuestions } from '../../adapters/cli/question-set.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();
const retriever = createRetriever(index);
// What a hit shows, and what it stands for when it is a rendering of the other language.
const top = async (q: string, k = 3) =>
  (await retriever.search(q, { k })).map((h) => ({
    ...h.passage,
    text: `${h.passage.text}\n${h.passage.rendering?.original ?? ''}`,
  }));

describe('hybrid retrieval', () => {
  it('finds the English 2024 notice from a Chinese question (glossary expansion)', async () => {
    const [first] = await top('2024年活动周主题是什么');
    expect(first!.sourceId).toBe('notice-2024');
    expect(first!.text).toContain('Make learning a lifestyle');
  });

  it('finds the Chinese 2022 notice from an English question', async () => {
    const [first] = await top('What is the 2022 theme?');
    expect(first!.sourceId).toBe('notice-2022');
    expect(first!.text).toContain('終身學習向未來');
  });

  it('finds a Traditional passage from a Simplified question and the other way round', async () => {
    expect((await top('总开幕式由谁承办'))[0]!.text).toContain('長沙市人民政府承辦');
    expect((await top('聯系人杜若的電話'))[0]!.text).toContain('010-66490608');
  });

  it('prefers the notice of the year the question names', async () => {
    const hits = await retriever.search('2024年教育部联系人电话', { k: 1 });
    expect(hits[0]!.passage.sourceId).toBe('notice-2024');
    const hits2022 = await retriever.search('2022年教育部联系人电话', { k: 1 });
    expect(hits2022[0]!.passage.sourceId).toBe('notice-2022');
  });

  it('accepts the years to prefer from the caller ("this year" resolved elsewhere)', async () => {
    const hits = await retriever.search('教育部联系人电话', { k: 1, years: [2024] });
    expect(hits[0]!.passage.sourceId).toBe('notice-2024');
  });

  it('returns scores in order, at most k hits, and nothing for an empty question', async () => {
    const hits = await retriever.search('活动周', { k: 4 });
    expect(hits).toHaveLength(4);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(await retriever.search('？？？')).toEqual([]);
  });

  it('reads the years written in a question', () => {
    expect(yearsIn('2022年和２０２４年, not 12024 or 20245; 1999年')).toEqual([2022, 2024, 1999]);
  });
});

describe('fusion, measured on the question set', () => {
  const cases: RetrievalCase[] = readQuestions().flatMap((q) =>
    q.source ? [{ id: q.id, q: q.q, source: q.source, ...(q.must ? { must: q.must } : {}) }] : [],
  );

  it('puts the answer-bearing passage in the top 3 more often than either retriever alone', async () => {
    const fused = await measureRetrieval(retriever, cases);
    const lexical = await measureRetrieval(
      createRetriever(index, { ...DEFAULT_WEIGHTS, lexical: 1, dense: 0 }),
      cases,
    );
    const dense = await measureRetrieval(
      createRetriever(index, { ...DEFAULT_WEIGHTS, lexical: 0, dense: 1 }),
      cases,
    );
    expect(fused.answerAt3).toBeGreaterThan(lexical.answerAt3);
    expect(fused.answerAt3).toBeGreaterThan(dense.answerAt3);
    expect(fused.answerAt3).toBeGreaterThanOrEqual(0.9);
  });
});
