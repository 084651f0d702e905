/** A sentence as a `[start, end)` range of its line. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Chinese sentence ends (with any closing quote or bracket), or an English end followed by a space
// before something that opens a sentence. "No. 7" and "010-66097704" do not end a sentence.
// The 2024 copy's run-ons ("…in various places.”, Help the construction of…") end a sentence at
// the stop before a closing quote and a comma too, when a capital opens the next.
const SENTENCE_END =
  /[。！？；!?;][”"’)）]*|(?<=[a-z)\]”"’0-9])\.[”"’)]*(?=\s+[A-Z“"(]|\s*$)|(?<=[a-z])\.[”"’]+,(?=\s+[A-Z])/g;

/** Splits a line into sentences at 。！？； and English sentence ends; the spans cover the line. */
export function splitSentences(line: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
    let end = m.index + m[0].length;
    while (end < line.length && line[end] === ' ') end++;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < line.length) spans.push({ start, end: line.length });
  return spans;
}
