import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge, type KnowledgeBase } from '../src/knowledge/load.js';
import { buildIndex, type KnowledgeIndex } from '../src/retrieval/knowledge-index.js';

/** The project folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The knowledge folder shipped with the project. */
export const KNOWLEDGE = path.join(ROOT, 'knowledge');

/** A fresh temporary folder. */
export function tempDir(prefix = 'llw-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** A writable copy of the shipped knowledge folder. */
export async function copyKnowledge(): Promise<string> {
  const dir = path.join(await tempDir(), 'knowledge');
  await cp(KNOWLEDGE, dir, { recursive: true });
  return dir;
}

/** A source file exactly as received. */
export function readSource(name: string): Promise<string> {
  return readFile(path.join(KNOWLEDGE, 'sources', name), 'utf8');
}

let shared: Promise<{ kb: KnowledgeBase; index: KnowledgeIndex }> | undefined;

/** The shipped knowledge, loaded and indexed with local embeddings once per test file. */
export function sharedIndex(): Promise<{ kb: KnowledgeBase; index: KnowledgeIndex }> {
  shared ??= (async () => {
    const kb = await loadKnowledge(KNOWLEDGE);
    return { kb, index: await buildIndex(kb, { kind: 'local' }) };
  })();
  return shared;
}
