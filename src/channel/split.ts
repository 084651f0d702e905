import { messagesFor } from '../answer/messages.js';
import { toScript } from '../answer/language.js';
import type { Block, Button, ChannelCapabilities, Citation, Inline, Reply } from '../types.js';

/**
 * A piece of a reply that a channel renders on its own: an answer block, the heading of the
 * sources, or one source. Splitting happens between pieces, or inside a piece's text before it is
 * rendered, so every message part is valid markup by itself (never cut inside a tag or an entity).
 */
export type Segment =
  | { readonly kind: 'block'; readonly block: Block }
  | { readonly kind: 'sources'; readonly heading: string }
  | {
      readonly kind: 'citation';
      readonly n: number;
      readonly citation: Citation;
      /** A later piece of a quote too long for one message: shown without the title again. */
      readonly continued?: boolean;
    };

/** How a channel measures what it renders. */
export interface Measure {
  /** The most one message may hold. */
  readonly max: number;
  /** The size of a segment once rendered (markup and escapes included). */
  size(segment: Segment): number;
  /** The size of what the renderer puts between two segments. */
  readonly separator: number;
  /** The most segments one message may hold (Slack: 50 blocks). */
  readonly maxSegments?: number;
}

/** The segments of a reply in reading order: the answer, then its numbered sources. */
export function segmentsOf(reply: Reply): Segment[] {
  const segments: Segment[] = reply.blocks.map((block) => ({ kind: 'block', block }));
  if (reply.citations.length > 0) {
    const heading = toScript(messagesFor(reply.language).sources, reply.language);
    segments.push({ kind: 'sources', heading });
    reply.citations.forEach((citation, i) =>
      segments.push({ kind: 'citation', n: i + 1, citation }),
    );
  }
  return segments;
}

/** The size of a string in a channel's unit. */
export function sizeIn(unit: ChannelCapabilities['unit'], text: string): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

// Where text may be cut, best first: after a sentence, at a line end, at a space.
// A full stop counts only before a space, so "1.2万" and "e.g." inside words are not cut.
const BOUNDARIES = [/[。！？；][”’"')）\]]*|[.!?;][”’"')\]]*(?=\s)/gu, /\n/g, /\s/g];

/** The cut position nearest the middle of `text`, at the best kind of boundary it has. */
function cutPoint(text: string): number {
  const middle = text.length / 2;
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const m of text.matchAll(boundary)) {
      const at = m.index + m[0].length;
      if (at <= 0 || at >= text.length) continue;
      if (best < 0 || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
    }
    if (best > 0) return best;
  }
  // No boundary: the middle, moved off a surrogate pair.
  let at = Math.max(1, Math.floor(middle));
  if (/[\uDC00-\uDFFF]/.test(text[at] ?? '')) at++;
  return at;
}

function splitText(text: string): [string, string] | undefined {
  if ([...text].length < 2) return undefined;
  const at = cutPoint(text);
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}

/** Splits a run of inline pieces into two at a boundary near the middle of their text. */
function splitInlines(parts: readonly Inline[]): [Inline[], Inline[]] | undefined {
  if (parts.length > 1) {
    const text = parts.map((p) => p.text).join('');
    const at = cutPoint(text);
    let seen = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (seen + p.text.length >= at) {
        const inside = at - seen;
        if (inside <= 0) return [parts.slice(0, i), parts.slice(i)];
        if (inside >= p.text.length) return [parts.slice(0, i + 1), parts.slice(i + 1)];
        return [
          [...parts.slice(0, i), { ...p, text: p.text.slice(0, inside) }],
          [{ ...p, text: p.text.slice(inside) }, ...parts.slice(i + 1)],
        ];
      }
      seen += p.text.length;
    }
  }
  const only = parts[0];
  const halves = only ? splitText(only.text) : undefined;
  return halves && only
    ? [[{ ...only, text: halves[0] }], [{ ...only, text: halves[1] }]]
    : undefined;
}

/** A segment cut in two, or undefined when it cannot be cut further. */
function halve(segment: Segment): [Segment, Segment] | undefined {
  if (segment.kind === 'sources') return undefined;
  if (segment.kind === 'citation') {
    const halves = splitText(segment.citation.quote);
    if (!halves) return undefined;
    return [
      { ...segment, citation: { ...segment.citation, quote: halves[0] } },
      { ...segment, citation: { ...segment.citation, quote: halves[1] }, continued: true },
    ];
  }
  const block = segment.block;
  const wrap = (b: Block): Segment => ({ kind: 'block', block: b });
  switch (block.kind) {
    case 'paragraph': {
      const halves = splitInlines(block.content);
      return (
        halves && [wrap({ ...block, content: halves[0] }), wrap({ ...block, content: halves[1] })]
      );
    }
    case 'quote': {
      const halves = splitText(block.text);
      if (!halves) return undefined;
      const { citation: _c, ...first } = block;
      void _c;
      return [wrap({ ...first, text: halves[0] }), wrap({ ...block, text: halves[1] })];
    }
    case 'list': {
      if (block.items.length > 1) {
        const half = Math.ceil(block.items.length / 2);
        return [
          wrap({ ...block, items: block.items.slice(0, half) }),
          wrap({ ...block, items: block.items.slice(half) }),
        ];
      }
      const halves = splitInlines(block.items[0] ?? []);
      return (
        halves && [wrap({ ...block, items: [halves[0]] }), wrap({ ...block, items: [halves[1]] })]
      );
    }
  }
}

/** A segment as pieces that each fit in one message. */
function fit(segment: Segment, measure: Measure): Segment[] {
  if (measure.size(segment) <= measure.max) return [segment];
  const halves = halve(segment);
  if (!halves) return [segment];
  return halves.flatMap((h) => fit(h, measure));
}

/**
 * Splits a reply into message parts that each fit the channel: segments are packed in order,
 * a segment too long for one message is cut at a sentence (else a line end, a space, a character)
 * before rendering. Returns the segments of each part; the adapter renders them.
 */
export function splitReply(reply: Reply, measure: Measure): Segment[][] {
  const parts: Segment[][] = [];
  let current: Segment[] = [];
  let size = 0;
  for (const segment of segmentsOf(reply).flatMap((s) => fit(s, measure))) {
    const add = measure.size(segment) + (current.length > 0 ? measure.separator : 0);
    const full = current.length >= (measure.maxSegments ?? Infinity);
    if (current.length > 0 && (size + add > measure.max || full)) {
      parts.push(current);
      current = [];
      size = 0;
    }
    size += measure.size(segment) + (current.length > 0 ? measure.separator : 0);
    current.push(segment);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** How wide a label shows: Chinese characters count two, others one. */
const widthOf = (label: string) =>
  [...label].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1), 0);

/**
 * Buttons in rows the channel can show: at most `max`, at most `perRow` to a row, and, when the
 * channel sets a `rowWidth`, no more to a row than fit its width (long questions get a row each).
 */
export function buttonRows(
  buttons: readonly Button[],
  capabilities: ChannelCapabilities,
): Button[][] {
  const limits = capabilities.buttons;
  if (!limits) return [];
  const rows: Button[][] = [];
  let row: Button[] = [];
  let width = 0;
  for (const button of buttons.slice(0, limits.max)) {
    const w = widthOf(button.label);
    const full = row.length >= limits.perRow || (limits.rowWidth && width + w > limits.rowWidth);
    if (row.length > 0 && full) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(button);
    width += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
