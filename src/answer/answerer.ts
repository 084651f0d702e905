import { createQueryExpander } from '../knowledge/glossary.js';
import { encodeAction } from '../actions.js';
import { normalizeForSearch } from '../knowledge/script.js';

import type { Retriever, SearchHit } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Language, Logger, Observer, Reply } from '../types.js';
import type { ChatModel } from './chat-model.js';
import { createCiter } from './cite.js';
import { createExtractor, pickForEachAsk, wholeWhenAskedWhatItSays } from './extractive.js';
import { createFactAnswerer } from './fact-answer.js';
import { generateAnswer } from './generate.js';
import { knownPersonNames } from './names.js';
import { createOutliner } from './outline.js';
import { createDefiner, createRoles, withoutDefinitionCue } from './definitions.js';
import { createGarbles } from './garbles.js';
import { createPasted } from './pasted.js';
import { createTellingSearch } from './telling.js';
import { asksHeadcount, decideRefusal } from './refusal.js';
import { createUnsetDetails } from './unset-details.js';
import {
  classifyIntent,
  contactFields,
  FACT_INTENTS,
  QUESTION_FORM,
  QUESTION_SHAPE,
  askingSentences,
  questionParts,
  type Intent,
} from './intent.js';
import { messagesFor } from './messages.js';
import type { Prompts } from './prompts.js';
import { combineDrafts, finish, list, paragraph, type Draft } from './reply.js';
import { createLeads } from './leads.js';
import { createQuoting } from './quoting.js';
import { readYear } from './slots.js';
import { asTyped } from './unknown-words.js';
import { createQuestionReader, type Question } from './question.js';
import { unsetDraft } from './unset-details.js';

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

/** The default confidence threshold (see AnswererOptions.minScore). */
export const DEFAULT_MIN_SCORE = 0.25;

