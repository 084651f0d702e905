/**
 * The one place that decides "the notices do not answer this" for a retrieval question, from the
 * evidence: what retrieval found, what the chosen sentences hold, and which of the question's
 * topic words the knowledge base never uses. Frame words ("took part", 提到, 啥时候) never count;
 * the reasons are returned so the reply can say which it was.
 */

/** Why a question is not answered from the passages. */
export type Refusal =
  /** A topic word no notice, rendering or glossary entry uses ("marathon", 马拉松). */
  | { readonly reason: 'unknown-topic'; readonly words: readonly string[] }
  /** No passage matches well enough to answer from. */
  | { readonly reason: 'weak-evidence' }
  /** Asked for a count or a time of day, and the best sentences state none. */
  | { readonly reason: 'no-figure' };

/** What the decision looks at. */
export interface Evidence {
  readonly question: string;
  /** Topic words of the question that the knowledge base never uses. */
  readonly unknown: readonly string[];
  /** How many ideas the question's known topic words make (a glossary term counts once). */
  readonly knownIdeas: number;
  /** Fused score of the best passage, if any. */
  readonly bestScore: number | undefined;
  readonly minScore: number;
  /** The sentences that would be quoted, when retrieval found any. */
  readonly sentences: string;
}

// Questions that ask for a number or a time of day are only answered by sentences that hold one.
// 哪几个 / 邊幾個 asks which ones, not how many; 那几门 / 这几个 point at some already named.
export const ASKS_QUANTITY =
  /多少|(?<![哪边邊那這这十百千万萬一二三四五六七八九两兩])[几幾](?!乎)|how many|how much|number of|amount/i;
export const HAS_QUANTITY =
  /\d|[一二两兩三四五六七八九十百千万萬亿億]+\s*(?:名|个|個|門|门|项|項|次|人|期|场|場|所|家|天|周|年|元|万|萬)/u;
// "多少人参加" wants a number of people, not any figure ("3—5名" stars is no attendance).
const ASKS_PEOPLE =
  /多少人|几个人|幾個人|几人|幾人|(?:去|来|到)了?(?:好多|很多|几多)人|how many (people|participants|attendees)/i;
const HAS_PEOPLE =
  /\d[\d,.]*\s*[万萬]?\s*(人次|人(?!民))|\d[\d,]*\s+(people|participants|attendances)/u;
/** "几个老姐妹想…": a few people told of, not a number asked. */
const TELLS_A_FEW =
  /[几幾][个個][\u4e00-\u9fff]{1,4}(?:想|打算|准备|準備|一起|都想|也想)|(?:列|举|舉|讲|講|说|說|写|寫|给|給)(?:个|個)?[几幾](?:个|個|条|條|样|樣|项|項)(?:出来|出來|例子|来看|來看|给我|給我)?/g;
/** "列了几个原则，分别是什么", "how many are there and what are they": a count a list answers. */
const COUNTS_A_LIST =
  /[几幾][个個项項条條点點].{0,16}(?:分别|分別|各是|都是|是哪些|有哪些|是什么|是什麼|是啥|系咩|係咩|是边啲|是邊啲)|how many\b.{0,60}\band what (?:are|were) (?:they|those|these)\b/i;
const ASKS_TIME = /几点|幾點|什么时刻|what time|which hour/i;
const HAS_TIME = /\d{1,2}[:：]\d{2}|\d+\s*[点點时時]|a\.m\.|p\.m\./i;

/**
 * "开幕式会有多少人参加", "how many people will attend": a headcount, which no fact of the notices
 * (theme, dates, contacts…) states; such a question goes to the passages, and to "no-figure".
 * "每省推荐多少人" is a quota, not a headcount.
 */
export function asksHeadcount(question: string): boolean {
  return /多少人.{0,4}(?:参加|参与|出席|到场|报名|观看)|(?:去|来|到)了?(?:好多|很多|几多|多少)人|(?:参加|参与|出席|到场)的?(?:人数|人次)|how many (?:people|participants|attendees|visitors)\b(?!['’]s)(?!.{0,30}\b(?:recommend|nominat|submit))/i.test(
    question,
  );
}

/** The refusal the evidence calls for, or null when the passages answer the question. */
export function decideRefusal(evidence: Evidence): Refusal | null {
  // An unknown word refuses when it is what the question is about: as many unknown topic words
  // as known ones ("活动周有马拉松吗", "cash prize for the stars"). One stray word in a question
  // the notices cover ("what is the brand project tour and who is it aimed at") does not.
  if (evidence.unknown.length > 0 && evidence.unknown.length >= evidence.knownIdeas)
    return { reason: 'unknown-topic', words: evidence.unknown };
  if (evidence.bestScore === undefined || evidence.bestScore < evidence.minScore)
    return { reason: 'weak-evidence' };
  // "村里几个老姐妹想搞个读书的…" tells of a few people; "列了几个原则，分别是什么" is answered by
  // the list itself: neither asks for a figure.
  const q = evidence.question.replace(TELLS_A_FEW, ' ');
  if (COUNTS_A_LIST.test(q)) return null;
  const needsCount = ASKS_PEOPLE.test(q) ? HAS_PEOPLE : HAS_QUANTITY;
  if (
    ((ASKS_QUANTITY.test(q) || ASKS_PEOPLE.test(q)) && !needsCount.test(evidence.sentences)) ||
    (ASKS_TIME.test(q) && !HAS_TIME.test(evidence.sentences))
  )
    return { reason: 'no-figure' };
  return null;
}
