import type { Update } from 'telegraf/types';
import type { IncomingMessage } from '../../src/index.js';
import { COMMAND_NAMES } from './commands.js';

/** The bot's own identity, from getMe: needed to see mentions and replies in groups. */
export interface TelegramMe {
  readonly id: number;
  readonly username: string;
}

/** An update the bot acts on: the core's message, and where to answer. */
export interface Inbound {
  readonly message: IncomingMessage;
  readonly chatId: number;
  /** The topic of a forum group the message was in; answers go to the same topic. */
  readonly threadId?: number;
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

/** Telegram's stand-in sender for anonymous group admins (and channel posts forwarded to groups). */
const ANONYMOUS_ADMIN = 1087968824;

/**
 * Reads a command as the core knows it: `/help@llw_bot` → `/help`, a deep-link payload decoded.
 * Undefined for a command addressed to another bot, or in a group one this bot does not have.
 */
function command(text: string, me: TelegramMe, group: boolean): string | undefined {
  const m = /^\/(\w+)(?:@(\w+))?(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return text;
  const addressed = m[2] !== undefined;
  if (addressed && m[2]!.toLowerCase() !== me.username.toLowerCase()) return undefined;
  if (group && !addressed && !COMMAND_NAMES.includes(m[1]!)) return undefined;
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
    const threadId = topicOf(query.message);
    return {
      chatId: chat.id,
      ...(threadId ? { threadId } : {}),
      callbackQueryId: query.id,
      message: {
        channel: 'telegram',
        userId: String(query.from.id),
        conversationId: conversationOf(chat.id, threadId),
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
  const anonymous = message.from?.id === ANONYMOUS_ADMIN && 'sender_chat' in message;
  if (!message.from || (message.from.is_bot && !anonymous)) return undefined;
  // Anonymous admins all post as one account: they share one user id per group.
  const userId = anonymous ? `anonymous:${message.chat.id}` : String(message.from.id);
  const threadId = topicOf(message);
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
  text = command(text, me, group);
  if (text === undefined) return undefined;
  return {
    chatId: message.chat.id,
    ...(threadId ? { threadId } : {}),
    ...(group ? { replyTo: message.message_id } : {}),
    message: {
      channel: 'telegram',
      userId,
      conversationId: conversationOf(message.chat.id, threadId),
      group,
      messageId,
      receivedAt: new Date(message.date * 1000),
      // Stickers, photos and voice have no text: the core answers an empty message with help.
      text,
      ...(message.from.language_code && !anonymous ? { locale: message.from.language_code } : {}),
    },
  };
}

/** The forum topic a message belongs to, if it was sent in one. */
function topicOf(message: unknown): number | undefined {
  const m = message as { is_topic_message?: boolean; message_thread_id?: number } | undefined;
  return m?.is_topic_message ? m.message_thread_id : undefined;
}

/** A chat, or one topic of a forum group: each keeps its own conversation. */
function conversationOf(chatId: number, threadId: number | undefined): string {
  return threadId ? `${chatId}:${threadId}` : String(chatId);
}
