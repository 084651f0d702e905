import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Language } from '../types.js';
import { withAgeContext } from './age.js';
import { OWN_PROVINCE } from './asks.js';
import { FOLLOW_MARK } from './pasted.js';
import type { FactAnswerer } from './fact-answer.js';
import { ASKS_TIME, FACT_INTENTS, QUESTION_FORM, classifyIntent, type Intent } from './intent.js';
import { detectLanguage, requestedLanguage } from './language.js';
import { messagesFor, type Messages } from './messages.js';
import { correctionSplit, withMeantYears } from './self-correction.js';
import { createRegionMatcher, readYear, statesYear, type YearSlot } from './slots.js';
import { homophonesFor, pinyinTermsFor } from './homophones.js';
import { spellerFor } from './spelling.js';
import { createCanonicalizer, phraseConflicts } from './synonyms.js';
import { quotedPhrases } from './excerpt-rules.js';
import { ENGLISH_FRAME, THEN_YEAR, askingPart, createWordCheck } from './unknown-words.js';
import { passageLanguage } from '../knowledge/types.js';

/**
 * Reading a question once, before any way of answering it is tried: its language and script,
 * the notices' words for it (typos, regional words, synonyms), what its asking sentences ask,
 * the year and places it names, and the words the notices never use.
 */

/** A question as read once: its language, the notices' words for it, intent, year, words. */
export interface Question {
  readonly typed: string;
  readonly text: string;
  /** What it asks: its asking sentences, or all of it when they point back ("What is it?"). */
  readonly asks: string;
  readonly language: Language;
  readonly m: Messages;
  readonly intent: Intent;
  readonly named: ReturnType<ReturnType<typeof createRegionMatcher>>;
  readonly words: ReturnType<ReturnType<typeof createWordCheck>>;
  readonly year: YearSlot;
  /** The question names a year no notice covers ("2023", "明年"). */
  readonly notCovered: boolean;
}

/**
 * Each word of the notices once, with the glossary's Chinese terms (with thousands of notices, the
 * word list itself was most of the assistant's memory and every occurrence went through the
 * phrase converter).
 */
