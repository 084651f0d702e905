import { LRUCache } from 'lru-cache';
import { createQueryExpander } from '../knowledge/glossary.js';
import { passageLanguage, type Passage } from '../knowledge/types.js';
import { accumulateBm25, type WeightedTerm } from './bm25.js';
import type { KnowledgeIndex } from './knowledge-index.js';

/** One ranked passage with the scores that placed it. */
export interface SearchHit {
  readonly passage: Passage;
  /** Fused score, 0 to about 1. */
  readonly score: number;
  /** BM25 score divided by the best score among passages of the same language (0 to 1). */
  readonly lexical: number;
  /** Cosine similarity of the query and passage vectors (0 to 1). */
  readonly dense: number;
}

/** Options of one search. */
export interface SearchOptions {
  readonly k?: number;
  /** Years the question is about; by default, the years written in it. */
  readonly years?: readonly number[];
  /**
   * The asker's language, when known ("what's 智慧助老 about" is an English question); by
   * default, Chinese when the question holds any Chinese character.
   */
  readonly language?: 'zh' | 'en';
}

/** The retrieval port: ranked passages for a question. */
export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

/** How the two rankings and the hints are combined. */
export interface FusionWeights {
  readonly lexical: number;
  readonly dense: number;
  /** Factor applied to passages of notices of other years than the question names. */
  readonly otherYear: number;
  /** Factor applied to the lexical score of passages in the other language than the question. */
  readonly crossLanguage: number;
}

/**
 * Chosen by measurement over test/eval/questions.jsonl (`npm run bench -- --sweep`, README):
 * 0.6/0.4 puts the answer-bearing passage in the top 3 for 94.6% of questions, against 93.5% for
 * 0.7/0.3 and 91.3% for lexical-only; the year factor made no difference between 0.3 and 0.7.
 */
export const DEFAULT_WEIGHTS: FusionWeights = {
  lexical: 0.6,
  dense: 0.4,
  otherYear: 0.5,
  crossLanguage: 0.8,
};

/** The four-digit years written in a question. */
export function yearsIn(text: string): number[] {
  return [...text.normalize('NFKC').matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) =>
    Number(m[0]),
  );
}

/**
 * The user's words count 1 each. Each glossary entry they mention brings its other-language
 * forms so that a passage holding any one complete form gets weight 1 for it, like one of the
 * user's words: a word of a form weighs 1 / (words in that form), the most any form gives it.
 */
export function weightedTerms(
  tokens: readonly string[],
  groups: readonly (readonly (readonly string[])[])[],
): WeightedTerm[] {
  const terms = new Map<string, number>();
  for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + 1);
  const own = new Set(terms.keys());
  const expansions = new Map<string, number>();
  for (const forms of groups) {
    for (const form of forms) {
      const words = [...new Set(form)];
      for (const t of words)
        if (!own.has(t)) expansions.set(t, Math.max(expansions.get(t) ?? 0, 1 / words.length));
    }
  }
  for (const [t, w] of expansions) terms.set(t, w);
  return [...terms].map(([term, w]) => ({ term, weight: w }));
}

/** Words that name a year relative to another: dropped once the year is resolved. */
const RELATIVE_YEAR = new Set([
  '今年',
  '去年',
  '前年',
  '大前年',
  '明年',
  '后年',
  '本届',
  '上届',
  '上一届',
  '这届',
  '本年',
  // "this year", "last year": once the year is resolved, "year" matches only the 2024 copy's
  // "run through the whole year".
  'year',
]);

/** Passages per language kept from BM25 for fusion; far more than any answer reads. */
const LEXICAL_CANDIDATES = 200;

/** How retrieval copes with a remote embeddings endpoint that fails. */
export interface RetrieverOptions {
  /** The longest a question's vector may take; past it, the question is ranked by BM25 alone. */
  readonly denseTimeoutMs?: number;
  /** After a failure, vectors are not asked for again for this long (BM25 alone meanwhile). */
  readonly retryAfterMs?: number;
  /** Told once per failure (for the log and metrics); the user is told nothing. */
  readonly onDenseFailure?: (error: Error) => void;
}

