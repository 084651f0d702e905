import type { Region } from '../knowledge/glossary.js';
import { arabicDates } from '../knowledge/numerals.js';
import { normalizeForSearch } from '../knowledge/script.js';

/** How the year of a question was found. */
export type YearSource = 'explicit' | 'this-year' | 'last-year' | 'next-year' | 'none';

/** The years a question is about, resolved against the years the knowledge base covers. */
export interface YearSlot {
  /** Years named or implied, whether or not the knowledge base has them. */
  readonly asked: readonly number[];
  /** Of those, the ones the knowledge base covers. */
  readonly covered: readonly number[];
  readonly source: YearSource;
  /** How to name years that cannot be resolved to a number ("明年", "next year"). */
  readonly label?: string;
}

/**
 * Reads the year slot: "2022", "２０２２年", "二〇二二年", "22年"; "今年"/"this year" means the newest
 * year the knowledge base covers and "去年"/"last year" the one before it, because the notices,
 * not the calendar, bound what can be answered (the answer says which year it used).
 */
export function readYear(text: string, coveredYears: readonly number[]): YearSlot {
  const t = arabicDates(text.normalize('NFKC'));
  const sorted = [...coveredYears].sort((a, b) => b - a);
  // A year inside a full date ("2023年1月10日前") dates a deadline; it is not the year asked about
  // unless the notices cover it.
  const explicit = [...t.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)|(?<![\d])(\d{2})(?=\s*年)/g)]
    .map((m) => ({
      year: m[1] ? 2000 + Number(m[1]) : Number(m[0]),
      after: t.slice(m.index + m[0].length),
    }))
    .filter(
      ({ year, after }) => !/^\s*年\s*\d{1,2}\s*月/.test(after) || coveredYears.includes(year),
    )
    .map(({ year }) => year);
  if (explicit.length > 0) {
    const asked = [...new Set(explicit)];
    return { asked, covered: asked.filter((y) => coveredYears.includes(y)), source: 'explicit' };
  }
  if (/今年|本年|本届|this year|current year|this week's|latest/i.test(t) && sorted[0]) {
    return { asked: [sorted[0]], covered: [sorted[0]], source: 'this-year' };
  }
  if (/明年|下一届|下届|以后|将来|next year|future|upcoming/i.test(t)) {
    return {
      asked: [],
      covered: [],
      source: 'next-year',
      label: /[a-z]/i.test(t) && !/\p{Script=Han}/u.test(t) ? 'next year' : '明年',
    };
  }
  if (/去年|上一届|上届|last year|previous year/i.test(t) && sorted[1]) {
    return { asked: [sorted[1]], covered: [sorted[1]], source: 'last-year' };
  }
  return { asked: [], covered: [], source: 'none' };
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
