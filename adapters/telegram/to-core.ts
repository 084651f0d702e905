import type { Update } from 'telegraf/types';
import type { IncomingMessage } from '../../src/index.js';

/** The bot's own identity, from getMe: needed to see mentions and replies in groups. */
export interface TelegramMe {
  readonly id: number;
  readonly username: string;
}

/** An update the bot acts on: the core's message, and where to answer. */
export interface Inbound {
  readonly message: IncomingMessage;
  readonly chatId: number;
  /** The message to reply to in a group, so the answer shows whose question it is. */
  readonly replyTo?: number;
  /** A button press to acknowledge (Telegram shows a spinner until it is answered). */
  readonly callbackQueryId?: string;
}

/**
 * A deep-link payload (`t.me/bot?start=…`) allows only [A-Za-z0-9_-]: action ids travel in it
 * base64url-encoded.
 */
export const toStartPayload = (action: string): string =>
  Buffer.from(action, 'utf8').toString('base64url');

function fromStartPayload(payload: string): string {
  const decoded = Buffer.from(payload, 'base64url').toString('utf8');
  return /^[\x21-\x7e]{1,64}$/.test(decoded) ? decoded : payload;
}

/**
 * Reads a command as the core knows it: `/help@llw_bot` → `/help`, a deep-link payload decoded.
 * Undefined for a command addressed to another bot.
 */
function command(text: string, me: TelegramMe): string | undefined {
  const m = /^\/(\w+)(?:@(\w+))?(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return text;
  if (m[2] && m[2].toLowerCase() !== me.username.toLowerCase()) return undefined;
  const rest = m[3]?.trim();
  if (m[1] === 'start' && rest) return `/start ${fromStartPayload(rest)}`;
  return rest ? `/${m[1]} ${rest}` : `/${m[1]}`;
}

/**
 * Turns an update into the core's message, or undefined for what the bot ignores: edited
 * messages, channel posts, other bots, and in groups anything that is not a command, an
 * @mention of the bot or a reply to it (the bot does not read along in groups).
 */
export function updateToCore(update: Update, me: TelegramMe): Inbound | undefined {
  const messageId = String(update.update_id);
  if ('callback_query' in update) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    if (!chat || !('data' in query) || query.from.is_bot) return undefined;
    return {
      chatId: chat.id,
      callbackQueryId: query.id,
      message: {
        channel: 'telegram',
        userId: String(query.from.id),
        conversationId: String(chat.id),
        group: chat.type !== 'private',
        messageId,
        receivedAt: new Date(),
        action: query.data,
        ...(query.from.language_code ? { locale: query.from.language_code } : {}),
      },
    };
  }
  if (!('message' in update)) return undefined;
  const message = update.message;
  if (!message.from || message.from.is_bot) return undefined;
  const raw =
    'text' in message ? message.text : 'caption' in message ? (message.caption ?? '') : '';
  const group = message.chat.type !== 'private';
  let text: string | undefined = raw;
  if (group) {
    const mention = new RegExp(`@${me.username}\\b`, 'gi');
    const mentioned = mention.test(raw);
    const replied = 'reply_to_message' in message && message.reply_to_message?.from?.id === me.id;
    if (!raw.startsWith('/') && !mentioned && !replied) return undefined;
    text = raw.replace(mention, ' ').trim();
  }
  text = command(text, me);
  if (text === undefined) return undefined;
  return {
    chatId: message.chat.id,
    ...(group ? { replyTo: message.message_id } : {}),
    message: {
      channel: 'telegram',
      userId: String(message.from.id),
      conversationId: String(message.chat.id),
      group,
      messageId,
      receivedAt: new Date(message.date * 1000),
      // Stickers, photos and voice have no text: the core answers an empty message with help.
      text,
      ...(message.from.language_code ? { locale: message.from.language_code } : {}),
    },
  };
}
