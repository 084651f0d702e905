import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, createSqliteStore, saveIndex } from '../../src/index.js';
import { STAR_ANSWERS } from '../fixtures/nomination.js';
import { ROOT, sharedIndex, tempDir } from '../helpers.js';

/** A worker process with a line-by-line reader of its output. */
interface Worker {
  readonly child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
}

function startWorker(dataDir: string): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'test/fixtures/race-worker.mjs'), dataDir],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else lines.push(line);
  });
  const next = () =>
    new Promise<string>((resolve) => {
      const line = lines.shift();
      if (line !== undefined) resolve(line);
      else waiting.push(resolve);
    });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const died = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`race worker exited (${code}): ${stderr}`))),
  );
  return Promise.race([next(), died]).then((ready) => {
    if (ready !== 'ready') throw new Error(`worker: ${ready}`);
    return { child, next };
  });
}

const ROUNDS = 20;
const HONOURS = '2021年长沙市优秀志愿者';
const RECOMMENDER = '长沙市岳麓区教育局';

describe('two assistant processes on one state.db', () => {
  let dataDir: string;
  let workers: Worker[];

  beforeAll(async () => {
    dataDir = await tempDir();
    await saveIndex((await sharedIndex()).index, dataDir);
    workers = await Promise.all([startWorker(dataDir), startWorker(dataDir)]);
  });
  afterAll(() => {
    for (const w of workers) w.child.stdin.end();
  });

  it(`never loses an answer it acknowledged, in ${ROUNDS} races of two answers at the same moment`, async () => {
    const { index } = await sharedIndex();
    const store = createSqliteStore(path.join(dataDir, 'state.db'));
    const bot = createBot({ index, store, now: () => new Date('2026-11-22T08:00:00Z') });
    let recomputed = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const user = `user-${round}`;
      await bot.handle({ channel: 'race', userId: user, text: '我想推荐一位百姓学习之星' });
      for (const answer of STAR_ANSWERS.slice(0, 14))
        await bot.handle({ channel: 'race', userId: user, text: answer });
      // Both processes handle their message at the same wall-clock instant.
      const at = Date.now() + 40;
      const texts = [HONOURS, RECOMMENDER];
      workers.forEach((w, i) =>
        w.child.stdin.write(`${JSON.stringify({ at, user, text: texts[i] })}\n`),
      );
      const results = (await Promise.all(workers.map((w) => w.next()))).map(
        (line) => JSON.parse(line) as { text: string; field: string | null; recomputed: number },
      );
      recomputed += results.reduce((n, r) => n + r.recomputed, 0);
      const [draft] = await store.listDrafts({ channel: 'race', userId: user });
      const answers = (draft!.data as { answers: Record<string, string> }).answers;
      const stored = [answers['honors'], answers['recommender']];
      // Each answer the bot moved on from (acknowledged) is stored, and neither overwrote the other.
      for (const r of results) {
        expect(r.field, `round ${round}`).not.toBe('honors');
        expect(stored, `round ${round}`).toContain(r.text);
      }
      expect(new Set(stored).size).toBe(2);
    }
    await store.close();
    // The two processes really raced: some turns lost and were computed again.
    console.info(`race test: ${recomputed} of ${ROUNDS * 2} turns recomputed after losing a race`);
    expect(recomputed).toBeGreaterThan(0);
  });
});
