import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ACTION_BYTES } from '../src/actions.js';
import { renderText } from '../src/answer/render-text.js';
import { createBot, type BotOptions } from '../src/bot.js';
import { createMemoryStore } from '../src/storage/memory-store.js';
import { createSqliteStore } from '../src/storage/sqlite-store.js';
import type { StateStore } from '../src/storage/state-store.js';
import type { IncomingMessage, Reply } from '../src/types.js';
import { gatedStore } from './fakes/gated-store.js';
import { STAR_ANSWERS } from './fixtures/nomination.js';
import { sharedIndex, tempDir } from './helpers.js';

const { index } = await sharedIndex();
const now = () => new Date('2026-11-22T08:00:00Z');

function setup(options: Partial<BotOptions> = {}) {
  const store = options.store ?? createMemoryStore();
  const bot = createBot({ index, store, now, ...options });
  const base = { channel: 'test', userId: 'u1' };
  const send = (m: Partial<IncomingMessage>) => bot.handle({ ...base, ...m });
  const say = async (text: string, extra: Partial<IncomingMessage> = {}) =>
    (await send({ text, ...extra })).at(-1)!;
  const press = async (button: { action: string }) =>
    (await send({ action: button.action })).at(-1)!;
  /** Everything the bot said back to a button, as text. */
  const pressAll = async (button: { action: string }) =>
    (await send({ action: button.action })).map(renderText).join('\n');
  const draftOf = async () => {
    const [draft] = await store.listDrafts(base);
    return draft?.data as { answers: Record<string, unknown>; field: string } | undefined;
  };
  return { bot, store, send, say, press, pressAll, draftOf };
}

