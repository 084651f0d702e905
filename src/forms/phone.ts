// Phone answers as people type them: +86, groups, brackets, extensions, a remark, two numbers.

/** Normalises one mainland mobile or landline number, or returns undefined. */
export function normalizePhone(input: string): string | undefined {
  let t = input
    .normalize('NFKC')
    .trim()
    .replace(
      /^(手机号?码?|手機號?碼?|电话|電話|联系电话|聯繫電話|tel|phone|mobile)\s*[:：]?\s*/i,
      '',
    )
    .replace(/[。.,，;；]+$/, '')
    .replace(/[—–－]/g, '-')
    .replace(/[\s()（）]/g, '');
  // "+86", "0086", "86-": the country code; after it a landline's leading 0 is dropped.
  const international = /^(?:\+|00)86-?|^86-/.test(t);
  t = t.replace(/^(?:\+|00)?86-?/, '');
  const mobile = t.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  // Area codes are 010 and 02X (three digits) or 0[3-9]XX (four): that splits "01066097704". The
  // number may be grouped ("0731-8456-7890") and may end in an extension (转123).
  const landline =
    /^(010|02\d|0[3-9]\d{2})-?(\d{3,4})-?(\d{4})(?:(?:-|转|轉|ext\.?|x)(\d{1,6}))?$/i.exec(
      t.startsWith('0') ? t : `0${t}`,
    );
  if (landline && (t.startsWith('0') || international || /^(10|2\d|[3-9]\d{2})-/.test(t)))
    return `${landline[1]}-${landline[2]}${landline[3]}${landline[4] ? `-${landline[4]}` : ''}`;
  return undefined;
}

/** A run of what phone numbers are written with: digits, spaces, dashes, brackets, a "+". */
const PHONE_RUN = /[+＋(（]?[0-9０-９][0-9０-９\s\-—–－()（）]*[0-9０-９]/g;

/**
 * The phone answer as people type it: one or two numbers, each normalised, with the words around
 * them kept ("13812345678（微信同号）", "手机13812345678，办公室0731-84567890"). Undefined when a
 * number is malformed or there is none.
 */
export function readPhones(input: string): string | undefined {
  // Full-width digits from an IME are digits; the brackets and words around them stay as typed.
  const text = input
    .normalize('NFC')
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const parts: string[] = [];
  let count = 0;
  let last = 0;
  for (const m of text.matchAll(PHONE_RUN)) {
    const digits = m[0].replace(/\D/g, '').length;
    // Short digit runs (an extension after 转, "2" in "2个号码") stay as words.
    if (digits < 7) continue;
    const numbers = splitNumbers(m[0]);
    if (!numbers) return undefined;
    parts.push(text.slice(last, m.index), numbers.join(' / '));
    count += numbers.length;
    last = m.index + m[0].length;
  }
  if (count === 0 || count > 3) return undefined;
  parts.push(text.slice(last));
  let value = parts.join('');
  // A label alone around one number is dropped; a remark is kept.
  const only =
    /^(?:(?:我|她|他|本人|my|her|his)的?\s*)?(?:手机号?码?|手機號?碼?|电话号?码?|電話號?碼?|联系电话|聯繫電話|tel|phone|mobile|(?:phone )?number)?\s*(?:是|为|為|is)?\s*[:：]?\s*(.+?)[。.,，;；]*$/i.exec(
      value,
    );
  if (count === 1 && only) value = only[1]!;
  // Words around the numbers are a remark, not a story.
  const words = value.replace(/[\d\s/+-]/g, '');
  return [...words].length <= 80 ? value : undefined;
}

/** One run of digits as one number or several ("13812345678 13987654321"). */
function splitNumbers(run: string): string[] | undefined {
  const whole = normalizePhone(run);
  if (whole) return [whole];
  const pieces = run.trim().split(/\s+/).slice(0, 12);
  const found: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let j = pieces.length;
    while (j > i && !normalizePhone(pieces.slice(i, j).join(' '))) j--;
    if (j === i) return undefined;
    found.push(normalizePhone(pieces.slice(i, j).join(' '))!);
    i = j;
  }
  return found;
}
