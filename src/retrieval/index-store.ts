import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BotError } from '../errors.js';
import type { FormDefinition } from '../forms/definition.js';
import type { Fact } from '../knowledge/facts.js';
import type { Glossary } from '../knowledge/glossary.js';
import type { ScheduleEntry } from '../knowledge/schedules.js';
import type { SourceEntry } from '../knowledge/manifest.js';
import type { Passage } from '../knowledge/types.js';
import type { Bm25Index } from './bm25.js';
import { embeddingsForQuery, embeddingsId, type EmbeddingsSpec } from './embeddings.js';
import { tokenizerFor, type IndexMeta, type KnowledgeIndex } from './knowledge-index.js';
import type { LocalEmbeddingsState } from './local-embeddings.js';

// Each build goes to its own folder; CURRENT names the live one and is replaced by rename, which
// is atomic, so a reader sees the old index or the new one, never half of either.
const CURRENT = 'CURRENT';

/** Where the index folders live inside the data folder. */
export function indexRoot(dataDir: string): string {
  return path.join(dataDir, 'index');
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value));
}

/** Saves an index atomically and removes older builds; returns the folder written. */
export async function saveIndex(index: KnowledgeIndex, dataDir: string): Promise<string> {
  const root = indexRoot(dataDir);
  await mkdir(root, { recursive: true });
  const name = `build-${Date.now()}-${process.pid}`;
  const dir = path.join(root, name);
  try {
    await mkdir(dir);
    await index.vectors.save(path.join(dir, 'vectors'));
    await writeJson(path.join(dir, 'passages.json'), index.passages);
    await writeJson(path.join(dir, 'sources.json'), index.sources);
    await writeJson(path.join(dir, 'cleaned.json'), index.cleaned);
    await writeJson(path.join(dir, 'glossary.json'), index.glossary);
    await writeJson(path.join(dir, 'facts.json'), {
      facts: index.facts,
      schedules: index.schedules,
      forms: index.forms,
    });
    await writeJson(path.join(dir, 'bm25.json'), index.bm25);
    await writeJson(path.join(dir, 'embeddings.json'), index.embeddings.state ?? null);
    // meta.json last: a folder without it was never finished.
    await writeJson(path.join(dir, 'meta.json'), index.meta);
    const pointer = path.join(root, `${CURRENT}.${process.pid}.tmp`);
    await writeFile(pointer, name);
    await rename(pointer, path.join(root, CURRENT));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  for (const entry of await readdir(root)) {
    if (entry !== name && entry.startsWith('build-')) {
      await rm(path.join(root, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
  return dir;
}

async function readJson<T>(dir: string, file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;
}

/** Reads the live index's meta data, or null when no index has been built. */
export async function readIndexMeta(dataDir: string): Promise<IndexMeta | null> {
  const root = indexRoot(dataDir);
  let name: string;
  try {
    name = (await readFile(path.join(root, CURRENT), 'utf8')).trim();
  } catch {
    return null;
  }
  try {
    return await readJson<IndexMeta>(path.join(root, name), 'meta.json');
  } catch (cause) {
    throw new BotError(
      'INDEX_CORRUPT',
      `the index in ${root} is damaged; run \`llw index\` to rebuild it`,
      { cause },
    );
  }
}

/** Loads the live index; refuses one built with other embeddings than `spec`. */
export async function loadIndex(dataDir: string, spec: EmbeddingsSpec): Promise<KnowledgeIndex> {
  const meta = await readIndexMeta(dataDir);
  const root = indexRoot(dataDir);
  if (!meta) {
    throw new BotError(
      'INDEX_MISSING',
      `no knowledge index in ${root}; run \`llw index\` to build it`,
    );
  }
  const wanted = embeddingsId(spec);
  if (meta.embeddings !== wanted) {
    throw new BotError(
      'INDEX_EMBEDDINGS_MISMATCH',
      `the index in ${root} was built with ${meta.embeddings} embeddings, but the configuration selects ${wanted}; run \`llw index\` to rebuild it`,
    );
  }
  const dir = path.join(root, (await readFile(path.join(root, CURRENT), 'utf8')).trim());
  try {
    const glossary = await readJson<Glossary>(dir, 'glossary.json');
    const state = await readJson<LocalEmbeddingsState | null>(dir, 'embeddings.json');
    const { facts, schedules, forms } = await readJson<{
      facts: Fact[];
      schedules: ScheduleEntry[];
      forms: FormDefinition[];
    }>(dir, 'facts.json');
    const embeddings = embeddingsForQuery(spec, state ?? undefined);
    return {
      meta,
      sources: await readJson<SourceEntry[]>(dir, 'sources.json'),
      passages: await readJson<Passage[]>(dir, 'passages.json'),
      cleaned: await readJson<Record<string, string>>(dir, 'cleaned.json'),
      glossary,
      facts,
      schedules,
      forms,
      bm25: await readJson<Bm25Index>(dir, 'bm25.json'),
      vectors: await HNSWLib.load(path.join(dir, 'vectors'), embeddings.embeddings),
      embeddings,
      tokenizer: tokenizerFor(glossary),
    };
  } catch (cause) {
    throw new BotError(
      'INDEX_CORRUPT',
      `the index in ${dir} cannot be read; run \`llw index\` to rebuild it`,
      { cause },
    );
  }
}