const button = (reply: Reply, label: string) => {
  const found = reply.buttons.find((b) => b.label === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(reply.buttons)}`);
  return found;
};

describe('one delivery, one turn', () => {
  it('answers a re-delivered message once and stores its answer once', async () => {
    const { send, draftOf } = setup();
    await send({ text: '我想推荐一个终身学习品牌项目', messageId: 'm1' });
    const first = await send({ text: '银龄智慧课堂', messageId: 'm2' });
    const again = await send({ text: '银龄智慧课堂', messageId: 'm2' });
    expect(first.at(-1)!.form).toMatchObject({ field: 'organization', step: 2 });
    expect(again).toEqual([]);
    const draft = await draftOf();
    expect(draft!.answers['project_name']).toBe('银龄智慧课堂');
    expect(draft!.field).toBe('organization');
  });

  it('handles a delivery again when its first turn never finished (the process died)', async () => {
    const inner = createMemoryStore();
    let crash = true;
    const store: StateStore = {
      ...inner,
      claim: inner.claim,
      seen: inner.seen,
      getSession: inner.getSession,
      getDraft: inner.getDraft,
      listDrafts: inner.listDrafts,
      forget: inner.forget,
      close: inner.close,
      async commit(key, change) {
        if (crash && change.delivery) {
          crash = false;
          throw new Error('disk gone');
        }
        return inner.commit(key, change);
      },
    };
    const { send } = setup({ store });
    const [failed] = await send({ text: '2024年活动周的主题是什么？', messageId: 'm9' });
    expect(failed!.kind).toBe('error');
    const [answered] = await send({ text: '2024年活动周的主题是什么？', messageId: 'm9' });
    expect(answered!.kind).toBe('fact');
    expect(await send({ text: '2024年活动周的主题是什么？', messageId: 'm9' })).toEqual([]);
  });

  it('answers a retry racing its original once, on two instances', async () => {
    const store = createMemoryStore();
    const gated = gatedStore(store, 2);
    const bots = [
      createBot({ index, store: gated.store, now }),
      createBot({ index, store: gated.store, now }),
    ];
    const message = {
      channel: 'slack',
      userId: 'U1',
      messageId: 'C1:1700000000.1',
      text: '职成司联系人是谁？',
    };
    const replies = await Promise.all(bots.map((b) => b.handle(message)));
    expect(replies.map((r) => r.length).sort()).toEqual([0, 1]);
  });

  it('keeps deliveries of different channels apart', async () => {
    const { bot } = setup();
    const a = await bot.handle({ channel: 'telegram', userId: '1', messageId: '7', text: '你好' });
    const b = await bot.handle({ channel: 'slack', userId: '1', messageId: '7', text: '你好' });
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
  });
});

describe('buttons carry checked ids, not labels', () => {
  it('does nothing for a confirm button of an earlier review: the name stays as it was', async () => {
    const { say, press, pressAll, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    let review: Reply | undefined;
    for (const answer of STAR_ANSWERS) review = await say(answer);
    expect(review!.form).toMatchObject({ field: 'review' });
    const oldConfirm = button(review!, '确认生成');
    const editing = await say('修改 姓名');
    expect(editing.form).toMatchObject({ field: 'name' });
    expect(await pressAll(oldConfirm)).toContain('这个按钮来自较早的一步，没有执行');
    const again = await press(oldConfirm);
    expect(again.form).toMatchObject({ field: 'name' });
    expect(again.files).toEqual([]);
    expect((await draftOf())!.answers['name']).toBe('张秀英');
  });

  it('does nothing for an option of a question already answered', async () => {
    const { say, pressAll, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    const gender = await say('张秀英');
    const male = button(gender, '男');
    await say('女');
    expect(await pressAll(male)).toContain('这个按钮来自较早的一步，没有执行');
    expect((await draftOf())!.answers['gender']).toBe('female');
  });

  it('fills a whole form with buttons where there are choices, and confirms with one', async () => {
    const { say, press, send } = setup();
    const replies: Reply[] = [];
    replies.push(await press({ action: 'nom' }));
    replies.push(await press(button(replies.at(-1)!, '百姓学习之星推荐材料')));
    for (const answer of STAR_ANSWERS) {
      const asked = replies.at(-1)!;
      const option = asked.buttons.find((b) => b.label === answer || b.label === '高中/中专');
      replies.push(
        option && asked.form?.field !== 'materials' ? await press(option) : await say(answer),
      );
    }
    replies.push(...(await send({ action: button(replies.at(-1)!, '确认生成').action })));
    const done = replies.at(-1)!;
    const files = replies.flatMap((r) => r.files.map((f) => f.name));
    expect(files.some((n) => n.endsWith('.docx'))).toBe(true);
    expect(done.form).toBeUndefined();
    for (const reply of replies)
      for (const b of reply.buttons)
        expect(Buffer.byteLength(b.action, 'utf8')).toBeLessThanOrEqual(MAX_ACTION_BYTES);
  });

  it('answers a button from another version of the bot politely, changing nothing', async () => {
    const { send } = setup();
    const [reply] = await send({ action: '确认' });
    expect(reply!.intent).toBe('stale-button');
    expect(renderText(reply!)).toContain('这个按钮已经过期');
  });
});

describe('what the user did not type is never stored', () => {
  it('resumes a form when a channel opens the chat, storing nothing', async () => {
    const { say, press, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    for (const answer of STAR_ANSWERS.slice(0, 7)) await say(answer);
    const before = await draftOf();
    const opened = await press({ action: 'start' });
    expect(opened.form).toMatchObject({ field: 'occupation', step: 8, total: 17 });
    expect(renderText(opened)).toContain('继续填写《百姓学习之星推荐材料》');
    expect((await draftOf())!.answers).toEqual(before!.answers);
  });

  it('greets on opening when no form is in progress', async () => {
    const { press } = setup();
    expect((await press({ action: 'start' })).kind).toBe('greeting');
  });
});

describe('groups', () => {
  it('drafts no nomination in a group, and offers a private chat instead', async () => {
    const { say, draftOf } = setup();
    const reply = await say('我想推荐一位百姓学习之星', { group: true, conversationId: '-1001' });
    expect(renderText(reply)).toContain('只能在私聊中填写');
    expect(reply.effects).toEqual([{ kind: 'continue-privately', start: 'nom:star' }]);
    expect(await draftOf()).toBeUndefined();
  });

  it('keeps the follow-up context of each conversation apart', async () => {
    const { say } = setup();
    await say('2022年活动周主题是什么？', { conversationId: 'group', group: true });
    const followUp = await say('那2024年呢？', { conversationId: 'private' });
    expect(followUp.intent).not.toBe('theme');
  });
});

describe('follow-ups', () => {
  it('asks the last question again for another year, however the year is put', async () => {
    const { say } = setup();
    const first = renderText(await say('2024年的“一老一小”活动是什么'));
    expect(first).toContain('一老一小');
    // A two-digit year and "similar": the 2022 notice's reading activities, not a refusal.
    const similar = renderText(await say('那22年有类似的吗'));
    expect(similar).toContain('2022年通知');
    expect(similar).toContain('书香社区');
    expect(similar).not.toContain('没有');
    const english = await say('anything similar in 2024?');
    expect(renderText(english)).toContain('一老一小');
    // A question of its own is not completed with the last one.
    expect((await say('22年主题是什么')).intent).toBe('theme');
  });

  it('asks again what was meant, after a message that corrected its own year', async () => {
    const { say } = setup();
    expect(renderText(await say('2024年的开幕式在哪，不对，我是说2022年'))).toContain('长沙');
    const again = await say('那2024年呢');
    expect(again.intent).toBe('opening');
    expect(renderText(again)).toMatch(/2024年通知没有写明全国总开幕式的时间和地点/);
  });
});

describe('bad input', () => {
  it('refuses an over-long message politely, in its language, before any work', async () => {
    const { say, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    const zh = await say('学'.repeat(8001));
    expect(zh.intent).toBe('too-long');
    expect(renderText(zh)).toContain('这条消息太长了（8001个字符），我最多能读8000个字符');
    expect((await draftOf())!.field).toBe('name');
    const en = await say('learn '.repeat(2000));
    expect(renderText(en)).toContain('That message is too long');
    const huge = await say('x'.repeat(1_000_000));
    expect(huge.intent).toBe('too-long');
  });

  it('answers 100 KB of any shape when the cap is lifted (no pattern is super-linear)', async () => {
    const { say } = setup({ maxMessageChars: Infinity });
    const n = 100_000;
    const shapes = [
      'a'.repeat(n),
      'a.'.repeat(n / 2),
      '138-'.repeat(n / 4),
      '1'.repeat(n),
      'a@'.repeat(n / 2),
      '学习'.repeat(n / 2),
      '活动周 theme 2024 '.repeat(n / 15),
      'http://'.repeat(n / 7),
      '第一'.repeat(n / 2),
      ' '.repeat(n - 1) + '?',
      'the week '.repeat(n / 9),
      '什么'.repeat(n / 2),
      '010-66097704 '.repeat(n / 13),
      '学\n'.repeat(n / 2),
    ];
    for (const text of shapes) expect((await say(text)).kind).toBeDefined();
  });

  it('strips control characters and bidi overrides from what is stored and echoed', async () => {
    const { say, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    const next = await say('张\u0000秀\u202E英\u200B');
    expect(next.form).toMatchObject({ field: 'gender' });
    expect((await draftOf())!.answers['name']).toBe('张秀英');
  });
});

describe('two deliveries at the same moment', () => {
  const user = { channel: 'test', userId: 'r' };
  const honours = '2021年长沙市优秀志愿者';
  const recommender = '长沙市岳麓区教育局';

  /** Two answers read at the same version (the honours question), saved by two bots at once. */
  async function race(store: StateStore) {
    const first = createBot({ index, store, now });
    await first.handle({ ...user, text: '我想推荐一位百姓学习之星' });
    for (const answer of STAR_ANSWERS.slice(0, 14)) await first.handle({ ...user, text: answer });
    const gated = gatedStore(store, 2);
    const racers = [honours, recommender].map((text) => ({
      bot: createBot({ index, store: gated.store, now }),
      text,
    }));
    const replies = await Promise.all(racers.map(({ bot, text }) => bot.handle({ ...user, text })));
    const [draft] = await store.listDrafts(user);
    return {
      replies,
      answers: (draft!.data as { answers: Record<string, unknown> }).answers,
      gated,
    };
  }

  for (const [name, open] of [
    ['memory', async () => createMemoryStore()],
    ['SQLite', async () => createSqliteStore(path.join(await tempDir(), 'state.db'))],
  ] as const) {
    it(`recomputes the loser from the winner's state, so both acknowledged answers are kept (${name})`, async () => {
      const { replies, answers, gated } = await race(await open());
      expect(gated.conflicts()).toBe(1);
      // One was saved as the honours and moved on to the recommender; the other, recomputed,
      // was saved as the recommender and moved on to the materials. Nothing was overwritten.
      expect(replies.map((r) => r.at(-1)!.form?.field).sort()).toEqual([
        'materials',
        'recommender',
      ]);
      expect([answers['honors'], answers['recommender']].sort()).toEqual(
        [honours, recommender].sort(),
      );
    });
  }
});

