import { createQueryExpander } from '../knowledge/glossary.js';
import { encodeAction } from '../actions.js';
import { normalizeForSearch } from '../knowledge/script.js';
import { passageLanguage } from '../knowledge/types.js';
import type { Retriever, SearchHit } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Block, Citation, Language, Logger, Observer, Reply } from '../types.js';
import type { ChatModel } from './chat-model.js';
import { createCiter } from './cite.js';
import { createExtractor, quotedStretches, type Excerpt } from './extractive.js';
import { createFactAnswerer } from './fact-answer.js';
import { generateAnswer } from './generate.js';
import { createOutliner } from './outline.js';
import { createDefiner, withoutDefinitionCue } from './definitions.js';
import { createCanonicalizer, phraseConflicts } from './synonyms.js';
import { asksHeadcount, decideRefusal } from './refusal.js';
import { createUnsetDetails } from './unset-details.js';
import { classifyIntent, questionParts, type Intent } from './intent.js';
import { detectLanguage, requestedLanguage } from './language.js';
import { messagesFor } from './messages.js';
import type { Prompts } from './prompts.js';
import { finish, list, paragraph, type Draft } from './reply.js';
import { createRegionMatcher, readYear } from './slots.js';
import { createWordCheck } from './unknown-words.js';

/** What the answering core needs. */
export interface AnswererOptions {
  readonly index: KnowledgeIndex;
  readonly retriever: Retriever;
  readonly chatModel?: ChatModel | undefined;
  readonly prompts?: Prompts | undefined;
  readonly llmTimeoutMs?: number | undefined;
  readonly logger?: Logger | undefined;
  readonly observer?: Observer | undefined;
  /**
   * Below this fused retrieval score the best passage is too weak to answer from, and the reply
   * says the notices do not cover the question. Measured on test/eval (see README).
   */
  readonly minScore?: number | undefined;
}

