import { arabicDates } from '../knowledge/numerals.js';

/**
 * Words with which people take back what they just typed: "2024年的主题 哦不对 是2022年的",
 * "When is Hunan's week? sorry, I meant Hubei", "2022年嘅主題係乜 唔係唔係 我講2024". A bare 不是
 * is not one ("2024年的主题，不是2022年的" sets a year aside, see SET_ASIDE); 不对 is, when it
 * stands alone between stops or after an interjection.
 */
const CORRECTION = new RegExp(
  [
    '(?:哦|噢|喔|啊|呃|额|額|诶|欸|哎|唉|咦)\\s*(?:不对|不對|不是|唔係|唔系|唔啱|错了|錯了)',
    '不对不对|不對不對|不是不是|唔係唔係|唔系唔系|唔啱唔啱',
    '(?:^|(?<=[\\s，,。.!！…]))(?:不对|不對|唔啱|唔係|唔系)(?=[\\s，,。.!！…]|是|係|系|我)',
    '说错了|說錯了|打错了|打錯了|写错了|寫錯了|讲错了|講錯了?|講錯咗|打錯咗|寫錯咗|口误|口誤',
    '更正(?:一下)?\\s*[:：]|我是说|我是說|我的意思是|我想问的是|我想問的是|我講緊|我讲紧',
    '\\b(?:sorry|oops|sry)\\b[\\s,.!-]*(?:i\\s+)?(?:meant?|mean to say)?|\\bi\\s+meant?\\b',
    '\\bscratch that\\b|\\bcorrection\\s*[:：-]|\\bmy bad\\b|\\bno,?\\s+wait\\b|\\bwait,?\\s+no\\b',
  ].join('|'),
  'gi',
);

/** A year as people write it: 2024, 2024年, 24年. */
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)(?:\s*年(?:度)?)?|(?<!\d)\d{2}\s*年(?![\d月])/g;

const yearsIn = (text: string) =>
  new Set(
    [...text.matchAll(YEAR)].map((m) => {
      const n = Number(/\d+/.exec(m[0])![0]);
      return n < 100 ? 2000 + n : n;
    }),
  );

/** The message split at its last correction word, when it has one with words on both sides. */
export function correctionSplit(text: string): { head: string; tail: string } | undefined {
  let last: RegExpExecArray | undefined;
  CORRECTION.lastIndex = 0;
  for (let m = CORRECTION.exec(text); m; m = CORRECTION.exec(text)) {
    if (m[0].length === 0) {
      CORRECTION.lastIndex++;
      continue;
    }
    last = m;
  }
  if (!last) return undefined;
  const head = text.slice(0, last.index);
  const tail = text.slice(last.index + last[0].length);
  if (!/[\p{L}\p{N}]/u.test(head) || !/[\p{L}\p{N}]/u.test(tail)) return undefined;
  return { head, tail };
}

/** "2024年的主题，不是2022年的", "the 2024 theme, not the 2022 one": a year set aside. */
const SET_ASIDE = new RegExp(
  `(?:而不是|(?<![是係系])不是|(?<![是係系])唔係|(?<![是係系])唔系|并非|並非|\\bnot(?:\\s+(?:the|for|in))?|\\brather than(?:\\s+the)?|\\binstead of(?:\\s+the)?)\\s*(?:${YEAR.source})`,
  'gi',
);

/**
 * The message as its writer meant it: a year taken back by a correction is blanked, so
 * "2024年的主题是什么 哦不对 是2022年的" asks about 2022 only, and so is a year set aside beside
 * another ("2024年的主题，不是2022年的"). Only years are rewritten here (the question reader
 * takes a corrected place from the tail itself); a message that keeps no other year is left as
 * it is.
 */
export function withMeantYears(text: string): string {
  let t = text;
  const split = correctionSplit(t);
  if (split) {
    const head = arabicDates(split.head);
    const tail = arabicDates(split.tail);
    const before = yearsIn(head);
    const after = yearsIn(tail);
    if (after.size > 0 && before.size > 0 && ![...after].every((y) => before.has(y)))
      t = head.replace(YEAR, ' ') + ' ' + tail;
  }
  const dated = arabicDates(t);
  if (yearsIn(dated).size < 2) return t;
  const aside = dated.replace(SET_ASIDE, (m) => m.replace(YEAR, ' '));
  return aside !== dated && yearsIn(aside).size > 0 ? aside : t;
}

/** The message without its correction words ("不对，我是说", "sorry I mean"). */
export function withoutCorrectionWords(text: string): string {
  return text.replace(CORRECTION, ' ');
}
