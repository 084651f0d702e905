import { toSimplified, toTraditional } from '../knowledge/script.js';
import type { Retriever } from './hybrid.js';

/** A question whose answer is known to be in a given notice. */
export interface RetrievalCase {
  readonly id: string;
  readonly q: string;
  readonly source: string;
  /** Patterns a correct answer holds; when given, the passages themselves are checked for them. */
  readonly must?: readonly string[];
}

/** Retrieval quality over a set of cases. */
export interface RetrievalReport {
  readonly cases: number;
  /** Share of cases whose first passage is from the expected notice. */
  readonly recallAt1: number;
  /** Share of cases with a passage of the expected notice in the top 3. */
  readonly recallAt3: number;
  /** Mean reciprocal rank of the first passage of the right notice (within the top 10). */
  readonly mrr: number;
  /** Cases with `must` patterns: share whose first passage holds every pattern. */
  readonly answerAt1: number;
  /** Cases with `must` patterns: share whose top 3 passages together hold every pattern. */
  readonly answerAt3: number;
  readonly answerCases: number;
  /** Cases whose notice is not in the top 3. */
  readonly misses: readonly string[];
  /** Cases whose top 3 passages miss a `must` pattern. */
  readonly answerMisses: readonly string[];
}

function holdsAll(texts: readonly string[], must: readonly string[]): boolean {
  const haystack = texts.flatMap((t) => [t, toSimplified(t), toTraditional(t)]).join('\n');
  return must.every((p) => new RegExp(p, 'u').test(haystack));
}

/** Measures how often the expected notice, and the passage holding the answer, rank first and in the top 3. */
export async function measureRetrieval(
  retriever: Retriever,
  cases: readonly RetrievalCase[],
): Promise<RetrievalReport> {
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  let ans1 = 0;
  let ans3 = 0;
  let answerCases = 0;
  const misses: string[] = [];
  const answerMisses: string[] = [];
  for (const c of cases) {
    const hits = await retriever.search(c.q, { k: 10 });
    const rank = hits.findIndex((h) => h.passage.sourceId === c.source);
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 3) at3++;
    else misses.push(c.id);
    if (rank >= 0) rr += 1 / (rank + 1);
    if (c.must && c.must.length > 0) {
      answerCases++;
      // A rendered passage holds its original too.
      const texts = hits.map((h) => `${h.passage.text}\n${h.passage.rendering?.original ?? ''}`);
      if (holdsAll(texts.slice(0, 1), c.must)) ans1++;
      if (holdsAll(texts.slice(0, 3), c.must)) ans3++;
      else answerMisses.push(c.id);
    }
  }
  const n = Math.max(1, cases.length);
  const m = Math.max(1, answerCases);
  return {
    cases: cases.length,
    recallAt1: at1 / n,
    recallAt3: at3 / n,
    mrr: rr / n,
    answerAt1: ans1 / m,
    answerAt3: ans3 / m,
    answerCases,
    misses,
    answerMisses,
  };
}
