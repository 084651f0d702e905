import path from 'node:path';
import { z } from 'zod';
import { BotError } from '../errors.js';
import { readingUnits, type ReadingUnit } from './chunk.js';
import { ORDINALS } from './headings.js';
import { datesIn, EMAIL, numbersIn, PHONE, URL } from './figures.js';
import { readYamlFolder } from './manifest.js';
import type { SourceEntry } from './manifest.js';
import type { MappedText } from './mapped-text.js';
import { arabicDates } from './numerals.js';
import type { Passage, PassageRendering } from './types.js';

/**
 * A reviewed rendering of one notice in the other language, aligned unit by unit (each heading,
 * row and sentence of the cleaned notice: `llw index` names any unit that is missing or stale).
 * Renderings let a question in one language find and quote a notice written in the other; the
 * answer shows the rendering, marked as a working translation, with the original quoted beside.
 */
const renderingSchema = z
  .object({
    source: z.string().min(1),
    language: z.enum(['zh', 'en']),
    /** How the rendering is labelled to readers ("working translation by the project…"). */
    note: z.string().min(1),
    /**
     * Every person and body name in the units and its rendering: where `of` occurs in a unit,
     * `text` must occur in its rendering.
     */
    names: z
      .array(z.object({ of: z.string().min(1), text: z.string().min(1) }).strict())
      .default([]),
    units: z
      .array(z.object({ of: z.string().min(1), text: z.string().min(1) }).strict())
      .min(1),
  })
  .strict();

/** One rendering file as read. */
export type RenderingFile = z.infer<typeof renderingSchema>;

/** A rendering checked against its notice, unit by unit. */
export interface Rendering {
  readonly sourceId: string;
  readonly language: 'zh' | 'en';
  readonly note: string;
  /** Rendered text by the original unit's text. */
  readonly byUnit: ReadonlyMap<string, string>;
  /**
   * Units of the notice without a rendering, and rendered units no longer in it (the notice was
   * edited): the passages they touch are searched in the original language only until the
   * rendering is brought up to date. `llw index` prints these.
   */
  readonly stale: readonly string[];
}


const ZH_DIGITS = '零一二三四五六七八九';
/** 20 → 二十, 3 → 三: how a rendering may write a small count in Chinese (二十大, 三个方面). */
function chineseNumeral(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return undefined;
  if (n < 10) return ZH_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones ? ZH_DIGITS[ones] : ''}`;
}


/** Everything a unit states that its rendering must state too, or the reason it does not. */
export function renderingProblems(
  original: string,
  rendered: string,
  names: readonly { of: string; text: string }[] = [],
): string[] {
  const problems: string[] = [];
  for (const re of [PHONE, EMAIL, URL]) {
    for (const m of original.normalize('NFKC').matchAll(re)) {
      const literal = m[0].replace(/[.。]+$/, '');
      if (!rendered.normalize('NFKC').includes(literal)) problems.push(`"${literal}" is missing`);
    }
  }
  const renderedDates = new Set(datesIn(rendered).flatMap((d) => [d, d.replace(/^\d{4}-/, '')]));
  for (const d of datesIn(original))
    if (!renderedDates.has(d)) problems.push(`the date ${d} is missing`);
  const values = new Set(numbersIn(rendered));
  const plain = arabicDates(rendered.normalize('NFKC')).toLowerCase();
  // Dates were checked whole; their parts are not figures of their own.
  const rest = arabicDates(original.normalize('NFKC')).replace(
/(\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]?(\s*[—–~～至到-]\s*\d{1,2}\s*[日号號])?|\d{4}年\d{1,2}月|\d{1,2}月(上旬|中旬|下旬|底)/g,
    (date) => ` ${date.match(/\d{4}/)?.[0] ?? ''} `,
  );
  for (const n of new Set(numbersIn(rest))) {
    if (values.has(n)) continue;
    const zh = chineseNumeral(n);
    if (zh && plain.includes(zh)) continue;
    if (n > 0 && n <= 10 && plain.includes(ORDINALS[n - 1]!)) continue;
    problems.push(`the number ${n} is missing`);
  }
  for (const name of names)
    if (original.includes(name.of) && !rendered.includes(name.text))
      problems.push(`"${name.of}" is not rendered as "${name.text}"`);
  return problems;
}

/**
 * Reads `knowledge/renderings/*.yaml` and checks each against the units of its notice: every
 * figure, date, phone, e-mail, URL and listed name carried over (one error lists every problem,
 * by file and unit). Units missing on either side are listed in `stale`, not fatal, so editing a
 * notice never stops the index from being built.
 */
