import { normalizeForSearch } from '../knowledge/script.js';
import { splitSentences } from '../knowledge/sentences.js';
import type { Passage } from '../knowledge/types.js';

/*
 * What the extractor reads in a question (does it ask for a list, for the issuer, for a notice's
 * opening; what does it quote) and in a passage (its sentences, which of them are headings or
 * lists). Patterns only; the choosing is in extractive.ts.
 */

// "有哪些…", "which venues…": a question that asks for a list is best answered by a sentence that
// gives one (三个以上、并列的项目; "libraries, museums and theatres").
export const ASKS_LIST =
  /哪些|有哪|哪几|哪幾|边几|邊幾|邊啲|些什么|些啥|什么.{0,6}活动|啥.{0,6}活动|包括啥|包括什么|包含什么|什么内容|啥内容|具体是干|具体做|干嘛的|什么样的|什麼樣的|哪一些|啲乜|乜嘢|啲咩|咩嘢|啲什么|[教学學].{0,6}(什么|什麼|啥)|\bwhich\b|\bwhat (are|kinds?|types?|sorts?)\b|\bwhat\b.{0,80}\b(teach|taught|cover|covers|covered|publici[sz]ed?|showcased?|promoted?|displayed?|exhibited?|involve|involves|involved|entail|entails|entailed)\b|\bwhat exactly\b|(?:宣传|宣傳|宣讲|宣講|展示|推广|推廣)(?:些)?(?:什么|什麼|啥|咩|乜)|(?:什么|什麼|啥|哪些|哪种|哪種|哪几种|哪幾種)(?:样的|樣的)?.{0,4}(?:形式|做法)|\blist\b|kinds of|types of|有(?:没有|沒有|冇)?.{0,12}(?:活动|活動)(?:吗|嗎|呀|啊|\?|？|$)|干啥|干什么|干什麼|做什么|做什麼|做啥|\banything\b|\bwhat(?:'s| is) (?:on|there)\b|还有(?:啥|什么|什麼|哪些|咩|乜|别的|別的)|具体(?:要)?(?:怎么|怎麼|怎样|怎樣|如何)(?:做|搞|办|辦|开展|開展)|\bwhat else\b/i;
/** Asks who issued or signed a notice, or which bodies it is from. */
export const ASKS_ISSUER =
  /\bissu|\bsign|印发|印發|发布|發布|落款|发文|發文|联合发|聯合發|哪些部门|哪些部門|几个部门|幾個部門|幾多個部門|边几个|邊幾個|which (?:departments|bodies|ministries|offices)/i;

/** Asks how a notice opens: its preamble, not the opening ceremony. */
export const ASKS_OPENING =
  /\b(?:opens?|begins?|starts?)\s+(?:with|by)\b|\bopening (?:paragraph|lines?|sentences?|section|part|words|statement)\b|\bfirst paragraph\b|\bpreamble\b|\bintroductory\b|开头|開頭|开篇|開篇|第一段|导语|導語|前言|引言|\b(?:based on|(?:organi[sz]ed|issued|written|drawn up|drafted|formulated|made|prepared|held) (?:\S+ ){0,3}?['"‘“]?(?:according to|in accordance with))\b.{0,60}\b(?:which|what)\b|\b(?:which|what) (?:document|basis|policy|plan|paper)\b.{0,60}\b(?:based on|according to)\b|依据什么|依據什麼|根据什么|根據什麼|根据哪|根據哪|依据哪|依據哪|以什么为依据|(?:活动周|活動週|活動周|这个活动|呢个活动|呢個活動)[^?？。，,]{0,12}(?:背景|目的|宗旨)|(?:活动周|活動週|活動周)[?？，,\s]{1,3}(?:背景|目的|宗旨)|为什么要(?:办|搞|举办)|為什麼要(?:辦|搞|舉辦)|[为為]啥子?要(?:办|搞|举办|辦|舉辦)|干嘛要(?:办|搞|举办)|\bwhy (?:did|does|do|was|is|were) (?:the )?(?:\w+ ){0,3}(?:hold|held|organi[sz]\w*|run|launch\w*)\b(?: \w+){0,3} week\b|\bstated (?:purpose|aims?|goals?)\b|为何(?:要)?(?:办|举办)|點解要(?:搞|辦)|点解要(?:搞|办)|\b(?:purpose|rationale|background|aims?) (?:of|behind) (?:the |this )?(?:\d{4} )?(?:national )?(?:lifelong learning )?week\b/i;

/** A part named by what it is about ("開頭講總體方向那段"): that part, not the preamble. */
export const NAMES_A_PART =
  /[讲講说說].{1,12}(?:那段|那部分|嘅段|的段)|\b(?:section|part) (?:on|about)\b/i;

/** A numbered heading standing as a line of its own ("（五）数字赋能全民学习。", "(5) Digital …"). */
export const HEADING_LINE =
  /^\s*(?:[（(](?:[一二三四五六七八九十]+|\d+)[)）]|[一二三四五六七八九十]+、|\d+\.\s)[^。.;；]{0,60}[。.]?\s*$/;

export const LIST_INTRO =
  /(?:主要|具体)(?:包括|有)[:：]|^包括[:：]|\b(?:include|includes|including)\s*:/i;
export const enumerates = (s: string) =>
  (s.match(/、/g)?.length ?? 0) >= 2 ||
  ((s.match(/, /g)?.length ?? 0) >= 2 && /\b(and|or)\b/.test(s));
// Surely a list: items joined by 、, or in English short items between commas ("online learning,
// WeChat reading, scientific living and…"); commas between clauses ("All localities shall, in
// light of their conditions, carry out…") may be no list at all.
export const surelyEnumerates = (s: string) =>
  (s.match(/、/g)?.length ?? 0) >= 2 ||
  (/\b(and|or)\b/.test(s) &&
    s.split(/, /).filter((item) => item.trim().split(/\s+/).length <= 4).length >= 2);

/**
 * Phrases a question puts in double quotes or corner brackets (“一老一小”, 「智慧助老」,
 * "Smart Help"), as search text, 2+ characters.
 */
export function quotedPhrases(question: string): string[] {
  // A Chinese question quoting the English copy ("one old and one young") is answered in
  // Chinese: only phrases in the question's own script pick sentences.
  const chinese = /\p{Script=Han}/u.test(question);
  return [...question.matchAll(/[“「『"]([^”」』"]{2,24})[”」』"]/g)]
    .map((m) => normalizeForSearch(m[1]!).trim())
    .filter((p) => p.length >= 2 && (!chinese || /\p{Script=Han}/u.test(p)));
}

/**
 * The sentences of a passage, cut at its lines and, in a line longer than a list row, at its
 * stops; short lines (list rows) stay whole, as the chunker keeps them.
 */
export function sentencesOf(passage: Passage): string[] {
  return passage.text
    .split('\n')
    .flatMap((line) =>
      line.length <= 80
        ? [line.trim()]
        : splitSentences(line).map((s) => line.slice(s.start, s.end).trim()),
    )
    .filter((s) => s.length > 0);
}
