import { afterEach, describe, expect, it } from 'vitest';
import { createInFlight } from '../../adapters/app/channel.js';
import { createHttpServer } from '../../adapters/server/http.js';
import { createSlackChannel, type SlackSettings } from '../../adapters/slack/main.js';
import { slackText } from '../../adapters/slack/to-core.js';
import { createMemoryStore } from '../../src/index.js';
import { quietLog, testBot, until } from '../channels/harness.js';
import { SLACK_BOT, SlackApi, slackSignature } from '../fakes/slack-api.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function setup(settings: Partial<SlackSettings> = {}) {
  const api = new SlackApi();
  await api.start();
  const inflight = createInFlight();
  const store = createMemoryStore();
  const channel = createSlackChannel({
    settings: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: api.apiUrl, ...settings },
    bot: await testBot(store),
    dedupe: store,
    log: quietLog(),
    inflight,
  });
  const server = createHttpServer(channel.routes, quietLog());
  const url = await server.listen(0, '127.0.0.1');
  open.push(async () => {
    await channel.stop();
    await server.close(100);
    await api.stop();
  });
  const post = (body: string, headers: Record<string, string>, type = 'application/json') =>
    fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': type, ...headers },
      body,
    });
  /** Posts a signed request and waits until what it started is done. */
  const signed = async (body: string, type?: string, extra: Record<string, string> = {}) => {
    const before = api.calls.length;
    const res = await post(body, { ...slackSignature(SECRET, body), ...extra }, type);
    await until(() => api.calls.length > before, 400).catch(() => undefined);
    await inflight.drain(10_000);
    return res;
  };
  return { api, channel, post, signed };
}

let n = 0;
const event = (inner: Record<string, unknown>, eventId = `Ev${++n}`) =>
  JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: 1,
    event: inner,
  });
const mention = (text: string, ts = `17000000${++n}.0001`) =>
  event({
    type: 'app_mention',
    channel: 'C1',
    user: 'U7',
    text: `<@${SLACK_BOT.user_id}> ${text}`,
    ts,
    event_ts: ts,
  });
const blocksText = (blocks: unknown) => JSON.stringify(blocks);

describe('Slack requests', () => {
  it('rejects bad, missing and stale signatures with 401, and runs nothing', async () => {
    const { api, channel, post } = await setup();
    await channel.start();
    const body = mention('2024年活动周的主题是什么？');
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, slackSignature('f'.repeat(32), body))).status).toBe(401);
    expect((await post(body, slackSignature(SECRET, body, stale))).status).toBe(401);
    expect((await post(`${body} `, slackSignature(SECRET, body))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.of('chat.postMessage')).toEqual([]);
  });

  it('answers the URL check Slack makes when the events URL is saved', async () => {
    const { channel, post } = await setup();
    await channel.start();
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const res = await post(body, slackSignature(SECRET, body));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });

  it('acknowledges at once and answers after, in a thread under the question', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    const ts = '1700000999.0001';
    const res = await signed(mention('2024年活动周的主题是什么？', ts));
    expect(res.status).toBe(200);
    const [posted] = api.of('chat.postMessage');
    expect(posted!.body).toMatchObject({ channel: 'C1', thread_ts: ts });
    expect(blocksText(posted!.body['blocks'])).toContain('让学习成为一种生活方式');
  });

  it('answers one message once, whether Slack retries it or sends it as two events', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    const body = mention('职成司联系人是谁？', '1700001000.0001');
    await signed(body);
    await signed(body, undefined, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    // The same message again under another event id (a mention also seen as a channel message).
    await signed(mention('职成司联系人是谁？', '1700001000.0001'));
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('answers a retry whose original never arrived, once', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    const body = mention('百姓学习之星要推荐几名？', '1700001001.0001');
    await signed(body, undefined, {
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_error',
    });
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('ignores edits, other bots and its own messages in DMs', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    const ts = '1700002000.0001';
    await signed(
      event({
        type: 'message',
        subtype: 'message_changed',
        channel_type: 'im',
        channel: 'D7',
        ts,
        message: { text: 'x' },
      }),
    );
    await signed(
      event({
        type: 'message',
        channel_type: 'im',
        channel: 'D7',
        user: 'U9',
        bot_id: 'B9',
        text: '你好',
        ts,
      }),
    );
    await signed(
      event({
        type: 'message',
        channel_type: 'im',
        channel: 'D7',
        user: SLACK_BOT.user_id,
        text: '你好',
        ts: `${ts}1`,
      }),
    );
    expect(api.of('chat.postMessage')).toEqual([]);
  });

  it('says how to fix a token Slack refuses', async () => {
    const { api, channel } = await setup();
    api.fail('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await expect(channel.start()).rejects.toThrow(
      /refused SLACK_BOT_TOKEN \(invalid_auth\).*xoxb-/,
    );
  });
});

