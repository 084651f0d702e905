import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { BotError } from '../errors.js';
import type { FormDefinition } from '../forms/definition.js';
import type { Fact } from '../knowledge/facts.js';
import type { Glossary } from '../knowledge/glossary.js';
import type { ScheduleEntry } from '../knowledge/schedules.js';
import type { SourceEntry } from '../knowledge/manifest.js';
import type { Passage } from '../knowledge/types.js';
import { bm25FromJson, bm25ToJson, type Bm25Json } from './bm25.js';
import { embeddingsForQuery, embeddingsId, type EmbeddingsSpec } from './embeddings.js';
import {
  INDEX_FORMAT,
  tokenizerFor,
  type IndexMeta,
  type KnowledgeIndex,
} from './knowledge-index.js';
import type { LocalEmbeddingsState } from './local-embeddings.js';

// Each build is written to a temporary folder (tmp-<pid>-<n>), renamed to build-<time>-<pid> once
// complete, and CURRENT, which names the live build, is then replaced by rename. Both renames are
// atomic, so a reader sees the old index or the new one, never half of either. Builds run one
// at a time under a lock in the index folder; a process that finds a build in progress waits.
const CURRENT = 'CURRENT';
const LOCK = '.build.lock';
/** A lock not refreshed for this long belongs to a process that died; it is taken over. */
const LOCK_STALE_MS = 10_000;
/** How long a process waits for another's build before giving up. */
const LOCK_WAIT_MS = 10 * 60_000;

/** Where the index folders live inside the data folder. */
export function indexRoot(dataDir: string): string {
  return path.join(dataDir, 'index');
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value));
}

/**
 * Runs `fn` while holding the index build lock of `dataDir`, waiting for another process's
 * build to finish first. Used to check and rebuild as one step, so four processes starting on an
 * empty folder build once.
 */