/** Settles with `promise`, or rejects after `ms`; a late result of `promise` is dropped. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no vector within ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Hybrid retrieval over a knowledge index: BM25 and vector similarity, fused by weights. */
export function createRetriever(
  index: KnowledgeIndex,
  weights: FusionWeights = DEFAULT_WEIGHTS,
  resilience: RetrieverOptions = {},
): Retriever {
  const denseTimeoutMs = resilience.denseTimeoutMs ?? 8000;
  const retryAfterMs = resilience.retryAfterMs ?? 30_000;
  let denseDownUntil = 0;
  const expander = createQueryExpander(index.glossary);
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const knownYears = new Set(yearOf.values());
  const count = index.passages.length;
  const byId = new Map(index.passages.map((p) => [p.id, p]));
  const sourceLanguage = new Map(index.sources.map((s) => [s.id, s.language]));
  const languageOf = index.passages.map((p) =>
    passageLanguage(p, sourceLanguage.get(p.sourceId) ?? 'zh'),
  );
  const scratch = {
    raw: new Float64Array(count),
    rawSeen: new Uint8Array(count),
    form: new Float64Array(count),
    formSeen: new Uint8Array(count),
    entry: new Float64Array(count),
    entrySeen: new Uint8Array(count),
  };

  // The vector neighbours of a question, remembered: the same questions come again and again
  // (the page's example buttons send the same words), and handing a 2,048-number vector to
  // hnswlib is a tenth of a web request's time; an endpoint's embeddings cost a call each.
  const nearest = new LRUCache<string, [number, number][]>({ max: 2000 });

  return {
    async search(query, options = {}) {
      const k = Math.max(1, Math.min(options.k ?? 5, count));
      const groups = expander.expand(query);
      const years = (options.years ?? yearsIn(query)).filter((y) => knownYears.has(y));
      // A year the index covers is applied as a preference for that year's notices below, not
      // matched as a word: otherwise any passage that repeats "2022" outranks the answer.
      // So are the words that named it relatively (今年, 去年): the passages that happen to say
      // 今年 are not about the year asked.
      const tokens = index.tokenizer
        .tokenize(query)
        .filter((t) => !years.includes(Number(t)) && !(years.length > 0 && RELATIVE_YEAR.has(t)));
      const groupTokens = groups.map((forms) => forms.map((f) => index.tokenizer.tokenize(f)));

      // Glossary expansions are other-language forms, so they only ever match passages in the
      // other language, where they stand in for the question. Each language's passages are
      // scaled by their own best score, so a good English passage is not ranked below a weak
      // Chinese one just because a Chinese question shares more tokens with Chinese text.
      const queryLanguage = options.language ?? (/\p{Script=Han}/u.test(query) ? 'zh' : 'en');
      // Scored into dense arrays and read back through the lists of passages touched: with
      // thousands of notices a common word matches tens of thousands of passages, and maps
      // updated per posting were most of a search. Nothing below awaits, so the arrays are
      // shared by all searches and cleared after each.
      const { raw, rawSeen, form, formSeen, entry, entrySeen } = scratch;
      const touched: number[] = [];
      accumulateBm25(
        index.bm25,
        tokens.map((term) => ({ term, weight: 1 })),
        raw,
        touched,
        rawSeen,
      );
      // A glossary entry adds what its best-matching form scores in a passage, never the sum of
      // all its forms: "week", "learning week" and "lifelong learning week" are one idea.
      const own = new Set(tokens);
      for (const forms of groupTokens) {
        const entryTouched: number[] = [];
        for (const f of forms) {
          const words = [...new Set(f)].filter((t) => !own.has(t));
          if (words.length === 0) continue;
          const formTouched: number[] = [];
          accumulateBm25(
            index.bm25,
            words.map((term) => ({ term, weight: 1 / words.length })),
            form,
            formTouched,
            formSeen,
          );
          for (const n of formTouched) {
            if (!entrySeen[n]) {
              entrySeen[n] = 1;
              entryTouched.push(n);
            }
            entry[n] = Math.max(entry[n]!, form[n]!);
            form[n] = 0;
            formSeen[n] = 0;
          }
        }
        for (const n of entryTouched) {
          if (!rawSeen[n]) {
            rawSeen[n] = 1;
            touched.push(n);
          }
          raw[n] = raw[n]! + entry[n]!;
          entry[n] = 0;
          entrySeen[n] = 0;
        }
      }
      const lexical = new Map<number, number>();
      for (const same of [true, false]) {
        // Only the best-scoring passages of each language go on to fusion, none of the rest could
        // reach the top k: the 200th best score is found on a copy, then only those at or above
        // it are sorted (score, then passage number, as a full sort would order them).
        let mine = touched.filter((n) => (languageOf[n] === queryLanguage) === same);
        if (mine.length > LEXICAL_CANDIDATES) {
          const scores = Float64Array.from(mine, (n) => raw[n]!).sort();
          const threshold = scores[scores.length - LEXICAL_CANDIDATES]!;
          mine = mine.filter((n) => raw[n]! >= threshold);
        }
        mine.sort((a, b) => raw[b]! - raw[a]! || a - b);
        mine = mine.slice(0, LEXICAL_CANDIDATES);
        const top = Math.max(0, mine[0] === undefined ? 0 : raw[mine[0]]!);
        const factor = same ? 1 : weights.crossLanguage;
        for (const n of mine) if (top > 0) lexical.set(n, (factor * raw[n]!) / top);
      }
      for (const n of touched) {
        raw[n] = 0;
        rawSeen[n] = 0;
      }

      const dense = new Map<number, number>();
      // A remote embeddings endpoint that hangs or fails costs one question the deadline, then
      // questions are ranked by BM25 alone until it is tried again.
      if (weights.dense > 0 && Date.now() >= denseDownUntil) {
        try {
          const text = [query, ...groups.flat()].join('\n');
          const neighbours = Math.min(count, Math.max(20, k * 4));
          const key = `${neighbours}\u0000${text}`;
          let near = nearest.get(key);
          if (near === undefined) {
            near = [];
            const vector = await within(
              index.embeddings.embeddings.embedQuery(text),
              denseTimeoutMs,
            );
            if (vector.some((v) => v !== 0)) {
              const found = await index.vectors.similaritySearchVectorWithScore(vector, neighbours);
              for (const [doc, distance] of found)
                near.push([doc.metadata['n'] as number, Math.max(0, 1 - distance)]);
            }
            nearest.set(key, near);
          }
          for (const [n, similarity] of near) dense.set(n, similarity);
        } catch (error) {
          denseDownUntil = Date.now() + retryAfterMs;
          resilience.onDenseFailure?.(error as Error);
        }
      }

      // A passage and its rendering are one place in one notice: the pair counts once, at the
      // better score of the two, shown in the asker's language where a rendering gives it.
      const best = new Map<string, SearchHit>();
      for (const n of new Set([...lexical.keys(), ...dense.keys()])) {
        const passage = index.passages[n]!;
        const lex = lexical.get(n) ?? 0;
        const similarity = dense.get(n) ?? 0;
        let score = weights.lexical * lex + weights.dense * similarity;
        if (years.length > 0 && !years.includes(yearOf.get(passage.sourceId) ?? NaN))
          score *= weights.otherYear;
        const key = passage.rendering?.of ?? passage.id;
        const prior = best.get(key);
        const hit = { passage, score, lexical: lex, dense: similarity };
        if (!prior) {
          best.set(key, hit);
          continue;
        }
        const mine = languageOf[n] === queryLanguage ? hit : prior;
        const top = hit.score >= prior.score ? hit : prior;
        best.set(key, { ...top, passage: mine.passage });
      }
      // A rendering only ever stands in for its original in the asker's language.
      const hits = [...best.values()].map((h) =>
        h.passage.rendering && h.passage.rendering.language !== queryLanguage
          ? { ...h, passage: byId.get(h.passage.rendering.of) ?? h.passage }
          : h,
      );
      hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
      return hits.slice(0, k);
    },
  };
}
