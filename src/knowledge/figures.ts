import { arabicDates, chineseValue } from './numerals.js';

/**
 * Figures a generated answer states, read however they are written (12,000 / 1.2万 / 五千万 /
 * "fifty million"), and dates (2022年11月20日 / 20 November 2022), so that each can be checked
 * against the passages the answer cites: a model must not add a number or a date, nor repeat one
 * the user put in the question.
 */

const ZH_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** A run of Chinese numerals that counts something (五千万人, 三十个), not 一省一周 or 一些. */
const ZH_NUMBER =
  /[零〇一二两三四五六七八九十百千万亿]+(?=\s*(?:多|余)?\s*(?:人|名|个|位|万|亿|元|次|所|家|期|门|项|场|岁|倍|届|天|周|小时|部|篇|条|本|户|村|座|%|％))/gu;

const EN_SMALL: Record<string, number> = Object.fromEntries(
  [
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
  ]
    .join(' ')
    .split(' ')
    .map((w, i) => [w, i] as const)
    .concat(
      'twenty thirty forty fifty sixty seventy eighty ninety'
        .split(' ')
        .map((w, i) => [w, (i + 2) * 10] as const),
    ),
);
const EN_BIG: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const EN_WORD = `(?:${[...Object.keys(EN_SMALL), 'hundred', ...Object.keys(EN_BIG)].join('|')})`;
const EN_NUMBER = new RegExp(`\\b${EN_WORD}(?:(?:[\\s-]+(?:and[\\s-]+)?)${EN_WORD})*\\b`, 'gi');

function enValue(run: string): number {
  let total = 0;
  let current = 0;
  for (const w of run.toLowerCase().split(/[\s-]+/)) {
    if (w in EN_SMALL) current += EN_SMALL[w]!;
    else if (w === 'hundred') current *= 100;
    else if (w in EN_BIG) {
      total += (current || 1) * EN_BIG[w]!;
      current = 0;
    }
  }
  return total + current;
}

/** Every number a text states, as values. "one" alone is a word, not a figure. */
export function numbersIn(text: string): number[] {
  const t = text.normalize('NFKC');
  const values: number[] = [];
  for (const m of t.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万|亿)?/g)) {
    const n = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isNaN(n)) values.push(m[2] ? n * ZH_BIG[m[2]]! : n);
  }
  // 万 or 亿 alone ("1.2万人次" after its digits) is a unit, not a number.
  for (const m of t.matchAll(ZH_NUMBER))
    if (!/^[万亿]+$/.test(m[0])) values.push(chineseValue(m[0]));
  for (const m of t.matchAll(EN_NUMBER))
    if (!/^(?:one|zero)$/i.test(m[0].trim())) values.push(enValue(m[0]));
  return values;
}

const MONTHS =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})`;

/** Every full or month-day date a text states, as "2022-11-20" or "11-20". */
export function datesIn(text: string): string[] {
  const t = arabicDates(text.normalize('NFKC')).toLowerCase();
  const out: string[] = [];
  const add = (y: string | undefined, m: number, d: number) => {
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) out.push(y ? `${y}-${m}-${d}` : `${m}-${d}`);
  };
  // 2022年11月20日—26日: both ends of a range.
  for (const m of t.matchAll(
    /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*[—–~～至到-]\s*(\d{1,2})\s*[日号])?/g,
  )) {
    add(m[1], Number(m[2]), Number(m[3]));
    if (m[4]) add(m[1], Number(m[2]), Number(m[4]));
  }
  const month = (name: string) => MONTHS.findIndex((x) => x.startsWith(name.slice(0, 3))) + 1;
  for (const m of t.matchAll(new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\.?,?(?:\\s+(\\d{4}))?`, 'g')))
    add(m[3], month(m[2]!), Number(m[1]));
  // "20–26 November 2022": the first day of a range shares the month and year of the last.
  for (const m of t.matchAll(
    new RegExp(`\\b(\\d{1,2})\\s*[–—~-]\\s*\\d{1,2}\\s+${MONTH}\\.?,?(?:\\s+(\\d{4}))?`, 'g'),
  ))
    add(m[3], month(m[2]!), Number(m[1]));
  for (const m of t.matchAll(
    new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'g'),
  ))
    add(m[3], month(m[1]!), Number(m[2]));
  return out;
}

/**
 * The first figure or date of `answer` that `sources` do not state, or undefined. A date counts
 * when the sources give the same day (with its year when the answer names one); a number when a
 * source states the same value in any writing.
 */
export function unsupportedFigure(answer: string, sources: string): string | undefined {
  const known = new Set(numbersIn(sources));
  const dates = new Set(datesIn(sources).flatMap((d) => [d, d.replace(/^\d{4}-/, '')]));
  for (const d of datesIn(answer)) if (!dates.has(d)) return d;
  // Dates are checked whole above; their parts are not figures of their own.
  const rest = arabicDates(answer.normalize('NFKC')).replace(
    /(\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\[\d+\]/g,
    ' ',
  );
  for (const n of numbersIn(rest)) if (!known.has(n)) return String(n);
  return undefined;
}

/** Phone numbers as the notices write them (010-66097704, 13601198336), literal checks only. */
export const PHONE = /(?<!\d)(?:0\d{2,3}[-\s]?\d{7,8}|1[3-9]\d{9})(?!\d)/g;
/** E-mail addresses. */
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Web addresses, up to the punctuation that ends them in Chinese or English text. */
export const URL = /https?:\/\/[^\s)）\]】,，;；。]+|www\.[^\s)）\]】,，;；。]+/g;
