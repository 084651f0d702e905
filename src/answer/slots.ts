import type { Region } from '../knowledge/glossary.js';
import { arabicDates } from '../knowledge/numerals.js';
import { normalizeForSearch } from '../knowledge/script.js';

/** How the year of a question was found. */
export type YearSource = 'explicit' | 'this-year' | 'last-year' | 'relative' | 'next-year' | 'none';

/** The years a question is about, resolved against the years the knowledge base covers. */
export interface YearSlot {
  /** Years named or implied, whether or not the knowledge base has them. */
  readonly asked: readonly number[];
  /** Of those, the ones the knowledge base covers. */
  readonly covered: readonly number[];
  readonly source: YearSource;
  /** How to name years that cannot be resolved to a number ("明年", "next year"). */
  readonly label?: string;
  /** For a relative year ("前年"): the word, and the year it was counted from (stated or not). */
  readonly relative?: { readonly word: string; readonly from: number; readonly stated: boolean };
}

/** Words for a year relative to the current one, longest first so 大前年 is not read as 前年. */
const RELATIVE: readonly { readonly pattern: RegExp; readonly offset: number }[] = [
  // "four years ago" (from a year the asker states, "I'm writing this in 2026"); a digit is
  // never the end of a year ("2024年前" is before 2024).
  { pattern: /\b(?:five|5)\s*(?:years?|yrs?)\s+ago|五年前|(?<!\d)5\s*年前/i, offset: -5 },
  { pattern: /\b(?:four|4)\s*(?:years?|yrs?)\s+ago|四年前|(?<!\d)4\s*年前/i, offset: -4 },
  { pattern: /大前年|\b(?:three|3)\s*(?:years?|yrs?)\s+ago|三年前|(?<!\d)3\s*年前/i, offset: -3 },
  { pattern: /大后年|大後年|in three years/i, offset: 3 },
  {
    pattern:
      /前年|the year before last|\b(?:two|2)\s*(?:years?|yrs?)\s+ago|两年前|兩年前|(?<!\d)2\s*年前/i,
    offset: -2,
  },
  { pattern: /后年|後年|the year after next|in two years/i, offset: 2 },
  {
    pattern:
      /去年|旧年|舊年|上一届|上届|上一屆|上屆|last year|previous year|\b(?:a|one|1)\s*(?:year|yr)\s+ago|一年前|(?<!\d)1\s*年前|\blast (?:fall|autumn|spring|summer|winter)\b/i,
    offset: -1,
  },
  {
    pattern:
      /明年|下一届|下届|下一屆|下屆|以后的活动周|將來|将来|\bnext year\b|\bfuture\b|\bupcoming\b/i,
    offset: 1,
  },
  // "我妈今年72了" tells an age, not the year asked about.
  {
    pattern:
      /今年(?!\s*(?:\d{1,3}|[一二三四五六七八九十几幾多]+)\s*(?:岁|歲|周岁|週歲|了|多))|本年|本届|本屆|this year|current year|this week's|latest/i,
    offset: 0,
  },
];

const COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  one: 1,
  '1': 1,
  一: 1,
  two: 2,
  '2': 2,
  两: 2,
  兩: 2,
  二: 2,
  three: 3,
  '3': 3,
  三: 3,
};
const ANCHORED_EN =
  /\b(?:(a|one|1|two|2|three|3)\s*(?:years?|yrs?)|the year)\s+(before|after|earlier than|later than|prior to)\s+((?:19|20)\d{2})\b/i;
const ANCHORED_ZH =
  /((?:19|20)\d{2})\s*年?\s*(?:的)?\s*(前|后|後|之前|之后|之後)\s*(一|两|兩|二|三|[123])\s*年/;

/** A year counted from one the question names ("two years before 2024" is 2022). */
function anchoredYear(t: string): { year: number; word: string; from: number } | undefined {
  const en = ANCHORED_EN.exec(t);
  if (en) {
    const from = Number(en[3]);
    const n = en[1] ? COUNTS[en[1].toLowerCase()]! : 1;
    const back = /before|earlier|prior/i.test(en[2]!);
    return { year: from + (back ? -n : n), word: en[0], from };
  }
  const zh = ANCHORED_ZH.exec(t);
  if (zh) {
    const from = Number(zh[1]);
    const n = COUNTS[zh[3]!]!;
    return { year: from + (/前/.test(zh[2]!) ? -n : n), word: zh[0], from };
  }
  return undefined;
}

