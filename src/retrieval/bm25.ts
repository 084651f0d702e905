/**
 * Okapi BM25 over pre-tokenised passages. Written here rather than taken from a package because
 * the index must be serialisable with the rest of the knowledge index and queried in microseconds
 * with weighted (glossary-expanded) query terms; the whole algorithm is the lines below.
 *
 * Postings are kept as one Int32Array per term, passage numbers and term frequencies interleaved:
 * at 1000× the corpus (34,000 passages, 8 million postings) an array of [passage, tf] pairs cost
 * 0.5 GB of small arrays; these cost 64 MB.
 */
export interface Bm25Index {
  readonly k1: number;
  readonly b: number;
  readonly docCount: number;
  readonly avgLength: number;
  readonly lengths: readonly number[];
  /** term → [passage, tf, passage, tf, …], passages ascending. */
  readonly postings: ReadonlyMap<string, Int32Array>;
}

/** How a BM25 index is written to disk (`bm25.json`, index format 2). */
export interface Bm25Json {
  readonly k1: number;
  readonly b: number;
  readonly docCount: number;
  readonly avgLength: number;
  readonly lengths: readonly number[];
  readonly postings: Readonly<Record<string, readonly number[]>>;
}

/** A query term and how much it counts (1 for the user's words, less for expansions). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/**
 * Builds the index from one token list per passage. Any iterable will do: a generator that
 * tokenises one passage at a time keeps only that passage's tokens in memory.
 */
export function buildBm25(docs: Iterable<readonly string[]>, k1 = 1.2, b = 0.75): Bm25Index {
  const lists = new Map<string, number[]>();
  const lengths: number[] = [];
  for (const tokens of docs) {
    const doc = lengths.length;
    lengths.push(tokens.length);
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = []));
      list.push(doc, tf);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [term, list] of lists) postings.set(term, Int32Array.from(list));
  const avgLength = lengths.reduce((a, n) => a + n, 0) / Math.max(1, lengths.length);
  return { k1, b, docCount: lengths.length, avgLength, lengths, postings };
}

/** The form written to disk. */
export function bm25ToJson(index: Bm25Index): Bm25Json {
  const postings: Record<string, number[]> = {};
  for (const [term, list] of index.postings) postings[term] = Array.from(list);
  return { ...index, postings };
}

/** Reads the form written to disk; throws on any other shape (an index of an older format). */
export function bm25FromJson(json: Bm25Json): Bm25Index {
  const { k1, b, docCount, avgLength, lengths } = json;
  if (!json.postings || typeof json.postings !== 'object' || !Array.isArray(lengths))
    throw new Error('bm25.json has no postings');
  const postings = new Map<string, Int32Array>();
  for (const [term, list] of Object.entries(json.postings)) {
    if (!Array.isArray(list) || list.length % 2 !== 0 || typeof list[0] !== 'number')
      throw new Error(`bm25.json: the postings of "${term}" are not of this version's shape`);
    postings.set(term, Int32Array.from(list));
  }
  return { k1, b, docCount, avgLength, lengths, postings };
}

/** In how many passages a term occurs. */
export function docFrequency(index: Bm25Index, term: string): number {
  return (index.postings.get(term)?.length ?? 0) / 2;
}

/** Inverse document frequency of a term (a term no passage holds gets the highest). */
export function idf(index: Bm25Index, term: string): number {
  const df = docFrequency(index, term);
  return Math.log(1 + (index.docCount - df + 0.5) / (df + 0.5));
}

/**
 * Adds the BM25 scores of `terms` into `into` (passage number → score, dense), recording each
 * passage it touches for the first time in `touched` (and `seen`), so the caller can read and
 * clear only those. Terms are summed in the order given, as `scoreBm25` does.
 */
export function accumulateBm25(
  index: Bm25Index,
  terms: readonly WeightedTerm[],
  into: Float64Array,
  touched: number[],
  seen: Uint8Array,
): void {
  const { k1, b, avgLength, lengths } = index;
  for (const { term, weight } of terms) {
    const list = index.postings.get(term);
    if (!list) continue;
    const w = idf(index, term);
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      const tf = list[i + 1]!;
      const norm = tf + k1 * (1 - b + (b * lengths[doc]!) / avgLength);
      into[doc]! += weight * w * ((tf * (k1 + 1)) / norm);
      if (!seen[doc]) {
        seen[doc] = 1;
        touched.push(doc);
      }
    }
  }
}

// One pair of arrays per index, cleared after each use (scoring never awaits, so no two calls
// share them at once): a question scores a dozen term lists, and allocating per call cost more
// than the scoring on the real corpus.
const scratch = new WeakMap<Bm25Index, { sum: Float64Array; seen: Uint8Array }>();
function scratchFor(index: Bm25Index) {
  let s = scratch.get(index);
  if (!s) {
    s = { sum: new Float64Array(index.docCount), seen: new Uint8Array(index.docCount) };
    scratch.set(index, s);
  }
  return s;
}

/** Scores every passage that shares a term with the query; returns passage number → score. */
export function scoreBm25(index: Bm25Index, terms: readonly WeightedTerm[]): Map<number, number> {
  const scores = new Map<number, number>();
  const { sum, seen } = scratchFor(index);
  const touched: number[] = [];
  accumulateBm25(index, terms, sum, touched, seen);
  touched.sort((a, c) => a - c);
  for (const doc of touched) {
    scores.set(doc, sum[doc]!);
    sum[doc] = 0;
    seen[doc] = 0;
  }
  return scores;
}
