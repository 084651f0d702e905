import type { InlineKeyboardButton, Update } from 'telegraf/types';
import { createInFlight } from '../../adapters/app/channel.js';
import { createHttpServer, type HttpServer } from '../../adapters/server/http.js';
import { createTelegramChannel } from '../../adapters/telegram/main.js';
import type { Channel } from '../../adapters/app/channel.js';
import { TelegramApi } from '../fakes/telegram-api.js';
import type { Call } from '../fakes/http-stand-in.js';
import { htmlText, quietLog, testBot, type Harness, type Seen } from './harness.js';

export const WEBHOOK_SECRET = 'contract-suite-secret-0123456789';
const USER = 7;
const FAST = { private: { burst: 100, everyMs: 10 } };

/** Telegram through telegraf in webhook mode: updates posted to /telegram/webhook, sends to the stand-in. */
export function telegramHarness(): Harness & { api: TelegramApi; url: () => string } {
  const api = new TelegramApi();
  let server: HttpServer;
  let channel: Channel;
  let url = '';
  let last: Update | undefined;
  let nextId = 1;

  const deliver = async (update: Update): Promise<Seen> => {
    last = update;
    const before = api.calls.length;
    const res = await fetch(`${url}/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': WEBHOOK_SECRET,
      },
      body: JSON.stringify(update),
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return seen(api.calls.slice(before));
  };

  const seen = (calls: Call[]): Seen => {
    const sent = calls.filter((c) => c.method === 'sendMessage');
    // Only the attempts the stand-in answered with success count as delivered: a retried 429 is seen once.
    const texts = dedupeRetries(sent).map((c) => String(c.body['text']));
    const keyboards = sent
      .map(
        (c) =>
          (c.body['reply_markup'] as { inline_keyboard?: InlineKeyboardButton[][] })
            ?.inline_keyboard,
      )
      .filter(Boolean);
    return {
      messages: texts.map(htmlText),
      raw: texts,
      buttons: (keyboards.at(-1) ?? []).flat().map((b) => b.text),
      files: calls
        .filter((c) => c.method === 'sendDocument')
        .map((c) => ({ name: c.files[0]!.name, data: c.files[0]!.data })),
    };
  };

  return {
    name: 'Telegram',
    api,
    url: () => url,
    limit: 4096,
    size: (raw) => raw.length,
    platform: true,
    async start() {
      await api.start();
      const log = quietLog();
      channel = createTelegramChannel({
        settings: {
          token: '123456:contract-suite-token-abcdefghijklmnop',
          webhookUrl: 'https://bot.example.org/telegram/webhook',
          webhookSecret: WEBHOOK_SECRET,
          apiRoot: api.url,
        },
        bot: await testBot(),
        log,
        inflight: createInFlight(),
        // A person types slower than Telegram's one message a second to a chat; a test does not.
        // The pace itself is tested with the sender; here it would only make the suite slow.
        pace: FAST,
      });
      server = createHttpServer(channel.routes, log);
      url = await server.listen(0, '127.0.0.1');
      await channel.start();
    },
    async stop() {
      await channel.stop();
      await server.close(100);
      await api.stop();
    },
    say(text) {
      return deliver({ update_id: nextId++, ...TelegramApi.text(USER, text) } as Update);
    },
    press(label) {
      const markup = [...api.of('sendMessage')]
        .reverse()
        .map(
          (c) =>
            (c.body['reply_markup'] as { inline_keyboard?: InlineKeyboardButton[][] })
              ?.inline_keyboard,
        )
        .find((k) => k?.flat().some((b) => b.text === label));
      const button = markup?.flat().find((b) => b.text === label);
      if (!button || !('callback_data' in button)) throw new Error(`no button "${label}"`);
      return deliver({
        update_id: nextId++,
        ...TelegramApi.press(USER, button.callback_data),
      } as Update);
    },
    redeliver() {
      return deliver(last!);
    },
    failNextSend(status) {
      api.fail(
        'sendMessage',
        status === 429
          ? TelegramApi.tooManyRequests(1)
          : {
              status: 500,
              body: { ok: false, error_code: 500, description: 'Internal Server Error' },
            },
      );
    },
    sendAttempts() {
      return api.of('sendMessage').map((c) => c.at);
    },
    escaped(s, literal) {
      const escapedForm = literal
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      return s.raw.some((r) => r.includes(escapedForm)) && !s.raw.some((r) => r.includes(literal));
    },
  };
}

/** Sends that failed (a 429, a 500) were answered with an error; the stand-in recorded them too. */
function dedupeRetries(calls: Call[]): Call[] {
  const out: Call[] = [];
  for (const c of calls) {
    const prev = out.at(-1);
    if (prev && prev.body['text'] === c.body['text']) out[out.length - 1] = c;
    else out.push(c);
  }
  return out;
}