export async function loadRenderings(
  knowledgeDir: string,
  sources: readonly { entry: SourceEntry; cleaned: MappedText }[],
): Promise<Rendering[]> {
  const files = await readYamlFolder(
    path.join(knowledgeDir, 'renderings'),
    renderingSchema,
    'RENDERING_INVALID',
  );
  const out: Rendering[] = [];
  for (const { file, data } of files) {
    const source = sources.find((s) => s.entry.id === data.source);
    if (!source)
      throw new BotError(
        'RENDERING_INVALID',
        `${file}: source "${data.source}" is not in manifest.yaml`,
      );
    if (source.entry.language === data.language)
      throw new BotError(
        'RENDERING_INVALID',
        `${file}: ${data.source} is already in ${data.language}; a rendering is in the other language`,
      );
    out.push(checkRendering(file, data, readingUnits(source.cleaned)));
  }
  return out;
}

/** Checks one rendering against the units of its notice (exported for tests). */
export function checkRendering(
  file: string,
  data: RenderingFile,
  units: readonly ReadingUnit[],
): Rendering {
  const byUnit = new Map<string, string>();
  const problems: string[] = [];
  const stale: string[] = [];
  const known = new Set(units.map((u) => u.text));
  data.units.forEach((u, i) => {
    const where = `units[${i}] ("${u.of.slice(0, 40)}")`;
    if (!known.has(u.of)) {
      stale.push(`${where}: not a unit of ${data.source} (the notice or its cleaning changed)`);
      return;
    }
    const prior = byUnit.get(u.of);
    if (prior !== undefined && prior !== u.text)
      problems.push(`${where}: rendered twice, differently`);
    byUnit.set(u.of, u.text);
    for (const p of renderingProblems(u.of, u.text, data.names)) problems.push(`${where}: ${p}`);
  });
  for (const unit of units)
    if (!byUnit.has(unit.text)) stale.push(`no rendering of the unit "${unit.text.slice(0, 60)}"`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 12).map((p) => `  - ${p}`);
    if (problems.length > 12) shown.push(`  - and ${problems.length - 12} more`);
    throw new BotError(
      'RENDERING_INVALID',
      `${file}: ${problems.length} problem(s) with the rendering of ${data.source}:\n${shown.join('\n')}`,
    );
  }
  return { sourceId: data.source, language: data.language, note: data.note, byUnit, stale };
}

/**
 * The notice's passages in the rendering's language: the same runs of units, each rendered, with
 * the rendered section path; each knows the passage and the original stretches it renders.
 */
export function renderPassages(
  rendering: Rendering,
  cleaned: MappedText,
  passages: readonly Passage[],
): Passage[] {
  const units = readingUnits(cleaned);
  const labels = new Map(
    units.filter((u) => u.heading).map((u) => [u.text, rendering.byUnit.get(u.text) ?? u.text]),
  );

  return passages.flatMap((p) => {
    const body = units.filter((u) => !u.heading && u.start >= p.start && u.start < p.end);
    // A passage is rendered whole or not at all: half a rendering would drop what it leaves out.
    if (body.some((u) => !rendering.byUnit.has(u.text))) return [];
    const parts: PassageRendering['units'] = body.map((u) => ({
      start: u.start,
      end: Math.min(u.end, p.end),
      text: rendering.byUnit.get(u.text) ?? u.text,
    }));
    return {
      ...p,
      id: `${p.id}@${rendering.language}`,
      section: p.section.map((label) => labels.get(label) ?? label),
      text: parts.map((u) => u.text).join('\n'),
rendering: {
        of: p.id,
        original: p.text,
        language: rendering.language,
        note: rendering.note,
        units: parts,
      },
    };
  });
}
