/**
 * `npm run bench` (second half): updates per second through the Telegram webhook path and events
 * per second through /slack/events, each against its local stand-in of the platform, and the time
 * from an update's arrival to its answer being sent (p50/p99), with no LLM. Every update comes from
 * another chat, so Telegram's per-chat pacing does not apply; its global 30-a-second limit is
 * lifted too, because the figure is the assistant's own capacity, not Telegram's allowance.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { pino } from 'pino';
import { createInFlight, type Channel } from '../../adapters/app/channel.js';
import { percentile } from '../../adapters/cli/bench-command.js';
import { readQuestions } from '../../adapters/cli/question-set.js';
import { createHttpServer } from '../../adapters/server/http.js';
import { createSlackChannel } from '../../adapters/slack/main.js';
import { createTelegramChannel } from '../../adapters/telegram/main.js';
import {
  buildIndex,
  createBot,
  createMemoryStore,
  createPostgresStore,
  loadKnowledge,
} from '../../src/index.js';
import type { StateStore } from '../../src/storage/state-store.js';
import { SlackApi, slackSignature } from '../fakes/slack-api.js';
import { TelegramApi } from '../fakes/telegram-api.js';
import { WecomApi, textFrame } from '../fakes/wecom-api.js';
import { createWecomChannel } from '../../adapters/wecom/main.js';
import { KNOWLEDGE } from '../helpers.js';
import { PG_URL, dropSchema } from '../postgres.js';

const UPDATES = Number(process.env['BENCH_UPDATES'] ?? 2000);
/** Throughput is measured with this many requests in flight; latency one at a time. */
const CONCURRENCY = 20;
const LATENCY_SAMPLES = Number(process.env['BENCH_LATENCY'] ?? 400);
const SECRET = 'bench-webhook-secret-0123456789';
const SIGNING = '0123456789abcdef0123456789abcdef';

const log = pino({ level: 'silent' });
const questions = readQuestions().map((q) => q.q);
const index = await buildIndex(await loadKnowledge(KNOWLEDGE), { kind: 'local' });

