import { Writable } from 'node:stream';
import { WSClient } from '@wecom/aibot-node-sdk';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createInFlight } from '../../adapters/app/channel.js';
import { escapeMarkdown, replyToWecom } from '../../adapters/wecom/from-core.js';
import { createWecomChannel, type WecomChannel } from '../../adapters/wecom/main.js';
import {
  createMemoryStore,
  createSqliteStore,
  textReply,
  type Bot,
  type IncomingMessage,
  type Reply,
  type StateStore,
} from '../../src/index.js';
import { quietLog, testBot, textOf, until } from '../channels/harness.js';
import { connected, seenIn, shown, wecomHarness } from '../channels/wecom-harness.js';
import { tempDir } from '../helpers.js';
import path from 'node:path';
import { WecomApi, eventFrame, textFrame, type Sent } from '../fakes/wecom-api.js';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: true });

/** A bot that answers with `make`, for replies the shipped knowledge never gives (30 KB, files). */
const fakeBot = (make: (m: IncomingMessage) => Promise<Reply[]>): Bot => ({
  handle: (m) => make(m),
  draftFile: async () => undefined,
});

/** A gate a fake bot waits at until the test opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop().catch(() => undefined);
});

/** The stand-in and a channel over it, stopped after the test. */
async function setup(
  options: {
    bot?: Bot;
    store?: StateStore;
    api?: WecomApi;
    secret?: string;
    leaseMs?: number;
    log?: pino.Logger;
  } = {},
) {
  const api = options.api ?? new WecomApi();
  if (!options.api) {
    await api.start();
    running.push(api);
  }
  const inflight = createInFlight();
  const store = options.store ?? createMemoryStore();
  const channel: WecomChannel = createWecomChannel({
    settings: { botId: api.botId, secret: options.secret ?? api.secret, wsUrl: api.url },
    bot: options.bot ?? (await testBot(store)),
    store,
    log: options.log ?? quietLog(),
    inflight,
    reconnectMs: 50,
    startTimeoutMs: 2000,
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  return { api, channel, inflight, store };
}

/** Pushes a frame and waits for what it caused. */
async function deliver(api: WecomApi, inflight: ReturnType<typeof createInFlight>, frame: object) {
  const before = api.sent.length;
  api.push(frame);
  await until(() => api.sent.length > before, 400).catch(() => undefined);
  await inflight.drain(15_000);
  return api.sent.slice(before);
}

const streamOf = (s: Sent) =>
  (s.body as { stream?: { finish?: boolean; content?: string } }).stream;

describe('WeCom rendering', () => {
  it('escapes markdown and HTML in answer and user text, so it shows exactly as written', () => {
    for (const literal of [
      '<font color="warning">红色</font> <@zhangsan> **bold** _it_ `code` [link](http://x)',
      '# 不是标题\n> 不是引用\n- 不是列表\n1. 不是编号',
      'a\\b & c &amp; d ~~del~~ | table |',
      '    an indented pasted paragraph\n\tand a tabbed line',
    ]) {
      const html = markdown.render(escapeMarkdown(literal));
      expect(html).not.toMatch(/<(font|strong|em|code|pre|a|h1|blockquote|ul|ol|del|table)\b/);
      const text = html
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
      expect(text).toBe(literal.replace(/\s+/g, ' ').trim());
    }
  });

  it('splits a long Chinese answer by UTF-8 bytes, every part under 20,480 bytes, nothing lost', () => {
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) => `第${i + 1}段：${'终身学习让每一个人都能在社区里找到适合自己的课程。'.repeat(40)}`,
    );
    const out = replyToWecom(textReply(paragraphs.join('\n\n'), 'zh-Hans', 'test'));
    // 30 × ~1,000 characters × 3 bytes: about 90 KB, under 7,000 characters per part.
    expect(out.parts.length).toBeGreaterThanOrEqual(5);
    for (const part of out.parts)
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(20_480);
    const joined = out.parts.join('');
    for (const p of paragraphs) expect(joined).toContain(p.slice(0, 60));
  });

  it('puts at most six buttons on a card, each card with its own task id', () => {
    const buttons = Array.from({ length: 9 }, (_, i) => ({
      label: `选项${i + 1}`,
      action: `a:${i}`,
    }));
    const out = replyToWecom({ ...textReply('请选择', 'zh-Hans', 'test'), buttons });
    expect(out.cards.map((c) => c.buttons.length)).toEqual([6, 3]);
    expect(new Set(out.cards.map((c) => c.taskId)).size).toBe(2);
  });
});

