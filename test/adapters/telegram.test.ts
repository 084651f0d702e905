import { createServer, type AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { InlineKeyboardButton, Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createInFlight, type Channel } from '../../adapters/app/channel.js';
import { createHttpServer, type HttpServer } from '../../adapters/server/http.js';
import { createTelegramChannel, type TelegramSettings } from '../../adapters/telegram/main.js';
import { createSender } from '../../adapters/telegram/sender.js';
import { htmlText, quietLog, testBot, until } from '../channels/harness.js';
import { TelegramApi, STAND_IN_BOT } from '../fakes/telegram-api.js';

const SECRET = 'telegram-test-secret-0123456789';
const TOKEN = '123456:telegram-test-token-abcdefghij';
const FAST = { private: { burst: 100, everyMs: 10 } };
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** A Telegram channel over the stand-in, in webhook mode unless `polling`. */
async function setup(options: { polling?: boolean; settings?: Partial<TelegramSettings> } = {}) {
  const api = new TelegramApi();
  await api.start();
  const log = quietLog();
  const inflight = createInFlight();
  const channel: Channel = createTelegramChannel({
    settings: {
      token: TOKEN,
      webhookSecret: SECRET,
      apiRoot: api.url,
      ...(options.polling ? {} : { webhookUrl: 'https://bot.example.org/telegram/webhook' }),
      ...options.settings,
    },
    bot: await testBot(),
    log,
    inflight,
    pace: FAST,
  });
  const server: HttpServer = createHttpServer(channel.routes, log);
  const url = await server.listen(0, '127.0.0.1');
  open.push(async () => {
    await channel.stop();
    await server.close(100);
    await api.stop();
  });
  const post = (
    update: unknown,
    headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET },
  ) =>
    fetch(`${url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof update === 'string' ? update : JSON.stringify(update),
    });
  let id = 100;
  const deliver = async (update: Omit<Update, 'update_id'>) => {
    const res = await post({ update_id: id++, ...update });
    expect(res.status).toBe(200);
  };
  return { api, channel, url, post, deliver, inflight };
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A message in a group chat, from user 7. */
function groupMessage(text: string, extra: Record<string, unknown> = {}) {
  return {
    message: {
      message_id: 55,
      date: Math.floor(Date.now() / 1000),
      chat: { id: -1001, type: 'supergroup' as const, title: '省教育厅' },
      from: { id: 7, is_bot: false, first_name: 'U' },
      text,
      ...extra,
    },
  };
}

describe('Telegram webhook', () => {
  it('registers the webhook with its secret and the update types it reads, and the command menu in two languages', async () => {
    const { api, channel } = await setup();
    await channel.start();
    expect(api.of('setWebhook')[0]!.body).toMatchObject({
      url: 'https://bot.example.org/telegram/webhook',
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
    const menus = api.of('setMyCommands').map((c) => c.body);
    expect(menus.map((m) => m['language_code'] ?? 'default').sort()).toEqual(['default', 'zh']);
    expect(JSON.stringify(menus)).toContain('nominate');
  });

  it('rejects a request without the right secret with 401, and runs nothing', async () => {
    const { api, channel, post } = await setup();
    await channel.start();
    const update = { update_id: 1, ...TelegramApi.text(7, '2024年活动周的主题是什么？') };
    expect((await post(update, {})).status).toBe(401);
    expect((await post(update, { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    expect(
      (await post(update, { 'x-telegram-bot-api-secret-token': SECRET.slice(0, -1) })).status,
    ).toBe(401);
    expect(api.of('sendMessage')).toEqual([]);
    // With the secret, the same update is answered.
    expect((await post(update)).status).toBe(200);
    expect(api.of('sendMessage')).toHaveLength(1);
  });

  it('answers malformed and oversized bodies with a clear 4xx', async () => {
    const { channel, post } = await setup();
    await channel.start();
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ message: {} })).status).toBe(400);
    expect((await post('x'.repeat(2_000_000))).status).toBe(413);
  });

  it('says how to fix a token Telegram refuses', async () => {
    const { api, channel } = await setup();
    api.fail('getMe', {
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    await expect(channel.start()).rejects.toThrow(/refused TELEGRAM_BOT_TOKEN.*@BotFather/);
  });
});

describe('Telegram conversations', () => {
  it('answers a button press, acknowledging the press so its spinner stops', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(TelegramApi.text(7, '你好'));
    const keyboard = (
      api.of('sendMessage')[0]!.body['reply_markup'] as {
        inline_keyboard: InlineKeyboardButton[][];
      }
    ).inline_keyboard;
    const first = keyboard.flat()[0] as InlineKeyboardButton.CallbackButton;
    const press = TelegramApi.press(7, first.callback_data);
    await deliver(press);
    expect(api.of('answerCallbackQuery')[0]!.body['callback_query_id']).toBe(
      press.callback_query.id,
    );
    expect(htmlText(String(api.of('sendMessage')[1]!.body['text']))).toContain(
      '2024年全民终身学习活动周的主题',
    );
  });

  it('answers the messages of one chat in the order they came, even when they arrive together', async () => {
    const { api, channel, post } = await setup();
    await channel.start();
    const questions = [
      '2024年活动周的主题是什么？',
      '职成司联系人是谁？',
      '百姓学习之星要推荐几名？',
    ];
    await Promise.all(
      questions.map((q, i) => post({ update_id: 500 + i, ...TelegramApi.text(7, q) })),
    );
    const texts = api.of('sendMessage').map((c) => htmlText(String(c.body['text'])));
    expect(texts[0]).toContain('让学习成为一种生活方式');
    expect(texts[1]).toContain('王立');
    expect(texts[2]).toContain('3—5');
  });

  it('answers a sticker or photo in a private chat with help, and ignores edits, channel posts and bots', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    const base = TelegramApi.text(7, '').message;
    await deliver({ edited_message: { ...base, text: '改过的', edit_date: 1 } } as never);
    await deliver({
      channel_post: { ...base, chat: { id: -100, type: 'channel', title: 'c' }, text: 'x' },
    } as never);
    await deliver({
      message: { ...base, from: { id: 9, is_bot: true, first_name: 'B' }, text: '你好' },
    } as never);
    expect(api.of('sendMessage')).toEqual([]);
    const { text: _t, ...sticker } = base;
    void _t;
    await deliver({ message: { ...sticker, sticker: { file_id: 's' } } } as never);
    expect(htmlText(String(api.of('sendMessage')[0]!.body['text']))).toContain('请输入您的问题');
  });
});

describe('Telegram groups', () => {
  it('reads only commands, @mentions and replies to the bot, and answers as a reply', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(groupMessage('大家好，今天开会'));
    await deliver(groupMessage('/help@some_other_bot'));
    expect(api.of('sendMessage')).toEqual([]);
    await deliver(
      groupMessage(`@${STAND_IN_BOT.username} 2024年活动周的主题是什么？`, {
        entities: [{ type: 'mention', offset: 0, length: STAND_IN_BOT.username.length + 1 }],
      }),
    );
    const answer = api.of('sendMessage')[0]!.body;
    expect(htmlText(String(answer['text']))).toContain('让学习成为一种生活方式');
    expect(answer['reply_parameters']).toMatchObject({ message_id: 55 });
    await deliver(groupMessage(`/help@${STAND_IN_BOT.username}`));
    await deliver(
      groupMessage('那2022年呢？', {
        reply_to_message: {
          message_id: 1,
          date: 0,
          chat: { id: -1001, type: 'supergroup', title: 't' },
          from: { id: STAND_IN_BOT.id, is_bot: true, first_name: 'LLW' },
        },
      }),
    );
    expect(api.of('sendMessage')).toHaveLength(3);
  });

  it('starts no nomination in a group: it links to a private chat that starts it', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(groupMessage(`/nominate@${STAND_IN_BOT.username}`));
    const sent = api.of('sendMessage')[0]!.body;
    expect(htmlText(String(sent['text']))).toContain('只能在私聊中填写');
    const link = (
      sent['reply_markup'] as { inline_keyboard: InlineKeyboardButton[][] }
    ).inline_keyboard
      .flat()
      .find((b) => 'url' in b) as InlineKeyboardButton.UrlButton;
    const payload = new URL(link.url).searchParams.get('start')!;
    expect(link.url).toMatch(new RegExp(`^https://t\\.me/${STAND_IN_BOT.username}\\?start=`));
    expect(payload).toMatch(/^[\w-]{1,64}$/);
    // Following the link sends /start with the payload in the private chat: the form begins.
    await deliver(TelegramApi.text(7, `/start ${payload}`));
    const started = htmlText(String(api.of('sendMessage')[1]!.body['text']));
    expect(started).toContain('您想起草哪一种推荐材料');
  });
});

