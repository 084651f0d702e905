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
    .replace(/(?<=月\s*)([二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号號])/g, (m) => {
      const [tens, ones] = m.includes('十') ? m.split('十') : ['', m];
      return String((m.includes('十') ? Number(DIGITS[tens!] ?? 1) : 0) * 10 + Number(DIGITS[ones!] ?? 0));
    });
}
