#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { readConfig, readSettings, type Settings } from '../config/env.js';
import { formatChecks, runDoctor } from './doctor-command.js';
import { serve } from '../app/serve.js';
import { runConsoleChat } from '../console/main.js';
import { runAsk } from './ask-command.js';
import { runBench } from './bench-command.js';
import { formatEvalReport, runEval } from './evaluate.js';
import { ensureIndex, knowledgeDirOf, runIndex } from '../app/knowledge.js';
import { readQuestions } from './question-set.js';
import { formatHits, hitToJson } from './search-command.js';
import { createRuntime, openStore } from '../app/runtime.js';
import { createRetriever, isBotError, redactUrl, type Config } from '../../src/index.js';
import { buildReport, formatReport, reportPeriod } from './report-command.js';

const USAGE = `llw — the National Lifelong Learning Week assistant

Usage:
  llw start                         the assistant: the web chat on http://localhost:3000 (PORT),
                                    and Telegram, Slack and WeCom where configured (llw serve: the same)
  llw chat [--user ID] [--json]     the terminal chat; without a TTY, one message per stdin line
  llw ask [--json] [QUESTION…]      answer the question, or each stdin line
  llw index [--knowledge DIR]       build the knowledge index from DIR (default: ./knowledge)
  llw search [--json] [-k N] QUERY  ranked passages for QUERY, with source, section and score
  llw eval [FILE]                   run a question set (default test/eval/questions.jsonl)
  llw doctor [--json]                check the configuration, index, database and whatever LLM,
                                    Telegram, Slack or WeCom is configured, each with what to do
  llw migrate                       create or upgrade the state database (SQLite, or PostgreSQL
                                    with DATABASE_URL); start does it too
  llw report [--days N | --since D] [--until D] [--json]
                                    what was asked, what the notices lack, what did not help
  llw bench [--sweep] [--json]      retrieval quality, search and answer latency (--json: also
                                    the figures as one JSON line)

Configuration comes from the environment and .env; see README.md.`;

const options = {
  json: { type: 'boolean' },
  k: { type: 'string', short: 'k' },
  knowledge: { type: 'string' },
  user: { type: 'string' },
  sweep: { type: 'boolean' },
  days: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new UsageError(`${name} must be a whole number from 1 to 100 (got "${value}")`);
  return n;
}

async function run(argv: string[], config: Config, log: Logger): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options,
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return;
  }
  const knowledgeDir = knowledgeDirOf(config, values.knowledge);
  switch (command) {
    case 'index':
      console.log(await runIndex(config, knowledgeDir));
      return;
    case 'search': {
      const query = rest.join(' ').trim();
      if (!query)
        throw new UsageError('search needs a query, for example: llw search "2022年活动周主题"');
      const k = positiveInt(values.k, 5, '-k');
      const index = await ensureIndex(config, knowledgeDir, log);
      const hits = await createRetriever(index).search(query, { k });
      console.log(
        values.json
          ? JSON.stringify(
              hits.map((h, i) => hitToJson(index, h, i + 1)),
              null,
              2,
            )
          : formatHits(index, hits),
      );
      return;
    }
    case 'ask': {
      const { bot } = await createRuntime(config, knowledgeDir, log);
      await runAsk(bot, rest, values.json ?? false);
      return;
    }
    case 'start':
    case 'serve':
      await runServe(knowledgeDir, log);
      return;
    case 'chat': {
      const { bot, store } = await createRuntime(config, knowledgeDir, log, { persistent: true });
      try {
        await runConsoleChat({
          bot,
          userId: values.user ?? process.env['USER'] ?? 'local',
          json: values.json ?? false,
          filesDir: path.join(config.dataDir, 'drafts'),
        });
      } finally {
        await store.close();
      }
      return;
    }
    case 'doctor': {
      let settings: Settings;
      try {
        settings = readSettings();
      } catch (error) {
        console.log(`✗ configuration:\n${(error as Error).message.replace(/^/gm, '    ')}`);
        process.exitCode = 1;
        return;
      }
      const checks = await runDoctor(settings, knowledgeDir);
      console.log(values.json ? JSON.stringify(checks, null, 2) : formatChecks(checks));
      if (checks.some((c) => c.status === 'fail')) process.exitCode = 1;
      return;
    }
    case 'migrate': {
      if (rest.length > 0) throw new UsageError(`migrate takes no argument "${rest[0]}"`);
      // Opening the store applies the migrations it lacks (once, under a lock, for PostgreSQL).
      const store = await openStore(config);
      await store.close();
      console.log(
        config.database
          ? `PostgreSQL state at ${redactUrl(config.database.url)}${config.database.schema ? ` (schema ${config.database.schema})` : ''} is up to date`
          : `SQLite state at ${path.join(config.dataDir, 'state.db')} is up to date`,
      );
      return;
    }
    case 'report': {
      if (rest.length > 0) throw new UsageError(`report takes no argument "${rest[0]}"`);
      let period: { since: Date; until: Date };
      try {
        period = reportPeriod(values, new Date());
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const store = await openStore(config);
      try {
        const report = buildReport(await store.answers(period), period.since, period.until);
        console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
      } finally {
        await store.close();
      }
      return;
    }
    case 'eval': {
      const { bot } = await createRuntime(config, knowledgeDir, log);
      const results = await runEval(bot, readQuestions(rest[0]));
      console.log(formatEvalReport(results));
      if (results.some((r) => r.problems.length > 0)) process.exitCode = 1;
      return;
    }
    case 'bench': {
      const { bot, index } = await createRuntime({ ...config, chat: undefined }, knowledgeDir, log);
      await runBench(index, bot, { sweep: values.sweep ?? false, json: values.json ?? false });
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * `llw start` (and its alias `llw serve`): one process with the web chat, the server and every
 * configured channel, until SIGTERM or SIGINT (Ctrl-C), which stop taking messages and finish the
 * replies in flight.
 */
async function runServe(knowledgeDir: string, log: Logger): Promise<void> {
  const settings = readSettings();
  const serving = await serve(settings, knowledgeDir, log);
  console.error(serving.summary);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void serving.close().then(() => {
        // Whatever still holds the event loop (a platform socket) must not keep a stopped bot alive.
        setTimeout(() => process.exit(process.exitCode ?? 0), 5000).unref();
        resolve();
      });
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // After `llw index`, SIGHUP makes the running assistant answer from the new index; the
    // outcome is printed like the start-up summary, whatever the log level.
    process.on(
      'SIGHUP',
      () => void serving.runtime.reload().then((r) => console.error(`llw: ${r.message}`)),
    );
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    console.error(`Configuration problem:\n${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  // JSON lines for a log collector; readable lines when a person watches the terminal.
  const log = pino(
    { level: config.logLevel, base: null },
    process.stderr.isTTY
      ? pretty({
          destination: 2,
          sync: true,
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname',
        })
      : pino.destination(2),
  );
  try {
    await run(process.argv.slice(2), config, log);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (isBotError(error, 'CONFIG_INVALID')) {
      console.error(`Configuration problem:\n${error.message}`);
      process.exitCode = 2;
    } else if (isBotError(error)) {
      console.error(`llw: ${error.message}`);
      log.debug({ err: error }, 'details');
      process.exitCode = 1;
    } else {
      log.error({ err: error }, 'unexpected failure');
      console.error(`llw: unexpected failure: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

await main();
