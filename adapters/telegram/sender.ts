import type { Logger } from 'pino';

/** How often the bot may write to one chat, and how many it may send at once before waiting. */
export interface Pace {
  /** Sends allowed back to back. */
  readonly burst: number;
  /** Milliseconds for one more send to be allowed. */
  readonly everyMs: number;
}

/**
 * Telegram's limits: about one message a second to one chat, twenty a minute to a group, thirty
 * a second in all. A short burst (a long answer in parts, then its files) goes out at once.
 */
export const TELEGRAM_PACE = {
  private: { burst: 4, everyMs: 1000 },
  group: { burst: 3, everyMs: 3000 },
  global: { burst: 30, everyMs: 1000 / 30 },
} as const;

/** A token bucket: `take()` resolves when a send is allowed. */
function bucket(pace: Pace, now: () => number) {
  let tokens = pace.burst;
  let at = now();
  return {
    wait(): number {
      const t = now();
      tokens = Math.min(pace.burst, tokens + (t - at) / pace.everyMs);
      at = t;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      const delay = (1 - tokens) * pace.everyMs;
      tokens -= 1;
      return delay;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How long to wait before trying a failed send again, or undefined when it must not be: a 429
 * waits the `retry_after` Telegram gives; a 5xx or a lost connection waits a second, once.
 */
function retryAfter(error: unknown, attempt: number): number | undefined {
  const e = error as {
    code?: number | string;
    response?: { parameters?: { retry_after?: number } };
  };
  if (e.code === 429) return attempt <= 3 ? (e.response?.parameters?.retry_after ?? 1) : undefined;
  const transient =
    (typeof e.code === 'number' && e.code >= 500) || (error as Error).name === 'FetchError';
  return transient && attempt <= 1 ? 1 : undefined;
}

/**
 * Sends to Telegram at a pace it accepts: per chat (and per group) and in all. A 429 waits the
 * `retry_after` Telegram gives and tries again (three times at most), a 5xx or a lost connection
 * is tried once more after a second; what still fails is thrown to the caller, which logs it and
 * carries on with the next message.
 */
export function createSender(
  log: Logger,
  pace: Partial<Record<keyof typeof TELEGRAM_PACE, Pace>> = {},
  now: () => number = Date.now,
) {
  const paces = { ...TELEGRAM_PACE, ...pace };
  const chats = new Map<number, ReturnType<typeof bucket>>();
  const global = bucket(paces.global, now);
  return async function send<T>(
    chatId: number,
    group: boolean,
    call: () => Promise<T>,
  ): Promise<T> {
    let chat = chats.get(chatId);
    if (!chat) {
      chat = bucket(group ? paces.group : paces.private, now);
      chats.set(chatId, chat);
      // Buckets of chats long quiet are full again: forget them rather than grow forever.
      if (chats.size > 10_000) chats.delete(chats.keys().next().value!);
    }
    const delay = Math.max(chat.wait(), global.wait());
    if (delay > 0) await sleep(delay);
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const seconds = retryAfter(error, attempt);
        if (seconds === undefined) throw error;
        log.warn({ chat: chatId, seconds, err: error }, 'send failed; trying again');
        await sleep(seconds * 1000);
      }
    }
  };
}

/** The sender's signature. */
export type Sender = ReturnType<typeof createSender>;
