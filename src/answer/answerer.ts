import { createQueryExpander } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { Retriever, SearchHit } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Block, Language, Logger, Reply } from '../types.js';
import type { ChatModel } from './chat-model.js';
import { createCiter } from './cite.js';
import { createExtractor, quotedStretches, type Excerpt } from './extractive.js';
import { createFactAnswerer } from './fact-answer.js';
import { generateAnswer } from './generate.js';
import { classifyIntent, type Intent } from './intent.js';
import { detectLanguage } from './language.js';
import { messagesFor } from './messages.js';
import type { Prompts } from './prompts.js';
import { finish, list, paragraph, type Draft } from './reply.js';
import { createRegionMatcher, readYear } from './slots.js';
import { createUnknownWords } from './unknown-words.js';

/** What the answering core needs. */
export interface AnswererOptions {
  readonly index: KnowledgeIndex;
  readonly retriever: Retriever;
  readonly chatModel?: ChatModel | undefined;
  readonly prompts?: Prompts | undefined;
  readonly llmTimeoutMs?: number | undefined;
  readonly logger?: Logger | undefined;
  /**
   * Below this fused retrieval score the best passage is too weak to answer from, and the reply
   * says the notices do not cover the question. Measured on test/eval (see README).
   */
  readonly minScore?: number | undefined;
}

/** Answers one question: facts first, then retrieval (extractive, or generated when an LLM is set). */
export interface Answerer {
  answer(text: string, fallbackLanguage?: Language): Promise<Reply>;
}

const FACT_INTENTS: ReadonlySet<Intent> = new Set([
  'theme',
  'schedule',
  'opening',
  'organizers',
  'issuer',
  'document',
  'submission',
  'contacts',
  'websites',
  'annexes',
  'nomination',
]);

/** The default confidence threshold (see AnswererOptions.minScore). */
export const DEFAULT_MIN_SCORE = 0.25;

