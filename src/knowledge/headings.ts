/** A heading recognised on a line of a notice. */
export interface Heading {
  /** Numbering style; headings of one style share one outline level. */
  readonly style: string;
  /** The number in its list (一 = 1, Fourth = 4), used to reject stray numbered lines. */
  readonly number: number;
  /** What the section path shows, for example `(四)持續引導並助力全民閱讀學習`. */
  readonly label: string;
  /** True when the line also carries body text that belongs to the passage. */
  readonly inline: boolean;
}

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
/** English ordinal words, "first" to "tenth" (headings such as "Fourth, activity content"). */
export const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** Parses 一 … 九十九 into a number. */
export function chineseNumber(text: string): number {
  if (text.length === 1) return CN_DIGITS[text] ?? NaN;
  const ten = text.indexOf('十');
  if (ten === -1) return NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text.slice(0, ten)] ?? NaN);
  const ones = ten === text.length - 1 ? 0 : (CN_DIGITS[text.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

interface Pattern {
  readonly style: string;
  readonly re: RegExp;
  readonly number: (m: RegExpExecArray) => number;
}

const PATTERNS: readonly Pattern[] = [
  { style: 'md', re: /^(#{1,6})\s+(.+)$/, number: () => NaN },
  {
    style: 'cn、',
    re: /^([一二三四五六七八九十]{1,3})、\s*(.+)$/,
    number: (m) => chineseNumber(m[1]!),
  },
  {
    style: '(cn)',
    re: /^[(（]([一二三四五六七八九十]{1,3})[)）]\s*(.+)$/,
    number: (m) => chineseNumber(m[1]!),
  },
  { style: '1.', re: /^(\d{1,2})[.．、]\s*(?!\d)(.+)$/, number: (m) => Number(m[1]) },
  {
    style: '1.',
    re: new RegExp(`^(${ORDINALS.join('|')}),\\s*(.+)$`, 'i'),
    number: (m) => ORDINALS.indexOf(m[1]!.toLowerCase()) + 1,
  },
  { style: '(1)', re: /^[(（](\d{1,2})[)）]\s*(.+)$/, number: (m) => Number(m[1]) },
];

const TITLE_MAX = 60;
const ENGLISH_TITLE_MAX = 140;

/** Where the title of a heading line ends, and whether body text follows it on the same line. */
function splitTitle(rest: string): { title: string; inline: boolean } {
  const colon = rest.search(/[:：]/);
  if (colon > 0 && colon <= 12 && /\p{Script=Han}/u.test(rest.slice(0, colon))) {
    return { title: rest.slice(0, colon), inline: true };
  }
  const hasHan = /\p{Script=Han}/u.test(rest);
  if (hasHan) {
    if (rest.length <= TITLE_MAX && !/[。；]./.test(rest))
      return { title: rest.replace(/[。；]$/, ''), inline: false };
    const stop = rest.search(/[。；，,]/);
    return { title: rest.slice(0, stop > 0 && stop <= TITLE_MAX ? stop : TITLE_MAX), inline: true };
  }
  const sentence = /^(.+?[a-z)”"])\.(?:\s|$)/.exec(rest);
  if (sentence && sentence[1]!.length <= ENGLISH_TITLE_MAX) {
    const inline = sentence[0].length < rest.length;
    return { title: sentence[1]!, inline };
  }
  return { title: rest.slice(0, ENGLISH_TITLE_MAX), inline: rest.length > ENGLISH_TITLE_MAX };
}

/** Recognises a heading line in any of the styles the notices use; null for body text. */
export function parseHeading(line: string): Heading | null {
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(line);
    if (!m) continue;
    if (pattern.style === 'md') {
      return { style: `md${m[1]!.length}`, number: NaN, label: m[2]!.trim(), inline: false };
    }
    const rest = m[2]!.trim();
    const { title, inline } = splitTitle(rest);
    // Long English lines starting "3." that are not headings (a numbered list item) still pass
    // here; the outline tracker rejects them when their number is out of sequence.
    const marker = line.slice(0, line.length - m[2]!.length);
    return { style: pattern.style, number: pattern.number(m), label: marker + title, inline };
  }
  return null;
}