describe('what the review of the channels found', () => {
  it('starts one form when "which form?" is answered twice with its button', async () => {
    const { press, store } = setup();
    const ask = await press({ action: 'nom' });
    const star = button(ask, '百姓学习之星推荐材料');
    expect((await press(star)).form).toMatchObject({ id: 'star', step: 1 });
    const again = await press(star);
    expect(again.intent).toBe('stale-button');
    expect(await store.listDrafts({ channel: 'test', userId: 'u1' })).toHaveLength(1);
  });

  it('carries on with the form a link or button names when it is already being filled', async () => {
    const { press, say, store } = setup();
    await press({ action: 'nom:star' });
    await say('张秀英');
    const again = await press({ action: 'nom:star' });
    expect(again.form).toMatchObject({ id: 'star', field: 'gender' });
    expect(await store.listDrafts({ channel: 'test', userId: 'u1' })).toHaveLength(1);
  });

  it('keeps the buttons of a question valid after "show" or "help"', async () => {
    const { say, press, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    const gender = await say('张秀英');
    await say('查看');
    await say('帮助');
    const next = await press(button(gender, '女'));
    expect(next.form).toMatchObject({ field: 'birth' });
    expect((await draftOf())!.answers['gender']).toBe('female');
  });

  it('answers /help and unknown commands in the user’s language, not the command’s', async () => {
    const { send } = setup();
    const [help] = await send({ text: '/help', locale: 'zh-hans' });
    expect(help!.kind).toBe('help');
    expect(help!.language).toBe('zh-Hans');
    const [alone] = await send({ text: '/roll', locale: 'zh-hans' });
    expect(alone!.language).toBe('zh-Hans');
    const [asked] = await send({ text: '/ask 2024年活动周的主题是什么' });
    expect(renderText(asked!)).toContain('让学习成为一种生活方式');
  });

  it('leads a group’s "my drafts" and /cancel to the private chat where drafts live', async () => {
    const { say } = setup();
    const inGroup = { group: true, conversationId: '-100' };
    expect((await say('我的草稿', inGroup)).effects).toEqual([
      { kind: 'continue-privately', start: 'drafts' },
    ]);
    expect((await say('/cancel', inGroup)).effects).toEqual([
      { kind: 'continue-privately', start: 'start' },
    ]);
  });
});

describe('helpful or not', () => {
  it('offers two buttons under an answer, and keeps the verdict with the question', async () => {
    const { say, press, store, send } = setup();
    const answer = await say('2024年活动周有奖金吗？');
    expect(answer.buttons.map((b) => b.label).slice(-2)).toEqual(['有帮助', '没帮助']);
    const thanks = await press(button(answer, '没帮助'));
    expect(renderText(thanks)).toContain('谢谢，已记下');
    // Someone else pressing it (a group) changes nothing of this user's record.
    await send({ userId: 'u2', action: button(answer, '有帮助').action });
    const [kept] = await store.answers({ since: new Date(0), until: new Date('2100-01-01') });
    expect(kept).toMatchObject({
      question: '2024年活动周有奖金吗？',
      kind: 'not_in_notices',
      helpful: false,
      channel: 'test',
      userId: 'u1',
    });
  });

  it('labels the buttons in the reader’s script', async () => {
    const { say } = setup();
    const answer = await say('2024年活動周的主題是什麼？');
    expect(answer.buttons.map((b) => b.label).slice(-2)).toEqual(['有幫助', '沒幫助']);
  });

  it('keeps nothing and offers no buttons when answers are not to be kept', async () => {
    const { say, store } = setup({ keepAnswersDays: 0 });
    const answer = await say('2024年活动周的主题是什么？');
    expect(answer.buttons).toEqual([]);
    expect(await store.answers({ since: new Date(0), until: new Date('2100-01-01') })).toEqual([]);
  });

  it('does not keep what is typed into a form, nor greetings', async () => {
    const { say, store } = setup();
    await say('你好');
    await say('我想推荐一位百姓学习之星');
    await say('张秀英');
    expect(await store.answers({ since: new Date(0), until: new Date('2100-01-01') })).toEqual([]);
  });
});

describe('a multiple choice with buttons', () => {
  it('picks options one press at a time, unpicks on a second press, and takes them on "完成"', async () => {
    const { say, press, draftOf } = setup();
    await say('我想推荐一位百姓学习之星');
    let asked: Reply | undefined;
    for (const answer of STAR_ANSWERS.slice(0, 16)) asked = await say(answer);
    expect(asked!.form).toMatchObject({ field: 'materials' });
    let now = await press(button(asked!, '文字'));
    now = await press(button(now, '视频'));
    now = await press(button(now, '图片'));
    expect(renderText(now)).toContain('已选：文字、视频、图片');
    now = await press(button(now, '✓ 视频'));
    expect(renderText(now)).toContain('已选：文字、图片');
    expect(now.buttons.map((b) => b.label)).toEqual([
      '✓ 文字',
      '视频',
      '✓ 图片',
      '教学资源',
      '全部',
      '完成',
    ]);
    const review = await press(button(now, '完成'));
    expect(review.form).toMatchObject({ field: 'review' });
    expect((await draftOf())!.answers['materials']).toEqual(['text', 'photos']);
  });
});