interface Run {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

interface Result {
  readonly path: string;
  /** Where the conversations and the deduplication of deliveries are kept. */
  readonly state: string;
  readonly updates: number;
  readonly perSecond: number;
  /** Arrival to first send, one update at a time (no queueing behind others). */
  readonly p50: number;
  readonly p99: number;
  /** The same under full load (20 in flight): mostly time spent waiting behind other updates. */
  readonly loadedP99: number;
}

/**
 * Posts `UPDATES` requests, `CONCURRENCY` at a time; `sentAt(i)` resolves when the stand-in got
 * the first send for request i. Latency is from the moment the request left to that send.
 */
async function drive(
  name: string,
  post: (i: number) => Promise<Response>,
  sentAt: (i: number) => Promise<number>,
  from: number,
  count: number,
  concurrency: number,
): Promise<Run> {
  const latencies: number[] = [];
  let next = from;
  const started = performance.now();
  const worker = async () => {
    while (next < from + count) {
      const i = next++;
      const t = performance.now();
      const answered = sentAt(i);
      const res = await post(i);
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
      latencies.push((await answered) - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Warms up, then measures latency one at a time and throughput under load. */
async function measure(
  name: string,
  state: string,
  post: (i: number) => Promise<Response>,
  sentAt: (i: number) => Promise<number>,
): Promise<Result> {
  await drive(name, post, sentAt, 0, 50, 5);
  const single = await drive(name, post, sentAt, 50, LATENCY_SAMPLES, 1);
  const loaded = await drive(name, post, sentAt, 50 + LATENCY_SAMPLES, UPDATES, CONCURRENCY);
  return {
    path: name,
    state,
    updates: UPDATES,
    perSecond: loaded.perSecond,
    p50: single.p50,
    p99: single.p99,
    loadedP99: loaded.p99,
  };
}

async function mount(channel: Channel) {
  const server = createHttpServer(channel.routes, log);
  const url = await server.listen(0, '127.0.0.1');
  await channel.start();
  return { url, close: async () => (await channel.stop(), await server.close(100)) };
}

async function telegram(state: State): Promise<Result> {
  const api = new TelegramApi();
  await api.start();
  const unlimited = { burst: 1e9, everyMs: 1 };
  const channel = createTelegramChannel({
    settings: {
      token: '1:bench-token-abcdefghijklmnopqrstuvwxyz',
      webhookUrl: 'https://b.example/telegram/webhook',
      webhookSecret: SECRET,
      apiRoot: api.url,
    },
    bot: createBot({ index, store: state.store }),
    log,
    inflight: createInFlight(),
    pace: { private: unlimited, global: unlimited },
  });
  const { url, close } = await mount(channel);
  // Every run its own update ids and chats: the state store remembers what it answered.
  const base = state.offset;
  const result = await measure(
    'Telegram webhook',
    state.name,
    (i) =>
      fetch(`${url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({
          update_id: base + i + 1,
          ...TelegramApi.text(base + 10_000 + i, questions[i % questions.length]!),
        }),
      }),
    async (i) =>
      (
        await api.waitFor(
          (c) => c.method === 'sendMessage' && c.body['chat_id'] === base + 10_000 + i,
          60_000,
        )
      ).at,
  );
  await close();
  await api.stop();
  return result;
}

async function slack(state: State): Promise<Result> {
  const api = new SlackApi();
  await api.start();
  const { store } = state;
  const channel = createSlackChannel({
    settings: { botToken: 'xoxb-bench', signingSecret: SIGNING, apiUrl: api.apiUrl },
    bot: createBot({ index, store }),
    dedupe: store,
    log,
    inflight: createInFlight(),
  });
  const { url, close } = await mount(channel);
  const base = state.offset;
  const result = await measure(
    'Slack /slack/events',
    state.name,
    (i) => {
      i += base;
      const ts = `${1_700_000_000 + i}.0001`;
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: `Ev${i}`,
        event_time: 1,
        event: {
          type: 'message',
          channel_type: 'im',
          channel: `D${i}`,
          user: `U${i}`,
          text: questions[i % questions.length],
          ts,
          event_ts: ts,
        },
      });
      return fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignature(SIGNING, body) },
        body,
      });
    },
    async (i) =>
      (
        await api.waitFor(
          (c) => c.method === 'chat.postMessage' && c.body['channel'] === `D${base + i}`,
          60_000,
        )
      ).at,
  );
  await close();
  await api.stop();
  return result;
}

/**
 * WeCom: callbacks pushed over the stand-in's socket, each from another user. Latency is from the
 * push to the first frame back (the interim "looking it up", which WeCom wants within 1 s), one at
 * a time; throughput counts answers finished (the stream's last frame) with 20 in flight.
 */
async function wecom(): Promise<Result> {
  const api = new WecomApi();
  await api.start();
  const store = createMemoryStore();
  const channel = createWecomChannel({
    settings: { botId: api.botId, secret: api.secret, wsUrl: api.url },
    bot: createBot({ index, store }),
    store,
    log,
    inflight: createInFlight(),
  });
  await channel.start();
  const first = new Map<number, Promise<number>>();
  const finished = (s: { body: Record<string, unknown> }) =>
    (s.body['stream'] as { finish?: boolean } | undefined)?.finish === true;
  const post = async (i: number) => {
    const frame = textFrame(questions[i % questions.length]!, { user: `u${i}`, msgid: `b${i}` });
    first.set(
      i,
      api.waitFor((s) => s.reqId === frame.headers.req_id, 60_000).then((s) => s.at),
    );
    const done = api.waitFor((s) => s.reqId === frame.headers.req_id && finished(s), 60_000);
    api.push(frame);
    return { frame, done };
  };
  const firstFrame = async (from: number, count: number) => {
    const latencies: number[] = [];
    for (let i = from; i < from + count; i++) {
      const t = performance.now();
      const { done } = await post(i);
      latencies.push((await first.get(i)!) - t);
      await done;
    }
    return latencies.sort((a, b) => a - b);
  };
  await firstFrame(0, 50);
  const single = await firstFrame(50, LATENCY_SAMPLES);
  let next = 50 + LATENCY_SAMPLES;
  const end = next + UPDATES;
  const loaded: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < end) {
        const i = next++;
        const t = performance.now();
        const { done } = await post(i);
        loaded.push((await first.get(i)!) - t);
        await done;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loaded.sort((a, b) => a - b);
  await channel.stop();
  await api.stop();
  return {
    path: 'WeCom long conn.',
    state: 'memory',
    updates: UPDATES,
    perSecond: UPDATES / seconds,
    p50: percentile(single, 50),
    p99: percentile(single, 99),
    loadedP99: percentile(loaded, 99),
  };
}

interface State {
  readonly name: string;
  readonly store: StateStore;
  /** Added to update ids, chats and event ids, so that no two runs share one. */
  readonly offset: number;
}

const memory: State = { name: 'memory', store: createMemoryStore(), offset: 0 };
const results = [await telegram(memory), await slack(memory), await wecom()];
// The same paths with the state in PostgreSQL (this machine's server, a schema of its own).
const schema = `llw_bench_${randomBytes(4).toString('hex')}`;
try {
  const store = await createPostgresStore(PG_URL, { schema });
  const postgres: State = { name: 'PostgreSQL', store, offset: 1_000_000 };
  results.push(await telegram(postgres), await slack(postgres));
  await store.close();
} catch (error) {
  console.log(`PostgreSQL rows skipped: ${(error as Error).message.split('\n')[0]}`);
} finally {
  await dropSchema(schema);
}
console.log(
  `\nchannels, against local stand-ins of the platforms in the same process (no LLM, ${cpus().length} cores):`,
);
console.log(
  `path                  state       per second (${CONCURRENCY} in flight)  arrival→send p50 / p99 (one at a time)  p99 at full load\n(WeCom: answers finished per second; arrival→first frame, the interim one)`,
);
for (const r of results)
  console.log(
    `${r.path.padEnd(20)}  ${r.state.padEnd(10)}  ${r.perSecond.toFixed(0).padStart(24)}  ${`${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms`.padStart(38)}  ${r.loadedP99.toFixed(0).padStart(13)} ms`,
  );
console.log(JSON.stringify({ channels: results }));
process.exit(0);