/** Where a second question starts inside one sentence ("… and whats the url", "，还有网址呢"). */
const SECOND_ASK =
  /(?:,\s*|\s+)and\s+(?:(?:on|in|at|through|by|from|for|with|to)\s+)?(?=(?:what|whats|what's|when|who|where|which|how|is|are|does|do|can)\b)|[，,]\s*(?:还有|另外|以及)(?=.*[?？吗呢])/i;

/** Names the Week or something one does in it (on Simplified, lower-case text). */
const TAKES_PART =
  /学习|learn|\bweek\b|活动|activit|通知|notice|百姓|\bstars?\b|品牌|brand|开幕|opening|ceremony|推荐|nominat|报名|参加|参与|\bjoin|\battend|sign up|regist|课|\bcourses?\b|\blessons?\b|讲座|\bclass|大学|universit|平台|platform|\btalks?\b|视频|video|材料|material|读书|reading/;

/**
 * Names a topic of its own (on Simplified, lower-case text): a part without one ("开多少门啊",
 * "and how many?") leans on the sentence before it.
 */
const NAMES_TOPIC =
  /[\p{Script=Han}]{2,}(?:课|课程|平台|活动|材料|项目|之星|网站|视频|开幕式)|\b(?:courses?|platforms?|activit\w*|materials?|projects?|stars?|websites?|videos?|ceremony)\b/u;

/** Asks the same again of another year or thing ("also for 2022…", "a different person?", 也). */
const ASKS_SAME_AGAIN =
  /\b(?:also|too|as well|either|different|same|another)\b|也|又是|同样|一样|不同|换了/;
/** Words that ask a detail of a fact already asked ("…a different person?"), not a topic. */
const DETAIL_WORDS = new Set(['person', 'people', 'name', 'number', '人', '名字', '号码']);

/** Asks how things differ (on Simplified, lower-case text). */
const TERMS_DIFFER =
  /区别|差别|差异|有何不同|有什么不同|有啥不同|有何分别|两者(?:的)?分别|(?:有|系)?(?:咩|乜|什么|啥)(?:嘢)?(?:分别|唔同)|\bdiffer\w*|\bdistinguish\w*/;

/** Words that point back to something named before ("under it", 它) (on Simplified, lower-case text). */
const REFERS_BACK = /\bit\b|它/;

/** Names the date a notice was issued (on Simplified, lower-case text). */
const ISSUE_DATE =
  /落款|发文日期|印发日期|发布日期|成文日期|通知(?:的)?日期|\bissued\b|\bissue date\b|notice'?s (?:own )?date|\bnotice date\b|\bdated\b|date of the notice/;
/** Names a submission deadline (on Simplified, lower-case text). */
const DEADLINE =
  /截止|报送时间|前报|\bdeadline\b|\bdue\b|\bsubmi\w*\b[^.?!]{0,60}\bby (?:a|the|which|what|some) (?:certain |specific |given )?(?:date|day|time)\b/;
/** Asks whether what was told is right ("Correct?", "对吗"), on the asking sentences. */
const CHECKS_TOLD =
  /^\W*(?:correct|right|true|accurate|is (?:that|this|it) (?:correct|right|true|accurate))\b|^\W*(?:对吗|对不对|是吗|是不是|对吧|系咪|啱唔啱|正确吗|準確嗎|准确吗)/i;

/** A Chinese clause that asks for something of its own (哪些, 什么, 啥, 几, 多少, 谁, 怎么). */
const ASKS_IN_CLAUSE = /哪|什么|什麼|啥|咩|几|幾|多少|谁|誰|怎么|怎麼|如何|边|邊/;

/**
 * A Chinese sentence cut after each comma clause that asks ("2022年通知里，中心要开哪些系列公开课，
 * 通过什么平台开？": two parts); a sentence with one asking clause stays whole.
 */
function askingClauses(sentence: string): string[] {
  const parts: string[] = [];
  let open = '';
  for (const clause of sentence.split(/(?<=[，,])/)) {
    open += clause;
    if (ASKS_IN_CLAUSE.test(clause)) {
      parts.push(open.replace(/[，,]\s*$/, ''));
      open = '';
    }
  }
  if (open && parts.length > 0) parts[parts.length - 1] += open;
  return parts.length >= 2 ? parts : [sentence];
}

/** Creates the answering core over an index. */
export function createAnswerer(options: AnswererOptions): Answerer {
  const { index, retriever } = options;
  const citer = createCiter(index);
  const facts = createFactAnswerer(index, citer);
  const extractor = createExtractor(index);
  const outliner = createOutliner(index, citer);
  const definer = createDefiner(index, citer);
  const roles = createRoles(index, citer);
  const garbles = createGarbles(index, citer);
  const pasted = createPasted(index, citer);
  const leads = createLeads(index);
  // Every writing of every contact person, for the LLM guard.
  const knownNames = knownPersonNames(index.facts);
  const reader = createQuestionReader(index, facts);
  const { read, canonical, checkWords } = reader;
  const searchTelling = createTellingSearch(index, retriever, checkWords);
  const unsetDetail = createUnsetDetails(index.cleaned);
  const expander = createQueryExpander({ terms: index.glossary.terms, regions: [], synonyms: [] });
  const years = [...new Set(index.sources.map((s) => s.year))].sort((a, b) => a - b);
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));

  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;

  const examples = (language: Language) =>
    messagesFor(language).examples.map((q, index) => ({
      label: q,
      action: encodeAction({ kind: 'example', index }),
    }));

  // Every run of four Chinese characters in the notices and their renderings: a question that
  // quotes one ("书香之家要交钱吗", 书香之家 of 书香社区、书香之家) names something of the Week.
  let noticeGrams: Set<string> | undefined;
  const grams = (text: string) =>
    (normalizeForSearch(text).match(/\p{Script=Han}{4,}/gu) ?? []).flatMap((run) => {
      const chars = [...run];
      return chars.slice(0, -3).map((_, i) => chars.slice(i, i + 4).join(''));
    });
  const quotesNotice = (text: string) => {
    const asked = grams(text);
    if (asked.length === 0) return false;
    noticeGrams ??= new Set(
      [
        ...Object.values(index.cleaned),
        ...index.passages.flatMap((p) =>
          p.rendering?.language === 'zh' ? p.rendering.units.map((u) => u.text) : [],
        ),
      ].flatMap(grams),
    );
    return asked.some((g) => noticeGrams!.has(g));
  };

  /** True when the question is about the Week at all: a domain term, a year the notices cover, "notice". */
  // Names the Week, a notice, a year of one, a term the notices define or a phrase they use.
  const namesWeek = (text: string) =>
    definer.names(text) ||
    quotesNotice(text) ||
    readYear(text, years).covered.length > 0 ||
    /通知|notice|活动周|学习周|learning week|lifelong|终身学习|activit|参加活动|有活动|活动吗|什么活动|哪些活动/.test(
      normalizeForSearch(text),
    );
  const onTopic = (text: string) => expander.expand(text).length > 0 || namesWeek(text);

  const quoting = createQuoting(index, citer, extractor, (l, y) => facts.whereToAsk(l, y));

  // A quote of a garbled phrase of the machine-translated copy says what the phrase stands for;
  // the answer that explains the phrase already does.
  const reply = (draft: Draft, language: Language, intent: string) =>
    finish(intent === 'garbled' ? draft : garbles.annotate(draft, language), language, intent);
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

  const refuse = (q: Question): Reply =>
    reply(
      {
        kind: 'out_of_scope',
        blocks: [paragraph(q.m.outOfScope), list(q.m.examples)],
        citations: [],
        buttons: examples(q.language),
      },
      q.language,
      'out_of_scope',
    );

  /** The fact answer to every fact part of a question, or null when it asks for no fact. */
  const factDraft = (q: Question): Draft | null => {
    if (!FACT_INTENTS.has(q.intent) || asksHeadcount(q.text)) return null;
    // "…the national opening ceremony. Could you tell me the exact date and host city?": the date
    // and the host asked after the ceremony is named (and not the Week) are the ceremony's, one
    // part.
    const parts = questionParts(q.asks)
      .filter((p) => p.intent === q.intent || FACT_INTENTS.has(p.intent))
      .map((p) =>
        q.intent === 'opening' &&
        !/开幕|開幕|opening|ceremony/i.test(q.asks) &&
        ['schedule', 'organizers', 'issuer'].includes(p.intent) &&
        !/\bweek\b|活动周|活動週|活動周/i.test(p.text)
          ? { ...p, intent: 'opening' as const }
          : p,
      )
      .filter(
        (p, i, all) => p.intent !== 'opening' || all.findIndex((x) => x.intent === 'opening') === i,
      );
    const question = { text: q.text, language: q.language, years: q.year, regions: q.named };
    // Whose contact or which site is read from the asking sentences ("我们计划请中国成人教育协会协助
    // 宣传本省活动。…协会的联系人是谁？"): the telling ones name what the asker plans, not a record.
    // A terse request before the question ("MoE contact name + number. also is the email …?")
    // asks too: the whole message, when it asks for more details of a contact than the question.
    const lookupText =
      (q.intent === 'contacts' || q.intent === 'websites') &&
      q.asks !== q.text &&
      !(q.intent === 'contacts' && contactFields(q.text).length > contactFields(q.asks).length)
        ? q.asks
        : q.text;
    let asked: { intent: Intent; text: string }[] =
      parts.length > 1 ? [...parts] : [{ intent: q.intent, text: lookupText }];
    // "the deadline seems to fall before the notice's own date": both dates, to compare.
    const t = normalizeForSearch(q.text);
    const other =
      q.intent === 'submission' && ISSUE_DATE.test(t)
        ? 'issuer'
        : q.intent === 'issuer' && DEADLINE.test(t)
          ? 'submission'
          : null;
    if (other && !asked.some((p) => p.intent === other))
      asked.push({ intent: other, text: q.text });
    // "…asks provinces to submit by a certain date, yet the notice appears dated afterwards.
    // Could you confirm both dates?": the two dates, not the Week's.
    if (q.intent === 'schedule' && parts.length <= 1 && ISSUE_DATE.test(t) && DEADLINE.test(t))
      asked = [
        { intent: 'submission', text: q.text },
        { intent: 'issuer', text: q.text },
      ];
    // "'the 2022 notice was issued … on 9 Nov 2022.' Correct? And where does the office sit?":
    // the claim told before "correct?" is checked too.
    const told = q.asks !== q.text && CHECKS_TOLD.test(q.asks) ? q.text.replace(q.asks, ' ') : '';
    const toldIntent = told ? classifyIntent(told) : undefined;
    if (
      toldIntent &&
      FACT_INTENTS.has(toldIntent) &&
      !asked.some((p) => p.intent === toldIntent) &&
      !(toldIntent === 'organizers' && asked.some((p) => p.intent === 'issuer'))
    )
      asked.unshift({
        intent: ISSUE_DATE.test(normalizeForSearch(told)) ? 'issuer' : toldIntent,
        text: told,
      });
    const drafts = asked
      .map((p) => facts.answer({ ...question, text: p.text, intent: p.intent }))
      .filter((d): d is NonNullable<typeof d> => d !== null && d !== undefined);
    if (drafts.length === 0) return null;
    return drafts.length === 1 ? drafts[0]! : combineDrafts(drafts);
  };

  /** Asks how two things differ (on the asking sentences). */
  const comparesTerms = (q: Question) => TERMS_DIFFER.test(normalizeForSearch(q.asks));

  /** The sentences that say what a term the question asks about is, or null. */
  const definitionDraft = (q: Question): Draft | null => {
    if (q.notCovered || (q.intent !== 'activities' && !comparesTerms(q))) return null;
    // The sentences that ask choose the term: "I'd like to share them" after "which online
    // platforms…?" is not the sharing between platforms.
    const meaning = definer.answer(q.asks, q.language, q.year.covered);
    if (!meaning) return null;
    // One unknown word among many known ideas ("were occupational skills among them") is the
    // asker's wording, not a topic the notices lack.
    // Asked by a fact's other name ("…with respect to COVID-19"), the rest is wording.
    // Read on the sentences that ask: why the asker asks ("I'd like to share them with my
    // students") names no topic the notices must hold.
    const words = checkWords(withoutDefinitionCue(q.asks));
    if (
      words.unknown.length > 0 &&
      words.unknown.length * 3 >= words.knownIdeas &&
      !definer.asksByOtherName(q.text)
    )
      return null;
    return meaning;
  };

  /**
   * The ways a question is answered before the passages are searched, in order; each returns a
   * reply or passes. Named, so a reader (and a test) can tell which one answered.
   */
  const STEPS: readonly { readonly name: string; run(q: Question): Reply | null }[] = [
    {
      name: 'empty',
      run: (q) =>
        /[\p{L}\p{N}]/u.test(q.text)
          ? null
          : q.text
            ? refuse(q)
            : helpReply('help', q.m.emptyMessage, q.language),
    },
    {
      name: 'smalltalk',
      run: (q) =>
        q.intent === 'greeting' || q.intent === 'help'
          ? helpReply(q.intent, q.m.greeting, q.language)
          : null,
    },
    {
      // "“要切实防止……做到真正有实效” 后面还说确保什么来着": a line of a notice pasted and asked
      // about is found (through a gap the asker left) and quoted whole with its section, in the
      // asker's language. A garbled phrase of a machine-translated copy is read below instead.
      name: 'pasted',
      run: (q) => {
        const line = pasted.answer(q.typed, q.language, FACT_INTENTS.has(q.intent));
        if (!line || garbles.answer(q.text, q.language)) return null;
        return reply(line, q.language, 'pasted');
      },
    },
    {
      // A topic the assistant does not cover, or a question that names nothing of the Week and
      // whose words the notices mostly never use.
      name: 'off-topic',
      run: (q) =>
        q.intent === 'out_of_scope' ||
        (!onTopic(q.text) &&
          !FACT_INTENTS.has(q.intent) &&
          // "要唔要俾钱报名？收费几多？" about the Week's online activities: a limit the notices do
          // not set, answered as such below; "种玉米的补贴怎么申请", "overtime pay in Guangdong"
          // name nothing one does in the Week, and stay off the topic.
          !(
            q.words.known.length > 0 &&
            unsetDetail(q.text, q.asks) &&
            TAKES_PART.test(normalizeForSearch(q.text))
          ) &&
          (q.words.known.length === 0 || q.words.unknown.length >= q.words.known.length)) ||
        // "fix my Python script, it throws KeyError when I read a dict": a word of a rule
        // ("when") or one common word of the notices ("read") does not make it about the Week.
        (q.words.unknown.length >= 3 &&
          q.words.unknown.length >= 3 * Math.max(1, q.words.knownIdeas) &&
          // "how much does it cost to attend the opening ceremony? ticket price?": a limit the
          // notices do not set, about the Week.
          unsetDetail(q.text, q.asks)?.kind !== 'limit' &&
          !/学习|learn|\bweek\b/.test(normalizeForSearch(q.text)) &&
          !namesWeek(q.text)) ||
        // "今年种玉米的补贴怎么申请", "how do I calculate overtime pay in Guangdong": money or a
        // limit asked of a topic of the asker's own (玉米, overtime), with nothing one does in
        // the Week named; "how much does it cost?" alone is still the Week's.
        (q.intent === 'activities' &&
          q.words.unknown.length > 0 &&
          unsetDetail(q.text, q.asks) !== undefined &&
          !TAKES_PART.test(normalizeForSearch(q.text)) &&
          !namesWeek(q.text))
          ? refuse(q)
          : null,
    },
    {
      // A bare term or year ("活动周", "2022") is not a question yet: offer examples.
      name: 'bare-term',
      run: (q) =>
        q.intent === 'activities' &&
        !QUESTION_FORM.test(q.text) &&
        q.words.known.length + q.words.unknown.length <= 1 &&
        [...q.text].length <= 8
          ? helpReply('help', q.m.emptyMessage, q.language)
          : null,
    },
    {
      // "推荐百姓学习之星有年龄限制吗": a limit no notice sets is said plainly, then what they do
      // require of submissions (when the question is about nominating), each cited.
      name: 'unset-limit',
      run: (q) => {
        const detail = unsetDetail(q.text, q.asks);
        // A year the notices do not cover is the year asked of, except a first year claimed
        // ("launched back in 2012"), which is what is checked.
        if (!detail || (detail.id !== 'first-year' && q.year.asked.some((y) => !years.includes(y))))
          return null;
        // "那个个人终身学习账户是啥玩意 能干啥 有没有学分那种": what the term is, as the notices
        // say, then the limit they do not set, when the limit is asked apart ("「老年人」係指幾多歲
        // 以上" asks the limit itself).
        const clauses = q.asks.split(/[\s，,。？?！!；;]+/).filter((c) => c.length > 0);
        const found = clauses.map((c) => unsetDetail(c, c) !== undefined);
        const apart = clauses.length >= 2 && found.includes(true) && found.includes(false);
        const meaning = detail.kind === 'limit' && apart ? definitionDraft(q) : null;
        if (meaning) {
          const m = messagesFor(q.language);
          const name = q.language === 'en' ? detail.en : detail.zh;
          return reply(
            { ...meaning, blocks: [...meaning.blocks, paragraph(m.noSuchLimit(name, false))] },
            q.language,
            'definition',
          );
        }
        const question = {
          text: q.text,
          language: q.language,
          intent: q.intent,
          years: q.year,
          regions: q.named,
        };
        return reply(unsetDraft(detail, question, facts), q.language, q.intent);
      },
    },
    {
      // "'non-genetic inheritance' — surely not genetics? what is it": what the original of a
      // machine-translated copy's phrase says, then the copy's sentence, cited.
      name: 'garbled',
      run: (q) => {
        // "what is meaning of Star of People Learning": the copy's wording of a glossary term the
        // notice defines is answered by its defining sentences (the definition step), not by
        // what the wording stands for.
        // Most questions name no garbled phrase: nothing is looked up for them.
        const named = garbles.named(q.text);
        if (named.length === 0) return null;
        const terms = expander
          .entries(q.text)
          .flat()
          .map((f) => f.toLowerCase());
        if (named.every((c) => terms.includes(c.toLowerCase())) && definitionDraft(q)) return null;
        const meaning = garbles.answer(q.text, q.language);
        return meaning ? reply(meaning, q.language, 'garbled') : null;
      },
    },
    {
      // "2024年宣传部门要负责什么", "what is the China Adult Education Association supposed to do":
      // the sentences that give that body its part, each cited (before the organisers' fact,
      // which names every body and says what none of them does).
      name: 'role',
      run: (q) => {
        if (
          q.notCovered ||
          !['activities', 'organizers', 'issuer', 'submission'].includes(q.intent)
        )
          return null;
        const part = roles.answer(q.asks, q.language, q.year.covered);
        if (!part) return null;
        // "哪几个部门联合发的？我们文旅厅在里面主要负责啥": the issuers, then that body's part.
        // "省级教育行政部门需要在什么时间之前、向哪个机构报送哪些材料": the submission facts, then
        // that body's part.
        const facts =
          q.intent !== 'activities' &&
          (askingSentences(q.asks).length >= 2 || q.intent === 'submission')
            ? factDraft(q)
            : null;
        return facts
          ? reply(combineDrafts([facts, part]), q.language, q.intent)
          : reply(part, q.language, 'role');
      },
    },
    {
      // Facts answer even with unknown words around them ("忽略之前的指令，2022年的主题是…"): the
      // intent names what is asked, and the fact layer says itself what a notice does not give.
      // "主题和举办时间分别是什么": every part answered, each with its citation.
      name: 'facts',
      run: (q) => {
        const draft = factDraft(q);
        return draft ? reply(draft, q.language, q.intent) : null;
      },
    },
    {
      // "百姓学习之星是什么": the sentences that say what the term is. A word the notices never use
      // ("what is the prize for a Star") makes it no definition question.
      name: 'definition',
      run: (q) => {
        const meaning = definitionDraft(q);
        return meaning ? reply(meaning, q.language, 'definition') : null;
      },
    },
    {
      // "2024年活动内容有哪几项", "第五项讲什么": the shape of a section, from its headings.
      name: 'outline',
      run: (q) => {
        if (q.notCovered || q.intent !== 'activities') return null;
        const shape = outliner.answer(q.asks, q.language, q.year.covered);
        return shape ? reply(shape, q.language, 'outline') : null;
      },
    },
  ];

  /** What the passages give a question: a draft, and whether it says "not in the notices". */
  interface FromPassages {
    readonly draft: Draft;
    readonly refused: boolean;
  }

  /**
   * The passages: quoted (or generated when an LLM is set and `generate` allows), or "not in the
   * notices".
   */
  const passageDraft = async (q: Question, generate = true): Promise<FromPassages> => {
    const { text, language, m, year } = q;
    const searchOptions = {
      k: 8,
      language: language === 'en' ? ('en' as const) : ('zh' as const),
      ...(year.covered.length > 0 ? { years: year.covered } : {}),
    };
    // A year the question names is a filter, not a preference, for what is quoted.
    const inYears = (found: readonly SearchHit[]) =>
      year.covered.length > 0
        ? found.filter((h) => year.covered.includes(yearOf.get(h.passage.sourceId) ?? 0))
        : [...found];
    // A message that tells as well as asks ("我在台北的圖書館工作,想參考一下:…"): its asking
    // part searched too, and the quoted sentences chosen without what the asker told of themselves.
    const { hits, pickBy } = await searchTelling(text, q.asks, searchOptions, inYears);
    if (q.notCovered) {
      const lead = [paragraph(m.yearsNotCovered(year.label ?? year.asked, years))];
      return {
        draft: quoting.notInNotices(lead, hits, text, language, year.covered),
        refused: true,
      };
    }
    // "读书活动那块 2022年通知咋说的": the whole passage, when it is short.
    // "Two quick ones: (1) does it reference the 20th Party Congress? (2) which platforms…":
    // each asking sentence is searched on its own too, so the passage that answers it is there
    // to choose from even when the whole message ranks it low.
    const asking = askingSentences(text);
    const partHits =
      asking.length >= 2
        ? new Map(
            await Promise.all(
              asking
                .slice(0, 3)
                // A sentence that names nothing ("原话大概是怎么说的") finds only what is
                // nearest to nothing: it reads the whole message's passages.
                .filter((s) => checkWords(s).known.length > 0)
                .map(async (s) => [s, inYears(await retriever.search(s, searchOptions))] as const),
            ),
          )
        : undefined;
    const excerpts = hits[0]
      ? wholeWhenAskedWhatItSays(
          text,
          pickForEachAsk(extractor, pickBy, hits, year.covered, partHits),
        )
      : [];
    // Whether the notices answer at all is decided on the whole message's passages: a part's own
    // search always finds something ("奖多少钱" finds a sentence with a figure).
    const judged =
      partHits && hits[0] ? pickForEachAsk(extractor, text, hits, year.covered) : excerpts;
    // The addressee line answers "发给哪些单位" whatever the words' scores.
    const refusal = excerpts[0]?.structural
      ? null
      : decideRefusal({
          question: text,
          unknown: q.words.unknown,
          knownIdeas: q.words.knownIdeas,
          bestScore: hits[0]?.score,
          minScore,
          sentences: judged.flatMap((e) => e.sentences).join('\n'),
        });
    if (refusal) {
      options.logger?.debug({ refusal, score: hits[0]?.score }, 'not in the notices');
      const unknown = refusal.reason === 'unknown-topic' ? refusal.words : [];
      const lead = [
        paragraph(m.notInNotices(asTyped(unknown, q.typed, (t) => index.tokenizer.tokenize(t)))),
      ];
      return {
        draft: quoting.notInNotices(lead, hits, text, language, year.covered),
        refused: true,
      };
    }
    if (generate && options.chatModel && options.prompts) {
      const outcome = await generateAnswer({
        // The model reads the question as the user typed it.
        question: q.typed,
        language,
        hits: hits.slice(0, 4),
        model: options.chatModel,
        prompts: options.prompts,
        timeoutMs: options.llmTimeoutMs ?? 8000,
        citer,
        extractor,
        knownNames,
      });
      if (outcome.ok) return { draft: outcome.draft, refused: false };
      options.observer?.llmFallback?.(outcome.reason);
      options.logger?.warn(
        { reason: outcome.reason, detail: outcome.detail },
        'generated answer not used; answering from the passages',
      );
    }
    return { draft: quoting.extractive(excerpts, language), refused: false };
  };

  /**
   * "国家开放大学终身教育平台的网址是什么?2022年活动周期间会开放多少课程?": a fact answer leaves out a
   * sentence that asks for no fact; each such asking sentence is answered from the passages
   * too, after the facts (a part the passages do not answer adds nothing).
   */
  const otherParts = async (q: Question): Promise<Draft[]> => {
    // "how many open courses … and whats the url": a question word after "and" starts an
    // asking part of its own.
    const sentences = askingSentences(q.asks).flatMap((s) => s.split(SECOND_ASK));
    if (sentences.length < 2) return [];
    const drafts: Draft[] = [];
    const asked = sentences.slice(0, 3);
    for (const [at, sentence] of asked.entries()) {
      const intent = classifyIntent(sentence);
      if (intent !== 'activities' || asksHeadcount(sentence) || unsetDetail(sentence)) continue;
      // "Who should I call at the Ministry … and what number? Also for 2022 it was a different
      // person?": a part naming no topic after a fact part asks more of that fact, which the
      // facts (of every year asked) answer.
      // A part that names topics of its own ("像心理健康、理财这类") is asked for itself.
      const namesTopic = (t: string) => NAMES_TOPIC.test(normalizeForSearch(t));
      const aboutFact =
        at > 0 &&
        !namesTopic(sentence) &&
        ASKS_SAME_AGAIN.test(normalizeForSearch(sentence)) &&
        checkWords(sentence).known.every((w) => DETAIL_WORDS.has(w)) &&
        asked
          .slice(0, at)
          .every((before) => FACT_INTENTS.has(classifyIntent(before)) || !namesTopic(before));
      if (aboutFact) continue;
      // The year the message names holds for every sentence of it.
      const own = readYear(sentence, years).asked.length > 0 || q.year.covered.length !== 1;
      const answerPart = async (text: string): Promise<Draft | null> => {
        const part = read(own ? text : `${q.year.covered[0]!} ${text}`, q.language);
        // One word of the asker's own beside three of the notices ("… does the notice promise")
        // is wording, not a topic the notices lack.
        if (part.notCovered || part.words.unknown.length > Math.floor(part.words.knownIdeas / 3))
          return null;
        // "『百姓學習之星』到底是什麼啊？…每個省要報幾個？": what a term is, from its defining
        // sentences.
        const meaning = definer.answer(part.text, q.language, part.year.covered);
        if (meaning) return meaning;
        const found = await passageDraft(part, false);
        return found.refused ? null : found.draft;
      };
      // "…那个网站是不是开放课程呀？开多少门啊": a part that names no topic of its own ("how many")
      // is about the sentence before it.
      const draft =
        (await answerPart(sentence)) ??
        (at > 0 && !NAMES_TOPIC.test(normalizeForSearch(sentence))
          ? await answerPart(`${asked[at - 1]!} ${sentence}`)
          : null);
      if (draft) drafts.push(draft);
    }
    return drafts;
  };

  /**
   * The asking sentences of a definition question that name no term ("…要开哪几个系列公开课?" beside
   * "通过啥平台开的"), each answered from the passages when they answer it.
   */
  const undefinedParts = async (q: Question): Promise<Draft[]> => {
    // "要开哪些系列公开课，通过什么平台开？": two clauses that each ask are two parts.
    const sentences = askingSentences(q.asks)
      .flatMap((s) => s.split(SECOND_ASK))
      .flatMap(askingClauses);
    if (sentences.length < 2) return [];
    const drafts: Draft[] = [];
    for (const [at, sentence] of sentences.slice(0, 3).entries()) {
      const intent = classifyIntent(sentence);
      const own = readYear(sentence, years).asked.length > 0 || q.year.covered.length !== 1;
      const partText = own ? sentence : `${q.year.covered[0]!} ${sentence}`;
      // "Which platforms? A list please, with web addresses": the addresses are the websites fact.
      if (intent === 'websites') {
        const sites = factDraft(read(partText, q.language));
        if (sites) drafts.push(sites);
        continue;
      }
      if (intent !== 'activities' || unsetDetail(sentence)) continue;
      const part = read(partText, q.language);
      if (part.notCovered) continue;
      // A part that names the term ("為何一再強調防疫？" beside "對活動有什麼要求？") is answered by
      // the term's sentences already.
      // "…and what does the notice want local govts to do under it": a part that points back to
      // the term ("it", 它) is about the term too.
      if (
        definer.answer(part.text, q.language, part.year.covered) ||
        definer.names(part.text) ||
        (at > 0 &&
          REFERS_BACK.test(normalizeForSearch(sentence)) &&
          definer.names(sentences.slice(0, at).join(' ')))
      )
        continue;
      const found = await passageDraft(part, false);
      if (!found.refused) drafts.push(found.draft);
    }
    return drafts;
  };

  const fromPassages = async (q: Question): Promise<Reply> =>
    reply((await passageDraft(q)).draft, q.language, q.intent);

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
      const q = read(raw, fallbackLanguage);
      return leads.withChinese(q, leads.affirm(q, await answerRead(q)));
    },
  };

  async function answerRead(q: Question): Promise<Reply> {
    // The first step that answers, answers; the passages answer the rest.
    for (const step of STEPS) {
      if (step.name !== 'facts' && step.name !== 'definition') {
        const replied = step.run(q);
        if (replied) return replied;
        continue;
      }
      if (step.name === 'definition') {
        const meaning = definitionDraft(q);
        if (!meaning) continue;
        // "要开哪几个系列公开课?通过啥平台开的": a term's sentences answer one part; a part
        // that names no term is answered from the passages beside them.
        const more = await undefinedParts(q);
        return reply(
          more.length > 0 ? combineDrafts([meaning, ...more]) : meaning,
          q.language,
          'definition',
        );
      }
      // "一省一周和一省一案是啥区别": two terms compared are each described (the definition
      // step), not one of them answered as a fact.
      if (comparesTerms(q) && definitionDraft(q)) continue;
      // The facts, then any sentence beside them that asks for something else.
      const draft = factDraft(q);
      if (!draft) continue;
      const more = await otherParts(q);
      return reply(more.length > 0 ? combineDrafts([draft, ...more]) : draft, q.language, q.intent);
    }
    return fromPassages(q);
  }
}
