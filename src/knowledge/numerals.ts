const DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * Chinese numerals in dates as Arabic digits: 二〇二二年 → 2022年, 一九六二年五月 → 1962年5月,
 * 十二月 → 12月. Other text is left as it is.
 */
export function arabicDates(text: string): string {
  return text
    .replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, (m) => [...m].map((c) => DIGITS[c]).join(''))
        .replace(/(十[一二]?|[一二三四五六七八九])(?=\s*月)/g, (m) => (m.startsWith('十') ? String(10 + Number(DIGITS[m[1] ?? '〇'] ?? 0)) : DIGITS[m]!))
    // 十二日, 二十一号, 三十日: days of a month.
    .replace(/(?<=月\s*)([二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号號])/g, (m) => String(chineseValue(m)));
}

const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * The value of a run of Chinese numerals: 五千万 → 50000000, 三十 → 30, 一百万 → 1000000; digit by
 * digit when there is no unit character (二〇二二 → 2022).
 */
export function chineseValue(run: string): number {
  if (![...run].some((c) => c in SMALL || c in BIG))
    return Number([...run].map((c) => DIGITS[c] ?? '0').join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of run) {
    if (c in DIGITS) digit = Number(DIGITS[c]);
    else if (c in SMALL) {
      section += (digit || 1) * SMALL[c]!;
      digit = 0;
    } else if (c in BIG) {
      total = (total + section + digit) * BIG[c]!;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}
