import type { Fact } from '../knowledge/facts.js';
import type { SourceEntry } from '../knowledge/manifest.js';
import { formatSection, type Passage } from '../knowledge/types.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Citation, Language } from '../types.js';

/** The title of a notice in the reader's language. */
export function sourceTitle(entry: SourceEntry, language: Language): string {
  return language === 'en' ? entry.title.en : entry.title.zh;
}

/** Builds citations for facts and passages of one index. */
export interface Citer {
  fact(fact: Fact, language: Language): Citation;
  /** Cites exact words of a source, with the section of the passage that holds them. */
  quote(sourceId: string, quote: string, language: Language): Citation;
  passage(passage: Passage, quote: string, language: Language): Citation;
  /**
   * Cites what a stretch of a rendered passage renders: the original words of the units it
   * covers, verbatim from the notice, with the original section.
   */
  rendered(passage: Passage, stretch: string, language: Language): Citation;
  entry(sourceId: string): SourceEntry | undefined;
}

/** Creates the citer of an index; a quote's section is the section of the passage holding it. */
export function createCiter(index: KnowledgeIndex): Citer {
  const entries = new Map(index.sources.map((s) => [s.id, s]));
  const sectionOf = (sourceId: string, quote: string) => {
    const at = index.cleaned[sourceId]?.indexOf(quote) ?? -1;
    const passage = index.passages.find(
      (p) => p.sourceId === sourceId && p.start <= at && at < p.end,
    );
    return passage ? formatSection(passage.section) : '';
  };
  const cite = (sourceId: string, section: string, quote: string, language: Language): Citation => {
    const entry = entries.get(sourceId);
    return {
      source: sourceId,
      title: entry ? sourceTitle(entry, language) : sourceId,
      year: entry?.year ?? 0,
      section,
      quote,
    };
  };
  return {
    fact: (fact, language) =>
      cite(fact.sourceId, sectionOf(fact.sourceId, fact.quote), fact.quote, language),
    quote: (sourceId, quote, language) =>
      cite(sourceId, sectionOf(sourceId, quote), quote, language),
    passage: (passage, quote, language) =>
      cite(passage.sourceId, formatSection(passage.section), quote, language),
    rendered: (passage, stretch, language) => {
      const units = (passage.rendering?.units ?? []).filter(
        (u) => stretch.includes(u.text) || u.text.includes(stretch),
      );
      const original = index.passages.find((p) => p.id === passage.rendering?.of) ?? passage;
      const cleaned = index.cleaned[passage.sourceId] ?? '';
      const quote =
        units.length > 0
          ? cleaned
              .slice(Math.min(...units.map((u) => u.start)), Math.max(...units.map((u) => u.end)))
              .trim()
          : original.text;
      return cite(passage.sourceId, formatSection(original.section), quote, language);
    },
    entry: (sourceId) => entries.get(sourceId),
  };
}
