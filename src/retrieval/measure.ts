import type { Retriever } from './hybrid.js';

/** A question whose answer is known to be in a given notice. */
export interface RetrievalCase {
  readonly id: string;
  readonly q: string;
  readonly source: string;
}

/** Retrieval quality over a set of cases. */
export interface RetrievalReport {
  readonly cases: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  /** Mean reciprocal rank of the first passage of the right notice (within the top 10). */
  readonly mrr: number;
  /** Cases whose notice is not in the top 3. */
  readonly misses: readonly string[];
}

/** Measures how often a passage of the expected notice ranks first and in the top 3. */
export async function measureRetrieval(
  retriever: Retriever,
  cases: readonly RetrievalCase[],
): Promise<RetrievalReport> {
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const hits = await retriever.search(c.q, { k: 10 });
    const rank = hits.findIndex((h) => h.passage.sourceId === c.source);
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 3) at3++;
    else misses.push(c.id);
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const n = Math.max(1, cases.length);
  return { cases: cases.length, recallAt1: at1 / n, recallAt3: at3 / n, mrr: rr / n, misses };
}
