import { describe, expect, it } from 'vitest';
import { readQuestions } from '../../adapters/cli/question-set.js';
import { readYear } from '../../src/answer/slots.js';
import { createRetriever } from '../../src/retrieval/hybrid.js';
import { sharedIndex } from '../helpers.js';

/**
 * Golden retrieval: every question of test/eval/questions.jsonl that names a source must find a
 * passage of that notice among the first three. The set started from shared/eval/dev.jsonl and
 * covers every section of both notices, both Chinese scripts and English, asked across languages.
 */
const { index } = await sharedIndex();
const retriever = createRetriever(index);
const questions = readQuestions().filter((q) => q.source);

describe('golden retrieval over the question set', () => {
  it('covers every question of shared/eval/dev.jsonl that names a source', () => {
    const ids = new Set(questions.map((q) => q.id));
    for (const id of [
      'd01',
      'd02',
      'd03',
      'd04',
      'd05',
      'd06',
      'd07',
      'd08',
      'd09',
      'd10',
      'd11',
      'd12',
      'd13',
      'd14',
      'd15',
      'd16',
      'd17',
      'd19',
      'd20',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(questions.length).toBeGreaterThanOrEqual(80);
  });

  it.each(questions.map((q) => [q.id, q.q, q.source!] as const))(
    '%s: %s → %s in the top 3',
    async (_id, q, source) => {
      // As the answerer searches: with the years the question means ("今年" is the latest).
      const years = readYear(q, [...new Set(index.sources.map((s) => s.year))]).covered;
      const hits = await retriever.search(q, { k: 3, ...(years.length > 0 ? { years } : {}) });
      expect(hits.map((h) => h.passage.sourceId)).toContain(source);
    },
  );
});
