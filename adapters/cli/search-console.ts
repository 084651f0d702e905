import { createInterface } from 'node:readline';
import { createRetriever } from '../../src/retrieval/hybrid.js';
import type { KnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
import { formatHits } from './search-command.js';

/**
 * The terminal front end while the answering core is being built: each line typed is searched
 * and the best passages are shown. Without a TTY it reads one question per stdin line.
 */
export async function runSearchConsole(index: KnowledgeIndex): Promise<void> {
  const retriever = createRetriever(index);
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
  });
  if (interactive) {
    console.log(
      `Knowledge index: ${index.meta.sources.map((s) => s.id).join(', ')} (${index.meta.passages} passages).\n` +
        'Ask about the Lifelong Learning Week in Chinese or English; an empty line or Ctrl-D quits.',
    );
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const query = line.trim();
    if (!query) {
      if (interactive) break;
      continue;
    }
    console.log(formatHits(index, await retriever.search(query, { k: 3 })));
    if (interactive) {
      console.log();
      rl.prompt();
    }
  }
  rl.close();
}
