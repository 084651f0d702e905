import { App, HTTPReceiver, LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot, Dedupe, Reply } from '../../src/index.js';
import { createKeyedQueue, type Channel, type InFlight } from '../app/channel.js';
import { sendJson, type Route } from '../server/http.js';
import { replyToSlack } from './from-core.js';
import {
  actionToCore,
  commandToCore,
  eventToCore,
  type SlackInbound,
  type SlackPlace,
} from './to-core.js';

/** The Slack settings the environment gave (validated in adapters/config). */
export interface SlackSettings {
  readonly botToken: string;
  /** HTTP mode: requests to /slack/events are checked with it. */
  readonly signingSecret?: string | undefined;
  /** Socket Mode: the app-level token (xapp-…). */
  readonly appToken?: string | undefined;
  /** The Web API's base URL (the test stand-in). */
  readonly apiUrl?: string | undefined;
}

/** The path Slack posts events, button presses and slash commands to. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack retries deliveries for an hour; ten minutes is the least the issue asks. */
const EVENT_TTL_MS = 60 * 60 * 1000;

/** Bolt's logger interface over pino, at the level pino runs at. */
function boltLogger(log: Logger): BoltLogger {
  return {
    debug: (...m) => log.debug(m.join(' ')),
    info: (...m) => log.debug(m.join(' ')),
    warn: (...m) => log.warn(m.join(' ')),
    error: (...m) => log.error(m.join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

/**
 * The Slack channel (Bolt): HTTP mode on the one server's /slack/events, or Socket Mode with an
 * app token. DMs, @mentions (answered in a thread) and `/llw`; every delivery is acknowledged at
 * once and answered after; retries and double events are claimed once.
 */
export function createSlackChannel(options: {
  readonly settings: SlackSettings;
  readonly bot: Bot;
  readonly dedupe: Dedupe;
  readonly log: Logger;
  readonly inflight: InFlight;
}): Channel {
  const { settings, bot, inflight, dedupe } = options;
  const log = options.log.child({ channel: 'slack' });
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    // A 429 waits Retry-After and tries again; a failure is retried twice, quickly, then logged.
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 3000 },
  };
  const socket = Boolean(settings.appToken);
  const queue = createKeyedQueue();
  let app: App | undefined;
  let receiver: HTTPReceiver | undefined;

  const post = async (client: webApi.WebClient, inbound: SlackInbound, reply: Reply) => {
    const { place } = inbound;
    for (const message of replyToSlack(reply)) {
      if (inbound.responseUrl && !inbound.direct) {
        // A slash command or an ephemeral button outside the bot's DM: answered to the user alone.
        await fetch(inbound.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', ...message }),
        });
        continue;
      }
      await client.chat.postMessage({
        channel: place.channel,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
    }
    for (const file of reply.files) {
      const upload = { file: Buffer.from(file.data), filename: file.name, title: file.name };
      await client.files.uploadV2(
        place.threadTs
          ? { ...upload, channel_id: place.channel, thread_ts: place.threadTs }
          : { ...upload, channel_id: place.channel },
      );
    }
  };

  /** The id of the bot's own DM with a user (asked once per user, then remembered). */
  const dms = new Map<string, string>();
  const botDm = async (client: webApi.WebClient, user: string) => {
    if (!dms.has(user)) {
      const opened = await client.conversations.open({ users: user });
      if (opened.channel?.id) dms.set(user, opened.channel.id);
    }
    return dms.get(user);
  };

  /** A nomination asked for in a channel continues in a DM the bot opens with the user. */
  const continuePrivately = async (
    client: webApi.WebClient,
    inbound: SlackInbound,
    start: string,
  ) => {
    const dm = await botDm(client, inbound.message.userId);
    if (!dm) return;
    const place: SlackPlace = { channel: dm };
    const replies = await bot.handle({
      channel: 'slack',
      userId: inbound.message.userId,
      conversationId: dm,
      messageId: `private:${inbound.message.messageId}`,
      action: start,
    });
    for (const reply of replies)
      await post(client, { place, direct: true, message: inbound.message }, reply);
  };

  const handle = async (client: webApi.WebClient, inbound: SlackInbound) => {
    const replies = await bot.handle(inbound.message, {
      interim: (reply) => post(client, inbound, reply),
    });
    for (const reply of replies) {
      try {
        await post(client, inbound, reply);
        for (const effect of reply.effects ?? [])
          if (effect.kind === 'continue-privately')
            await continuePrivately(client, inbound, effect.start);
      } catch (err) {
        // A failed send loses that reply, not the rest: the question asked again after an
        // answer, and the next message, still go out.
        log.error({ err, place: inbound.place }, 'could not send a reply');
      }
    }
  };

  /** Queues an inbound per conversation and returns at once: Slack has been acknowledged already. */
  const dispatch = (client: webApi.WebClient, inbound: SlackInbound) =>
    inflight
      .run(() =>
        queue(inbound.message.conversationId ?? inbound.place.channel, () =>
          handle(client, inbound),
        ),
      )
      .catch((err: unknown) => log.error({ err }, 'event failed'));

  const listen = (target: App, botUserId: string) => {
    // One event may reach us twice (a retry, or the same message as a DM event and a mention).
    target.use(async ({ body, next }) => {
      const id = (body as { event_id?: string }).event_id;
      if (id && !(await dedupe.claim(`slack-event:${id}`, EVENT_TTL_MS))) return;
      await next();
    });
    target.event('app_mention', async ({ event, client }) => {
      if (!event.user || event.bot_id) return;
      void dispatch(client, eventToCore({ ...event, user: event.user }, botUserId, true));
    });
    target.message(async ({ message, client }) => {
      // Only what people write in a DM: no edits, joins or other bots; mentions come as app_mention.
      if (message.channel_type !== 'im') return;
      if (message.subtype !== undefined && message.subtype !== 'file_share') return;
      if (!('user' in message) || !message.user || ('bot_id' in message && message.bot_id)) return;
      void dispatch(
        client,
        eventToCore(
          {
            user: message.user,
            text: 'text' in message ? (message.text ?? '') : '',
            channel: message.channel,
            ts: message.ts,
            ...('thread_ts' in message && message.thread_ts
              ? { thread_ts: message.thread_ts }
              : {}),
          },
          botUserId,
          false,
        ),
      );
    });
    target.command('/llw', async ({ command, ack, client }) => {
      await ack();
      // A DM is private only if it is the bot's own: /llw also works in a DM between two people.
      const own = command.channel_id.startsWith('D')
        ? (await botDm(client, command.user_id).catch(() => undefined)) === command.channel_id
        : false;
      void dispatch(client, commandToCore(command, own));
    });
    target.action(/^llw_\d+$/, async ({ body, ack, client }) => {
      await ack();
      if (body.type !== 'block_actions') return;
      const inbound = actionToCore(body as Parameters<typeof actionToCore>[0]);
      if (inbound) void dispatch(client, inbound);
    });
    target.error(async (err) => log.error({ err }, 'Bolt error'));
  };

  const events: Route = {
    method: 'POST',
    path: SLACK_EVENTS_PATH,
    handler(req, res) {
      if (!receiver) return sendJson(res, 503, { error: 'Slack is starting' });
      receiver.requestListener(req, res);
    },
  };

  return {
    name: 'Slack',
    mode: socket ? 'Socket Mode' : `HTTP events at ${SLACK_EVENTS_PATH}`,
    routes: socket ? [] : [events],
    async start() {
      const probe = new webApi.WebClient(settings.botToken, {
        ...clientOptions,
        retryConfig: { retries: 0 },
      });
      let identity: { user_id?: string; bot_id?: string };
      try {
        identity = await probe.auth.test();
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
        throw new Error(
          code
            ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into .env`
            : `cannot reach the Slack Web API (${(err as Error).message}): check the network or SLACK_API_URL`,
          { cause: err },
        );
      }
      const common = {
        token: settings.botToken,
        tokenVerificationEnabled: false,
        botId: identity.bot_id ?? '',
        botUserId: identity.user_id ?? '',
        logger: boltLogger(log),
        clientOptions,
      };
      if (socket) {
        app = new App({
          ...common,
          appToken: settings.appToken!,
          socketMode: true,
          installerOptions: { clientOptions },
        });
      } else {
        receiver = new HTTPReceiver({
          signingSecret: settings.signingSecret!,
          endpoints: [SLACK_EVENTS_PATH],
          processBeforeResponse: false,
          logger: boltLogger(log),
        });
        app = new App({ ...common, receiver });
      }
      listen(app, identity.user_id ?? '');
      if (socket) await app.start();
    },
    async stop() {
      if (socket) await app?.stop().catch((err: unknown) => log.debug({ err }, 'socket closed'));
      receiver = undefined;
    },
  };
}
