import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BotError } from '../errors.js';
import { DEFAULT_MAX_CHARS, chunkNotice } from './chunk.js';
import { cleanSource } from './clean.js';
import { loadForms, type FormDefinition } from '../forms/definition.js';
import { buildFacts } from './fact-book.js';
import type { Fact } from './facts.js';
import { loadGlossary, type Glossary } from './glossary.js';
import { loadManifest, type Manifest, type SourceEntry } from './manifest.js';
import type { MappedText } from './mapped-text.js';
import { loadRenderings, renderPassages, type Rendering } from './renderings.js';
import { loadSchedules, type ScheduleEntry } from './schedules.js';
import type { Passage } from './types.js';

/** One notice, read, cleaned and cut into passages. */
export interface LoadedSource {
  readonly entry: SourceEntry;
  readonly raw: string;
  readonly cleaned: MappedText;
  readonly passages: readonly Passage[];
  readonly sha256: string;
}

/** Everything an index is built from. */
export interface KnowledgeBase {
  readonly manifest: Manifest;
  readonly glossary: Glossary;
  readonly sources: readonly LoadedSource[];
  /** Facts extracted from the notices, with reviewed renderings; every quote verified. */
  readonly facts: readonly Fact[];
  /** Per-province weeks added as data (knowledge/schedules/*.yaml); usually empty. */
  readonly schedules: readonly ScheduleEntry[];
  /** Nomination forms (knowledge/forms/*.yaml). */
  readonly forms: readonly FormDefinition[];
  /** Reviewed renderings of notices in the other language (knowledge/renderings/*.yaml). */
  readonly renderings: readonly Rendering[];
  /** The passages of every rendering, indexed beside the originals. */
  readonly renderedPassages: readonly Passage[];
  /** A hash of every input: an index whose fingerprint differs is stale. */
  readonly fingerprint: string;
}

/**
 * Bump when cleaning, chunking or tokenising changes, so indexes built by older code are seen as
 * stale and rebuilt.
 */
export const PIPELINE_VERSION = 8;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function readSource(
  knowledgeDir: string,
  entry: SourceEntry,
  index: number,
): Promise<string> {
  const file = path.resolve(knowledgeDir, entry.file);
  const where = `${path.join(knowledgeDir, 'manifest.yaml')}: sources[${index}] (${entry.id}).file`;
  if (!file.startsWith(path.resolve(knowledgeDir) + path.sep)) {
    throw new BotError(
      'MANIFEST_INVALID',
      `${where}: "${entry.file}" points outside the knowledge folder`,
    );
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (cause) {
    throw new BotError(
      'SOURCE_UNREADABLE',
      `${where}: cannot read ${file} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
      { cause },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch (cause) {
    throw new BotError(
      'SOURCE_UNREADABLE',
      `${where}: ${file} is not UTF-8 text; save it as UTF-8 and run \`llw index\` again`,
      { cause },
    );
  }
}

/** Reads the manifest, the glossary and every source of a knowledge folder, and chunks them. */
export async function loadKnowledge(knowledgeDir: string): Promise<KnowledgeBase> {
  const manifest = await loadManifest(knowledgeDir);
  const glossary = await loadGlossary(knowledgeDir);
  const sources: LoadedSource[] = [];
  for (const [i, entry] of manifest.sources.entries()) {
    const raw = await readSource(knowledgeDir, entry, i);
    const cleaned = cleanSource(raw, entry.cleaning);
    if (cleaned.text.length === 0) {
      throw new BotError(
        'SOURCE_UNREADABLE',
        `${path.join(knowledgeDir, entry.file)}: no text is left after cleaning (${entry.id})`,
      );
    }
    const passages = chunkNotice(entry.id, cleaned, {
      maxChars: DEFAULT_MAX_CHARS[entry.language],
    });
    sources.push({ entry, raw, cleaned, passages, sha256: sha256(raw) });
  }
  const cleaned = sources.map((s) => ({ entry: s.entry, cleaned: s.cleaned.text }));
  const facts = await buildFacts(knowledgeDir, cleaned);
  const schedules = await loadSchedules(
    knowledgeDir,
    glossary.regions,
    new Map(cleaned.map((c) => [c.entry.id, c.cleaned])),
  );
  const forms = await loadForms(knowledgeDir);
  const renderings = await loadRenderings(knowledgeDir, sources);
  const renderedPassages = renderings.flatMap((r) => {
    const source = sources.find((s) => s.entry.id === r.sourceId)!;
    return renderPassages(r, source.cleaned, source.passages);
  });
  const fingerprint = sha256(
    JSON.stringify({
      PIPELINE_VERSION,
      manifest,
      glossary,
      sources: sources.map((s) => s.sha256),
      facts,
      schedules,
      forms,
      renderings: renderings.map((r) => ({ ...r, byUnit: [...r.byUnit] })),
    }),
  );
  return {
    manifest,
    glossary,
    sources,
    facts,
    schedules,
    forms,
    renderings,
    renderedPassages,
    fingerprint,
  };
}