/** Creates the answering core over an index. */
export function createAnswerer(options: AnswererOptions): Answerer {
  const { index, retriever } = options;
  const citer = createCiter(index);
  const facts = createFactAnswerer(index, citer);
  const extractor = createExtractor(index);
  const regions = createRegionMatcher(index.glossary.regions);
  const unknownWords = createUnknownWords(index);
  const expander = createQueryExpander({ terms: index.glossary.terms, regions: [] });
  const years = [...new Set(index.sources.map((s) => s.year))];
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;

  const examples = (language: Language) =>
    messagesFor(language).examples.map((q) => ({ label: q, action: q }));

  /** True when the question is about the Week at all: a domain term, a year the notices cover, "notice". */
  const onTopic = (text: string) =>
    expander.expand(text).length > 0 ||
    readYear(text, years).covered.length > 0 ||
    /通知|notice|活动周|learning week/.test(normalizeForSearch(text));

  const extractive = (text: string, excerpts: readonly Excerpt[], language: Language): Draft => {
    const m = messagesFor(language);
    const blocks: Block[] = [];
    const citations = [];
    const first = excerpts[0]!.passage;
    const sourceLanguage = languageOf.get(first.sourceId) ?? 'zh';
    if ((language === 'en') !== (sourceLanguage === 'en'))
      blocks.push(paragraph(m.otherLanguage(sourceLanguage)));
    for (const excerpt of excerpts) {
      const year = citer.entry(excerpt.passage.sourceId)?.year ?? 0;
      blocks.push(paragraph(m.fromNotice(year, excerpt.passage.section.join(' › '))));
      for (const quote of quotedStretches(excerpt)) {
        citations.push(citer.passage(excerpt.passage, quote, language));
        blocks.push({ kind: 'quote', text: quote, citation: citations.length });
      }
    }
    void text;
    return { kind: 'extractive', blocks, citations };
  };

  const notInNotices = (
    lead: Block[],
    hits: readonly SearchHit[],
    text: string,
    language: Language,
  ): Draft => {
    const m = messagesFor(language);
    const blocks = [...lead];
    const citations = [];
    const [closest] = extractor.pick(text, hits.slice(0, 1));
    if (closest) {
      blocks.push(paragraph(m.closestInstead));
      const year = citer.entry(closest.passage.sourceId)?.year ?? 0;
      blocks.push(paragraph(m.fromNotice(year, closest.passage.section.join(' › '))));
      for (const quote of quotedStretches(closest)) {
        citations.push(citer.passage(closest.passage, quote, language));
        blocks.push({ kind: 'quote', text: quote, citation: citations.length });
      }
    }
    blocks.push(...facts.whereToAsk(language));
    return { kind: 'not_in_notices', blocks, citations };
  };

  return {
    async answer(raw, fallbackLanguage) {
      const text = raw.trim();
      const language = detectLanguage(text, fallbackLanguage);
      const m = messagesFor(language);
      if (!text) {
        return finish(
          {
            kind: 'help',
            blocks: [paragraph(m.emptyMessage), list(m.examples)],
            citations: [],
            buttons: examples(language),
          },
          language,
          'help',
        );
      }
      const named = regions(text);
      let intent = classifyIntent(text);
      // "Hunan's week?" names a province and the Week: that is a schedule question.
      if (intent === 'activities' && named.length > 0 && /week|周|週/i.test(text))
        intent = 'schedule';
      if (intent === 'greeting' || intent === 'help') {
        const draft: Draft = {
          kind: intent,
          blocks: [paragraph(m.greeting), list(m.capabilities)],
          citations: [],
          buttons: examples(language),
        };
        return finish(draft, language, intent);
      }
      const words = unknownWords(text);
      const unknown = words.unknown;
      // Off topic: a topic the assistant does not cover, or a question that names nothing of the
      // Week and whose words the notices mostly never use.
      const offTopic =
        !onTopic(text) && (words.known.length === 0 || unknown.length >= words.known.length);
      if (intent === 'out_of_scope' || offTopic) {
        return finish(
          {
            kind: 'out_of_scope',
            blocks: [paragraph(m.outOfScope), list(m.examples)],
            citations: [],
            buttons: examples(language),
          },
          language,
          'out_of_scope',
        );
      }

      const year = readYear(text, years);
      const question = { text, language, intent, years: year, regions: named };
      if (FACT_INTENTS.has(intent)) {
        const draft = facts.answer(question);
        if (draft) {
          const lead = intent === 'nomination' ? [paragraph(m.nominationSoon)] : [];
          return finish({ ...draft, blocks: [...lead, ...draft.blocks] }, language, intent);
        }
      }

      const hits = await retriever.search(text, {
        k: 5,
        ...(year.covered.length > 0 ? { years: year.covered } : {}),
      });
      if (year.asked.length > 0 && year.covered.length === 0) {
        return finish(
          notInNotices(
            [
              paragraph(
                m.yearsNotCovered(
                  year.asked,
                  years.sort((a, b) => b - a),
                ),
              ),
            ],
            hits,
            text,
            language,
          ),
          language,
          intent,
        );
      }
      if (unknown.length > 0 || !hits[0] || hits[0].score < minScore) {
        options.logger?.debug({ unknown, score: hits[0]?.score }, 'not in the notices');
        return finish(
          notInNotices([paragraph(m.notInNotices)], hits, text, language),
          language,
          intent,
        );
      }
      if (options.chatModel && options.prompts) {
        const outcome = await generateAnswer({
          question: text,
          language,
          hits: hits.slice(0, 4),
          model: options.chatModel,
          prompts: options.prompts,
          timeoutMs: options.llmTimeoutMs ?? 8000,
          citer,
          extractor,
        });
        if (outcome.ok) return finish(outcome.draft, language, intent);
        options.logger?.warn(
          { reason: outcome.reason, detail: outcome.detail },
          'generated answer not used; answering from the passages',
        );
      }
      return finish(extractive(text, extractor.pick(text, hits), language), language, intent);
    },
  };
}
