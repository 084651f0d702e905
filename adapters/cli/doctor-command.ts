import { webApi } from '@slack/bolt';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Telegram } from 'telegraf';
import {
  createOpenAiChatModel,
  loadIndex,
  loadKnowledge,
  makeDirectory,
  readIndexMeta,
  redactUrl,
  type Config,
  type StateStore,
} from '../../src/index.js';
import { openStore } from '../app/runtime.js';
import type { Settings } from '../config/env.js';
import { createWecomLink } from '../wecom/link.js';
import type { WecomSettings } from '../wecom/main.js';
import { pino } from 'pino';

/** One line of `llw doctor`: passed, a warning, or failed with what to do. */
export interface Check {
  readonly name: string;
  readonly status: 'ok' | 'warn' | 'fail';
  readonly detail: string;
  /** What to do when it is not ok. */
  readonly fix?: string;
}

const ok = (name: string, detail: string): Check => ({ name, status: 'ok', detail });
const warn = (name: string, detail: string, fix: string): Check => ({
  name,
  status: 'warn',
  detail,
  fix,
});
const fail = (name: string, detail: string, fix: string): Check => ({
  name,
  status: 'fail',
  detail,
  fix,
});
const message = (error: unknown) => (error as Error).message.split('\n')[0] ?? String(error);

/** Runs `task` but gives up after `ms`. */
function within<T>(ms: number, task: Promise<T>): Promise<T> {
  return Promise.race([
    task,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms).unref(),
    ),
  ]);
}

/**
 * Checks what the assistant needs, in order: the data folder, the knowledge, the index, the
 * database, the port, and whatever LLM and platforms are configured (reached for real).
 */
