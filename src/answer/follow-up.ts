import { FOLLOW_MARK, neighbourStep } from './pasted.js';
import { classifyIntent } from './intent.js';
import { readYear } from './slots.js';
import { withoutCorrectionWords, withMeantYears } from './self-correction.js';

const YEAR_WORDS =
  /(?:19|20)\d{2}\s*年?|(?<!\d)\d{2}\s*年|二〇二\d年|今年|去年|明年|this year|last year|next year/gi;

/** A message that held a quoted line (“…”, "…", 「…」, 『…』, '…'). */
const PASTED = /[“"「『‘']/;

/**
 * Completes a short follow-up ("那2024年呢？", "and 2024?") with the user's previous question:
 * the new year replaces the old one. Anything that asks its own question is left as it is.
 */
export function completeFollowUp(
  text: string,
  previous: string | undefined,
  coveredYears: readonly number[],
): string {
  if (!previous) return text;
  const t = text.trim();
  // "那后面一句呢", "and the next sentence?" after a line of a notice was pasted and asked about:
  // the same line, and the sentence beside it.
  if (neighbourStep(t) !== 0 && PASTED.test(previous)) return `${previous}${FOLLOW_MARK}${t}`;
  const short = /\p{Script=Han}/u.test(t) ? [...t].length <= 12 : t.split(/\s+/).length <= 5;
  if (!short || classifyIntent(t) !== 'activities') return text;
  if (readYear(t, coveredYears).source === 'none') return text;
  const year = t.match(YEAR_WORDS)?.[0];
  if (!year) return text;
  // "2024年通知分哪几部分" asks its own question; "那2024年呢", "22年有类似的吗", "anything
  // similar in 2022?" ask only for another year.
  const rest = t
    .replace(YEAR_WORDS, ' ')
    .replace(
      /那|呢|吗|嗎|的|和|还有|還有|怎么样|怎麼樣|如何|有没有|有沒有|有冇|类似|類似|相似|一样|一樣|同样|同樣|也|\b(?:and|what|about|how|for|in|the|then|anything|something|similar|same|any|there|too|also|was|were|is)\b|[?？!！。.,，\s]/gi,
      '',
    );
  if ([...rest].length > 3) return text;
  // "2024年的开幕式在哪，不对，我是说2022年" then "那2024年呢": the question as meant, for the
  // new year (not the year taken back, nor the correction words).
  const meant = withoutCorrectionWords(withMeantYears(previous));
  return `${year} ${meant.replace(YEAR_WORDS, ' ').replace(/\s+/g, ' ').trim()}`;
}