describe('Telegram long polling', () => {
  it('takes updates from getUpdates, answers them, and stops when asked', async () => {
    const { api, channel } = await setup({ polling: true });
    await channel.start();
    api.push(TelegramApi.text(8, 'What is the 2024 theme?'));
    const sent = await api.waitFor((c) => c.method === 'sendMessage');
    expect(String(sent.body['text'])).toContain('Make learning a lifestyle');
    await channel.stop();
    const polls = api.of('getUpdates').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(api.of('getUpdates').length).toBeLessThanOrEqual(polls + 1);
  });

  it('works against telegram-test-api, an independent Bot API emulator', async () => {
    // The emulator's clients build their URL from the configured port, so it needs a real one.
    const port = await freePort();
    const emulator = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });
    await emulator.start();
    const root = `http://127.0.0.1:${port}`;
    const channel = createTelegramChannel({
      settings: { token: TOKEN, webhookSecret: SECRET, apiRoot: root },
      bot: await testBot(),
      log: quietLog(),
      inflight: createInFlight(),
      pace: FAST,
    });
    open.push(async () => {
      await channel.stop();
      await emulator.stop();
    });
    // The emulator knows no setMyCommands: the bot starts anyway, without a menu.
    await channel.start();
    const client = emulator.getClient(TOKEN, { userId: 11, chatId: 11 });
    await client.sendMessage(client.makeMessage('2024年活动周的主题是什么？'));
    await until(() => emulator.storage.botMessages.length >= 1);
    const reply = emulator.storage.botMessages[0]!.message;
    expect(reply.parse_mode).toBe('HTML');
    expect(htmlText(String(reply.text))).toContain('让学习成为一种生活方式');
    await client.sendMessage(client.makeMessage('你好'));
    await until(() => emulator.storage.botMessages.length >= 2);
    const greeting = emulator.storage.botMessages[1]!.message;
    const button = (
      greeting.reply_markup as { inline_keyboard: InlineKeyboardButton.CallbackButton[][] }
    ).inline_keyboard[0]![0]!;
    await client.sendCallback(client.makeCallbackQuery(button.callback_data));
    await until(() => emulator.storage.botMessages.length >= 3);
    expect(htmlText(String(emulator.storage.botMessages[2]!.message.text))).toContain('主题');
  });
});

