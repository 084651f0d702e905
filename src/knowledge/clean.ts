import { EMOJI } from './emoji.js';
import type { CleaningRules } from './manifest.js';
import { applyEdits, fromSource, replaceAll, type Edit, type MappedText } from './mapped-text.js';

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
// A sentence glued to the next one by a lost space ("activities.All localities").
const GLUED_SENTENCE = /(?<=[a-z)\]”"’])[.;:](?=[A-Z“"(])/g;

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Drops whole lines (with their line break) whose trimmed text matches any pattern. */
function dropLines(input: MappedText, patterns: readonly RegExp[]): MappedText {
  if (patterns.length === 0) return input;
  const edits: Edit[] = [];
  let start = 0;
  while (start < input.text.length) {
    const newline = input.text.indexOf('\n', start);
    const end = newline === -1 ? input.text.length : newline + 1;
    const line = input.text.slice(start, newline === -1 ? end : newline).trim();
    if (patterns.some((p) => p.test(line))) edits.push({ start, end, insert: '' });
    start = end;
  }
  return applyEdits(input, edits);
}

/** Collapses runs of blanks, trims each line and keeps at most one empty line between paragraphs. */
function normalizeWhitespace(input: MappedText): MappedText {
  let out = replaceAll(input, ODD_SPACES, ' ');
  out = replaceAll(out, / {2,}/g, ' ');
  out = replaceAll(out, / +(?=\n)|(?<=\n) +/g, '');
  out = replaceAll(out, /\n{3,}/g, '\n\n');
  out = replaceAll(out, /^[\s]+|[\s]+$/g, '');
  return out;
}

/**
 * Cleans one source as received, following its manifest rules, and keeps the mapping back to
 * the source. Order matters: lines are dropped on the raw text, junk tokens go before emoji so a
 * token split by an emoji is not formed, and whitespace is normalised last.
 */
export function cleanSource(raw: string, rules: CleaningRules): MappedText {
  let text = replaceAll(fromSource(raw), /\r\n?/g, '\n');
  text = replaceAll(text, /^\uFEFF/g, '');
  text = dropLines(
    text,
    rules.drop_lines.map((p) => new RegExp(p, 'u')),
  );
  for (const rule of rules.replace)
    text = replaceAll(text, new RegExp(rule.pattern, 'gu'), rule.with);
  if (rules.junk_tokens.length > 0) {
    const junk = new RegExp(rules.junk_tokens.map(escapeRegExp).join('|'), 'gu');
    text = replaceAll(text, junk, '');
  }
  if (rules.strip_emoji) text = replaceAll(text, EMOJI, '');
  text = replaceAll(text, FULLWIDTH_ALNUM, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0));
  if (rules.fix_glued_sentences) text = replaceAll(text, GLUED_SENTENCE, (m) => `${m[0]} `);
  return normalizeWhitespace(text);
}
