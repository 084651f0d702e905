import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';
import { StandIn, type Call, type Fault } from './http-stand-in.js';

/** The bot the stand-in says it is (getMe). */
export const STAND_IN_BOT = { id: 4242, is_bot: true, first_name: 'LLW', username: 'llw_test_bot' };

/**
 * A stand-in of the Telegram Bot API on 127.0.0.1, for telegraf's `apiRoot`: getMe, long-polled
 * getUpdates fed by the test, setWebhook, setMyCommands, sendMessage, sendDocument (multipart),
 * sendChatAction and answerCallbackQuery, with failures a test can queue (429, 500).
 */
export class TelegramApi extends StandIn {
  private pending: Update[] = [];
  private polls: (() => void)[] = [];
  private nextUpdate = 1;
  private nextMessage = 1000;

  protected methodOf(path: string): string {
    return /^\/bot[^/]+\/(\w+)$/.exec(path)?.[1] ?? path;
  }

  /** Queues an update for the next getUpdates, with a fresh update_id unless it has one. */
  push(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const full = { update_id: this.nextUpdate++, ...update } as Update;
    this.pending.push(full);
    for (const wake of this.polls.splice(0)) wake();
    return full;
  }

  /** A private text message from a user, as an update. */
  /** The 429 Telegram answers when a bot sends too fast: retry after `seconds`. */
  static tooManyRequests(seconds = 1): Fault {
    return {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${seconds}`,
        parameters: { retry_after: seconds },
      },
    };
  }

  static text(userId: number, text: string, extra: Record<string, unknown> = {}) {
    return {
      message: {
        message_id: Math.floor(Math.random() * 1e6),
        date: Math.floor(Date.now() / 1000),
        chat: { id: userId, type: 'private' as const, first_name: 'U' },
        from: { id: userId, is_bot: false, first_name: 'U', language_code: 'zh-hans' },
        text,
        ...extra,
      },
    };
  }

  /** A press of an inline button with `data`, on a message in the user's private chat. */
  static press(userId: number, data: string) {
    return {
      callback_query: {
        id: String(Math.floor(Math.random() * 1e9)),
        from: { id: userId, is_bot: false, first_name: 'U' },
        chat_instance: 'ci',
        data,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: userId, type: 'private' as const, first_name: 'U' },
        },
      },
    };
  }

  /** What the bot sent to a chat: its text messages and documents, in order. */
  sent(chatId: number): Call[] {
    return this.calls.filter(
      (c) =>
        (c.method === 'sendMessage' || c.method === 'sendDocument') &&
        String(c.body['chat_id']) === String(chatId),
    );
  }

  protected route(method: string, call: Call, _req: IncomingMessage, res: ServerResponse) {
    const ok = (result: unknown) => this.json(res, 200, { ok: true, result });
    const chat = { id: Number(call.body['chat_id']), type: 'private' };
    switch (method) {
      case 'getMe':
        return ok(STAND_IN_BOT);
      case 'getUpdates': {
        const offset = Number(call.body['offset'] ?? 0);
        this.pending = this.pending.filter((u) => u.update_id >= offset);
        const answer = () => ok(this.pending.splice(0, Number(call.body['limit'] ?? 100)));
        if (this.pending.length > 0) return answer();
        // A short long-poll: answer as soon as an update arrives, else with nothing after 200 ms.
        const timer = setTimeout(answer, 200);
        this.polls.push(() => {
          clearTimeout(timer);
          answer();
        });
        return;
      }
      case 'sendMessage':
        return ok({ message_id: this.nextMessage++, date: 0, chat, text: call.body['text'] });
      case 'sendDocument':
        return ok({
          message_id: this.nextMessage++,
          date: 0,
          chat,
          document: { file_id: 'f', file_unique_id: 'u', file_name: call.files[0]?.name },
        });
      default:
        // setWebhook, deleteWebhook, setMyCommands, sendChatAction, answerCallbackQuery, …
        return ok(true);
    }
  }
}
