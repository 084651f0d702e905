import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { BotError, makeDirectory, type StateStore } from '../../src/index.js';
import { createMetrics } from './metrics.js';
import type { Settings } from '../config/env.js';
import { createHttpServer } from '../server/http.js';
import { createSlackChannel } from '../slack/main.js';
import { createTelegramChannel } from '../telegram/main.js';
import { createInFlight, type Channel } from './channel.js';
import { createWebChannel } from '../web/main.js';
import { createWecomChannel } from '../wecom/main.js';
import { healthRoutes } from './health.js';
import { createRuntime, type Runtime } from './runtime.js';

/** How long shutdown waits for replies in flight. */
const GRACE_MS = 10_000;

/** The Telegram webhook secret: the configured one, else one generated once and kept (0600). */
async function webhookSecret(dataDir: string, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, 'telegram-webhook-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (/^[\w-]{16,256}$/.test(kept)) return kept;
  } catch {
    // Not made yet.
  }
  const secret = randomBytes(32).toString('base64url');
  makeDirectory(dataDir);
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A running assistant: where it listens, what runs, and how to stop it. */
export interface Serving {
  readonly url: string;
  readonly runtime: Runtime;
  readonly channels: readonly Channel[];
  /** Lines saying what runs and how to enable the rest. */
  readonly summary: string;
  /** Stops taking updates, finishes replies in flight (up to 10 s), closes the database. */
  close(): Promise<void>;
}

/**
 * Starts one process: the index, the state database, one HTTP server for every route, and every
 * channel whose settings are present. A channel whose credentials the platform refuses stops the
 * start with the reason, after closing what was opened.
 */
export async function serve(
  settings: Settings,
  knowledgeDir: string,
  log: Logger,
): Promise<Serving> {
  const { config, channels: configured } = settings;
  let store: StateStore | undefined;
  const metrics = createMetrics(() => store!);
  const runtime = await createRuntime(config, knowledgeDir, log, {
    persistent: true,
    rateLimited: true,
    observer: metrics.observer,
    admins: configured.admins,
  });
  store = runtime.store;
  const inflight = createInFlight();
  const channels: Channel[] = [];
  if (configured.telegram)
    channels.push(
      createTelegramChannel({
        settings: {
          ...configured.telegram,
          webhookSecret: await webhookSecret(config.dataDir, configured.telegram.webhookSecret),
        },
        bot: runtime.bot,
        log,
        inflight,
      }),
    );
  if (configured.slack)
    channels.push(
      createSlackChannel({
        settings: configured.slack,
        bot: runtime.bot,
        dedupe: runtime.store,
        log,
        inflight,
      }),
    );
  if (configured.wecom)
    channels.push(
      createWecomChannel({
        settings: configured.wecom,
        bot: runtime.bot,
        store: runtime.store,
        log,
        inflight,
      }),
    );
  const web = createWebChannel({ bot: runtime.bot, log, rateLimit: config.rateLimit });
  const server = createHttpServer(
    [
      ...healthRoutes(runtime, channels),
      metrics.route,
      ...web.routes,
      ...channels.flatMap((c) => c.routes),
    ],
    log,
  );
  let url: string;
  const started: Channel[] = [];
  const close = async () => {
    await Promise.all(
      started.map((c) => c.stop().catch((err: unknown) => log.warn({ err }, 'stop failed'))),
    );
    await server.close(GRACE_MS);
    if (!(await inflight.drain(GRACE_MS)))
      log.warn({ open: inflight.size }, 'replies still in flight at shutdown');
    await runtime.store.close();
  };
  try {
    url = await server.listen(configured.port, configured.host);
  } catch (error) {
    await runtime.store.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new BotError(
      'CHANNEL_FAILED',
      code === 'EADDRINUSE'
        ? `port ${configured.port} on ${configured.host} is already in use: stop the other program or set PORT to a free port`
        : `cannot listen on ${configured.host}:${configured.port} (${(error as Error).message}): check HOST and PORT`,
      { cause: error },
    );
  }
  for (const channel of channels) {
    try {
      await channel.start();
      started.push(channel);
    } catch (error) {
      await close();
      throw new Error(`${channel.name} did not start: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const page = url.replace('127.0.0.1', 'localhost');
  const lines = [
    `llw-assistant is running. Open ${page}/ in a browser to chat.`,
    `  Web chat: ${page}/ (JSON API at /api/messages; health at /healthz and /readyz)`,
  ];
  for (const c of channels) lines.push(`  ${c.name}: ${c.mode}`);
  if (!configured.telegram)
    lines.push('  Telegram: off (set TELEGRAM_BOT_TOKEN from @BotFather to turn it on)');
  if (!configured.slack)
    lines.push(
      '  Slack: off (set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET for HTTP mode, or SLACK_APP_TOKEN for Socket Mode)',
    );
  if (!configured.wecom)
    lines.push(
      '  WeCom: off (set WECOM_BOT_ID and WECOM_BOT_SECRET of a 智能机器人 in API mode with the long connection)',
    );
  return { url, runtime, channels, summary: lines.join('\n'), close };
}
