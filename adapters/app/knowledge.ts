import type { Logger } from 'pino';
import { defaultKnowledgeDir } from './paths.js';
import {
  buildIndex,
  loadIndex,
  loadKnowledge,
  readIndexMeta,
  saveIndexHoldingLock,
  withIndexLock,
  type Config,
  type KnowledgeIndex,
} from '../../src/index.js';

/** The knowledge folder: `--knowledge`, else LLW_KNOWLEDGE_DIR, else the one shipped with the package. */
export function knowledgeDirOf(config: Config, flag?: string): string {
  return flag ?? config.knowledgeDir ?? defaultKnowledgeDir();
}

/** Builds and saves the index; returns a one-paragraph summary for the terminal. */
export async function runIndex(config: Config, knowledgeDir: string): Promise<string> {
  return withIndexLock(config.dataDir, () => buildAndSave(config, knowledgeDir));
}

async function buildAndSave(config: Config, knowledgeDir: string): Promise<string> {
  const started = performance.now();
  const kb = await loadKnowledge(knowledgeDir);
  const index = await buildIndex(kb, config.embeddings);
  const dir = await saveIndexHoldingLock(index, config.dataDir);
  const perSource = index.meta.sources.map((s) => `${s.id}: ${s.passages}`).join(', ');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rendered = kb.renderings.map(
    (r) =>
      `${r.sourceId} in ${r.language} ${kb.renderedPassages.filter((p) => p.sourceId === r.sourceId).length}`,
  );
  const stale = kb.renderings.flatMap((r) =>
    r.stale.length === 0
      ? []
      : [
          `Rendering of ${r.sourceId} (${r.language}) is out of date; its passages that touch these ` +
            `units are searched in the original only until knowledge/renderings is updated:\n` +
            r.stale.map((s) => `  - ${s}`).join('\n'),
        ],
  );
  return [
    `Indexed ${index.meta.sources.length} notices, ${index.meta.passages - kb.renderedPassages.length} passages (${perSource}) ` +
      `with ${index.meta.embeddings} embeddings in ${seconds} s.` +
      (rendered.length > 0 ? ` Rendered passages: ${rendered.join(', ')}.` : ''),
    ...stale,
    `Saved to ${dir}`,
  ].join('\n');
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
  const stale = async (warn: boolean) => {
    const meta = await readIndexMeta(config.dataDir);
    if (!meta) return { meta, stale: true };
    try {
      const kb = await loadKnowledge(knowledgeDir);
      return { meta, stale: kb.fingerprint !== meta.fingerprint };
    } catch (error) {
      if (warn)
        log.warn(
          `the knowledge folder has a problem, using the previous index: ${(error as Error).message}`,
        );
      return { meta, stale: false };
    }
  };
  if ((await stale(true)).stale) {
    // Checked again under the lock: another process starting at the same time may have built it
    // while this one waited.
    await withIndexLock(config.dataDir, async () => {
      const { meta, stale: still } = await stale(false);
      if (!still) return;
      try {
        log.info(
          meta ? 'knowledge changed since the last index; rebuilding' : 'no index yet; building it',
        );
        await buildAndSave(config, knowledgeDir);
      } catch (error) {
        if (!meta) throw error;
        log.warn(
          `could not rebuild the index, using the previous one: ${(error as Error).message}`,
        );
      }
    });
  }
  return loadIndex(config.dataDir, config.embeddings);
}