export async function withIndexLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const root = indexRoot(dataDir);
  try {
    // The data folder holds the state database too: readable by its owner only.
    await mkdir(path.dirname(root), { recursive: true, mode: 0o700 });
    await mkdir(root, { recursive: true, mode: 0o700 });
    // Checked before locking: the lock would otherwise retry a folder it can never write for
    // as long as it waits for another build (ten minutes).
    await access(root, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new BotError(
      'DATA_DIR_INVALID',
      `cannot write the index folder ${root} (${code}): make LLW_DATA_DIR readable and writable by the user running llw${
        process.getuid ? ` (uid ${process.getuid()})` : ''
      }, or set it to a folder that is`,
      { cause },
    );
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, {
      lockfilePath: path.join(root, LOCK),
      stale: LOCK_STALE_MS,
      update: LOCK_STALE_MS / 5,
      retries: { retries: Math.ceil(LOCK_WAIT_MS / 1000), minTimeout: 50, maxTimeout: 1000 },
      // The lock was taken over while this build ran (its process was stalled for longer than
      // LOCK_STALE_MS). Builds never overwrite one another, so finishing is still safe.
      onCompromised: () => undefined,
    });
  } catch (cause) {
    throw new BotError(
      'INDEX_LOCKED',
      `another process has been building the index in ${root} for over ${LOCK_WAIT_MS / 60_000} minutes; if none is running, delete ${path.join(root, LOCK)}`,
      { cause },
    );
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Saves an index atomically, under the build lock; returns the folder written. */
export async function saveIndex(index: KnowledgeIndex, dataDir: string): Promise<string> {
  return withIndexLock(dataDir, () => saveIndexHoldingLock(index, dataDir));
}

let builds = 0;

/** `saveIndex` for a caller already inside `withIndexLock`. */
export async function saveIndexHoldingLock(
  index: KnowledgeIndex,
  dataDir: string,
): Promise<string> {
  const root = indexRoot(dataDir);
  await removeAbandoned(root);
  const tmp = path.join(root, `tmp-${process.pid}-${++builds}`);
  const name = `build-${Date.now()}-${process.pid}`;
  const pointer = path.join(root, `${CURRENT}.${process.pid}.tmp`);
  try {
    await mkdir(tmp);
    await index.vectors.save(path.join(tmp, 'vectors'));
    await writeJson(path.join(tmp, 'passages.json'), index.passages);
    await writeJson(path.join(tmp, 'sources.json'), index.sources);
    await writeJson(path.join(tmp, 'cleaned.json'), index.cleaned);
    await writeJson(path.join(tmp, 'glossary.json'), index.glossary);
    await writeJson(path.join(tmp, 'facts.json'), {
      facts: index.facts,
      schedules: index.schedules,
      forms: index.forms,
    });
    await writeJson(path.join(tmp, 'bm25.json'), bm25ToJson(index.bm25));
    await writeJson(path.join(tmp, 'embeddings.json'), index.embeddings.state ?? null);
    await writeJson(path.join(tmp, 'meta.json'), index.meta);
    await rename(tmp, path.join(root, name));
    await writeFile(pointer, name);
    await rename(pointer, path.join(root, CURRENT));
  } catch (error) {
    // Nothing half-written stays: the live build is still the one CURRENT named before.
    for (const leftover of [tmp, path.join(root, name), pointer])
      await rm(leftover, { recursive: true, force: true }).catch(() => undefined);
    throw unwritable(root, error);
  }
  await prune(root, name);
  return path.join(root, name);
}

/** A failed save as one line that says what to do; the previous index is untouched. */
function unwritable(root: string, cause: unknown): BotError {
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  const kept = 'the previous index, if any, is kept';
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `the disk is full. Free some space there (or set LLW_DATA_DIR to a folder on a disk with room) and run llw index again; ${kept}`
      : ['EACCES', 'EPERM', 'EROFS'].includes(code)
        ? `the folder cannot be written by this user${process.getuid ? ` (uid ${process.getuid()})` : ''}. Make it writable or set LLW_DATA_DIR to a folder that is; ${kept}`
        : `${(cause as Error).message}; ${kept}`;
  return new BotError('INDEX_UNWRITABLE', `cannot save the index in ${root}: ${fix}`, { cause });
}

/** Whether process `pid` is running on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what killed builds left: temporary folders and pointer files of dead processes. */
async function removeAbandoned(root: string): Promise<void> {
  for (const entry of await readdir(root)) {
    const m = /^(?:tmp-(\d+)-\d+|CURRENT\.(\d+)\.tmp)$/.exec(entry);
    const pid = Number(m?.[1] ?? m?.[2]);
    if (m && pid !== process.pid && !alive(pid))
      await rm(path.join(root, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Deletes old builds, keeping the live one and the one before it: a process that read CURRENT
 * just before it changed may still be loading that one.
 */
async function prune(root: string, live: string): Promise<void> {
  // What CURRENT names is kept too, should a build whose lock was taken over have moved it.
  const current = path.basename((await liveBuild(root)) ?? live);
  const older = (await readdir(root))
    .filter((e) => e.startsWith('build-') && e !== live && e !== current)
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const entry of older.slice(1))
    await rm(path.join(root, entry), { recursive: true, force: true }).catch(() => undefined);
}

async function readJson<T>(dir: string, file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;
}

/** The live build's folder, or null when no index has been built. */
async function liveBuild(root: string): Promise<string | null> {
  try {
    return path.join(root, (await readFile(path.join(root, CURRENT), 'utf8')).trim());
  } catch {
    return null;
  }
}

/** Reads the live index's meta data, or null when no index has been built. */
export async function readIndexMeta(dataDir: string): Promise<IndexMeta | null> {
  const dir = await liveBuild(indexRoot(dataDir));
  return dir ? readMeta(dir, indexRoot(dataDir)) : null;
}

async function readMeta(dir: string, root: string): Promise<IndexMeta> {
  try {
    return await readJson<IndexMeta>(dir, 'meta.json');
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
  const root = indexRoot(dataDir);
  try {
    return await loadBuild(root, spec);
  } catch (error) {
    // Two builds finished while this one was being read and it was pruned: read the new one.
    if ((error as BotError).code !== 'INDEX_CORRUPT' || !isMissing(error)) throw error;
    return loadBuild(root, spec);
  }
}

function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  return cause?.code === 'ENOENT' || /ENOENT|no such file/i.test(String(cause?.message));
}

async function loadBuild(root: string, spec: EmbeddingsSpec): Promise<KnowledgeIndex> {
  const dir = await liveBuild(root);
  const meta = dir ? await readMeta(dir, root) : null;
  if (!dir || !meta) {
    throw new BotError(
      'INDEX_MISSING',
      `no knowledge index in ${root}; run \`llw index\` to build it`,
    );
  }
  if (meta.format !== INDEX_FORMAT) {
    throw new BotError(
      'INDEX_CORRUPT',
      `the index in ${root} was built by an earlier version of the assistant; run \`llw index\` to rebuild it`,
    );
  }
  const wanted = embeddingsId(spec);
  if (meta.embeddings !== wanted) {
    throw new BotError(
      'INDEX_EMBEDDINGS_MISMATCH',
      `the index in ${root} was built with ${meta.embeddings} embeddings, but the configuration selects ${wanted}; run \`llw index\` to rebuild it`,
    );
  }
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
      bm25: bm25FromJson(await readJson<Bm25Json>(dir, 'bm25.json')),
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
