import { passageLanguage } from '../knowledge/types.js';
import type { SearchHit } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Block, Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import { quotedStretches, type Excerpt, type Extractor } from './extractive.js';
import type { Referral } from './fact-answer.js';
import { messagesFor } from './messages.js';
import { paragraph, type Draft } from './reply.js';

/** Turns chosen sentences into quoted, cited answers, and "not in the notices" with the closest. */
export function createQuoting(
  index: KnowledgeIndex,
  citer: Citer,
  extractor: Extractor,
  whereToAsk: (language: Language, years: readonly number[]) => Referral,
) {
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));

  /** Quoted sentences of the best passages, each a citation. */
  const quote = (
    excerpts: readonly Excerpt[],
    language: Language,
    blocks: Block[],
    citations: Citation[],
  ) => {
    const labelled = new Set<string>();
    const m = messagesFor(language);
    for (const excerpt of excerpts) {
      const year = yearOf.get(excerpt.passage.sourceId) ?? 0;
      const rendered = excerpt.passage.rendering;
      blocks.push(paragraph(m.fromNotice(year, excerpt.passage.section.join(' › '))));
      // A rendering is shown as what it is: a working translation, the original cited beside.
      if (rendered && !labelled.has(rendered.note)) {
        labelled.add(rendered.note);
        blocks.push(paragraph(m.workingTranslation(rendered.note)));
      }
      for (const words of quotedStretches(excerpt)) {
        citations.push(
          rendered
            ? citer.rendered(excerpt.passage, words, language)
            : citer.passage(excerpt.passage, words, language),
        );
        blocks.push({ kind: 'quote', text: words, citation: citations.length });
      }
    }
  };

  return {
    /** The chosen sentences as the answer; a note when they are in the other language. */
    extractive(excerpts: readonly Excerpt[], language: Language): Draft {
      const blocks: Block[] = [];
      const citations: Citation[] = [];
      const first = excerpts[0]!.passage;
      const sourceLanguage = passageLanguage(first, languageOf.get(first.sourceId) ?? 'zh');
      if ((language === 'en') !== (sourceLanguage === 'en'))
        blocks.push(paragraph(messagesFor(language).otherLanguage(sourceLanguage)));
      quote(excerpts, language, blocks, citations);
      return { kind: 'extractive', blocks, citations };
    },

    /** "Not in the notices": the lead, the closest passage (said to be only that), whom to ask. */
    notInNotices(
      lead: Block[],
      hits: readonly SearchHit[],
      text: string,
      language: Language,
      years: readonly number[],
    ): Draft {
      const blocks = [...lead];
      const citations: Citation[] = [];
      const closest = extractor.pick(text, hits.slice(0, 1), years);
      if (closest.length > 0) {
        blocks.push(paragraph(messagesFor(language).closestInstead));
        quote(closest, language, blocks, citations);
      }
      const ask = whereToAsk(language, years);
      blocks.push(...ask.blocks);
      citations.push(...ask.citations);
      return { kind: 'not_in_notices', blocks, citations };
    },
  };
}