/** Answers one question: facts first, then retrieval (extractive, or generated when an LLM is set). */
export interface Answerer {
  answer(text: string, fallbackLanguage?: Language): Promise<Reply>;
  /** The greeting (or help): what the assistant does, example questions and the way into drafting. */
  greet(language: Language, kind?: 'greeting' | 'help'): Reply;
  /** True for a short question about the Week (used to answer questions asked in the middle of a form). */
  isWeekQuestion(text: string): boolean;
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

const QUESTION_SHAPE =
  /[?？吗嗎呢]\s*$|(什么|什麼|多少|哪里|哪裡|哪儿|谁|誰|几号|幾號|何时|何時)\s*$|^(请问|請問|什么|什麼|哪|谁|誰|几|幾|多少|怎么|怎麼|如何|为什么|為什麼|是否|是不是|有没有|有沒有|能不能|可不可以)|^(when|what|where|who|whom|which|why|how|is|are|do|does|can|could|will|should)\b/i;
const QUESTION_FORM =
  /[?？]\s*$|^(what|when|who|whom|which|where|why|how|is|are|do|does|can|will)\b|什么|什麼|何时|何時|哪|谁|誰|多少|几|幾|吗|嗎|呢|是否|怎么|怎麼|如何/i;

/** Creates the answering core over an index. */
export function createAnswerer(options: AnswererOptions): Answerer {
  const { index, retriever } = options;
  const citer = createCiter(index);
  const facts = createFactAnswerer(index, citer);
  const extractor = createExtractor(index);
  const outliner = createOutliner(index, citer);
  const definer = createDefiner(index, citer);
  // Every writing of every contact person, for the LLM guard.
  const knownNames = [
    ...new Set(
      index.facts.flatMap((f) =>
        [f.fields['names'], f.renderings.en?.['names'], f.renderings.zh?.['names']].flatMap((v) =>
          (v ?? '').split(/[、，,]\s*/).map((n) => n.trim()),
        ),
      ),
    ),
  ].filter((n) => n.length >= 2);
  const regions = createRegionMatcher(index.glossary.regions);
  const canonical = createCanonicalizer(
    index.glossary.synonyms,
    phraseConflicts([
      ...Object.values(index.cleaned).flatMap((t) => index.tokenizer.tokenize(t)),
      ...index.glossary.terms.flatMap((t) => t.zh),
    ]),
  );
  const unsetDetail = createUnsetDetails(index.cleaned);
  const checkWords = createWordCheck(index);
  const expander = createQueryExpander({ terms: index.glossary.terms, regions: [], synonyms: [] });
  const years = [...new Set(index.sources.map((s) => s.year))].sort((a, b) => a - b);
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;

  const examples = (language: Language) =>
    messagesFor(language).examples.map((q, index) => ({
      label: q,
      action: encodeAction({ kind: 'example', index }),
    }));

  /** True when the question is about the Week at all: a domain term, a year the notices cover, "notice". */
  const onTopic = (text: string) =>
    expander.expand(text).length > 0 ||
    readYear(text, years).covered.length > 0 ||
    /通知|notice|活动周|学习周|learning week|lifelong|终身学习|activit|参加活动|有活动|活动吗|什么活动|哪些活动/.test(
      normalizeForSearch(text),
    );

  /** Quoted sentences of the best passages, each a citation. */
  const quote = (
    excerpts: readonly Excerpt[],
    language: Language,
    blocks: Block[],
    citations: Citation[],
  ) => {
    const labelled = new Set<string>();
    for (const excerpt of excerpts) {
      const year = yearOf.get(excerpt.passage.sourceId) ?? 0;
      const rendered = excerpt.passage.rendering;
      const m = messagesFor(language);
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

  const extractive = (excerpts: readonly Excerpt[], language: Language): Draft => {
    const blocks: Block[] = [];
    const citations: Citation[] = [];
    const first = excerpts[0]!.passage;
    const sourceLanguage = passageLanguage(first, languageOf.get(first.sourceId) ?? 'zh');
    if ((language === 'en') !== (sourceLanguage === 'en'))
      blocks.push(paragraph(messagesFor(language).otherLanguage(sourceLanguage)));
    quote(excerpts, language, blocks, citations);
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
    const citations: Citation[] = [];
    const closest = extractor.pick(text, hits.slice(0, 1), readYear(text, years).covered);
    if (closest.length > 0) {
      blocks.push(paragraph(m.closestInstead));
      quote(closest, language, blocks, citations);
    }
    blocks.push(...facts.whereToAsk(language));
    return { kind: 'not_in_notices', blocks, citations };
  };

  const reply = (draft: Draft, language: Language, intent: string) =>
    finish(draft, language, intent);
  // Greetings and help offer example questions and the way into nomination drafting.
  const helpReply = (kind: 'help' | 'greeting', lead: string, language: Language): Reply => {
    const m = messagesFor(language);
    return reply(
      {
        kind,
        blocks: [paragraph(lead), list(m.capabilities)],
        citations: [],
        buttons: [
          ...examples(language),
          { label: m.draftButton, action: encodeAction({ kind: 'nominate' }) },
        ],
      },
      language,
      kind,
    );
  };

  return {
    greet(language, kind = 'greeting') {
      return helpReply(kind, messagesFor(language).greeting, language);
    },

    isWeekQuestion(text) {
      const t = canonical(text.trim());
      // Only the shape of a question counts here (a question mark or 吗 at the end, a question
      // word at the start): answers such as "老师怎么教、学员怎么学都由大家商量" contain question
      // words too, and must stay answers.
      return (
        [...t].length <= 80 &&
        QUESTION_SHAPE.test(t) &&
        onTopic(t) &&
        !['greeting', 'help', 'out_of_scope'].includes(classifyIntent(t))
      );
    },

    async answer(raw, fallbackLanguage) {
      const typed = raw.trim();
      const language = requestedLanguage(typed) ?? detectLanguage(typed, fallbackLanguage);
      // From here on the question is read in the notices' words (聯絡人 → 联系人, 影片 → 视频).
      const text = canonical(typed);
      const m = messagesFor(language);
      const help = (kind: 'help' | 'greeting', lead: string) => helpReply(kind, lead, language);
      const refuse = (): Reply =>
        reply(
          {
            kind: 'out_of_scope',
            blocks: [paragraph(m.outOfScope), list(m.examples)],
            citations: [],
            buttons: examples(language),
          },
          language,
          'out_of_scope',
        );
      if (!/[\p{L}\p{N}]/u.test(text)) {
        return text ? refuse() : help('help', m.emptyMessage);
      }
      const named = regions(text);
      let intent = classifyIntent(text);
      // "Hunan's week?" names a province and the Week: that is a schedule question.
      if (intent === 'activities' && named.length > 0 && /week|周|週/i.test(text))
        intent = 'schedule';
      // "Who is Li Ronghua?", "caeabgs@126.com是谁的邮箱": a named contact is a contacts question.
      if (intent === 'activities' && facts.namesContact(text)) intent = 'contacts';
      if (intent === 'greeting') return help('greeting', m.greeting);
      if (intent === 'help') return help('help', m.greeting);

      const words = checkWords(text);
      // Off topic: a topic the assistant does not cover, or a question that names nothing of the
      // Week and whose words the notices mostly never use.
      const offTopic =
        !onTopic(text) &&
        !FACT_INTENTS.has(intent) &&
        (words.known.length === 0 || words.unknown.length >= words.known.length);
      if (intent === 'out_of_scope' || offTopic) return refuse();
      // A bare term or year ("活动周", "2022") is not a question yet: offer examples.
      if (
        intent === 'activities' &&
        !QUESTION_FORM.test(text) &&
        words.known.length + words.unknown.length <= 1 &&
        [...text].length <= 8
      ) {
        return help('help', m.emptyMessage);
      }

      // "推荐百姓学习之星有年龄限制吗": a limit no notice sets is said plainly, then what they do
      // require of submissions (when the question is about nominating), each cited.
      const year = readYear(text, years);
      const detail = unsetDetail(text);
      if (detail && !year.asked.some((y) => !years.includes(y))) {
        const aboutSubmitting =
          /推荐|申报|报送|提交|材料|百姓学习之星|学习之星|品牌项目|nominat|submi|material|star|brand/.test(
            normalizeForSearch(text),
          );
        const required = aboutSubmitting
          ? facts.answer({
              text,
              language,
              intent: 'submission',
              years: year,
              regions: named,
            })
          : undefined;
        const blocks = [
          paragraph(m.noSuchLimit(language === 'en' ? detail.en : detail.zh, Boolean(required))),
          ...(required?.blocks ?? []),
        ];
        return reply(
          required
            ? // What was asked (the limit) is not in the notices; what they do require is cited.
              { kind: 'not_in_notices', blocks, citations: required.citations }
            : {
                kind: 'not_in_notices',
                blocks: [...blocks, ...facts.whereToAsk(language)],
                citations: [],
              },
          language,
          intent,
        );
      }

      const notCovered =
        (year.asked.length > 0 && year.covered.length === 0) || year.source === 'next-year';
      const question = { text, language, intent, years: year, regions: named };
      // Facts answer even with unknown words around them ("忽略之前的指令，2022年的主题是…"): the
      // intent names what is asked, and the fact layer says itself what a notice does not give.
      if (FACT_INTENTS.has(intent) && !asksHeadcount(text)) {
        // "主题和举办时间分别是什么": every part answered, each with its citation.
        const parts = questionParts(text).filter(
          (p) => p.intent === intent || FACT_INTENTS.has(p.intent),
        );
        const drafts = (parts.length > 1 ? parts : [{ intent, text }])
          .map((p) => facts.answer({ ...question, text: p.text, intent: p.intent }))
          .filter((d): d is NonNullable<typeof d> => d !== null && d !== undefined);
        if (drafts.length === 1) return reply(drafts[0]!, language, intent);
        if (drafts.length > 1) return reply(combine(drafts), language, intent);
      }

      // "百姓学习之星是什么": the sentences that say what the term is.
      // A word the notices never use ("what is the prize for a Star") is not a definition question.
      if (
        !notCovered &&
        intent === 'activities' &&
        checkWords(withoutDefinitionCue(text)).unknown.length === 0
      ) {
        const meaning = definer.answer(text, language, year.covered);
        if (meaning) return reply(meaning, language, 'definition');
      }
      // "2024年活动内容有哪几项", "第五项讲什么": the shape of a section, from its headings.
      if (!notCovered && intent === 'activities') {
        const shape = outliner.answer(text, language, year.covered);
        if (shape) return reply(shape, language, 'outline');
      }
      const found = await retriever.search(text, {
        k: 8,
        language: language === 'en' ? 'en' : 'zh',
        ...(year.covered.length > 0 ? { years: year.covered } : {}),
      });
      // A year the question names is a filter, not a preference, for what is quoted.
      const hits =
        year.covered.length > 0
          ? found.filter((h) => year.covered.includes(yearOf.get(h.passage.sourceId) ?? 0))
          : found;
      if (notCovered) {
        return reply(
          notInNotices(
            [paragraph(m.yearsNotCovered(year.label ?? year.asked, years))],
            hits,
            text,
            language,
          ),
          language,
          intent,
        );
      }
      const excerpts = hits[0] ? extractor.pick(text, hits, year.covered) : [];
      const refusal = decideRefusal({
        question: text,
        unknown: words.unknown,
        knownIdeas: words.knownIdeas,
        bestScore: hits[0]?.score,
        minScore,
        sentences: excerpts.flatMap((e) => e.sentences).join('\n'),
      });
      if (refusal) {
        options.logger?.debug({ refusal, score: hits[0]?.score }, 'not in the notices');
        const unknown = refusal.reason === 'unknown-topic' ? refusal.words : [];
        return reply(
          notInNotices([paragraph(m.notInNotices(unknown))], hits, text, language),
          language,
          intent,
        );
      }
      if (options.chatModel && options.prompts) {
        const outcome = await generateAnswer({
          // The model reads the question as the user typed it.
          question: typed,
          language,
          hits: hits.slice(0, 4),
          model: options.chatModel,
          prompts: options.prompts,
          timeoutMs: options.llmTimeoutMs ?? 8000,
          citer,
          extractor,
          knownNames,
        });
        if (outcome.ok) return reply(outcome.draft, language, intent);
        options.observer?.llmFallback?.(outcome.reason);
        options.logger?.warn(
          { reason: outcome.reason, detail: outcome.detail },
          'generated answer not used; answering from the passages',
        );
      }
      return reply(extractive(excerpts, language), language, intent);
    },
  };
}

/** Fact answers to the parts of one question, as one: their blocks in turn, each source once. */
function combine(drafts: readonly Draft[]): Draft {
  const seen = new Set<string>();
  const citations = drafts
    .flatMap((d) => d.citations)
    .filter((c) => {
      const key = `${c.source}\u0000${c.section}\u0000${c.quote}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    kind: drafts.some((d) => d.kind === 'fact') ? 'fact' : drafts[0]!.kind,
    blocks: drafts.flatMap((d) => d.blocks),
    citations,
  };
}
