import type { Logger } from 'pino';
import { defaultKnowledgeDir } from './paths.js';
import {
  buildIndex,
  loadIndex,
  loadKnowledge,
  readIndexMeta,
  saveIndex,
  type Config,
  type KnowledgeIndex,
} from '../../src/index.js';

/** The knowledge folder: `--knowledge`, else LLW_KNOWLEDGE_DIR, else the one shipped with the package. */
export function knowledgeDirOf(config: Config, flag?: string): string {
  return flag ?? config.knowledgeDir ?? defaultKnowledgeDir();
}

/** Builds and saves the index; returns a one-paragraph summary for the terminal. */
export async function runIndex(config: Config, knowledgeDir: string): Promise<string> {
  const started = performance.now();
  const kb = await loadKnowledge(knowledgeDir);
  const index = await buildIndex(kb, config.embeddings);
  const dir = await saveIndex(index, config.dataDir);
  const perSource = index.meta.sources.map((s) => `${s.id}: ${s.passages}`).join(', ');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return (
    `Indexed ${index.meta.sources.length} notices, ${index.meta.passages} passages (${perSource}) ` +
    `with ${index.meta.embeddings} embeddings in ${seconds} s.\nSaved to ${dir}`
  );
}

/**
 * Loads the index, building it first when there is none or when the knowledge folder changed
 * since it was built. If the rebuild fails (a broken manifest, say), the previous index is used
 * and the reason is logged, so a typo in a new notice never takes the assistant down.
 */
export async function ensureIndex(
  config: Config,
  knowledgeDir: string,
  log: Logger,
): Promise<KnowledgeIndex> {
  const meta = await readIndexMeta(config.dataDir);
  let stale = meta === null;
  if (meta) {
    try {
      const kb = await loadKnowledge(knowledgeDir);
      stale = kb.fingerprint !== meta.fingerprint;
    } catch (error) {
      log.warn(
        `the knowledge folder has a problem, using the previous index: ${(error as Error).message}`,
      );
    }
  }
  if (stale) {
    try {
      log.info(
        meta ? 'knowledge changed since the last index; rebuilding' : 'no index yet; building it',
      );
      await runIndex(config, knowledgeDir);
    } catch (error) {
      if (!meta) throw error;
      log.warn(`could not rebuild the index, using the previous one: ${(error as Error).message}`);
    }
  }
  return loadIndex(config.dataDir, config.embeddings);
}
