import { createQueryExpander } from '../knowledge/glossary.js';
import { splitSentences } from '../knowledge/sentences.js';
import type { Passage } from '../knowledge/types.js';
import type { SearchHit } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';

/** Sentences chosen from one passage, in their order in the passage. */
export interface Excerpt {
  readonly passage: Passage;
  readonly sentences: readonly string[];
  readonly score: number;
}

/** Chooses the sentences of the best passages that answer a question. */
export interface Extractor {
  pick(question: string, hits: readonly SearchHit[]): Excerpt[];
}

const BUDGET = { zh: 260, en: 650 } as const;

/** Sentences of a passage; short lines (list rows) stay whole, like the chunker keeps them. */
function sentencesOf(passage: Passage): string[] {
  return passage.text
    .split('\n')
    .flatMap((line) =>
      line.length <= 80
        ? [line.trim()]
        : splitSentences(line).map((s) => line.slice(s.start, s.end).trim()),
    )
    .filter((s) => s.length > 0);
}

/**
 * Creates the extractor of an index. A sentence scores by the IDF of the question's words it
 * holds (glossary renderings count for questions in the other language), scaled by its passage's
 * retrieval score; the best sentence is taken, then others close to it while the length budget
 * lasts, at most three.
 */
export function createExtractor(index: KnowledgeIndex): Extractor {
  const expander = createQueryExpander(index.glossary);
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const idf = (term: string) => {
    const df = Object.hasOwn(index.bm25.postings, term) ? index.bm25.postings[term]!.length : 0;
    return Math.log(1 + (index.bm25.docCount - df + 0.5) / (df + 0.5));
  };

  return {
    pick(question, hits) {
      if (hits.length === 0) return [];
      const weights = new Map<string, number>();
      for (const t of index.tokenizer.tokenize(question)) weights.set(t, 1);
      for (const group of expander.expand(question)) {
        const tokens = [...new Set(group.flatMap((f) => index.tokenizer.tokenize(f)))].filter(
          (t) => !weights.has(t),
        );
        for (const t of tokens) weights.set(t, Math.max(weights.get(t) ?? 0, 1 / tokens.length));
      }
      const top = hits[0]!.score || 1;
      const candidates = hits.slice(0, 3).flatMap((hit, rank) =>
        sentencesOf(hit.passage).map((text, position) => {
          const tokens = new Set(index.tokenizer.tokenize(text));
          let score = 0;
          for (const [t, w] of weights) if (tokens.has(t)) score += w * idf(t);
          return { hit, rank, position, text, score: score * (0.5 + (0.5 * hit.score) / top) };
        }),
      );
      candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position);
      const best = candidates[0];
      if (!best) return [];
      const budget = BUDGET[languageOf.get(best.hit.passage.sourceId) ?? 'zh'];
      const chosen = [best];
      let used = best.text.length;
      for (const c of candidates.slice(1)) {
        if (chosen.length >= 3 || c.score < best.score * 0.6 || c.score === 0) break;
        if (used + c.text.length > budget) continue;
        chosen.push(c);
        used += c.text.length;
      }
      chosen.sort((a, b) => a.rank - b.rank || a.position - b.position);
      const byPassage = new Map<string, Excerpt>();
      for (const c of chosen) {
        const prior = byPassage.get(c.hit.passage.id);
        byPassage.set(c.hit.passage.id, {
          passage: c.hit.passage,
          sentences: [...(prior?.sentences ?? []), c.text],
          score: Math.max(prior?.score ?? 0, c.score),
        });
      }
      return [...byPassage.values()];
    },
  };
}

/**
 * The exact stretches of a passage that the chosen sentences cover: neighbouring sentences merge
 * into one stretch, so each quote can be found verbatim in the notice.
 */
export function quotedStretches(excerpt: Excerpt): string[] {
  const text = excerpt.passage.text;
  const ranges: [number, number][] = [];
  let from = 0;
  for (const sentence of excerpt.sentences) {
    const at = text.indexOf(sentence, from);
    if (at < 0) continue;
    const last = ranges[ranges.length - 1];
    if (last && /^\s*$/.test(text.slice(last[1], at))) last[1] = at + sentence.length;
    else ranges.push([at, at + sentence.length]);
    from = at + sentence.length;
  }
  return ranges.map(([a, b]) => text.slice(a, b));
}
