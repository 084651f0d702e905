import { parseHeading, type Heading } from './headings.js';
import { sourceRange, type MappedText } from './mapped-text.js';
import { splitSentences, type Span } from './sentences.js';
import type { Passage } from './types.js';

/** Size limits of a passage, in UTF-16 units. */
export interface ChunkOptions {
  /** Prose is split at sentence ends so no passage exceeds this (one over-long sentence excepted). */
  readonly maxChars: number;
}

/** Default caps: Chinese carries about three times the information per character of English. */
export const DEFAULT_MAX_CHARS = { zh: 320, en: 900 } as const;

// A line that reads as a row of a list or table ("聯系電話:010-58581449;郵編:100120") is kept whole.
const ROW_MAX = 80;

interface OpenSection {
  readonly style: string;
  readonly number: number;
  readonly label: string;
}

/** Tracks the outline; a numbered line out of sequence is body text, not a heading. */
function createOutline() {
  const stack: OpenSection[] = [];
  return {
    path: () => stack.map((s) => s.label),
    accept(heading: Heading): boolean {
      const at = stack.findIndex((s) => s.style === heading.style);
      if (at >= 0) {
        const expected = stack[at]!.number + 1;
        if (!Number.isNaN(heading.number) && heading.number !== expected) return false;
        stack.length = at;
      } else if (!Number.isNaN(heading.number) && heading.number !== 1) {
        return false;
      }
      stack.push({ style: heading.style, number: heading.number, label: heading.label });
      return true;
    },
  };
}

/** A piece that is never split: one sentence of prose, or a run of list rows. */
interface Unit extends Span {
  readonly row: boolean;
}

function unitsOfLine(line: string, offset: number): Unit[] {
  if (line.length <= ROW_MAX || /\t|\|/.test(line)) {
    return [{ start: offset, end: offset + line.length, row: true }];
  }
  return splitSentences(line).map((s) => ({
    start: offset + s.start,
    end: offset + s.end,
    row: false,
  }));
}

/**
 * Joins consecutive rows into blocks, so a contact record spread over several lines (name, phone,
 * e-mail) stays in one passage. A block may reach twice the cap before it is split, and then
 * only between rows.
 */
function joinRows(units: readonly Unit[], maxChars: number): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const last = out[out.length - 1];
    if (unit.row && last?.row && unit.end - last.start <= 2 * maxChars) {
      out[out.length - 1] = { start: last.start, end: unit.end, row: true };
    } else {
      out.push(unit);
    }
  }
  return out;
}

/** A unit of a notice as read: a heading's label, or a row or sentence of its body. */
export interface ReadingUnit extends Span {
  readonly text: string;
  readonly heading: boolean;
  /** A list row (kept whole), not a sentence of prose. */
  readonly row: boolean;
  /** For a heading: the section path it opens. */
  readonly section?: readonly string[];
}

/**
 * The notice cut into the smallest pieces passages are made of, in order: section headings
 * (their labels) and body units. Every passage is a run of whole body units, so a rendering
 * aligned unit by unit renders any passage.
 */
export function readingUnits(cleaned: MappedText): ReadingUnit[] {
  const outline = createOutline();
  const out: ReadingUnit[] = [];
  let offset = 0;
  for (const line of cleaned.text.split('\n')) {
    const lineOffset = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    const heading = parseHeading(line);
    if (heading && outline.accept(heading)) {
      const at = line.indexOf(heading.label);
      out.push({
        start: lineOffset + Math.max(0, at),
        end: lineOffset + Math.max(0, at) + heading.label.length,
        text: heading.label,
        heading: true,
        row: false,
        section: outline.path(),
      });
      if (!heading.inline) continue;
    }
    for (const unit of unitsOfLine(line, lineOffset)) {
      const text = cleaned.text.slice(unit.start, unit.end).trim();
      if (text) out.push({ ...unit, text, heading: false });
    }
  }
  return out;
}

/**
 * Splits a cleaned notice into passages that never cross a section boundary, each under the size
 * cap, each knowing its section path and where it stands in the source file.
 */
export function chunkNotice(
  sourceId: string,
  cleaned: MappedText,
  options: ChunkOptions,
): Passage[] {
  const passages: Passage[] = [];
  let units: Unit[] = [];
  let section: string[] = [];

  const flush = () => {
    let group: Unit[] = [];
    const emit = () => {
      if (group.length === 0) return;
      const start = group[0]!.start;
      const end = group[group.length - 1]!.end;
      const text = cleaned.text.slice(start, end).trimEnd();
      const [sourceStart, sourceEnd] = sourceRange(cleaned, start, start + text.length);
      passages.push({
        id: `${sourceId}#${passages.length + 1}`,
        sourceId,
        section,
        text,
        start,
        end: start + text.length,
        sourceStart,
        sourceEnd,
      });
      group = [];
    };
    for (const unit of joinRows(units, options.maxChars)) {
      const size = group.length === 0 ? 0 : unit.end - group[0]!.start;
      if (group.length > 0 && size > options.maxChars) emit();
      group.push(unit);
    }
    emit();
    units = [];
  };

  // Passages are runs of the notice's reading units, cut at each heading.
  for (const unit of readingUnits(cleaned)) {
    if (unit.heading) {
      flush();
      section = [...(unit.section ?? [])];
      continue;
    }
    units.push(unit);
  }
  flush();
  return passages;
}