// "due in January 2023", "by 10 Jan 2023": an English date's year.
const MONTH_BEFORE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+$/i;

interface RelativeWord {
  readonly word: string;
  readonly offset: number;
  readonly at: number;
}

/**
 * Every relative word of a text, each once (大前年 is not also 前年), in the order of RELATIVE:
 * the first is the one a single-year reading takes.
 */
function relativesIn(text: string): RelativeWord[] {
  let rest = text;
  const found: RelativeWord[] = [];
  for (const r of RELATIVE) {
    const m = r.pattern.exec(rest);
    if (!m) continue;
    found.push({ word: m[0], offset: r.offset, at: m.index });
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  return found;
}

/** "现在是2024年", "而家係2024年" (Cantonese), "it's 2024 now": the current year, as the asker states it. */
// "今年(2024)", "I'm writing this in early 2023", "as of 2025" too.
const STATED_YEAR =
  /(?:现在|現在|今年|目前|当前|當前|而家|宜家|依家|如今|而今|现(?=为)|現(?=為)|时值|時值)\s*(?:已经|已經|都|也)?\s*(?:是|为|為|係|系|到咗|到了)?\s*[（(]?\s*((?:19|20)\d{2}|\d{2}(?=\s*年))\s*年?\s*[)）]?|(?:it is|it's|it’s|its|now is|this year is|we are in|we're in|we’re in|(?:the )?current year is|(?:writing|asking)(?: this)? in|as of)\s+(?:early\s+|late\s+|mid-?\s*)?((?:19|20)\d{2})|((?:19|20)\d{2})\s+now\b|\bnow(?: is| it'?s)?\s+((?:19|20)\d{2})(?=\s+already\b|\s*[,.;!]|\s+(?:and|so)\b)/i;

/** True when the text states the current year ("现在是2024年", "it's 2025 now"). */
export function statesYear(text: string): boolean {
  return STATED_YEAR.test(arabicDates(text.normalize('NFKC')));
}

/**
 * Reads the year slot: "2022", "２０２２年", "二〇二二年", "22年". Relative words count from the year
 * the question states ("现在是2024年，前年…" is 2022); without one, "今年"/"this year" means the
 * newest year the knowledge base covers and "去年"/"last year" the one before it, because the
 * notices, not the calendar, bound what can be answered; 前年 and 大前年 count back from the
 * newest (the answer says which year it used).
 */
export function readYear(text: string, coveredYears: readonly number[]): YearSlot {
  // "二二年那个活动周": a year said in two Chinese digits, as people say 22年.
  let t = arabicDates(text.normalize('NFKC')).replace(
    /(?<![〇零一二三四五六七八九十百千万])二([〇零一二三四五六七八九])(?=\s*年)/g,
    (_, d: string) => `2${'〇一二三四五六七八九'.indexOf(d === '零' ? '〇' : d)}`,
  );
  const sorted = [...coveredYears].sort((a, b) => b - a);
  const stated = STATED_YEAR.exec(t);
  const statedRaw = stated ? Number(stated[1] ?? stated[2] ?? stated[3] ?? stated[4]) : undefined;
  // "今年24年": a two-digit year is this century's.
  const statedYear = statedRaw !== undefined && statedRaw < 100 ? 2000 + statedRaw : statedRaw;
  if (stated) t = t.slice(0, stated.index) + ' ' + t.slice(stated.index + stated[0].length);
  // "two years before 2024", "the year after 2022", "2024年的前两年": counted from the year named.
  const anchored = anchoredYear(t);
  if (anchored)
    return {
      asked: [anchored.year],
      covered: coveredYears.includes(anchored.year) ? [anchored.year] : [],
      source: 'relative',
      relative: { word: anchored.word, from: anchored.from, stated: true },
    };
  // A year inside a full date ("2023年1月10日前") dates a deadline; it is not the year asked about
  // unless the notices cover it.
  const explicit = [...t.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)|(?<![\d])(\d{2})(?=\s*年)/g)]
    .map((m) => ({
      year: m[1] ? 2000 + Number(m[1]) : Number(m[0]),
      before: t.slice(Math.max(0, m.index - 16), m.index),
      after: t.slice(m.index + m[0].length),
    }))
    .filter(
      ({ year, before, after }) =>
        !(/^\s*年\s*\d{1,2}\s*月/.test(after) || MONTH_BEFORE.test(before)) ||
        coveredYears.includes(year),
    )
    .map(({ year }) => year);
  if (explicit.length > 0) {
    // "It's 2025 now. When did last year's run? 2022's was in November, right?": with a stated
    // year, a relative word names a year too, asked first.
    const counted = statedYear === undefined ? undefined : relativesIn(t)[0];
    const relativeYear = counted && counted.offset !== 0 ? statedYear! + counted.offset : undefined;
    const asked = [...new Set([...(relativeYear ? [relativeYear] : []), ...explicit])];
    return { asked, covered: asked.filter((y) => coveredYears.includes(y)), source: 'explicit' };
  }
  const words = relativesIn(t);
  const relative = words[0];
  const english = /[a-z]/i.test(t) && !/\p{Script=Han}/u.test(t);
  // "现在是2024年，前年和今年的主题分别是啥": two relative words, two years, in the order said.
  const newestYear = sorted[0];
  if (words.length >= 2 && words.every((w) => w.offset <= 0) && newestYear !== undefined) {
    const yearOf = (offset: number) =>
      statedYear !== undefined
        ? statedYear + offset
        : offset === -1
          ? (sorted[1] ?? newestYear - 1)
          : newestYear + offset;
    const said = [...words].sort((a, b) => a.at - b.at);
    const asked = [...new Set(said.map((w) => yearOf(w.offset)))];
    const counted = said.find((w) => w.offset !== 0);
    return {
      asked,
      covered: asked.filter((y) => coveredYears.includes(y)),
      source: 'relative',
      ...(counted
        ? {
            relative: {
              word: counted.word,
              from: statedYear ?? newestYear,
              stated: statedYear !== undefined,
            },
          }
        : {}),
    };
  }
  if (!relative) {
    // "现在是2024年，主题是什么": the stated year is the year asked about.
    if (statedYear === undefined) return { asked: [], covered: [], source: 'none' };
    return {
      asked: [statedYear],
      covered: coveredYears.includes(statedYear) ? [statedYear] : [],
      source: 'explicit',
    };
  }
  const word = relative.word;
  if (statedYear !== undefined) {
    const year = statedYear + relative.offset;
    return {
      asked: [year],
      covered: coveredYears.includes(year) ? [year] : [],
      source: relative.offset === 0 ? 'explicit' : 'relative',
      relative: { word, from: statedYear, stated: true },
    };
  }
  const newest = sorted[0];
  if (newest === undefined) return { asked: [], covered: [], source: 'none' };
  if (relative.offset === 0) return { asked: [newest], covered: [newest], source: 'this-year' };
  if (relative.offset === -1) {
    if (!sorted[1]) return { asked: [], covered: [], source: 'none' };
    return { asked: [sorted[1]], covered: [sorted[1]], source: 'last-year' };
  }
  if (relative.offset > 0)
    return {
      asked: [],
      covered: [],
      source: 'next-year',
      label:
        relative.offset === 1
          ? english
            ? 'next year'
            : '明年'
          : english
            ? word.toLowerCase()
            : word,
    };
  const year = newest + relative.offset;
  return {
    asked: [year],
    covered: coveredYears.includes(year) ? [year] : [],
    source: 'relative',
    relative: { word, from: newest, stated: false },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the regions a question names. */
export type RegionMatcher = (text: string) => Region[];

/**
 * Builds a matcher for regions named by full or short Chinese name (either script), English name
 * or pinyin. Longer names are tried first and blanked out once matched, so 新疆生产建设兵团 is
 * the Corps, not Xinjiang.
 */
export function createRegionMatcher(regions: readonly Region[]): RegionMatcher {
  const names = regions.flatMap((region) => [
    ...[region.zh, ...region.short]
      .map(normalizeForSearch)
      .filter((n) => n.length >= 2)
      .map((n) => ({ region, length: n.length, pattern: new RegExp(escapeRegExp(n), 'g') })),
    ...[region.en, ...region.pinyin].map((n) => ({
      region,
      length: n.length,
      pattern: new RegExp(
        `(?<![a-z])${escapeRegExp(n.toLowerCase()).replace(/\s+/g, '\\s*')}(?![a-z])`,
        'g',
      ),
    })),
  ]);
  names.sort((a, b) => b.length - a.length);
  return (text) => {
    let q = normalizeForSearch(text);
    const found = new Set<Region>();
    for (const { region, pattern } of names) {
      pattern.lastIndex = 0;
      if (!pattern.test(q)) continue;
      found.add(region);
      pattern.lastIndex = 0;
      q = q.replace(pattern, ' ');
    }
    return [...found];
  };
}
