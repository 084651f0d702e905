import path from 'node:path';
import { z } from 'zod';
import { BotError } from '../errors.js';
import type { Region } from './glossary.js';
import { readYamlFolder } from './manifest.js';
import { normalizeForSearch } from './script.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

const scheduleSchema = z
  .object({
    year: z.number().int(),
    source: z.string().min(1),
    entries: z
      .array(
        z
          .object({
            region: z.string().min(1),
            first_day: day,
            last_day: day,
            city: z.string().optional(),
            quote: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** When one province (or the Corps, or a city with a separate plan) holds its Week. */
export interface ScheduleEntry {
  readonly year: number;
  /** Glossary region id. */
  readonly region: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly city?: string;
  /** Manifest id of the document the dates come from (for example Annex 1, added as a source). */
  readonly sourceId: string;
  /** Exact words of that document's cleaned text. */
  readonly quote: string;
}

function validDay(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/**
 * Reads knowledge/schedules/*.yaml: per-province weeks that organizers add as data when a
 * notice defers them to an annex. Each entry is checked: a known region, real dates in order and
 * in the year, a source that the manifest lists, and a quote found in that source.
 */
export async function loadSchedules(
  knowledgeDir: string,
  regions: readonly Region[],
  cleanedById: ReadonlyMap<string, string>,
): Promise<ScheduleEntry[]> {
  const files = await readYamlFolder(path.join(knowledgeDir, 'schedules'), scheduleSchema, 'SCHEDULE_INVALID');
  const findRegion = (name: string) => {
    const n = normalizeForSearch(name);
    return regions.find(
      (r) => r.id === n || [r.zh, ...r.short, r.en].some((x) => normalizeForSearch(x) === n),
    );
  };
  const out: ScheduleEntry[] = [];
  for (const { file, data } of files) {
    const { year, source, entries } = data;
    const cleaned = cleanedById.get(source);
    if (cleaned === undefined) {
      throw new BotError(
        'SCHEDULE_INVALID',
        `${file}: source: "${source}" is not a source id of manifest.yaml; add the document the dates come from as a source first`,
      );
    }
    entries.forEach((e, i) => {
      const where = `${file}: entries[${i}] (${e.region})`;
      const region = findRegion(e.region);
      if (!region)
        throw new BotError('SCHEDULE_INVALID', `${where}.region: not a region of glossary.yaml`);
      for (const [field, value] of [
        ['first_day', e.first_day],
        ['last_day', e.last_day],
      ] as const) {
        if (!validDay(value) || !value.startsWith(String(year))) {
          throw new BotError(
            'SCHEDULE_INVALID',
            `${where}.${field}: ${value} is not a day of ${year}`,
          );
        }
      }
      if (e.last_day < e.first_day)
        throw new BotError(
          'SCHEDULE_INVALID',
          `${where}.last_day: ${e.last_day} is before first_day ${e.first_day}`,
        );
      if (!cleaned.includes(e.quote))
        throw new BotError(
          'SCHEDULE_INVALID',
          `${where}.quote: not found in the cleaned text of ${source}: "${e.quote}"`,
        );
      out.push({
        year,
        region: region.id,
        firstDay: e.first_day,
        lastDay: e.last_day,
        ...(e.city ? { city: e.city } : {}),
        sourceId: source,
        quote: e.quote,
      });
    });
  }
  return out;
}
