import type { Garble } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import { splitSentences } from '../knowledge/sentences.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import { messagesFor } from './messages.js';
import { paragraph, type Draft } from './reply.js';

/**
 * "The 2024 copy says 'non-genetic inheritance' — surely not genetics? what is it": a phrase of a
 * machine-translated copy asked about is answered with what its original says (reviewed in the
 * glossary's `garbles`), then the copy's sentence, cited.
 */

// Asks what something means (on Simplified, lower-case text).
const ASKS_MEANING =
  /\bmean(?:s|ing|t)?\b|\brefer|\bwhat(?:'s| is| are)\b|\bsupposed to\b|\bintended\b|\bgarbled\b|\bactually\b|\btranslat|意思|指的?是|指什么|指谁|是什么|是啥|系什么|系乜|咩|乜|对应|怎么理解|原文/;

// Asks what someone does ("what are the 'Star of People Learning' people supposed to do"): the
// sentences of their part, not what the phrase means.
const ASKS_DOING =
  /\b(?:supposed|expected|required|meant|going) to (?:do|go|visit|carry|take|hold|run)\b|要做什么|做什么|干什么|干嘛|做啲乜|做咩/;

// The copy writes "non -genetic"; people write "non-genetic" or "non genetic".
const squeeze = (text: string) =>
  normalizeForSearch(text)
    .replace(/\s*-\s*/g, '-')
    .replace(/[“”"'‘’]/g, '');

/** Creates the answerer for garbled phrases of an index's machine-translated copies. */
export function createGarbles(index: KnowledgeIndex, citer: Citer) {
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const entries = index.glossary.garbles.map((g: Garble) => {
    const cleaned = index.cleaned[g.source] ?? '';
    // The copy's sentence holding the phrase, as the notice has it.
    // ("No. 7" ends no sentence.)
    const sentence = cleaned
      .split('\n')
      .flatMap((line) => splitSentences(line).map((s) => line.slice(s.start, s.end).trim()))
      .find((s) => squeeze(s).includes(squeeze(g.copy)));
    return { g, key: squeeze(g.copy), sentence };
  });
  return {
    /**
     * A quote of the copy that holds a garbled phrase ("…and learn from time to learn.") is
     * followed by what the phrase stands for, once per phrase: the reader of the copy's words
     * would otherwise take them at face value.
     */
    annotate(draft: Draft, language: Language): Draft {
      if (language !== 'en') return draft;
      const m = messagesFor(language);
      const said = new Set<string>();
      const blocks: Draft['blocks'][number][] = [];
      for (const block of draft.blocks) {
        blocks.push(block);
        if (block.kind !== 'quote') continue;
        const t = squeeze(block.text);
        for (const { g, key } of entries)
          if (t.includes(key) && !said.has(key)) {
            said.add(key);
            blocks.push(paragraph(m.garbleNote(g.copy, g.en)));
          }
      }
      return said.size > 0 ? { ...draft, blocks } : draft;
    },

    /** The copy's garbled phrases a text names. */
    named(text: string): string[] {
      const t = squeeze(text);
      return entries.filter((e) => e.sentence && t.includes(e.key)).map((e) => e.g.copy);
    },

    answer(text: string, language: Language): Draft | null {
      const t = squeeze(text);
      if (!ASKS_MEANING.test(t) || ASKS_DOING.test(t)) return null;
      const named = entries.filter((e) => e.sentence && t.includes(e.key));
      if (named.length === 0) return null;
      const m = messagesFor(language);
      const blocks: Draft['blocks'][number][] = [];
      const citations: Citation[] = [];
      for (const { g, sentence } of named) {
        const year = yearOf.get(g.source) ?? 0;
        blocks.push(paragraph(m.garbled(year, g.copy, language === 'en' ? g.en : g.zh)));
        citations.push(citer.quote(g.source, sentence!, language));
        blocks.push({ kind: 'quote', text: sentence!, citation: citations.length });
      }
      return { kind: 'extractive', blocks, citations };
    },
  };
}
