import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type Serving } from '../../adapters/app/serve.js';
import { readConfig, type Settings } from '../../adapters/config/env.js';
import { htmlText, quietLog } from '../channels/harness.js';
import { SlackApi } from '../fakes/slack-api.js';
import { TelegramApi } from '../fakes/telegram-api.js';
import { WecomApi, textFrame } from '../fakes/wecom-api.js';
import { until } from '../channels/harness.js';
import { copyKnowledge, KNOWLEDGE, tempDir } from '../helpers.js';
import { runIndex } from '../../adapters/app/knowledge.js';

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
      admins: ['telegram:7'],
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
    expect(String(telegram.of('sendMessage').at(-1)!.body['text'])).toContain('第3步，共17步');
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

  it('runs WeCom with the rest, says so, and is not ready while its connection is down', async () => {
    const { settings } = await setup();
    const wecom = new WecomApi();
    await wecom.start();
    open.push(() => wecom.stop());
    const withWecom: Settings = {
      ...settings,
      channels: {
        ...settings.channels,
        wecom: { botId: wecom.botId, secret: wecom.secret, wsUrl: wecom.url },
      },
    };
    const serving = await serve(withWecom, KNOWLEDGE, quietLog());
    open.unshift(() => serving.close());
    expect(serving.summary).toContain('WeCom: AI bot (智能机器人) over the long connection');
    expect((await fetch(`${serving.url}/readyz`)).status).toBe(200);
    const before = wecom.sent.length;
    wecom.push(textFrame('2024年活动周的主题是什么？'));
    await until(() =>
      wecom.sent
        .slice(before)
        .some((s) => JSON.stringify(s.body).includes('让学习成为一种生活方式')),
    );
    await wecom.stop();
    // The socket's close reaches the assistant a moment later.
    let down = await fetch(`${serving.url}/readyz`);
    for (let i = 0; i < 100 && down.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      down = await fetch(`${serving.url}/readyz`);
    }
    expect(down.status).toBe(503);
    expect((await down.json()).checks.channelsDown).toEqual(['WeCom']);
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

describe('operations', () => {
  const post = (url: string, id: number, text: string, user = 7) =>
    fetch(`${url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: id, ...TelegramApi.text(user, text) }),
    });

  it('counts messages, latency, "not in the notices" and forms being filled in /metrics', async () => {
    const { settings } = await setup();
    const serving = await serve(settings, KNOWLEDGE, quietLog());
    open.unshift(() => serving.close());
    await post(serving.url, 1, '2024年活动周的主题是什么？');
    await post(serving.url, 2, '2024年活动周有奖金吗？');
    await post(serving.url, 3, '我想推荐一位百姓学习之星');
    const metrics = await (await fetch(`${serving.url}/metrics`)).text();
    expect(metrics).toContain(
      'llw_messages_total{channel="telegram",intent="theme",kind="fact"} 1',
    );
    expect(metrics).toContain('llw_not_in_notices_total{channel="telegram"} 1');
    expect(metrics).toMatch(/llw_answer_seconds_count\{channel="telegram"\} 3/);
    expect(metrics).toContain('llw_active_forms 1');
    expect(metrics).toContain('llw_process_resident_memory_bytes');
    expect(await (await fetch(`${serving.url}/readyz`)).json()).toMatchObject({
      status: 'ready',
      checks: { index: true, database: true },
    });
  });

  it('reloads a new index on an admin’s /reload (others are refused), and keeps the old one when loading fails', async () => {
    const { settings, telegram, dataDir } = await setup();
    const knowledge = await copyKnowledge();
    const serving = await serve(settings, knowledge, quietLog());
    open.unshift(() => serving.close());
    const last = () => htmlText(String(telegram.of('sendMessage').at(-1)!.body['text']));
    // A new notice, indexed by `llw index` while the assistant runs.
    await writeFile(
      path.join(knowledge, 'sources', 'example-2030.md'),
      '# 示例通知\n\n## 一、主题\n\n示例主题：学而不厌\n',
    );
    await appendFile(
      path.join(knowledge, 'manifest.yaml'),
      '  - id: example-2030\n    file: sources/example-2030.md\n    title: { zh: 示例通知, en: Example notice }\n    year: 2030\n    issuers: [{ zh: 示例单位, en: Example body }]\n    language: zh\n    script: Hans\n',
    );
    await runIndex(settings.config, knowledge);
    await post(serving.url, 10, '/reload', 8);
    expect(last()).toContain('只有管理员可以重新加载知识库');
    await post(serving.url, 11, '/reload', 7);
    expect(last()).toContain('知识库已重新加载（reloaded the index: 3 notices');
    await post(serving.url, 12, '2030年的主题是什么？', 7);
    expect(last()).toContain('学而不厌');
    // The saved index is gone: a reload fails, says why, and answers go on from the index in use.
    await rm(path.join(dataDir, 'index'), { recursive: true, force: true });
    const failed = await serving.runtime.reload();
    expect(failed).toMatchObject({ ok: false });
    expect(failed.message).toContain('the previous one stays in use');
    await post(serving.url, 13, '2030年的主题是什么？', 7);
    expect(last()).toContain('学而不厌');
  });
});
