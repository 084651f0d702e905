/**
 * `npm run bench` (part): LangChain's stock retrieval recipe beside the assistant, same questions,
 * same run, scored by the project's own eval (`checkReply`).
 *
 * The stock recipe: the notice files as received (no cleaning), RecursiveCharacterTextSplitter
 * 1000/200, HNSWLib over the same local embeddings (fitted on its chunks, as the assistant's are
 * fitted on its passages), the top chunk as the answer, cited to the file it came from. It never
 * says "not in the notices" and has no notion of the asker's language, so two scores are given:
 * "as a user sees it" (every check of the eval) and "content" (only the facts a question must
 * show, the facts it must not, the cited notice and the refusals: language and script ignored).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { checkReply } from '../../adapters/cli/evaluate.js';
import { percentile } from '../../adapters/cli/bench-command.js';
import {
  heldOutQuestions,
  readQuestions,
  type EvalQuestion,
} from '../../adapters/cli/question-set.js';
import {
  buildIndex,
  createBot,
  loadKnowledge,
  type Language,
  type Reply,
} from '../../src/index.js';
import { LocalHashEmbeddings } from '../../src/retrieval/local-embeddings.js';
import { KNOWLEDGE } from '../helpers.js';

type Engine = (q: string) => Promise<Reply>;

interface Score {
  readonly engine: string;
  readonly set: string;
  readonly questions: number;
  readonly asSeen: number;
  readonly content: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const LANGUAGE_ONLY = /^(answered in |Simplified characters|Traditional characters)/;

async function score(
  engine: string,
  ask: Engine,
  set: string,
  questions: readonly EvalQuestion[],
): Promise<Score> {
  let asSeen = 0;
  let content = 0;
  const times: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    const reply = await ask(q.q);
    times.push(performance.now() - started);
    const problems = checkReply(q, reply);
    if (problems.length === 0) asSeen++;
    if (problems.every((p) => LANGUAGE_ONLY.test(p))) content++;
  }
  times.sort((a, b) => a - b);
  return {
    engine,
    set,
    questions: questions.length,
    asSeen,
    content,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
}

/** The stock recipe, built from the notice files as received. */
async function stockRecipe(): Promise<{ ask: Engine; chunks: number; buildMs: number }> {
  const started = performance.now();
  const kb = await loadKnowledge(KNOWLEDGE);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const documents: Document[] = [];
  for (const s of kb.sources) {
    const raw = readFileSync(path.join(KNOWLEDGE, s.entry.file), 'utf8');
    documents.push(
      ...(await splitter.splitDocuments([
        new Document({ pageContent: raw, metadata: { source: s.entry.id } }),
      ])),
    );
  }
  const embeddings = LocalHashEmbeddings.fit(documents.map((d) => d.pageContent));
  const store = await HNSWLib.fromDocuments(documents, embeddings);
  const buildMs = performance.now() - started;
  const entries = new Map(kb.sources.map((s) => [s.entry.id, s.entry]));
  const ask: Engine = async (q) => {
    const [top] = await store.similaritySearch(q, 1);
    const entry = entries.get(String(top?.metadata['source']))!;
    const language: Language = entry.language === 'en' ? 'en' : 'zh-Hant';
    const text = top?.pageContent ?? '';
    return {
      blocks: [{ kind: 'quote', text, citation: 1 }],
      citations: [
        { source: entry.id, title: entry.title.en, year: entry.year, section: '', quote: text },
      ],
      buttons: [],
      files: [],
      language,
      kind: 'extractive',
      intent: 'question',
    };
  };
  return { ask, chunks: documents.length, buildMs };
}

const started = performance.now();
const index = await buildIndex(await loadKnowledge(KNOWLEDGE), { kind: 'local' });
const ownBuildMs = performance.now() - started;
const bot = createBot({ index });
let n = 0;
const own: Engine = async (q) =>
  (await bot.handle({ channel: 'bench', userId: `recipe-${n++}`, text: q }))[0]!;
const stock = await stockRecipe();

const heldOut = heldOutQuestions();
const sets = [
  { set: 'project set', questions: readQuestions() },
  { set: 'held-out sets', questions: heldOut },
];

const scores: Score[] = [];
for (const { set, questions } of sets) {
  scores.push(await score('assistant', own, set, questions));
  scores.push(await score('LangChain stock', stock.ask, set, questions));
}

const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
console.log(
  `\nLangChain stock recipe (raw files, RecursiveCharacterTextSplitter 1000/200: ${stock.chunks} chunks, ` +
    `HNSWLib, same local embeddings, top chunk as the answer; built in ${stock.buildMs.toFixed(0)} ms) ` +
    `beside the assistant (${index.meta.passages} passages, facts, renderings; built in ${ownBuildMs.toFixed(0)} ms), no LLM:`,
);
console.log(
  'set             engine            questions  as seen          content          p50 / p99',
);
for (const s of scores) {
  console.log(
    `${s.set.padEnd(15)} ${s.engine.padEnd(17)} ${String(s.questions).padStart(9)}  ` +
      `${`${s.asSeen} (${pct(s.asSeen, s.questions)})`.padEnd(15)}  ` +
      `${`${s.content} (${pct(s.content, s.questions)})`.padEnd(15)}  ` +
      `${s.p50Ms.toFixed(2)} / ${s.p99Ms.toFixed(2)} ms`,
  );
}
for (const { set } of sets) {
  const [a, b] = scores.filter((s) => s.set === set);
  console.log(
    `${set}: the assistant passes ${(a!.asSeen / Math.max(1, b!.asSeen)).toFixed(1)}× as many as seen, ` +
      `${(a!.content / Math.max(1, b!.content)).toFixed(1)}× on content`,
  );
}
console.log(JSON.stringify({ recipe: { chunks: stock.chunks, scores } }));
