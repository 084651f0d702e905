// C0 and C1 controls but tab and newline, DEL, bidirectional overrides and isolates, the marks
// that reorder text, zero-width spaces and the byte-order mark. Zero-width joiners stay: emoji
// sequences need them.
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/**
 * A message's text as the core keeps and echoes it: without NUL, other control characters and
 * bidi overrides (which could make an echoed answer read differently from what was stored), line
 * ends as `\n`, lone surrogates replaced, and trimmed.
 */
export function cleanText(text: string): string {
  return text.toWellFormed().replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
}
