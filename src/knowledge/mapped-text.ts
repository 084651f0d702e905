/**
 * Text that remembers, for every UTF-16 unit, where it came from in the original source, so that
 * a passage or quote taken from cleaned text can always be found again in the file as received.
 */
export interface MappedText {
  readonly text: string;
  /** `offsets[i]` is the source index of `text[i]`; `offsets[text.length]` is the source length. */
  readonly offsets: readonly number[];
}

/** One edit: replace `text.slice(start, end)` by `insert`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** Wraps a source string with the identity mapping. */
export function fromSource(text: string): MappedText {
  const offsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { text, offsets };
}

/** Applies non-overlapping edits (sorted or not); inserted text maps to the start of what it replaced. */
export function applyEdits(source: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let text = '';
  const offsets: number[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue; // overlapping edits: the first one wins
    text += source.text.slice(cursor, edit.start);
    for (let i = cursor; i < edit.start; i++) offsets.push(source.offsets[i]!);
    text += edit.insert;
    const anchor = source.offsets[edit.start]!;
    for (let i = 0; i < edit.insert.length; i++) offsets.push(anchor);
    cursor = edit.end;
  }
  text += source.text.slice(cursor);
  for (let i = cursor; i <= source.text.length; i++) offsets.push(source.offsets[i]!);
  return { text, offsets };
}

/** Replaces every match of a global regular expression. */
export function replaceAll(
  source: MappedText,
  pattern: RegExp,
  replacement: string | ((match: RegExpExecArray) => string),
): MappedText {
  if (!pattern.global) throw new Error(`replaceAll needs a global pattern, got ${pattern}`);
  const edits: Edit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source.text); m; m = pattern.exec(source.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const insert = typeof replacement === 'string' ? replacement : replacement(m);
    edits.push({ start: m.index, end: m.index + m[0].length, insert });
  }
  return applyEdits(source, edits);
}

/** The source range `[start, end)` that the cleaned range `[start, end)` came from. */
export function sourceRange(mapped: MappedText, start: number, end: number): [number, number] {
  const from = mapped.offsets[start] ?? mapped.offsets[mapped.offsets.length - 1]!;
  if (end <= start) return [from, from];
  // End just after the last kept unit, so junk removed after the quote is not included.
  const last = mapped.offsets[end - 1]!;
  return [from, last + 1];
}
