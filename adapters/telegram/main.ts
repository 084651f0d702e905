import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Bot, Reply } from '../../src/index.js';
import { createKeyedQueue, type Channel, type InFlight } from '../app/channel.js';
import { readBody, sendJson, type Route } from '../server/http.js';
import { replyToTelegram } from './from-core.js';
import { createSender, type Pace } from './sender.js';
import { COMMANDS } from './commands.js';
import { updateToCore, type Inbound, type TelegramMe } from './to-core.js';

/** The Telegram settings the environment gave (validated in adapters/config). */
export interface TelegramSettings {
  readonly token: string;
  /** The full webhook URL (https, ending in /telegram/webhook); polling when absent. */
  readonly webhookUrl?: string | undefined;
  /** The secret Telegram sends with every webhook request. */
  readonly webhookSecret: string;
  /** A self-hosted Bot API server (or the test stand-in). */
  readonly apiRoot?: string | undefined;
}

/** The path the webhook is mounted on. */
export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/** The update types the bot reads; everything else (edits, channel posts, …) is never fetched. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * The Telegram channel: long polling by default, a webhook with a secret when a public URL is
 * set. Each chat's updates are handled in order; replies are rendered as HTML, split under the
 * limit, sent at a pace Telegram accepts, with buttons as inline keyboards and drafts as files.
 */
export function createTelegramChannel(options: {
  readonly settings: TelegramSettings;
  readonly bot: Bot;
  readonly log: Logger;
  readonly inflight: InFlight;
  /** How fast it may send, per chat, per group and in all (default: Telegram's limits). */
  readonly pace?: Partial<Record<'private' | 'group' | 'global', Pace>>;
}): Channel {
  const { settings, bot, inflight } = options;
  const log = options.log.child({ channel: 'telegram' });
  const telegraf = new Telegraf(settings.token, {
    telegram: {
      ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
      webhookReply: false,
    },
    handlerTimeout: 120_000,
  });
  const api = telegraf.telegram;
  const send = createSender(log, options.pace);
  const queue = createKeyedQueue();
  let me: TelegramMe | undefined;
  let polling: Promise<void> | undefined;

  const deliver = async (inbound: Inbound, reply: Reply) => {
    const group = inbound.message.group === true;
    for (const out of replyToTelegram(reply, me?.username ?? '')) {
      if (out.kind === 'text')
        await send(inbound.chatId, group, () =>
          api.sendMessage(inbound.chatId, out.html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(inbound.threadId ? { message_thread_id: inbound.threadId } : {}),
            ...(inbound.replyTo
              ? {
                  reply_parameters: {
                    message_id: inbound.replyTo,
                    allow_sending_without_reply: true,
                  },
                }
              : {}),
            ...(out.keyboard ? { reply_markup: { inline_keyboard: out.keyboard } } : {}),
          }),
        );
      else
        await send(inbound.chatId, group, () =>
          api.sendDocument(
            inbound.chatId,
            { source: Buffer.from(out.data), filename: out.name },
            inbound.threadId ? { message_thread_id: inbound.threadId } : {},
          ),
        );
    }
  };

  const handle = async (inbound: Inbound) => {
    if (inbound.callbackQueryId)
      // Stops the button's spinner at once; the answer follows as a message.
      void api
        .answerCbQuery(inbound.callbackQueryId)
        .catch((err: unknown) => log.debug({ err }, 'callback query not answered'));
    // "typing…" only when an answer takes a moment; quick ones need no extra call.
    const typing = setTimeout(() => {
      void api
        .sendChatAction(
          inbound.chatId,
          'typing',
          inbound.threadId ? { message_thread_id: inbound.threadId } : {},
        )
        .catch(() => undefined);
    }, 300);
    let replies: Reply[];
    try {
      replies = await bot.handle(inbound.message, {
        interim: (reply) => deliver(inbound, reply),
      });
    } finally {
      clearTimeout(typing);
    }
    for (const reply of replies) {
      try {
        await deliver(inbound, reply);
      } catch (err) {
        // A failed send loses that reply, not the rest: the question asked again after an
        // answer, and the next message, still go out.
        log.error({ err, chat: inbound.chatId }, 'could not send a reply');
      }
    }
  };

  const chatKey = (inbound: Inbound) => `${inbound.chatId}:${inbound.threadId ?? ''}`;
  const onUpdate = async (update: Update) => {
    if (!me) return;
    const inbound = updateToCore(update, me);
    if (!inbound) return;
    // Counted from arrival, so shutdown also waits for updates still queued behind others.
    const work = inflight.run(() => queue(chatKey(inbound), () => handle(inbound)));
    // A webhook request is answered when its update is; long polling must not wait, or one
    // slow chat (an LLM answer, a 429) would hold up the whole batch and every other chat.
    if (settings.webhookUrl) await work;
    else work.catch((err: unknown) => log.error({ err }, 'update failed'));
  };
  telegraf.use((ctx) => onUpdate(ctx.update));
  telegraf.catch((err) => log.error({ err }, 'update failed'));

  const secret = Buffer.from(settings.webhookSecret);
  const webhook: Route = {
    method: 'POST',
    path: TELEGRAM_WEBHOOK_PATH,
    async handler(req, res) {
      const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
      if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
        req.resume();
        return sendJson(res, 401, { error: 'wrong or missing secret token' });
      }
      const body = await readBody(req, res, 1_000_000);
      if (!body) return;
      let update: Update;
      try {
        update = JSON.parse(body.toString('utf8')) as Update;
      } catch {
        return sendJson(res, 400, { error: 'body is not JSON' });
      }
      if (typeof update?.update_id !== 'number')
        return sendJson(res, 400, { error: 'not an update' });
      await telegraf.handleUpdate(update);
      sendJson(res, 200, {});
    },
  };

  return {
    name: 'Telegram',
    get mode() {
      return settings.webhookUrl ? `webhook at ${settings.webhookUrl}` : 'long polling';
    },
    routes: settings.webhookUrl ? [webhook] : [],
    async start() {
      try {
        const info = await api.getMe();
        me = { id: info.id, username: info.username };
        telegraf.botInfo = info;
      } catch (err) {
        const code = (err as { code?: number }).code;
        throw new Error(
          code === 401 || code === 404
            ? 'Telegram refused TELEGRAM_BOT_TOKEN: copy the token again from @BotFather (/mybots → API Token) into .env'
            : `cannot reach the Telegram Bot API (${(err as Error).message}): check the network or TELEGRAM_API_ROOT`,
          { cause: err },
        );
      }
      for (const [language, commands] of Object.entries(COMMANDS))
        await api
          .setMyCommands(
            commands.map(([command, description]) => ({ command, description })),
            language === 'zh' ? { language_code: 'zh' } : {},
          )
          .catch((err: unknown) => log.warn({ err }, 'command menu not set'));
      if (settings.webhookUrl) {
        await api.setWebhook(settings.webhookUrl, {
          secret_token: settings.webhookSecret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        return;
      }
      polling = telegraf.launch({
        allowedUpdates: [...ALLOWED_UPDATES],
        dropPendingUpdates: false,
      });
      polling.catch((err: unknown) =>
        log.fatal(
          { err },
          'Telegram polling stopped: is another instance polling with this token?',
        ),
      );
    },
    async stop() {
      if (polling) {
        try {
          telegraf.stop('shutdown');
        } catch {
          // Stopped before polling began (a signal right after start): nothing runs to stop.
        }
        await polling.catch(() => undefined);
      }
    },
  };
}
