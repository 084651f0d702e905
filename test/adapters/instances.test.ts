import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackApi, slackSignature } from '../fakes/slack-api.js';
import { TelegramApi } from '../fakes/telegram-api.js';
import { copyKnowledge, tempDir } from '../helpers.js';
import { startLlw, type LlwProcess } from '../llw-process.js';
import { PG_URL, dropTestSchemas, postgresAvailable, testSchema } from '../postgres.js';

const SIGNING = '0123456789abcdef0123456789abcdef';
const WEBHOOK_SECRET = 'instances-webhook-secret-0123';
const available = await postgresAvailable();

/** One `llw start` process in a folder of its own, with its own data folder. */
async function start(env: Record<string, string>): Promise<LlwProcess> {
  const cwd = await tempDir();
  return startLlw(cwd, { ...env, LLW_DATA_DIR: path.join(cwd, 'data') });
}

describe.skipIf(!available)('two assistant processes over one PostgreSQL database', () => {
  const telegram = new TelegramApi();
  const slack = new SlackApi();
  const instances: LlwProcess[] = [];

  beforeAll(async () => {
    await telegram.start();
    await slack.start();
    const env = {
      DATABASE_URL: PG_URL,
      LLW_DATABASE_SCHEMA: testSchema(),
      LLW_KNOWLEDGE_DIR: await copyKnowledge(),
      PORT: '0',
      TELEGRAM_BOT_TOKEN: '123456:instances-token-abcdefghijklmnop',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org',
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-instances',
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: slack.apiUrl,
    };
    instances.push(...(await Promise.all([start(env), start(env)])));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.stop();
    await telegram.stop();
    await slack.stop();
    await dropTestSchemas();
  });

  it('continues a nomination started through one instance through the other, with the same cookie', async () => {
    const [a, b] = instances;
    const first = await fetch(`${a!.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '我想推荐一位百姓学习之星' }),
    });
    expect(JSON.stringify(await first.json())).toContain('被推荐人的姓名');
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const second = await fetch(`${b!.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ text: '张秀英' }),
    });
    const text = JSON.stringify(await second.json());
    expect(text).toContain('张秀英');
    expect(text).toMatch(/性别/);
  });

  it('answers the same Slack event posted to both instances once', async () => {
    const ts = '1700000001.000100';
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvInstances1',
      event_time: 1,
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'DINST',
        user: 'UINST',
        text: '2024年活动周的主题是什么？',
        ts,
        event_ts: ts,
      },
    });
    const post = (url: string) =>
      fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignature(SIGNING, body) },
        body,
      });
    const statuses = await Promise.all(instances.map((i) => post(i.url).then((r) => r.status)));
    expect(statuses).toEqual([200, 200]);
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body['channel'] === 'DINST');
    await new Promise((r) => setTimeout(r, 1500));
    const posts = slack.of('chat.postMessage').filter((c) => c.body['channel'] === 'DINST');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.body['blocks'])).toContain('让学习成为一种生活方式');
  });

  it('answers the same Telegram update delivered to both webhooks once', async () => {
    const update = JSON.stringify({
      update_id: 777001,
      ...TelegramApi.text(4242, '百姓学习之星要推荐几名？'),
    });
    const post = (url: string) =>
      fetch(`${url}/telegram/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': WEBHOOK_SECRET,
        },
        body: update,
      });
    const statuses = await Promise.all(instances.map((i) => post(i.url).then((r) => r.status)));
    expect(statuses).toEqual([200, 200]);
    await telegram.waitFor((c) => c.method === 'sendMessage' && c.body['chat_id'] === 4242);
    await new Promise((r) => setTimeout(r, 1500));
    const sends = telegram.of('sendMessage').filter((c) => c.body['chat_id'] === 4242);
    expect(sends).toHaveLength(1);
    expect(String(sends[0]!.body['text'])).toContain('3—5');
  });

  it('answers a Telegram update delivered to both instances once, after the 429 Telegram gives', async () => {
    telegram.fail('sendMessage', TelegramApi.tooManyRequests(1));
    const update = JSON.stringify({
      update_id: 777002,
      ...TelegramApi.text(4343, '2024年活动周的主题是什么？'),
    });
    const statuses = await Promise.all(
      instances.map((i) =>
        fetch(`${i.url}/telegram/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': WEBHOOK_SECRET,
          },
          body: update,
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([200, 200]);
    await new Promise((r) => setTimeout(r, 4000));
    const sends = telegram.of('sendMessage').filter((c) => c.body['chat_id'] === 4343);
    // The refused attempt, then the answer: once, from one instance.
    expect(sends.map((c) => c.faulted)).toEqual([429, undefined]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
    expect(String(sends[1]!.body['text'])).toContain('让学习成为一种生活方式');
  });

  it('answers a Slack event posted to both instances once, after a 500 from Slack', async () => {
    slack.fail('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } });
    const ts = '1700000002.000100';
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvInstances2',
      event_time: 2,
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'DINST2',
        user: 'UINST2',
        text: '百姓学习之星要推荐几名？',
        ts,
        event_ts: ts,
      },
    });
    const statuses = await Promise.all(
      instances.map((i) =>
        fetch(`${i.url}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...slackSignature(SIGNING, body) },
          body,
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([200, 200]);
    await new Promise((r) => setTimeout(r, 4000));
    const posts = slack.of('chat.postMessage').filter((c) => c.body['channel'] === 'DINST2');
    expect(posts.filter((c) => c.faulted === 500)).toHaveLength(1);
    const delivered = posts.filter((c) => c.faulted === undefined);
    expect(delivered).toHaveLength(1);
    expect(String(delivered[0]!.body['blocks'])).toContain('3—5');
  });
});