describe('pacing sends to Telegram', () => {
  it('lets a short burst through at once, then waits between sends to one chat', async () => {
    const send = createSender(quietLog(), { private: { burst: 2, everyMs: 150 } });
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < 4; i++)
      await send(1, false, async () => times.push(performance.now() - start));
    expect(times[1]!).toBeLessThan(100);
    expect(times[2]!).toBeGreaterThanOrEqual(140);
    expect(times[3]! - times[2]!).toBeGreaterThanOrEqual(140);
    // Another chat has its own allowance.
    const other = performance.now();
    await send(2, false, async () => undefined);
    expect(performance.now() - other).toBeLessThan(100);
  });
});

describe('what the review of the Telegram channel found', () => {
  it('in long polling, a chat waiting out a 429 does not hold up another chat', async () => {
    const { api, channel } = await setup({ polling: true });
    await channel.start();
    api.fail('sendMessage', {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: 3 },
      },
    });
    api.push(TelegramApi.text(21, '2024年活动周的主题是什么？'));
    await api.waitFor((c) => c.method === 'sendMessage');
    const asked = performance.now();
    api.push(TelegramApi.text(22, '职成司联系人是谁？'));
    const other = await api.waitFor((c) => c.method === 'sendMessage' && c.body['chat_id'] === 22);
    expect(other.at - asked).toBeLessThan(2000);
  });

  it('in a group, ignores commands of other bots and answers its own', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(groupMessage('/roll'));
    expect(api.of('sendMessage')).toEqual([]);
    await deliver(groupMessage('/help'));
    expect(api.of('sendMessage')).toHaveLength(1);
  });

  it('answers in the forum topic a question was asked in, and hears anonymous admins', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(groupMessage('/help', { is_topic_message: true, message_thread_id: 77 }));
    expect(api.of('sendMessage')[0]!.body['message_thread_id']).toBe(77);
    await deliver(
      groupMessage(`@${STAND_IN_BOT.username} 2024年活动周的主题是什么？`, {
        from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' },
        sender_chat: { id: -1001, type: 'supergroup', title: '省教育厅' },
      }),
    );
    expect(htmlText(String(api.of('sendMessage')[1]!.body['text']))).toContain(
      '让学习成为一种生活方式',
    );
  });

  it('still asks the form question again when the answer before it could not be sent', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(TelegramApi.text(31, '我想推荐一位百姓学习之星'));
    const down = { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
    api.fail('sendMessage', down, 2);
    const before = api.of('sendMessage').length;
    await deliver(TelegramApi.text(31, '2024年活动周的主题是什么？'));
    const sent = api
      .of('sendMessage')
      .slice(before)
      .map((c) => htmlText(String(c.body['text'])));
    // The answer failed twice (tried once more after a second) and is lost; the re-ask arrives.
    expect(sent).toHaveLength(3);
    expect(sent[2]).toContain('第1步，共17步');
  });

  it('links a group’s "my drafts" to the drafts list in a private chat', async () => {
    const { api, channel, deliver } = await setup();
    await channel.start();
    await deliver(groupMessage('/drafts'));
    const link = (
      api.of('sendMessage')[0]!.body['reply_markup'] as {
        inline_keyboard: InlineKeyboardButton[][];
      }
    ).inline_keyboard
      .flat()
      .find((b) => 'url' in b) as InlineKeyboardButton.UrlButton;
    const payload = new URL(link.url).searchParams.get('start')!;
    await deliver(TelegramApi.text(7, `/start ${payload}`));
    expect(htmlText(String(api.of('sendMessage')[1]!.body['text']))).toContain('您还没有草稿');
  });
});
