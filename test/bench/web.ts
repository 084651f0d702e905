/**
 * `npm run bench` (third part): the web chat's JSON API under 50 concurrent clients (autocannon),
 * with the state in SQLite and then in PostgreSQL (this machine's server, a schema of its own,
 * dropped after), each served by a separate `llw start` process with the allowance lifted
 * (LLW_RATE_LIMIT=0) so the figure is the assistant's capacity. Every client is a user of its own
 * (a cookie each); the questions cycle through the project's question set. No LLM. The first
 * 3 s warm the process up and are not counted.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { readQuestions } from '../../adapters/cli/question-set.js';
import { KNOWLEDGE } from '../helpers.js';
import { startLlw } from '../llw-process.js';
import { PG_URL, dropSchema } from '../postgres.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env['BENCH_WEB_SECONDS'] ?? 10);
const WARMUP_SECONDS = 3;
const questions = readQuestions().map((q) => q.q);

async function start(env: Record<string, string>) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'llw-bench-web-'));
  return startLlw(cwd, {
    LLW_RATE_LIMIT: '0',
    LLW_KNOWLEDGE_DIR: KNOWLEDGE,
    LLW_DATA_DIR: path.join(cwd, 'data'),
    ...env,
  });
}

async function load(name: string, url: string) {
  // A server that has been up: its code compiled and its caches filled; not counted.
  await run(url, WARMUP_SECONDS);
  const result = await run(url, SECONDS);
  return {
    store: name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function run(url: string, seconds: number) {
  let n = 0;
  return autocannon({
    url: `${url}/api/messages`,
    connections: CONNECTIONS,
    duration: seconds,
    setupClient(client) {
      client.setHeaders({
        'content-type': 'application/json',
        cookie: `llw_session=${randomBytes(32).toString('base64url')}`,
      });
    },
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          return { ...request, body: JSON.stringify({ text: questions[n++ % questions.length] }) };
        },
      },
    ],
  });
}

const results = [];
const sqlite = await start({});
results.push(await load('SQLite', sqlite.url));
await sqlite.stop();
const schema = `llw_bench_${randomBytes(4).toString('hex')}`;
try {
  const postgres = await start({ DATABASE_URL: PG_URL, LLW_DATABASE_SCHEMA: schema });
  results.push(await load('PostgreSQL', postgres.url));
  await postgres.stop();
} catch (error) {
  console.log(`PostgreSQL skipped: ${(error as Error).message.split('\n')[0]}`);
} finally {
  await dropSchema(schema);
}
console.log(
  `\nweb chat API, ${CONNECTIONS} concurrent clients for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up (autocannon; one llw process; no LLM; ${cpus().length} cores):`,
);
console.log('state       requests/s   p50 / p99        non-2xx  errors');
for (const r of results)
  console.log(
    `${r.store.padEnd(10)}  ${r.requestsPerSecond.toFixed(0).padStart(10)}   ${`${r.p50} / ${r.p99} ms`.padEnd(15)}  ${String(r.non2xx).padStart(7)}  ${String(r.errors).padStart(6)}`,
  );
console.log(JSON.stringify({ web: results }));
process.exit(0);