describe('WeCom channel', () => {
  it('sends "looking it up" first, then the answer in the same stream; in English for English', async () => {
    const { api, channel, inflight } = await setup();
    await channel.start();
    const sent = await deliver(api, inflight, textFrame('What is the 2024 theme?'));
    const frames = sent.filter((s) => s.cmd === 'aibot_respond_msg');
    expect(streamOf(frames[0]!)).toMatchObject({ finish: false, content: 'Looking this up…' });
    const last = frames.find((s) => streamOf(s)?.finish)!;
    expect(streamOf(last)!.content).toContain('Make learning a lifestyle');
    expect(streamOf(last)!.content).not.toContain('Looking this up');
    // Feedback buttons come on a card that asks about the answer.
    const card = sent.find((s) => s.body['msgtype'] === 'template_card');
    expect(card?.body['template_card']).toMatchObject({
      main_title: { title: 'Was this answer helpful?' },
    });
    // A message in no language in particular is met in the user's last one.
    const neutral = await deliver(api, inflight, textFrame('2024?'));
    expect(streamOf(neutral[0]!)).toMatchObject({ content: 'Looking this up…' });
    const zh = await deliver(api, inflight, textFrame('2024年活动周的主题是什么？'));
    expect(streamOf(zh[0]!)).toMatchObject({ finish: false, content: '正在查询…' });
  });

  it('sends a 90 KB answer as parts in order: the first in the stream, the rest as messages', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `第${i + 1}段：${'学'.repeat(1000)}`).join(
      '\n\n',
    );
    const { api, channel, inflight } = await setup({
      bot: fakeBot(async () => [textReply(long, 'zh-Hans', 'test')]),
    });
    await channel.start();
    const sent = await deliver(api, inflight, textFrame('长回答'));
    const parts = sent.map(shown).filter((m) => m !== undefined);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    expect(streamOf(sent.find((s) => shown(s) !== undefined)!)?.finish).toBe(true);
    for (const p of parts) expect(Buffer.byteLength(p!, 'utf8')).toBeLessThanOrEqual(20_480);
    const order = parts
      .join('')
      .match(/第(\d+)段/g)!
      .map((m) => Number(m.slice(1, -1)));
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('answers four messages sent at once, in order, with at most three open at a time', async () => {
    const { api, channel, inflight } = await setup();
    await channel.start();
    const before = api.sent.length;
    const questions = [
      '2024年活动周的主题是什么？',
      '總開幕式在哪個城市？',
      'What is the 2022 theme?',
      '百姓学习之星要推荐几名？',
    ];
    const frames = questions.map((q) => textFrame(q));
    for (const f of frames) api.push(f);
    await until(
      () => api.sent.slice(before).filter((s) => streamOf(s)?.finish).length === 4,
      10_000,
    );
    await inflight.drain(5000);
    const sent = api.sent.slice(before);
    let open = 0;
    let most = 0;
    for (const s of sent) {
      if (streamOf(s)?.finish === false) most = Math.max(most, ++open);
      if (streamOf(s)?.finish === true) open--;
    }
    expect(most).toBeLessThanOrEqual(3);
    const answered = sent.filter((s) => streamOf(s)?.finish).map((s) => s.reqId);
    expect(answered).toEqual(frames.map((f) => f.headers.req_id));
    expect(streamOf(sent.filter((s) => streamOf(s)?.finish)[3]!)!.content).toContain('3—5');
  });

  it('finishes an answer after the socket drops mid-answer, once, as a message after reconnecting', async () => {
    const wait = gate();
    const { api, channel, inflight } = await setup({
      bot: fakeBot(async () => {
        await wait.opened;
        return [textReply('主题是“让学习成为一种生活方式”。', 'zh-Hans', 'test')];
      }),
    });
    await channel.start();
    const before = api.sent.length;
    api.push(textFrame('主题是什么'));
    await until(() => api.sent.length > before);
    api.drop();
    await until(() => !api.connected);
    wait.open();
    await connected(api);
    await inflight.drain(10_000);
    const answers = api.sent
      .slice(before)
      .map(shown)
      .filter((m) => m?.includes('生活方式'));
    expect(answers).toHaveLength(1);
    expect(channel.ready()).toBe(true);
  });

  it('says /readyz is not ready while its connection is down, and ready again after', async () => {
    const { api, channel } = await setup();
    await channel.start();
    expect(channel.ready()).toBe(true);
    await api.stop();
    await until(() => channel.ready() === false);
    expect(channel.state()).toBe('reconnecting');
  });

  it('stays down, said once, when another connection of the same bot takes over', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'warn' },
      new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
    );
    const { api, channel } = await setup({ log });
    await channel.start();
    const other = new WSClient({
      botId: api.botId,
      secret: api.secret,
      wsUrl: api.url,
      logger: silentSdk,
    });
    running.push({ stop: async () => other.disconnect() });
    other.connect();
    await until(() => channel.state() === 'taken-over');
    const subscribes = api.subscribes;
    await new Promise((r) => setTimeout(r, 500));
    expect(api.subscribes).toBe(subscribes);
    expect(lines.filter((l) => l.includes('took over'))).toHaveLength(1);
  });

  it('lets one process of two hold the connection; the other takes over when it stops', async () => {
    const store = createMemoryStore();
    const a = await setup({ store, leaseMs: 300 });
    const b = await setup({ store, api: a.api, leaseMs: 300 });
    await a.channel.start();
    await b.channel.start();
    expect(a.channel.state()).toBe('connected');
    expect(b.channel.state()).toBe('standby');
    expect(a.api.subscribes).toBe(1);
    await a.channel.stop();
    await until(() => b.channel.state() === 'connected', 3000);
    running.push(b.channel);
    const seen = seenIn(
      a.api,
      await deliver(a.api, b.inflight, textFrame('2024年活动周的主题是什么？')),
    );
    expect(textOf(seen)).toContain('让学习成为一种生活方式');
  });

  it('refuses to start with a wrong secret, saying what to fix and never printing the secret', async () => {
    const { channel } = await setup({ secret: 'wrong-secret-987654' });
    const error = await channel.start().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/WECOM_BOT_SECRET/);
    expect(error?.message).not.toContain('wrong-secret-987654');
  });

  it('refuses to start when the long connection cannot be reached, naming WECOM_WS_URL', async () => {
    const api = new WecomApi();
    await api.start();
    const url = api.url;
    await api.stop();
    const channel = createWecomChannel({
      settings: { botId: 'aibTestBot01', secret: 'test-secret-0123456789', wsUrl: url },
      bot: fakeBot(async () => []),
      store: createMemoryStore(),
      log: quietLog(),
      inflight: createInFlight(),
      reconnectMs: 50,
      startTimeoutMs: 500,
    });
    await expect(channel.start()).rejects.toThrow(/cannot reach WeCom .*WECOM_WS_URL/);
  });

  it('welcomes a user who opens the chat, and answers pictures with "text only"', async () => {
    const { api, channel, inflight } = await setup();
    await channel.start();
    const welcome = await deliver(api, inflight, eventFrame({ eventtype: 'enter_chat' }));
    const w = welcome.find((s) => s.cmd === 'aibot_respond_welcome_msg')!;
    expect((w.body as { text: { content: string } }).text.content).toMatch(/终身学习|活动周/);
    const picture = textFrame('');
    const image = { ...picture, body: { ...picture.body, msgtype: 'image', image: { url: 'x' } } };
    const sent = await deliver(api, inflight, image);
    expect(sent.map(shown).join('')).toContain('只能读文字');
  });

  it('answers a 100 KB message politely and the next question normally', async () => {
    const { api, channel, inflight } = await setup();
    await channel.start();
    const huge = await deliver(api, inflight, textFrame('学'.repeat(100_000)));
    expect(textOf(seenIn(api, huge))).toMatch(/太长/);
    const next = await deliver(api, inflight, textFrame('2024年活动周的主题是什么？'));
    expect(textOf(seenIn(api, next))).toContain('让学习成为一种生活方式');
  });

  it('answers an @mention in a group in the group, and moves a nomination to the single chat', async () => {
    const { api, channel, inflight } = await setup();
    await channel.start();
    const asked = await deliver(
      api,
      inflight,
      textFrame('@终身学习助手 2024年活动周的主题是什么？', { chatid: 'grp1' }),
    );
    expect(textOf(seenIn(api, asked))).toContain('让学习成为一种生活方式');
    const nominate = await deliver(
      api,
      inflight,
      textFrame('@终身学习助手 我想推荐一位百姓学习之星', { chatid: 'grp1' }),
    );
    const inGroup = nominate
      .filter((s) => s.cmd === 'aibot_respond_msg')
      .map(shown)
      .join('');
    expect(inGroup).toMatch(/私聊/);
    const privately = nominate.filter(
      (s) => s.cmd === 'aibot_send_msg' && s.body['chatid'] === 'zhangsan',
    );
    expect(privately.length).toBeGreaterThan(0);
  });

  it('uploads draft files under their real names, and says how else to get one when an upload fails', async () => {
    const file = {
      name: 'star-1a2b3c4d.docx',
      mediaType: 'application/octet-stream',
      data: new Uint8Array([1, 2, 3, 4]),
    };
    const { api, channel, inflight } = await setup({
      bot: fakeBot(async () => [
        { ...textReply('草稿已生成。', 'zh-Hans', 'test'), files: [file] },
      ]),
    });
    await channel.start();
    const seen = seenIn(api, await deliver(api, inflight, textFrame('确认')));
    expect(seen.files).toEqual([{ name: file.name, data: Buffer.from(file.data) }]);
    api.failUploads = true;
    const failed = await deliver(api, inflight, textFrame('确认'));
    expect(textOf(seenIn(api, failed))).toContain(`${file.name} 没能发送`);
  });

  it('finishes the answers in flight before closing the socket on shutdown', async () => {
    const wait = gate();
    const { api, channel } = await setup({
      bot: fakeBot(async () => {
        await wait.opened;
        return [textReply('答案在这里。', 'zh-Hans', 'test')];
      }),
    });
    await channel.start();
    const before = api.sent.length;
    api.push(textFrame('问题'));
    await until(() => api.sent.length > before);
    const stopped = channel.stop();
    wait.open();
    await stopped;
    expect(api.sent.slice(before).map(shown)).toContain('答案在这里。');
    await until(() => !api.connected);
  });

  it('shows the choice on a clicked card, and answers a button of an earlier step as stale', async () => {
    const h = wecomHarness();
    await h.start();
    running.push(h);
    await h.say('我想推荐一位百姓学习之星');
    const gender = await h.say('张秀英');
    const label = gender.buttons.find((b) => b === '女')!;
    const before = h.api.sent.length;
    await h.press(label);
    const update = h.api.sent.slice(before).find((s) => s.cmd === 'aibot_respond_update_msg');
    const card = update?.body['template_card'] as {
      sub_title_text: string;
      button_list: { text: string }[];
    };
    expect(card.sub_title_text).toBe(`✓ ${label}`);
    expect(card.button_list.map((b) => b.text)).toEqual([label]);
    // The same card's button again, a step later: nothing is done, and the user is told why.
    const again = await h.press(label);
    expect(textOf(again)).toContain('这个按钮来自较早的一步，没有执行');
  });

  it('forgets a user on "忘记我": drafts and conversation gone, old cards no longer shown as chosen', async () => {
    const store = createMemoryStore();
    const h = wecomHarness({ store, user: 'lisi' });
    await h.start();
    running.push(h);
    await h.say('我想推荐一位百姓学习之星');
    const gender = await h.say('张秀英');
    const label = gender.buttons.find((b) => b === '女')!;
    await h.press(label);
    const user = { channel: 'wecom', userId: 'lisi' };
    expect(await store.listDrafts(user)).toHaveLength(1);
    const ask = await h.say('忘记我');
    await h.press(ask.buttons[0]!);
    expect(await store.listDrafts(user)).toEqual([]);
    expect((await store.getSession({ ...user, conversationId: 'lisi' })).version).toBe(0);
    const before = h.api.sent.length;
    await h.press(label);
    expect(h.api.sent.slice(before).some((s) => s.cmd === 'aibot_respond_update_msg')).toBe(false);
  });

  it('keeps one connection across two processes sharing a SQLite state.db', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'state.db');
    const a = await setup({ store: createSqliteStore(file), leaseMs: 300 });
    const b = await setup({ store: createSqliteStore(file), api: a.api, leaseMs: 300 });
    running.push({ stop: () => a.store.close() }, { stop: () => b.store.close() });
    await a.channel.start();
    await b.channel.start();
    running.push(b.channel);
    expect([a.channel.state(), b.channel.state()]).toEqual(['connected', 'standby']);
    await a.channel.stop();
    await until(() => b.channel.state() === 'connected', 3000);
    expect(a.api.subscribes).toBe(2);
  });

  it('logs no message text above debug and never the secret', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
    );
    const { api, channel, inflight } = await setup({ log });
    await channel.start();
    await deliver(api, inflight, textFrame('我的秘密问题：2024年活动周的主题是什么？'));
    api.drop();
    await connected(api);
    const all = lines.join('');
    expect(all).not.toContain('秘密问题');
    expect(all).not.toContain(api.secret);
  });
});

const silentSdk = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