// "通知里那个“十年成果”": a demonstrative before a quoted phrase names it, pointing nowhere.
const REFERS_BACK =
  /\b(?:that|those|these|this)\b(?!\s+(?:year|week|notice))|\b(?:it|them)\b|(?:那个|那個|那些|这个|這個|嗰个|嗰個|嗰啲)(?![“"「『])|它/i;

/**
 * Whether a question names a phrase of the notices that is not a theme: a quoted one, or in an
 * English question a run of Chinese characters ("the slogans 职继协同 and 院校融入"). Read on the
 * notices' words, so 主題 is 主题.
 */
function noticePhrases(index: KnowledgeIndex): (question: string) => boolean {
  let corpus: string | undefined;
  let themes: string | undefined;
  return (question) => {
    // An English question quotes Chinese without marks.
    const latin = question.match(/[a-z]/gi)?.length ?? 0;
    const bare =
      latin > 2 * (question.match(/\p{Script=Han}/gu)?.length ?? 0)
        ? (normalizeForSearch(question).match(/\p{Script=Han}{3,24}/gu) ?? [])
        : [];
    // The Week's own name is no phrase of one passage.
    const phrases = [...quotedPhrases(question), ...bare].filter(
      (p) => /\p{Script=Han}{3}/u.test(p) && !/活动周/.test(p),
    );
    if (phrases.length === 0) return false;
    corpus ??= normalizeForSearch(
      [
        ...Object.values(index.cleaned),
        ...index.passages.flatMap((p) => (p.rendering?.units ?? []).map((u) => u.text)),
      ].join('\n'),
    );
    themes ??= normalizeForSearch(
      index.facts
        .filter((f) => f.kind === 'theme')
        .flatMap((f) => [...Object.values(f.fields), ...Object.values(f.renderings.zh ?? {})])
        .join('\n'),
    );
    return phrases.some((p) => corpus!.includes(p) && !themes!.includes(p));
  };
}

export function wordsOfNotices(index: KnowledgeIndex): Set<string> {
  const words = new Set<string>(index.glossary.terms.flatMap((t) => t.zh));
  for (const text of Object.values(index.cleaned))
    for (const word of index.tokenizer.tokenize(text)) words.add(word);
  return words;
}

/** Asks which week a province's falls in, or how the annex orders the provinces. */
const PROVINCE_WEEK =
  /哪一?周|哪个星期|边个星期|哪个?礼拜|\bwhich week\b|怎么排|怎样排|点排|如何排/;

/** Every province at once ("各个省", "each province"), read on Simplified, lower-case text. */
const EVERY_PROVINCE = /各(?:个)?省|每个省|全国各省|\b(?:each|every) province\b|\bprovinces\b/;

/** Asks to compare with what was told before ("a comparable quota", "同样", "跟2022年比"). */
const COMPARES =
  /\bcomparabl|\bcompar(?:e|ed|ing)\b|\bsimilar\b|\bthe same\b|\blikewise\b|\bas well\b|\bchanged?\b|\bdiffer|相比|比较|对比|一样|同样|类似|相同|变化|不同/;

/** "长沙开幕那年", "开二十大的那一年", "the year the opening was in Changsha". */
const EVENT_YEAR =
  /([\p{Script=Han}A-Za-z]{2,12}?)(?:的)?那一?年(?!代)|\bthe year (?:when |that |in which )?((?:the |it |they )?[a-z][a-z ]{3,60}?)(?=[,?.;]|$)/iu;

/** Asks what something means ("分别指什么", "what does … mean"). */
const ASKS_MEANING =
  /指什么|指的是什么|系指|是指(?:什么|啥|哪)|指咩|指乜|什么意思|啥意思|咩意思|怎么理解|如何理解|意涵|含义|涵义|含意|\bmean(?:s|ing)?\b/i;

/** A message that opens by saying it is off the topic. */
const OFF_TOPIC_OPENING = /^\s*(?:题外话|跑题|跑个题|离题|岔开(?:一下|话题)?)/;

/** A comparison with a place outside the notices' addressees ("跟台湾的…像吗", "compared to Taiwan"). */
const COMPARES_WITH_PLACE =
  /(?:跟|和|与|同|比起?|像)\s*(?:台湾|香港|澳门|台灣|澳門)(?:的|那边的|那边|嘅)?[^?？。]{0,20}(?:像|类似|一样|相似|差不多|比|区别|不同)|(?:compared? (?:to|with)|similar to|like|versus|vs\.?)\s+(?:taiwan|hong kong|macao|macau)/i;

/**
 * "2022年 活动周 有 什么 帮 老人 学习 的 活动": Chinese typed a word at a time, with a space after
 * each, is one sentence. Spaces between short runs of Chinese (most of two characters or fewer,
 * four gaps at least) are dropped; a space that sets off a clause ("我系广州嘅退休老师 想问下…")
 * stands between longer runs and stays.
 */
/**
 * "(e.g., health, finance)": e.g., i.e. and etc. frame an example; their letters would match
 * "E-mail:" lines of the notices.
 */
export function withoutAbbreviations(text: string): string {
  return text.replace(/\b(?:e\.\s?g|i\.\s?e)\.?,?|\betc\.?/gi, ' ');
}

export function joinSpacedWords(text: string): string {
  const runs = text.split(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u);
  if (runs.length < 5) return text;
  const short = runs.filter((r) => [...r.replace(/^.*\s/su, '')].length <= 2).length;
  return short / runs.length >= 0.6 ? runs.join('') : text;
}

/** The question after a pasted line ("“…” 材料要哪几种形式？"), or undefined. */
function pastedThenAsked(text: string): string | undefined {
  if (!/^\s*[“「『"]/.test(text)) return undefined;
  const end = Math.max(text.lastIndexOf('”'), text.lastIndexOf('」'), text.lastIndexOf('』'));
  if (end < 20) return undefined;
  const rest = text.slice(end + 1).trim();
  return (rest.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 && QUESTION_FORM.test(rest)
    ? rest
    : undefined;
}

/** Creates the question reader of an index. */
export function createQuestionReader(index: KnowledgeIndex, facts: FactAnswerer) {
  const regions = createRegionMatcher(index.glossary.regions);
  const noticeWords = wordsOfNotices(index);
  const canonical = createCanonicalizer(index.glossary.synonyms, phraseConflicts(noticeWords));
  const checkWords = createWordCheck(index);
  // English typos are read as the notices' words ("oppening" → "opening").
  const spell = spellerFor(index);
  // Pinyin typos are read as the notices' words ("主提" → 主题, "邮相" → 邮箱).
  const soundAlike = homophonesFor(index, noticeWords);
  // Notice words typed in pinyin are read as the words ("zhihui zhulao" → 智慧助老); English words
  // of the notices, the glossary, the asker's frame and place names never are ("women", "Hunan").
  const sourceLanguage = new Map(index.sources.map((s) => [s.id, s.language]));
  const english = new Set<string>(ENGLISH_FRAME);
  for (const p of index.passages)
    if (passageLanguage(p, sourceLanguage.get(p.sourceId) ?? 'zh') === 'en')
      for (const w of p.text.toLowerCase().match(/[a-z]+/g) ?? []) english.add(w);
  for (const t of index.glossary.terms)
    for (const f of t.en) for (const w of f.toLowerCase().match(/[a-z]+/g) ?? []) english.add(w);
  for (const r of index.glossary.regions)
    for (const n of [r.en, ...r.pinyin])
      for (const w of n.toLowerCase().match(/[a-z]+/g) ?? []) english.add(w);
  const pinyinTerms = pinyinTermsFor(index, noticeWords, english);
  const years = [...new Set(index.sources.map((s) => s.year))].sort((a, b) => a - b);
  const phraseOfNotices = noticePhrases(index);
  // The words of every theme, in either language.
  let themeTokens: Set<string> | undefined;
  const themeWords = () =>
    (themeTokens ??= new Set(
      index.facts
        .filter((f) => f.kind === 'theme')
        .flatMap((f) => [
          ...Object.values(f.fields),
          ...Object.values(f.renderings.zh ?? {}),
          ...Object.values(f.renderings.en ?? {}),
        ])
        .flatMap((t) => index.tokenizer.tokenize(normalizeForSearch(t))),
    ));

  // Each notice's words (its own text and its rendering), to tell which one an event belongs to.
  const yearOfSource = new Map(index.sources.map((s) => [s.id, s.year]));
  const textOfYear = new Map<number, string>();
  for (const p of index.passages) {
    const y = yearOfSource.get(p.sourceId);
    if (y !== undefined)
      textOfYear.set(y, `${textOfYear.get(y) ?? ''}\n${normalizeForSearch(p.text)}`);
  }
  /**
   * The year a phrase such as "长沙开幕那年" or "the year the opening was in Changsha" names:
   * the one notice that holds a word of it no other notice holds (长沙), when all such words
   * point to the same notice.
   */
  const eventYear = (text: string): number | undefined => {
    const m = EVENT_YEAR.exec(text);
    const phrase = m?.[1] ?? m?.[2];
    if (!phrase) return undefined;
    const found = new Set<number>();
    for (const word of index.tokenizer.tokenize(phrase)) {
      if ([...word].length < 2 || /^\d+$/.test(word)) continue;
      const holders = [...textOfYear].filter(([, t]) => t.includes(word)).map(([y]) => y);
      if (holders.length === 1) found.add(holders[0]!);
    }
    return found.size === 1 ? [...found][0] : undefined;
  };

  const read = (raw: string, fallbackLanguage?: Language): Question => {
    const typed = raw.trim();
    // "…这句啥意思｜and the one before?": a follow-up that steps through a notice is answered in
    // its own language; one written alike in both scripts (下一句) keeps the conversation's.
    const follow = typed.lastIndexOf(FOLLOW_MARK);
    const language =
      requestedLanguage(typed) ??
      (follow >= 0
        ? detectLanguage(typed.slice(follow + 1), detectLanguage(typed, fallbackLanguage))
        : detectLanguage(typed, fallbackLanguage));
    // From here on the question is read in the notices' words (聯絡人 → 联系人, 影片 → 视频).
    // "My mum is 72. Anything for her?" asks about the elderly.
    // "2024年的主题 哦不对 是2022年的": the year meant, not the one taken back (read as typed:
    // the regional reading turns 唔係唔係 into other words).
    const text = withAgeContext(
      soundAlike(
        canonical(spell(pinyinTerms(joinSpacedWords(withMeantYears(withoutAbbreviations(typed)))))),
      ),
    );
    // A place the asker tells of ("我係香港嘅退休工人，想問下2022年…") is not the place asked about.
    const askingText = askingPart(text);
    // "跟台灣的終身學習護照有點像嗎", "compared with Hong Kong's": a place compared with is not
    // a place asked about.
    // "這個說法在臺灣比較少用，通知具體要各地辦什麼活動？": a place in a clause that tells is not
    // asked about either.
    // "我系广州嘅退休老师 想问下…": a first phrase, set off by a space, that tells of the asker.
    const spaced = askingText.split(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u);
    const ownText =
      spaced.length >= 2 &&
      /^(?:我|我们|我們|我哋|本人)/.test(spaced[0]!) &&
      !QUESTION_FORM.test(spaced[0]!)
        ? spaced.slice(1).join(' ')
        : askingText;
    const clauses = ownText.split(/(?<=[,，;；])/);
    const askingClauses = clauses.filter((c) => QUESTION_FORM.test(c));
    const placeText =
      clauses.length >= 2 && askingClauses.length > 0 ? askingClauses.join('') : ownText;
    // "广东的活动周什么时候 哦不对 广西": the place named after a correction replaces the one before.
    const corrected = correctionSplit(typed);
    const correctedPlaces = corrected ? regions(canonical(corrected.tail)) : [];
    const named = (
      correctedPlaces.length > 0 && regions(canonical(corrected!.head)).length > 0
        ? correctedPlaces
        : regions(placeText)
    ).filter((r) => r.addressed || !COMPARES_WITH_PLACE.test(askingText));
    // A message that tells before it asks ("我们是社区大学，正在准备推荐百姓学习之星。…哪类人物？")
    // is asked what its asking sentences ask; a short one points back ("… document number of
    // the 2024 notice. What is it?"), and the whole message is read.
    const asking = askingText;
    // "…，那2023年的主题是什么" sets a year of its own against what was told: it points nowhere.
    const pointsBack =
      asking !== text &&
      !THEN_YEAR.test(asking) &&
      asking.replace(/[^\p{L}\p{N}]/gu, '').length <= 12;
    let asks = pointsBack ? text : asking;
    // The asking sentences' words, checked once for both uses below.
    let askingChecked: ReturnType<typeof checkWords> | undefined;
    const askingWords = () => (askingChecked ??= checkWords(asking));
    const thinAsk = () => {
      const own = askingWords();
      return own.known.length === 0 && own.unknown.length === 0;
    };
    // "跑题问一下哈，…": said to be off the topic before the asking words are cut away.
    let intent = OFF_TOPIC_OPENING.test(text) ? 'out_of_scope' : classifyIntent(asks);
    // "“应于2022年10月底前将…材料报送至活动周领导小组办公室” 材料具体要哪几种形式？": a pasted
    // line's words (领导小组) are not what is asked; a fact the question after it asks is.
    // One that points back ("…承办” 那协办单位是谁") asks about the line.
    const afterPaste = pastedThenAsked(text);
    if (afterPaste && intent !== 'out_of_scope' && !/^\s*(?:那|这|那个|这个|它)/.test(afterPaste)) {
      const own = classifyIntent(afterPaste);
      if (FACT_INTENTS.has(own) && own !== intent) intent = own;
    }
    // "In 2022 the week had a leading group with an office. Where was that office based?", "…
    // shows '[email protected]' for the MoE contact's email. What's the actual address?": a
    // question that points back with "that" or 那个, or names no topic of its own, is about what
    // the telling sentence names.
    // "…lists subject areas in section 2(2). How many are there and what are they?": an asking
    // sentence with no topic word at all asks about the telling one, whatever its own words
    // would be read as alone (a bare "how many" is no quota).
    // "…，那2024年的通知是哪天发的": a year set against the one told asks of its own.
    if (
      asks !== text &&
      !THEN_YEAR.test(asks) &&
      (intent === 'activities' || (intent !== 'out_of_scope' && thinAsk()))
    ) {
      // A pointing word in a sentence that names its own topic ("facilities that should be
      // used", "那些课要收费吗") points within it.
      if (thinAsk() || (REFERS_BACK.test(asks) && askingWords().known.length <= 2)) {
        intent = classifyIntent(text);
        asks = text;
      }
    }
    // "the slogans 职继协同 and 院校融入 — what's the context", "a slogan about 人人皆学…": a phrase
    // of the notices other than a theme is asked about where it stands.
    if (intent === 'theme' && !/主题|theme/i.test(text) && phraseOfNotices(text))
      intent = 'activities';
    // "a slogan in the 2024 notice about everyone learning everywhere": a slogan described by
    // words no theme holds is another line of the notices.
    if (
      intent === 'theme' &&
      !/主题|theme/i.test(text) &&
      checkWords(text).known.filter((w) => !themeWords().has(w)).length >= 2
    )
      intent = 'activities';
    // "个theme「学习贯彻二十大…」入面个「二十大」系指咩": what a short phrase of the theme means,
    // not the theme.
    if (
      intent === 'theme' &&
      ASKS_MEANING.test(normalizeForSearch(asks)) &&
      quotedPhrases(text).some((p) => [...p].length <= 6)
    )
      intent = 'activities';
    // "“一省一案”和“一省一周”分别指什么": what a term means, not when the Week is.
    if (
      intent === 'schedule' &&
      ASKS_MEANING.test(text) &&
      !ASKS_TIME.test(normalizeForSearch(asks))
    )
      intent = 'activities';
    // "Our article says the opening was 'hosted by …'. Who actually hosted it?": the ceremony
    // the telling sentence names is what "it" points back to.
    if (
      intent === 'organizers' &&
      asks !== text &&
      REFERS_BACK.test(asks) &&
      classifyIntent(text) === 'opening'
    )
      intent = 'opening';
    // "…we hope to send an observer to the national opening ceremony of the 2024 Week. Could you
    // tell me the exact date and host city?": the date asked is the ceremony's the telling
    // sentence names, unless the asking one names the Week itself.
    if (
      (intent === 'schedule' ||
        (intent === 'organizers' &&
          /\b(?:date|when|city|where|venue)\b|哪天|几号|幾號|时间|時間|哪里|哪裡|城市|地点|地點/i.test(
            asks,
          ))) &&
      asks !== text &&
      !/\bweek\b|活动周|活動週|活動周|开幕|開幕|opening|ceremony/i.test(asks) &&
      classifyIntent(text) === 'opening'
    )
      intent = 'opening';
    // "the overall requirements/principles before the theme": the requirements, not the theme.
    if (intent === 'theme' && /requirements|principles|总体要求|原则/i.test(text))
      intent = 'activities';
    // "台灣的長輩可以參加嗎？高雄這邊有沒有辦？": a place the notices are not addressed to is
    // answered as such (the schedule answer says so), not with passages about older people.
    if (intent === 'activities' && named.length > 0 && named.every((r) => !r.addressed))
      intent = 'schedule';
    // "Hunan's week?" names a province and the Week: that is a schedule question.
    if (
      intent === 'activities' &&
      named.length > 0 &&
      /week|周(?!末)|週(?!末)/i.test(text) &&
      // "通知主送单位里有没有兵团教育局": whom the notice is sent to, not the place's week.
      !/主送|发给|發給|addressed to|addressees|recipients/i.test(text)
    )
      intent = 'schedule';
    // "附件1安排表 湖南排在几月哪周", "江苏是哪一周？附件1里是怎么排的": a province's week asked
    // through the annex that lists it.
    // "各个省都啥时候搞 通知里有各省时间表没 在哪个附件里": every province's, the same way.
    if (
      intent === 'annexes' &&
      (named.length > 0 ||
        OWN_PROVINCE.test(text) ||
        EVERY_PROVINCE.test(normalizeForSearch(asks))) &&
      (ASKS_TIME.test(normalizeForSearch(asks)) || PROVINCE_WEEK.test(normalizeForSearch(text)))
    )
      intent = 'schedule';
    // "Who is Li Ronghua?", "caeabgs@126.com是谁的邮箱": a named contact is a contacts question.
    if (intent === 'activities' && facts.namesContact(text)) intent = 'contacts';
    // "The 2024 notice has a document number. What's the 2022 one's?": a year the asking
    // sentences name is the year asked, whatever the sentence before names.
    // "我去年2024有參加過…，想問今年2025年活動周的主題": a year the asking sentence states is
    // the year asked, whatever the telling one counts from it.
    // "前年的主题我知道了，今年是2024年，那去年2023年的主题是啥": a year written out after 那 is
    // the year asked.
    // "The 2022 notice fixed a quota. Does the 2024 notice specify a comparable one?": a
    // comparison asks of both years.
    const askedYear =
      asks !== text &&
      (!statesYear(text) ||
        statesYear(asks) ||
        (THEN_YEAR.test(asks) && /(?:19|20)\d{2}/.test(asks))) &&
      !COMPARES.test(normalizeForSearch(asks))
        ? readYear(asks, years)
        : undefined;
    const read_ = askedYear?.source === 'explicit' ? askedYear : readYear(text, years);
    // "长沙开幕那年活动周几号到几号": a year named by what happened in it.
    const byEvent = read_.source === 'none' ? eventYear(text) : undefined;
    const year: YearSlot =
      byEvent === undefined ? read_ : { asked: [byEvent], covered: [byEvent], source: 'explicit' };
    // What happened that year ("长沙开幕那年") names the year, not what is asked.
    const event = byEvent === undefined ? null : EVENT_YEAR.exec(text);
    if (event && classifyIntent(event[0]) === intent)
      intent = classifyIntent(asks.replace(event[0], ' '));
    const notCovered =
      (year.asked.length > 0 && year.covered.length === 0) || year.source === 'next-year';
    const m = messagesFor(language);
    // Unknown words count only in the sentences that ask; known ones anywhere.
    const all = checkWords(text);
    const inAsking = asking === text ? undefined : new Set(askingWords().unknown);
    const words = inAsking ? { ...all, unknown: all.unknown.filter((w) => inAsking.has(w)) } : all;
    return { typed, text, asks, language, m, intent, named, words, year, notCovered };
  };

  return { read, canonical, checkWords };
}
