/**
 * Okapi BM25 over pre-tokenised passages. Written here rather than taken from a package because
 * the index must be serialisable with the rest of the knowledge index and queried in microseconds
 * with weighted (glossary-expanded) query terms; the whole algorithm is the 30 lines below.
 */
export interface Bm25Index {
  readonly k1: number;
  readonly b: number;
  readonly docCount: number;
  readonly avgLength: number;
  readonly lengths: readonly number[];
  /** term → [passage number, term frequency] pairs. */
  readonly postings: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/** A query term and how much it counts (1 for the user's words, less for expansions). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/** Builds the index from one token list per passage. */
export function buildBm25(docs: readonly (readonly string[])[], k1 = 1.2, b = 0.75): Bm25Index {
  const postings: Record<string, [number, number][]> = {};
  docs.forEach((tokens, doc) => {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) (postings[term] ??= []).push([doc, tf]);
  });
  const lengths = docs.map((d) => d.length);
  const avgLength = lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length);
  return { k1, b, docCount: docs.length, avgLength, lengths, postings };
}

/** Inverse document frequency of a term (a term no passage holds gets the highest). */
export function idf(index: Bm25Index, term: string): number {
  const df = Object.hasOwn(index.postings, term) ? index.postings[term]!.length : 0;
  return Math.log(1 + (index.docCount - df + 0.5) / (df + 0.5));
}

/** Scores every passage that shares a term with the query; returns passage number → score. */
export function scoreBm25(index: Bm25Index, terms: readonly WeightedTerm[]): Map<number, number> {
  const scores = new Map<number, number>();
  const { k1, b, avgLength, lengths } = index;
  for (const { term, weight } of terms) {
    const list = Object.hasOwn(index.postings, term) ? index.postings[term]! : undefined;
    if (!list) continue;
    const w = idf(index, term);
    for (const [doc, tf] of list) {
      const norm = tf + k1 * (1 - b + (b * lengths[doc]!) / avgLength);
      scores.set(doc, (scores.get(doc) ?? 0) + weight * w * ((tf * (k1 + 1)) / norm));
    }
  }
  return scores;
}
