import { runEval } from './evaluate.js';
import { heldOutQuestions, readQuestions, type EvalQuestion } from './question-set.js';
import {
  createBot,
  createRetriever,
  measureRetrieval,
  type Bot,
  type FusionWeights,
  type KnowledgeIndex,
  type RetrievalCase,
} from '../../src/index.js';

/** The p-th percentile of ascending values (nearest rank); shared by every benchmark. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Retrieval recall, search latency and `handle()` latency over the project question set; `sweep` tries a grid of weights. */
export async function runBench(
  index: KnowledgeIndex,
  bot: Bot,
  options: { sweep: boolean; json?: boolean },
): Promise<void> {
  const figures: Record<string, number> = {};
  const questions = readQuestions();
  const cases: RetrievalCase[] = questions.flatMap((q) =>
    q.source ? [{ id: q.id, q: q.q, source: q.source, ...(q.must ? { must: q.must } : {}) }] : [],
  );

  const report = await measureRetrieval(createRetriever(index), cases);
  Object.assign(figures, {
    recallAt1: report.recallAt1,
    recallAt3: report.recallAt3,
    answerAt3: report.answerAt3,
  });
  console.log(
    `retrieval (${report.cases} questions naming a source): recall@1 ${pct(report.recallAt1)}, ` +
      `recall@3 ${pct(report.recallAt3)}, MRR ${report.mrr.toFixed(3)}` +
      (report.misses.length ? `; not in top 3: ${report.misses.join(', ')}` : '') +
      `\nanswer-bearing passage (${report.answerCases} questions with expected content): ` +
      `@1 ${pct(report.answerAt1)}, @3 ${pct(report.answerAt3)}` +
      (report.answerMisses.length ? `; missing from top 3: ${report.answerMisses.join(', ')}` : ''),
  );

  const retriever = createRetriever(index);
  for (const q of questions.slice(0, 5)) await retriever.search(q.q); // warm up
  const rounds = 20;
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await retriever.search(q.q, { k: 5 });
      times.push(performance.now() - t);
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  Object.assign(figures, {
    searchP50Ms: percentile(times, 50),
    searchP99Ms: percentile(times, 99),
  });
  console.log(
    `search latency over ${times.length} queries: p50 ${percentile(times, 50).toFixed(3)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(3)} ms, ${(times.length / elapsed).toFixed(0)} queries/s`,
  );

  for (const q of questions.slice(0, 5))
    await bot.handle({ channel: 'bench', userId: `bench-${q.id}`, text: q.q });
  const repeated = await timeHandle(bot, questions, rounds, 'bench');
  Object.assign(figures, {
    handleP50Ms: repeated.p50,
    handleP99Ms: repeated.p99,
    handlePerSecond: repeated.perSecond,
  });
  console.log(
    `handle() latency over ${repeated.count} questions, no LLM, one core: p50 ${repeated.p50.toFixed(3)} ms, ` +
      `p99 ${repeated.p99.toFixed(3)} ms, ${repeated.perSecond.toFixed(0)} questions/s`,
  );

  // The rounds above repeat the same questions; real users do not. The held-out sets, each
  // question asked once, show what a question never seen before costs.
  const unseen = heldOutQuestions();
  if (unseen.length > 0) {
    const once = await timeHandle(bot, unseen, 1, 'unseen');
    Object.assign(figures, {
      unseenQuestions: once.count,
      unseenP50Ms: once.p50,
      unseenP99Ms: once.p99,
      unseenPerSecond: once.perSecond,
    });
    console.log(
      `handle() latency over ${once.count} held-out questions, each asked once: p50 ${once.p50.toFixed(3)} ms, ` +
        `p99 ${once.p99.toFixed(3)} ms, ${once.perSecond.toFixed(0)} questions/s`,
    );
  }

  // For `npm run bench`, which puts every part into one table and one file.
  if (options.json) console.log(JSON.stringify({ core: figures }));
  if (!options.sweep) return;

  console.log('\nconfidence threshold (minScore): eval pass rate');
  for (const minScore of [0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6]) {
    const results = await runEval(createBot({ index, minScore }), questions);
    const passed = results.filter((r) => r.problems.length === 0).length;
    console.log(`  ${minScore.toFixed(2)}  ${passed}/${results.length}`);
  }
  const rows: { w: FusionWeights; r: Awaited<ReturnType<typeof measureRetrieval>> }[] = [];
  for (const lexical of [0.5, 0.6, 0.7, 0.8, 0.9, 1])
    for (const otherYear of [0.3, 0.5, 0.7])
      for (const crossLanguage of [0.6, 0.8, 1]) {
        const w = { lexical, dense: 1 - lexical, otherYear, crossLanguage };
        rows.push({ w, r: await measureRetrieval(createRetriever(index, w), cases) });
      }
  rows.sort(
    (a, b) => b.r.recallAt3 - a.r.recallAt3 || b.r.recallAt1 - a.r.recallAt1 || b.r.mrr - a.r.mrr,
  );
  console.log('\nlexical dense otherYear cross  answer@1 answer@3 recall@3 MRR');
  for (const { w, r } of rows.slice(0, 15)) {
    console.log(
      `${w.lexical.toFixed(1).padStart(7)} ${w.dense.toFixed(1).padStart(5)} ${w.otherYear.toFixed(1).padStart(9)} ` +
        `${w.crossLanguage.toFixed(1).padStart(5)}  ${pct(r.answerAt1).padStart(8)} ${pct(r.answerAt3).padStart(8)} ` +
        `${pct(r.recallAt3).padStart(8)} ${r.mrr.toFixed(3)}`,
    );
  }
}

/** `handle()` timed over `questions`, `rounds` times, each question as a user of its own. */
async function timeHandle(
  bot: Bot,
  questions: readonly EvalQuestion[],
  rounds: number,
  user: string,
): Promise<{ count: number; p50: number; p99: number; perSecond: number }> {
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const q of questions) {
      const t = performance.now();
      await bot.handle({ channel: 'bench', userId: `${user}-${q.id}`, text: q.q });
      times.push(performance.now() - t);
    }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    perSecond: times.length / seconds,
  };
}