export async function runDoctor(settings: Settings, knowledgeDir: string): Promise<Check[]> {
  const { config, channels } = settings;
  const checks: Check[] = [ok('configuration', 'every variable is valid')];

  try {
    makeDirectory(config.dataDir);
    const probe = path.join(config.dataDir, `.doctor-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe);
    checks.push(ok('data folder', `${config.dataDir} is writable`));
  } catch (error) {
    checks.push(
      fail(
        'data folder',
        `${config.dataDir}: ${message(error)}`,
        'set LLW_DATA_DIR to a folder this user can write, or fix its permissions',
      ),
    );
  }

  let fingerprint: string | undefined;
  try {
    const kb = await loadKnowledge(knowledgeDir);
    fingerprint = kb.fingerprint;
    checks.push(ok('knowledge', `${kb.sources.length} notices in ${knowledgeDir}`));
  } catch (error) {
    checks.push(
      fail('knowledge', message(error), 'fix the file and field named, then run llw index'),
    );
  }

  const meta = await readIndexMeta(config.dataDir).catch(() => null);
  if (!meta) {
    checks.push(warn('index', 'not built yet', 'run llw index (npm start builds it too)'));
  } else {
    try {
      await loadIndex(config.dataDir, config.embeddings);
      checks.push(
        fingerprint && meta.fingerprint !== fingerprint
          ? warn(
              'index',
              `${meta.passages} passages, older than the knowledge folder`,
              'run llw index, then SIGHUP or /reload a running assistant',
            )
          : ok(
              'index',
              `${meta.passages} passages from ${meta.sources.length} notices, ${meta.embeddings} embeddings`,
            ),
      );
    } catch (error) {
      checks.push(fail('index', message(error), 'run llw index'));
    }
  }

  try {
    const store = await openStore(config);
    const stats = await store.stats();
    await store.close();
    checks.push(
      ok(
        'database',
        `${config.database ? `PostgreSQL at ${redactUrl(config.database.url)}` : 'state.db'} opens; ${stats.activeForms} forms being filled`,
      ),
    );
  } catch (error) {
    checks.push(
      fail(
        'database',
        message(error),
        'check the permissions of LLW_DATA_DIR/state.db, or move it away to start afresh',
      ),
    );
  }

  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(channels.port, channels.host, () => probe.close(() => resolve(true)));
  });
  checks.push(
    free
      ? ok('port', `${channels.host}:${channels.port} is free`)
      : warn(
          'port',
          `${channels.host}:${channels.port} is in use`,
          'if the assistant is not already running there, set PORT to a free port',
        ),
  );

  if (config.chat) {
    try {
      const model = createOpenAiChatModel(config.chat);
      await within(
        config.llmTimeoutMs,
        model.complete([{ role: 'user', content: 'ping' }], {
          signal: AbortSignal.timeout(config.llmTimeoutMs),
        }),
      );
      checks.push(
        ok('LLM', `${config.chat.model} at ${config.chat.baseURL ?? 'api.openai.com'} answers`),
      );
    } catch (error) {
      checks.push(
        fail(
          'LLM',
          `${config.chat.model}: ${message(error)}`,
          'check OPENAI_BASE_URL, OPENAI_API_KEY and LLW_CHAT_MODEL; without an LLM, unset them (answers stay extractive)',
        ),
      );
    }
  } else {
    checks.push(ok('LLM', 'none configured: answers are extractive'));
  }

  if (channels.telegram) {
    try {
      const api = new Telegram(
        channels.telegram.token,
        channels.telegram.apiRoot ? { apiRoot: channels.telegram.apiRoot } : {},
      );
      const me = await within(10_000, api.getMe());
      checks.push(
        ok(
          'Telegram',
          `token accepted: @${me.username}${channels.telegram.webhookUrl ? `, webhook ${channels.telegram.webhookUrl}` : ', long polling'}`,
        ),
      );
    } catch (error) {
      const code = (error as { code?: number }).code;
      checks.push(
        code === 401 || code === 404
          ? fail(
              'Telegram',
              'the token was refused',
              'copy the token again from @BotFather (/mybots → API Token) into TELEGRAM_BOT_TOKEN',
            )
          : fail('Telegram', message(error), 'check the network, or TELEGRAM_API_ROOT'),
      );
    }
  }

  if (channels.slack) {
    try {
      const client = new webApi.WebClient(channels.slack.botToken, {
        ...(channels.slack.apiUrl ? { slackApiUrl: channels.slack.apiUrl } : {}),
        retryConfig: { retries: 0 },
      });
      const auth = await within(10_000, client.auth.test());
      checks.push(
        ok(
          'Slack',
          `token accepted: ${auth.user ?? auth.user_id} in ${auth.team ?? auth.team_id}, ${channels.slack.appToken ? 'Socket Mode' : 'HTTP events at /slack/events'}`,
        ),
      );
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      checks.push(
        code
          ? fail(
              'Slack',
              `the token was refused (${code})`,
              'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN',
            )
          : fail('Slack', message(error), 'check the network, or SLACK_API_URL'),
      );
    }
  }

  if (channels.wecom) checks.push(await checkWecom(channels.wecom, config));

  return checks;
}

/**
 * WeCom keeps one connection per bot and drops the older one, so the check connects only when no
 * assistant sharing this state database holds the bot's lease; otherwise it leaves that connection be.
 */
async function checkWecom(settings: WecomSettings, config: Config): Promise<Check> {
  let store: StateStore | undefined;
  try {
    store = await openStore(config);
    const link = createWecomLink({
      settings,
      store,
      log: pino({ level: 'silent' }),
      startTimeoutMs: 10_000,
      wire: () => undefined,
    });
    await link.start();
    const state = link.state();
    await link.stop();
    return state === 'standby'
      ? ok(
          'WeCom',
          "a running assistant holds the bot's connection; not checked, to leave it connected",
        )
      : ok('WeCom', 'Bot ID and Secret accepted over the long connection');
  } catch (error) {
    return fail(
      'WeCom',
      message(error),
      'check WECOM_BOT_ID, WECOM_BOT_SECRET and outbound access to the long connection (or WECOM_WS_URL)',
    );
  } finally {
    await store?.close();
  }
}

/** The checks as lines for a terminal: ✓, ! or ✗, then what to do. */
export function formatChecks(checks: readonly Check[]): string {
  const mark = { ok: '✓', warn: '!', fail: '✗' } as const;
  return checks
    .map((c) => `${mark[c.status]} ${c.name}: ${c.detail}${c.fix ? `\n    → ${c.fix}` : ''}`)
    .join('\n');
}
