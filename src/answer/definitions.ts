import { createQueryExpander } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Fact } from '../knowledge/facts.js';
import type { Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import { askingSentences } from './intent.js';
import { messagesFor } from './messages.js';
import { paragraph, type Draft } from './reply.js';

/**
 * "百姓学习之星是什么？什么样的人能评上", "what's 智慧助老 about": answered with the sentences that
 * say what the term is (reviewed `definition` facts in knowledge/facts), each year's, cited.
 * "宣传部门要负责什么", "what is the China Adult Education Association supposed to do": answered
 * the same way from the sentences that give that body its part (reviewed `role` facts).
 */

// Asks what something is or who counts as it, or how two differ (each is defined), on Simplified,
// lower-case text.
const ASKS_WHAT =
  /(?:是|系|係)?(?:什么|啥|咩)意思|(?:是|系|係)(?:什么|咩)(?:嚟)?|是什么|是啥|是指|(?:是|系|係)?(?:搞|干|做)(?:什么|啥|咩|乜嘢?|嘛)(?:的|嘅)|(?:系|係)指|指的是|(?:啲|的)?(?:咩|乜嘢?)人|(?:系|係)乜嘢?|乜嘢?意思|指什么|什么样的人|啥样的人|怎样的人|哪样的人|咩样嘅人|能当|可以当|哪类人|哪种人|什么人|是谁|怎么理解|介绍一下|讲的是|(?:要求|让|叫)(?:各省|各地|我们|地方)?(?:具体)?(?:做|干|搞)(?:什么|啥|些什么|哪些)|\bwhat(?:'s| is| are| does)\b|\bwho (?:is|are|counts|can be)\b|what kind of|\bmeaning\b|\bmean\b|\babout\b|(?:有|要|需|符合)?(?:什么|哪些|啥|咩|乜嘢?)(?:条件|标准|要求)|(?:评选|入选|评上|当选)?(?:条件|标准)(?:是什么|有哪些)?|怎么(?:选|评)(?:的|出来)?|怎样(?:选|评)|点(?:样)?(?:拣|选|评)|区别|差别|差异|有何不同|有何分别|两者(?:的)?分别|有什么不同|有啥不同|(?:有|系|係)?(?:咩|乜|什么|啥)(?:嘢)?(?:分别|唔同)|\bdiffer\w*|\bdistinguish\w*|\bwho qualifies\b|\bqualif\w*|\beligib\w*|\bcriteri\w*/;

// Asks which or what at all (on Simplified, lower-case text).
const ASKS_WHICH = /哪些|哪几|什么|啥|咩|乜|边(?:啲|几|个)|\bwhat\b|\bwhich\b|\blist\b/;

// "what's the 'lifelong learning brand project' tour thing", 品牌项目巡展, 百姓学习之星进校园活动: the
// question is about something done with the term (a section of its own), not what the term means.
// "what kind of activities will he be expected to join", 要参加哪些活动: the activities of the term.
const ABOUT_AN_ACTIVITY =
  /巡展|巡回|进校园|进社区|进企业|\btour(?:s|ing|ed)?\b|roadshow|campus|\bactivities\b.{0,40}\b(?:join|attend|take part|participat\w*)\b|参加(?:什么|哪些|啥)(?:样的)?活动|做报告/;

/** The question without its "what is" words (哪类人, "what's … about"), for the word check. */
export function withoutDefinitionCue(text: string): string {
  return normalizeForSearch(text).replace(new RegExp(ASKS_WHAT.source, 'g'), ' ');
}

// Asks what a body is to do ("负责乜嘢", "what's the role of", "民政同工会又点"), on Simplified,
// lower-case text.
const ASKS_ROLE =
  /作用|职责|职能|分工|角色|任务|(?:负责|承担|做|干|搞|办|办理|开展|举办)(?:些|啲|点|一点|点儿)?(?:什么|啥|乜嘢?|咩|哪些|嘛)|各自(?:要|负责|承担|做|干)|又点|又如何|又怎样|又怎么样|(?:提了|提出|有|提)(?:什么|哪些|啥|咩|乜嘢?)(?:具体)?要求|(?:什么|哪些|啥)要求|要求(?:是什么|有哪些|系咩)|(?:会|要|将|自己)?(?:怎么|怎样|如何|点样?)(?:做|搞|开展)|(?:会|将|打算)在?.{0,10}(?:选用|选取|挑选|组织|推出|展示)|\broles?\b|\bresponsib\w*|\b(?:do|does|did|will) (?:(?!say\b|says\b|mention\b|talk\b|state\b|cover\b|write\b|include\b)\w+ ){0,8}(?:anything|something)\b|\b(?:do|does|did|will) (?:\w+ ){0,6}do (?:any|some)\b|\bsupposed to\b|\bexpected to\b|\bexpect(?:s|ed)? (?:\w+ ){0,3}(?:from|of)\b|\bduties\b|\btask(?:s|ed)?\b|\banything (?:for|from)\b|\bwhat (?:do|does|did|should|must|will|would|shall|is|are|was|were)\b.{0,80}\b(?:do|doing|handle|contribute)\b/;

// Asks which body does a thing (on Simplified, lower-case text).
const ASKS_DOER =
  /\b(?:which|what) (?:organi[sz]ation|body|bodies|department|institution|agency|unit|office)s?\b|\bwho (?:will|is going to|was going to|would|is to|was to|is responsible for)\b|哪个(?:单位|部门|机构|组织)|哪家(?:单位|机构)|谁(?:来|负责|会|要)/;
// Who hosts, organises or issues the Week is the organisers' fact, not a body's task.
const HOSTS =
  /jointly|\bhost|\borgani[sz](?:e|ed|es|ing)\b|\bissu|\bsign|主办|承办|协办|举办|联合|印发|发布|发文|发的|发出|落款/;
// Words of such a question that say who, not what is done (as the tokenizer gives them:
// "organization" is organ, "bodies" bodi; which, who and notice are stop words already).
const DOER_FRAME = new Set(
  'organ organis bodi depart institut agenc unit offic go accord 哪个 单位 部门 机构 组织 谁 负责 通知'.split(
    ' ',
  ),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name form found in text: Latin forms from a word start ("moe" is not in "homoeopathy"). */
const finder = (form: string) =>
  /^[a-z]/.test(form)
    ? new RegExp(`\\b${escapeRegExp(form)}`)
    : { test: (t: string) => t.includes(form) };

/** A body named only to be left out ("non-education departments", 除了教育部门以外). */
const ALL_BUT =
  /\bnon-?\s?educat\w*|\b(?:other than|apart from|besides|except(?: for)?) (?:the )?educat\w*(?: departments?| authorities| bureaus?)?|(?:除了?|除去)教育(?:部门|系统|厅|局)?(?:以外|之外)?|非教育/g;

/** Asks which bodies (on Simplified, lower-case text). */
const WHICH_BODIES =
  /\b(?:which|what)\b.{0,20}\b(?:departments|bodies|sectors|agencies|organi[sz]ations|authorities)\b|哪些部门|哪几个部门|哪些单位|哪几个单位|什么部门/;
/** A body of education (the one left out by "besides education"). */
const EDUCATION_BODY = /educat|教育/i;
const ONE_BUT = new RegExp(ALL_BUT.source);
const butEducation = (text: string) => ONE_BUT.test(normalizeForSearch(text));
/** Every name of a fact's body, in both languages. */
const bodyNames = (fact: Fact) =>
  [fact.fields['body'], fact.renderings.zh?.['body'], fact.renderings.en?.['body']].join(' ');

interface QuotedKind {
  readonly kind: 'definition' | 'role';
  /** The field naming what the sentences are about: a term or a body. */
  readonly field: 'term' | 'body';
  readonly asks: RegExp;
  /** Asks which body does something ("which organisation will promote …", 哪个单位负责…). */
  readonly asksDoer?: RegExp;
  /** Asked about something done with the name rather than the name itself. */
  readonly notAbout?: RegExp;
  /**
   * Asked by one of a fact's reviewed other names ("学哪些方面", "subject areas"), a question
   * needs only to ask at all: those names are how people ask for it.
   */
  readonly asksByName?: (text: string) => boolean;
  readonly heading: (
    m: ReturnType<typeof messagesFor>,
    year: number,
    name: string,
    translated: boolean,
  ) => string;
}

/** Quotes the reviewed sentences of one kind of fact, for the names a question asks about. */
function createQuoter(index: KnowledgeIndex, citer: Citer, spec: QuotedKind) {
  const expander = createQueryExpander({ terms: index.glossary.terms, regions: [], synonyms: [] });
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const entries = index.facts
    .filter((f) => f.kind === spec.kind)
    .map((fact) => {
      const own = [
        fact.fields[spec.field],
        fact.renderings.zh?.[spec.field],
        fact.renderings.en?.[spec.field],
      ]
        .filter((t): t is string => Boolean(t))
        .map(normalizeForSearch);
      // Every form of a glossary entry that names it names it too (Stars of Learning), and the
      // reviewed other names of a body ("宣传部门|propaganda department").
      const aka = (fact.fields['aka'] ?? '').split('|').map(normalizeForSearch).filter(Boolean);
      const forms = new Set([...own, ...aka]);
      for (const entry of expander.entries(own.join('\n')))
        if (entry.some((f) => own.includes(normalizeForSearch(f))))
          for (const f of entry) forms.add(normalizeForSearch(f));
      // Wording that asks about something else beside the name ("平台之间的互联互通" is not
      // which platforms there are), reviewed with the fact.
      const unless = fact.fields['unless'] ? new RegExp(fact.fields['unless']) : null;
      return {
        fact,
        finders: [...forms].filter((f) => f.length >= 2).map(finder),
        byName: aka.filter((f) => f.length >= 2).map(finder),
        unless,
      };
    });

  // "which organisation was going to promote the Stars' experiences": the body whose reviewed
  // sentence shares the most of the question's words (three at least, and more than any other's).
  const wordsOf = (text: string) => new Set(index.tokenizer.tokenize(text));
  const deeds = entries.map((d) =>
    wordsOf(
      [d.fact.quote, d.fact.renderings.en?.['text'], d.fact.renderings.zh?.['text']].join('\n'),
    ),
  );
  const doers = (t: string, years: readonly number[]) => {
    const asked = [...wordsOf(t)].filter((w) => !DOER_FRAME.has(w) && !/^\d+$/.test(w));
    const scored = entries
      .map((d, i) => ({ d, n: asked.filter((w) => deeds[i]!.has(w)).length }))
      .filter(({ d }) => years.length === 0 || years.includes(yearOf.get(d.fact.sourceId) ?? 0));
    const best = Math.max(0, ...scored.map((x) => x.n));
    const top = scored.filter((x) => x.n === best);
    return best >= 3 && top.length === 1 ? [top[0]!.d] : [];
  };

  return {
    /**
     * True when the text asks by one of a fact's reviewed other names (疫情, "online
     * platforms"): the way people ask for it, so the asker's other words are their own wording.
     */
    asksByOtherName(text: string): boolean {
      const t = normalizeForSearch(text);
      return entries.some((d) => !d.unless?.test(t) && d.byName.some((f) => f.test(t)));
    },

    /** True when the text names one of them (一省一案: on topic). */
    names(text: string): boolean {
      const t = normalizeForSearch(text);
      return entries.some((d) => d.finders.some((f) => f.test(t)));
    },

    /** The sentences about what the question asks of, or null. */
    answer(text: string, language: Language, years: readonly number[]): Draft | null {
      // "the non-education departments", 除教育部门以外: every body but the one named.
      const t = normalizeForSearch(text).replace(ALL_BUT, ' ');
      if (spec.notAbout?.test(t)) return null;
      const asked = spec.asks.test(t);
      const byName = !asked && (spec.asksByName?.(t) ?? false);
      const byNames = entries.filter(
        (d) =>
          !d.unless?.test(t) && (asked ? d.finders : byName ? d.byName : []).some((f) => f.test(t)),
      );
      const named =
        byNames.length > 0
          ? byNames
          : // "which local departments besides education are given tasks": every other body's.
            spec.kind === 'role' && asked && butEducation(text) && WHICH_BODIES.test(t)
            ? entries.filter((d) => !EDUCATION_BODY.test(bodyNames(d.fact)))
            : spec.asksDoer?.test(t) && !HOSTS.test(t) && askingSentences(t).length <= 1
              ? doers(t, years)
              : [];
      if (named.length === 0) return null;
      const inYears = named.filter(
        (d) => years.length === 0 || years.includes(yearOf.get(d.fact.sourceId) ?? 0),
      );
      // "2022年那个通知有没有给工会布置任务": a body the year's notice gives nothing, which
      // another year's does; said, then that year's sentences.
      const noneThatYear = inYears.length === 0 && spec.kind === 'role' && byNames.length > 0;
      const chosen = (noneThatYear ? named : inYears).sort(
        (a, b) => (yearOf.get(b.fact.sourceId) ?? 0) - (yearOf.get(a.fact.sourceId) ?? 0),
      );
      if (chosen.length === 0) return null;
      const m = messagesFor(language);
      const reader = language === 'en' ? 'en' : 'zh';
      // One heading per year and name; a sentence two names share ("民政和工会") is quoted once,
      // under both names.
      const groups: { year: number; names: string[]; translated: boolean; facts: Fact[] }[] = [];
      for (const { fact } of chosen) {
        const year = yearOf.get(fact.sourceId) ?? 0;
        const own = languageOf.get(fact.sourceId) === reader;
        const rendering = own ? undefined : fact.renderings[reader];
        const name = rendering?.[spec.field] ?? fact.fields[spec.field] ?? '';
        const shown = groups.find(
          (g) => g.year === year && g.facts.some((f) => f.quote === fact.quote),
        );
        if (shown) {
          if (!shown.names.includes(name)) shown.names.push(name);
          continue;
        }
        const group = groups.find((g) => g.year === year && g.names[0] === name);
        if (group) group.facts.push(fact);
        else
          groups.push({
            year,
            names: [name],
            translated: !own && Boolean(rendering),
            facts: [fact],
          });
      }
      const blocks: Draft['blocks'][number][] = [];
      const citations: Citation[] = [];
      if (noneThatYear) blocks.push(paragraph(m.noRole(years, groups[0]!.names[0]!)));
      // "is 'one province one case' the same as 'one province one week'?": two terms, each with
      // its own sentences, are not the same; said first.
      if (new Set(groups.map((g) => g.names.join())).size >= 2 && SAME_AS.test(t))
        blocks.push(paragraph(m.notTheSame));
      for (const g of groups) {
        const name = g.names.join(language === 'en' ? ' and ' : '和');
        blocks.push(paragraph(spec.heading(m, g.year, name, g.translated)));
        for (const fact of g.facts) {
          citations.push(citer.fact(fact, language));
          const own = languageOf.get(fact.sourceId) === reader;
          blocks.push({
            kind: 'quote',
            text: (own ? undefined : fact.renderings[reader]?.['text']) ?? fact.quote,
            citation: citations.length,
          });
        }
      }
      return { kind: 'extractive', blocks, citations };
    },
  };
}

/** Asks whether two named things are one ("the same as", 一样吗, 是一回事). */
const SAME_AS =
  /\bthe same (?:as|thing)\b|\bsame as\b|\bidentical\b|一样吗|一样不|一样嘛|是一回事|是不是一回事|同一回事|系咪一样|系唔系一样|相同吗/;

/** Creates the definition answerer of an index. */
export function createDefiner(index: KnowledgeIndex, citer: Citer) {
  return createQuoter(index, citer, {
    kind: 'definition',
    field: 'term',
    asks: ASKS_WHAT,
    notAbout: ABOUT_AN_ACTIVITY,
    // "What subject areas should learning activities cover", "学哪些方面的内容".
    // "what did the notice require … with respect to COVID", "对活动有什么要求": what was required.
    // "which online platforms were supposed to be used", "…does the notice name": the list.
    asksByName: (t) =>
      ASKS_WHICH.test(t) &&
      /学|learn|要求|规定|\brequir|\btold to\b|\basked to\b|\b(?:use[ds]?|name[sd]?|list(?:s|ed)?)\b|用|列/.test(
        t,
      ),
    heading: (m, year, term, translated) => m.definition(year, term, translated),
  });
}

/** Creates the answerer of what a notice gives each body to do. */
export function createRoles(index: KnowledgeIndex, citer: Citer) {
  return createQuoter(index, citer, {
    kind: 'role',
    field: 'body',
    asks: ASKS_ROLE,
    asksDoer: ASKS_DOER,
    heading: (m, year, body, translated) => m.role(year, body, translated),
  });
}