describe('the /llw command', () => {
  const command = (text: string, channel = 'C1') =>
    new URLSearchParams({
      command: '/llw',
      text,
      user_id: 'U7',
      channel_id: channel,
      team_id: 'T1',
      trigger_id: `tr${++n}`,
      response_url: '',
      token: 't',
    });

  it('answers a question to the asker alone, through the response URL', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    const form = command('2024年主题');
    form.set('response_url', api.responseUrl('r1'));
    const res = await signed(form.toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const [responded] = api.calls.filter((c) => c.method === '/respond/r1');
    expect(responded!.body['response_type']).toBe('ephemeral');
    expect(blocksText(responded!.body['blocks'])).toContain('让学习成为一种生活方式');
  });

  it('moves a nomination asked for in a channel into a DM with the user', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    const form = command('nominate');
    form.set('response_url', api.responseUrl('r2'));
    await signed(form.toString(), 'application/x-www-form-urlencoded');
    const [responded] = api.calls.filter((c) => c.method === '/respond/r2');
    expect(blocksText(responded!.body['blocks'])).toContain('只能在私聊中填写');
    expect(api.of('conversations.open')[0]!.body['users']).toBe('U7');
    const [dm] = api.posted('DU7');
    expect(blocksText(dm!.body['blocks'])).toContain('您想起草哪一种推荐材料');
  });
});

describe('Slack Socket Mode', () => {
  it('takes events over the socket, acknowledges them, and answers through the Web API', async () => {
    const api = new SlackApi();
    await api.start();
    await api.startSocket();
    const channel = createSlackChannel({
      settings: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: api.apiUrl },
      bot: await testBot(),
      dedupe: createMemoryStore(),
      log: quietLog(),
      inflight: createInFlight(),
    });
    open.push(async () => {
      await channel.stop();
      await api.stop();
    });
    expect(channel.routes).toEqual([]);
    await channel.start();
    await until(() => api.connected > 0);
    api.envelope({
      envelope_id: 'env-1',
      type: 'events_api',
      accepts_response_payload: false,
      payload: JSON.parse(
        event({
          type: 'message',
          channel_type: 'im',
          channel: 'D7',
          user: 'U7',
          text: 'What is the 2024 theme?',
          ts: '1700003000.1',
        }),
      ),
    });
    const posted = await api.waitFor((c) => c.method === 'chat.postMessage');
    expect(blocksText(posted.body['blocks'])).toContain('Make learning a lifestyle');
    expect(api.acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  });
});

describe('reading what Slack sends', () => {
  it('decodes escapes, mentions, channels and links into what the user wrote', () => {
    expect(
      slackText(
        `<@${SLACK_BOT.user_id}> A &amp; B &lt;b&gt; <#C1|general> <@U9|amy> <mailto:a@b.cn|a@b.cn> <https://x.org|site>`,
        SLACK_BOT.user_id,
      ),
    ).toBe('A & B <b> #general @amy a@b.cn site (https://x.org)');
  });
});

describe('the Slack app manifest', () => {
  it('asks for what the adapter uses: its events, /llw, buttons, DMs and file uploads', async () => {
    const { parse } = await import('yaml');
    const { readFile } = await import('node:fs/promises');
    const manifest = parse(
      await readFile(new URL('../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_mention',
      'message.im',
    ]);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      '/llw',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.features.slash_commands[0].url,
    ])
      expect(url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'chat:write',
        'commands',
        'files:write',
        'im:history',
        'im:write',
      ]),
    );
  });
});

describe('what the review of the Slack channel found', () => {
  const dm = (text: string, extra: Record<string, unknown> = {}) => {
    const ts = `17000050${++n}.0001`;
    return event({
      type: 'message',
      channel_type: 'im',
      channel: 'DU7',
      user: 'U7',
      text,
      ts,
      event_ts: ts,
      ...extra,
    });
  };

  it('takes a reply in a thread of the DM as the answer to the form being filled', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    await signed(dm('我想推荐一位百姓学习之星'));
    const started = api.of('chat.postMessage').at(-1)!;
    await signed(dm('王小明', { thread_ts: String(started.body['ts'] ?? '1700005000.0001') }));
    expect(blocksText(api.of('chat.postMessage').at(-1)!.body['blocks'])).toContain(
      '第2步，共17步',
    );
  });

  it('answers /llw in a DM between two people through the response URL, and drafts nothing there', async () => {
    const { api, channel, signed } = await setup();
    await channel.start();
    for (const [text, id] of [
      ['2024年主题', 'h1'],
      ['nominate', 'h2'],
    ] as const) {
      const form = new URLSearchParams({
        command: '/llw',
        text,
        user_id: 'U7',
        channel_id: 'D999',
        team_id: 'T1',
        trigger_id: `tr${++n}`,
        response_url: api.responseUrl(id),
        token: 't',
      });
      await signed(form.toString(), 'application/x-www-form-urlencoded');
    }
    expect(api.posted('D999')).toEqual([]);
    expect(blocksText(api.calls.find((c) => c.method === '/respond/h1')!.body['blocks'])).toContain(
      '让学习成为一种生活方式',
    );
    expect(blocksText(api.calls.find((c) => c.method === '/respond/h2')!.body['blocks'])).toContain(
      '只能在私聊中填写',
    );
  });
});
