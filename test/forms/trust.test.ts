import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { IncomingMessage, Reply } from '../../src/types.js';
import { STAR_ANSWERS } from '../fixtures/nomination.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();

/** A conversation with the bot, and a look at the draft it keeps. */
function chat(extra: Partial<IncomingMessage> = {}) {
  const store = createMemoryStore();
  const bot = createBot({ index, store, now: () => new Date('2026-11-22T08:00:00Z') });
  const user = { channel: 'test', userId: 'o1', ...extra };
  const all = async (text: string) => bot.handle({ ...user, text });
  const say = async (text: string) => (await all(text)).at(-1)!;
  const text = async (t: string) => (await all(t)).map(renderText).join('\n');
  const answers = async () => {
    const [draft] = await store.listDrafts(user);
    return (draft?.data as { answers: Record<string, unknown> } | undefined)?.answers ?? {};
  };
  return { bot, store, user, all, say, text, answers };
}

describe('no silent gaps (issue 10, defect 1)', () => {
  it('after changing a later answer mid-form, asks the questions in between; the review lists every field', async () => {
    const { say } = chat();
    await say('我想推荐一位百姓学习之星');
    await say('张秀英');
    await say('女');
    const edit = await say('修改 电话');
    expect(edit.form).toMatchObject({ field: 'phone', step: 9 });
    const next = await say('13812345678');
    // Back to the first open question (birth, step 3), not on to step 10.
    expect(next.form).toMatchObject({ field: 'birth', step: 3 });
    let review: Reply = next;
    for (const answer of STAR_ANSWERS.slice(2))
      if (review.form?.field !== 'review') review = await say(answer);
    expect(review.form).toMatchObject({ field: 'review' });
    const listed = renderText(review);
    for (const label of ['姓名', '性别', '出生年月', '联系电话', '电子邮箱', '荣誉', '随附材料'])
      expect(listed).toContain(label);
  });

  it('refuses 确认 while a required answer is missing, naming it, and asks it', async () => {
    const { store, user, say } = chat();
    const now = '2026-11-22T08:00:00.000Z';
    // A draft at its review without a phone (as an older version could leave one).
    const answers = {
      name: '张秀英',
      gender: 'female',
      birth: '1962-05',
      ethnicity: '汉族',
      education: 'senior',
      occupation: '退休教师',
      province: 'hunan',
      city: '长沙市',
      story: 'x'.repeat(400),
      influence: 'y'.repeat(80),
      recommender: '长沙市岳麓区教育局',
      materials: ['text'],
    };
    await store.commit(
      { ...user, conversationId: user.userId },
      {
        session: { value: { activeDraftId: 'd-missing-phone' }, version: 0 },
        drafts: [
          {
            id: 'd-missing-phone',
            formId: 'star',
            status: 'in_progress',
            data: {
              v: 2,
              formId: 'star',
              language: 'zh-Hans',
              phase: 'review',
              field: 'materials',
              answers,
              skipped: ['email', 'honors'],
              history: [],
              editing: false,
            },
            version: 0,
            createdAt: now,
            updatedAt: now,
          },
        ],
      },
    );
    const refused = await say('确认');
    expect(renderText(refused)).toContain('还不能生成：必填项没有填写：联系电话');
    expect(refused.form).toMatchObject({ field: 'phone' });
    expect(refused.files).toEqual([]);
  });
});

describe('nothing stored by mistake (defects 3 and 4)', () => {
  it('answers a question typed without a question mark instead of storing it as a contact', async () => {
    const { say, text, answers } = chat();
    await say('我想推荐一个终身学习品牌项目');
    for (const a of ['银龄智慧课堂', '长沙市开放大学', '湖南', '长沙市']) await say(a);
    const reply = await text('材料什么时候交');
    expect(reply).toContain('回到推荐表');
    expect((await answers())['contact_name']).toBeUndefined();
  });

  it('helps with "不知道" and a question at the name, storing neither', async () => {
    const { say, text, answers } = chat();
    await say('我想推荐一位百姓学习之星');
    expect(await text('不知道')).toContain('草稿已保存，也可以以后回来继续');
    expect(await text('截止日期是哪天')).toContain('回到推荐表');
    expect((await answers())['name']).toBeUndefined();
  });

  it('keeps only the name of "她叫王秀兰，今年58岁", and says what it kept', async () => {
    const { say, answers } = chat();
    await say('我想推荐一位百姓学习之星');
    const next = await say('她叫王秀兰，今年58岁');
    expect(renderText(next)).toContain('✓ 已记下 姓名：王秀兰');
    expect((await answers())['name']).toBe('王秀兰');
  });

  it('keeps only the name of "聯繫人：陳淑華老師" for a Traditional user, as typed', async () => {
    const { say, answers } = chat();
    await say('我想推薦一個終身學習品牌項目');
    for (const a of ['銀齡智慧課堂', '長沙市開放大學', '湖南', '長沙市']) await say(a);
    const next = await say('聯繫人：陳淑華老師');
    expect(renderText(next)).toContain('✓ 已記下 聯繫人：陳淑華');
    expect((await answers())['contact_name']).toBe('陳淑華');
  });
});

describe('the review screen and after (defects 5, 12, 13)', () => {
  async function atReview() {
    const c = chat();
    await c.say('我想推荐一位百姓学习之星');
    for (const a of STAR_ANSWERS) await c.say(a);
    return c;
  }

  it('explains how to change an answer when 返回 or a stray word is typed on the review', async () => {
    const { say } = await atReview();
    const back = await say('返回');
    expect(renderText(back)).toContain('这里是最后的核对页。要改某一项，说“修改 项目名”');
    expect(back.form).toMatchObject({ field: 'review' });
  });

  it('takes a correction typed in words on the review', async () => {
    const { say, answers } = await atReview();
    const fixed = await say('城市填错了，应该是长沙市岳麓区');
    expect(renderText(fixed)).toContain('✓ 已改 所在市（县）：长沙市岳麓区');
    expect(fixed.form).toMatchObject({ field: 'review' });
    expect((await answers())['city']).toBe('长沙市岳麓区');
  });

  it('sends the files again for 确认 or 查看 after the draft is finished', async () => {
    const { all } = await atReview();
    const first = await all('确认');
    expect(first.flatMap((r) => r.files)).toHaveLength(2);
    for (const again of ['确认', '查看']) {
      const replies = await all(again);
      expect(replies.map(renderText).join('\n')).toContain('这份推荐材料已经生成');
      expect(
        replies
          .flatMap((r) => r.files)
          .map((f) => f.name)
          .sort(),
      ).toEqual(
        first
          .flatMap((r) => r.files)
          .map((f) => f.name)
          .sort(),
      );
    }
  });

  it('shows the answers once for 查看 on the review', async () => {
    const { say } = await atReview();
    const shown = renderText(await say('查看'));
    expect(shown.match(/姓名：/g)).toHaveLength(1);
  });

  it('starts /nominate in English for an English user, and keeps Traditional for 請用中文', async () => {
    const en = chat({ locale: 'en-US' });
    expect((await en.say('/nominate')).language).toBe('en');
    const hant = chat();
    await hant.say('我想推薦一位百姓學習之星');
    expect((await hant.say('請用中文')).language).toBe('zh-Hant');
  });
});
