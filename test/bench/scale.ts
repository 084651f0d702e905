/**
 * `npm run bench` (part): the index at 1×, 100× and 1000× the corpus, the larger two made of
 * synthetic notices (test/bench/synthetic.ts; labelled synthetic in the output). For each size, one
 * process builds and saves the index (`build`), a fresh one loads it and answers the project
 * question set (`query`), so each memory figure is that process's peak resident set and the query
 * figures are not flattered by a warm build. Local embeddings, no LLM; each child's JavaScript
 * heap is capped at 1 GiB (HEAP_MB).
 *
 * Aims on this 2-core machine at 1000×: build under 2 minutes, query p99 under 50 ms, RSS under
 * 1.5 GB. `BENCH_SCALE=1,100` picks the sizes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { percentile } from '../../adapters/cli/bench-command.js';
import { readQuestions } from '../../adapters/cli/question-set.js';
import {
  buildIndex,
  createBot,
  createRetriever,
  loadIndex,
  loadKnowledge,
  saveIndex,
} from '../../src/index.js';
import { KNOWLEDGE } from '../helpers.js';
import { writeSyntheticKnowledge } from './synthetic.js';

const SELF = fileURLToPath(import.meta.url);
/**
 * Each child runs with its JavaScript heap capped (as an operator with a large corpus would set
 * NODE_OPTIONS): uncapped, V8 on a 24 GiB machine lets garbage pile up to twice the memory the
 * assistant needs, and the peak would measure the collector's patience, not the assistant.
 */
const HEAP_MB = 1024;
const MB = 1024 * 1024;
const peakMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

async function build(knowledgeDir: string, dataDir: string) {
  const started = performance.now();
  const index = await buildIndex(await loadKnowledge(knowledgeDir), { kind: 'local' });
  await saveIndex(index, dataDir);
  const buildS = (performance.now() - started) / 1000;
  return {
    notices: index.sources.length,
    passages: index.passages.length,
    buildS,
    indexMb: (await folderBytes(path.join(dataDir, 'index'))) / MB,
    buildRssMb: peakMb(),
  };
}

async function query(dataDir: string) {
  const started = performance.now();
  const index = await loadIndex(dataDir, { kind: 'local' });
  const loadS = (performance.now() - started) / 1000;
  const retriever = createRetriever(index);
  const bot = createBot({ index });
  const questions = readQuestions().map((q) => q.q);
  for (const q of questions.slice(0, 10)) await retriever.search(q, { k: 5 }); // warm up
  const search: number[] = [];
  const handle: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const [i, q] of questions.entries()) {
      let t = performance.now();
      await retriever.search(q, { k: 5 });
      search.push(performance.now() - t);
      t = performance.now();
      await bot.handle({ channel: 'bench', userId: `scale-${i}`, text: q });
      handle.push(performance.now() - t);
    }
  }
  search.sort((a, b) => a - b);
  handle.sort((a, b) => a - b);
  return {
    loadS,
    queryRssMb: peakMb(),
    searchP50Ms: percentile(search, 50),
    searchP99Ms: percentile(search, 99),
    handleP50Ms: percentile(handle, 50),
    handleP99Ms: percentile(handle, 99),
  };
}

async function child(mode: 'build' | 'query', knowledgeDir: string, dataDir: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, SELF, mode, knowledgeDir, dataDir],
    { maxBuffer: 1 << 20, env: { ...process.env, LLW_LOG_LEVEL: 'warn' } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

const [mode, knowledgeArg, dataArg] = process.argv.slice(2);
if (mode === 'build' || mode === 'query') {
  const result = mode === 'build' ? await build(knowledgeArg!, dataArg!) : await query(dataArg!);
  console.log(JSON.stringify(result));
} else {
  const factors = (process.env['BENCH_SCALE'] ?? '1,100,1000').split(',').map(Number);
  const rows: Record<string, number | string>[] = [];
  for (const factor of factors) {
    const work = mkdtempSync(path.join(tmpdir(), `llw-bench-scale-${factor}-`));
    try {
      const knowledgeDir = factor === 1 ? KNOWLEDGE : path.join(work, 'knowledge');
      if (factor !== 1) await writeSyntheticKnowledge(KNOWLEDGE, knowledgeDir, factor);
      const dataDir = path.join(work, 'data');
      const built = await child('build', knowledgeDir, dataDir);
      const queried = await child('query', knowledgeDir, dataDir);
      rows.push({
        corpus: factor === 1 ? '1× (the notices)' : `${factor}× (synthetic)`,
        ...built,
        ...queried,
      });
      const r = rows.at(-1)!;
      console.log(
        `${String(r['corpus']).padEnd(17)} ${String(r['notices']).padStart(5)} notices ${String(r['passages']).padStart(6)} passages  ` +
          `build ${Number(r['buildS']).toFixed(1)} s, peak ${Number(r['buildRssMb']).toFixed(0)} MB, index ${Number(r['indexMb']).toFixed(1)} MB;  ` +
          `load ${Number(r['loadS']).toFixed(1)} s, RSS ${Number(r['queryRssMb']).toFixed(0)} MB, ` +
          `search p50/p99 ${Number(r['searchP50Ms']).toFixed(2)}/${Number(r['searchP99Ms']).toFixed(2)} ms, ` +
          `handle() p50/p99 ${Number(r['handleP50Ms']).toFixed(2)}/${Number(r['handleP99Ms']).toFixed(2)} ms`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify({ scale: rows }));
}
