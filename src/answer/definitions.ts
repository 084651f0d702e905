import { createQueryExpander } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import { messagesFor } from './messages.js';
import { paragraph, type Draft } from './reply.js';

/**
 * "百姓学习之星是什么？什么样的人能评上", "what's 智慧助老 about": answered with the sentences that
 * say what the term is (reviewed `definition` facts in knowledge/facts), each year's, cited.
 */

// Asks what something is or who counts as it (on Simplified, lower-case text).
const ASKS_WHAT =
  /(?:是|系|係)?(?:什么|啥|咩)意思|(?:是|系|係)(?:什么|咩)(?:嚟)?|是什么|是啥|是指|(?:系|係)指|指的是|(?:啲|的)?(?:咩|乜嘢?)人|(?:系|係)乜嘢?|乜嘢?意思|指什么|什么样的人|啥样的人|怎样的人|哪样的人|咩样嘅人|能当|可以当|哪类人|哪种人|什么人|是谁|怎么理解|介绍一下|讲的是|\bwhat(?:'s| is| are| does)\b|\bwho (?:is|are|counts|can be)\b|what kind of|\bmeaning\b|\bmean\b|\babout\b|(?:有|要|需|符合)?(?:什么|哪些|啥|咩|乜嘢?)(?:条件|标准|要求)|(?:评选|入选|评上|当选)?(?:条件|标准)(?:是什么|有哪些)?|怎么(?:选|评)(?:的|出来)?|怎样(?:选|评)|点(?:样)?(?:拣|选|评)|\bwho qualifies\b|\bqualif\w*|\beligib\w*|\bcriteri\w*/;

// "what's the 'lifelong learning brand project' tour thing", 品牌项目巡展, 百姓学习之星进校园活动: the
// question is about something done with the term (a section of its own), not what the term means.
const ABOUT_AN_ACTIVITY = /巡展|巡回|进校园|进社区|进企业|\btours?\b|roadshow|campus/;

/** The question without its "what is" words (哪类人, "what's … about"), for the word check. */
export function withoutDefinitionCue(text: string): string {
  return normalizeForSearch(text).replace(new RegExp(ASKS_WHAT.source, 'g'), ' ');
}

/** Creates the definition answerer of an index. */
export function createDefiner(index: KnowledgeIndex, citer: Citer) {
  const expander = createQueryExpander({ terms: index.glossary.terms, regions: [], synonyms: [] });
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const definitions = index.facts
    .filter((f) => f.kind === 'definition')
    .map((fact) => {
      const own = [fact.fields['term'], fact.renderings.zh?.['term'], fact.renderings.en?.['term']]
        .filter((t): t is string => Boolean(t))
        .map(normalizeForSearch);
      // Every form of a glossary entry that names the term names it too (Stars of Learning).
      const forms = new Set(own);
      for (const entry of expander.entries(own.join('\n')))
        if (entry.some((f) => own.includes(normalizeForSearch(f))))
          for (const f of entry) forms.add(normalizeForSearch(f));
      return { fact, forms: [...forms].filter((f) => f.length >= 2) };
    });

  return {
    /** True when the question names a term the notices describe (一省一案: on topic). */
    names(text: string): boolean {
      const t = normalizeForSearch(text);
      return definitions.some((d) => d.forms.some((f) => t.includes(f)));
    },

    /** The definitions of the term the question asks about, or null. */
    answer(text: string, language: Language, years: readonly number[]): Draft | null {
      const t = normalizeForSearch(text);
      if (!ASKS_WHAT.test(t) || ABOUT_AN_ACTIVITY.test(t)) return null;
      const named = definitions.filter((d) => d.forms.some((f) => t.includes(f)));
      if (named.length === 0) return null;
      const chosen = named
        .filter((d) => years.length === 0 || years.includes(yearOf.get(d.fact.sourceId) ?? 0))
        .sort((a, b) => (yearOf.get(b.fact.sourceId) ?? 0) - (yearOf.get(a.fact.sourceId) ?? 0));
      if (chosen.length === 0) return null;
      const m = messagesFor(language);
      const reader = language === 'en' ? 'en' : 'zh';
      const blocks: Draft['blocks'][number][] = [];
      const citations: Citation[] = [];
      let year = 0;
      for (const { fact } of chosen) {
        const y = yearOf.get(fact.sourceId) ?? 0;
        const own = languageOf.get(fact.sourceId) === reader;
        const rendering = own ? undefined : fact.renderings[reader];
        const term = rendering?.['term'] ?? fact.fields['term'] ?? '';
        if (y !== year) {
          blocks.push(paragraph(m.definition(y, term, !own && Boolean(rendering))));
          year = y;
        }
        citations.push(citer.fact(fact, language));
        blocks.push({
          kind: 'quote',
          text: rendering?.['text'] ?? fact.quote,
          citation: citations.length,
        });
      }
      return { kind: 'extractive', blocks, citations };
    },
  };
}
