import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type Serving } from '../../adapters/app/serve.js';
import { readConfig, type Settings } from '../../adapters/config/env.js';
import { quietLog } from '../channels/harness.js';
import { SlackApi } from '../fakes/slack-api.js';
import { TelegramApi } from '../fakes/telegram-api.js';
import { KNOWLEDGE, tempDir } from '../helpers.js';

const TOKEN = '123456:serve-test-token-abcdefghijklmnopq';
const SECRET = 'serve-test-webhook-secret-0123';
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function setup() {
  const telegram = new TelegramApi();
  const slack = new SlackApi();
  await telegram.start();
  await slack.start();
  open.push(
    () => telegram.stop(),
    () => slack.stop(),
  );
  const dataDir = await tempDir();
  const settings: Settings = {
    config: readConfig({ LLW_DATA_DIR: dataDir, LLW_KNOWLEDGE_DIR: KNOWLEDGE }),
    channels: {
      port: 0,
      host: '127.0.0.1',
      telegram: {
        token: TOKEN,
        webhookUrl: 'https://bot.example.org/telegram/webhook',
        webhookSecret: SECRET,
        apiRoot: telegram.url,
      },
      slack: {
        botToken: 'xoxb-serve',
        signingSecret: '0123456789abcdef0123456789abcdef',
        apiUrl: slack.apiUrl,
      },
    },
  };
  return { telegram, slack, settings, dataDir };
}

const update = (id: number, text: string) =>
  JSON.stringify({ update_id: id, ...TelegramApi.text(7, text) });

describe('one process, one server', () => {
  it('mounts every channel and /healthz on one port, and says what runs', async () => {
    const { settings, telegram } = await setup();
    const serving: Serving = await serve(settings, KNOWLEDGE, quietLog());
    open.unshift(() => serving.close());
    expect(serving.summary).toContain(
      'Telegram: webhook at https://bot.example.org/telegram/webhook',
    );
    expect(serving.summary).toContain('Slack: HTTP events at /slack/events');
    const health = await fetch(`${serving.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${serving.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${serving.url}/healthz`, { method: 'POST' })).status).toBe(405);
    expect(
      (await fetch(`${serving.url}/slack/events`, { method: 'POST', body: '{}' })).status,
    ).toBe(401);
    const res = await fetch(`${serving.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: update(1, '2024年活动周的主题是什么？'),
    });
    expect(res.status).toBe(200);
    expect(telegram.of('sendMessage')).toHaveLength(1);
  });

  it('keeps the state of a conversation in LLW_DATA_DIR/state.db across a restart', async () => {
    const { settings, telegram, dataDir } = await setup();
    const post = (url: string, id: number, text: string) =>
      fetch(`${url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: update(id, text),
      });
    const first = await serve(settings, KNOWLEDGE, quietLog());
    await post(first.url, 1, '我想推荐一位百姓学习之星');
    await post(first.url, 2, '张秀英');
    await first.close();
    const second = await serve(settings, KNOWLEDGE, quietLog());
    open.unshift(() => second.close());
    await post(second.url, 3, '女');
    expect(String(telegram.of('sendMessage').at(-1)!.body['text'])).toContain('第3步，共15步');
    expect(path.join(dataDir, 'state.db')).toBeTruthy();
  });

  it('finishes a reply in flight before it stops', async () => {
    const { settings, telegram } = await setup();
    const serving = await serve(settings, KNOWLEDGE, quietLog());
    telegram.delay('sendMessage', 700);
    const answered = fetch(`${serving.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: update(1, '职成司联系人是谁？'),
    });
    await telegram.waitFor((c) => c.method === 'sendMessage');
    await serving.close();
    expect((await answered).status).toBe(200);
  });

  it('stops the start, closing what it opened, when a platform refuses its token', async () => {
    const { settings, slack } = await setup();
    slack.fail('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await expect(serve(settings, KNOWLEDGE, quietLog())).rejects.toThrow(
      /Slack did not start: Slack refused SLACK_BOT_TOKEN/,
    );
    // The port and the database were released: the next start works.
    const serving = await serve(settings, KNOWLEDGE, quietLog());
    await serving.close();
  });

  it('says when the port is taken and what to set', async () => {
    const { settings } = await setup();
    const first = await serve(settings, KNOWLEDGE, quietLog());
    open.unshift(() => first.close());
    const port = Number(new URL(first.url).port);
    const taken = { ...settings, channels: { ...settings.channels, port } };
    await expect(serve(taken, KNOWLEDGE, quietLog())).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use`,
    );
  });
});
