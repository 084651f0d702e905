import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/render-text.js';
import { toTraditional } from '../../src/knowledge/script.js';
import { createBot } from '../../src/bot.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Reply } from '../../src/types.js';
import { STAR_INFLUENCE, STAR_STORY } from '../fixtures/nomination.js';
import { sharedIndex, tempDir } from '../helpers.js';

const { index } = await sharedIndex();
// A clock that ticks a second per call, so drafts changed one after the other sort in that order.
let tick = 0;
const now = () => new Date(Date.parse('2026-11-22T08:00:00Z') + 1000 * tick++);

async function setup() {
  const file = path.join(await tempDir(), 'state.db');
  const store = createSqliteStore(file);
  const bot = createBot({ index, store, now });
  const say = async (text: string, userId = 'u1', action = false): Promise<Reply[]> =>
    bot.handle(
      action ? { channel: 'test', userId, action: text } : { channel: 'test', userId, text },
    );
  return { file, store, bot, say };
}

const documentXml = (reply: Reply) => {
  const docx = reply.files.find((f) => f.name.endsWith('.docx'))!;
  return strFromU8(unzipSync(docx.data)['word/document.xml']!);
};
const last = (replies: Reply[]) => replies[replies.length - 1]!;
const u1 = { channel: 'test', userId: 'u1' };
const text = (replies: Reply[]) => replies.map(renderText).join('\n');

const zhStory = STAR_STORY;
const zhInfluence = STAR_INFLUENCE;
const enStory = Array.from(
  { length: 20 },
  () => 'After retiring she kept learning smartphones at the senior college.',
).join(' ');
const enInfluence =
  'She set up a smartphone class for 30 older neighbours that meets twice a week. She prepares each lesson herself and pairs faster learners with slower ones, so that everyone learns together.';
const zhSummary =
  '银龄智慧课堂2016年创办，面向全市老年人开设智能手机、书法、健康养生等课程，线上线下结合，'.repeat(
    6,
  );
const zhFeatures =
  '采用线上微课与线下互助小组相结合的方式，老年人先看视频再到社区课堂练习。'.repeat(2);
const zhOutcomes = '累计开课420期，服务老年人1.2万人次，培养志愿讲师60名。'.repeat(3);
const enSummary = Array.from(
  { length: 12 },
  () =>
    'Silver Age Smart Classroom teaches older people to use smartphones in weekly community classes.',
).join(' ');
const enFeatures =
  'It pairs short online lessons with peer help groups in every community centre of the city. Learners watch a short video at home, then practise with volunteers at the centre.';
const enOutcomes =
  'So far 420 courses have been held, with 12,000 attendances by older people and 60 volunteer teachers trained. In 2023 the project won the city prize for community learning, and three districts copied it.';

/** One scripted conversation per form and script: every answer, then confirm; the .docx must hold them all. */
const scripts = [
  {
    name: 'star, Simplified Chinese',
    start: '我想推荐一位百姓学习之星',
    answers: [
      '张秀英',
      '女',
      '1962年5月',
      '汉族',
      '中国',
      '中共党员',
      '高中/中专',
      '长沙市岳麓区某社区 退休教师',
      '湖南',
      '长沙市',
      '13812345678',
      'zhangxy@example.com',
      zhStory,
      zhInfluence,
      '2021年 长沙市优秀志愿者',
      '长沙市岳麓区教育局',
      '文字、视频、图片',
    ],
    shown: [
      '张秀英',
      '女',
      '1962年5月',
      '汉族',
      '中国国籍',
      '中共党员',
      '高中/中专',
      '退休教师',
      '湖南省',
      '长沙市',
      '13812345678',
      'zhangxy@example.com',
      zhStory,
      zhInfluence,
      '长沙市优秀志愿者',
      '长沙市岳麓区教育局',
      '文字、视频、图片',
    ],
    confirm: '确认',
  },
  {
    name: 'star, Traditional Chinese',
    start: '我想推薦一位百姓學習之星',
    answers: [
      '陳美華',
      '女',
      '1958-03',
      '壯族',
      '是',
      '跳過',
      '大專',
      '南寧市某街道 社區志願者',
      '廣西',
      '南寧市',
      '0771-5678901',
      '跳過',
      toTraditional(zhStory),
      toTraditional(zhInfluence),
      '跳過',
      '南寧市教育局',
      '全部',
    ],
    shown: [
      '陳美華',
      '女',
      '1958年3月',
      '壯族',
      '中國國籍',
      '大專',
      '社區志願者',
      '廣西壯族自治區',
      '南寧市',
      '0771-5678901',
      toTraditional(zhStory),
      '銀齡手機課堂',
      '南寧市教育局',
      '文字、視頻、圖片、教學資源',
    ],
    confirm: '確認',
  },
  {
    name: 'star, English',
    start: "I want to nominate a Star of People's Learning",
    answers: [
      'Zhang Xiuying',
      'Female',
      'May 1962',
      'Han',
      'Yes',
      'Ordinary citizen',
      "Bachelor's degree",
      'Retired teacher, Yuelu District',
      'Hunan',
      'Changsha',
      '13812345678',
      'skip',
      enStory,
      enInfluence,
      'skip',
      'Yuelu District Education Bureau',
      'text, video',
    ],
    shown: [
      'Zhang Xiuying',
      'Female',
      'May 1962',
      'Han',
      'Chinese',
      'Ordinary citizen',
      'Bachelor&apos;s degree',
      'Retired teacher',
      'Hunan',
      'Changsha',
      '13812345678',
      'senior college',
      'older neighbours',
      'Yuelu District Education Bureau',
      'Text, Video',
    ],
    confirm: 'confirm',
  },
  {
    name: 'brand, Simplified Chinese',
    start: '我想推荐一个终身学习品牌项目',
    answers: [
      '银龄智慧课堂',
      '长沙市开放大学',
      '12430100MB12345672',
      '无不良记录',
      '湖南省',
      '长沙市',
      '李明',
      '0731-84567890',
      'liming@example.com',
      '2016',
      '全市60岁以上老年人',
      '智慧助老',
      zhSummary,
      zhFeatures,
      zhOutcomes,
      '2021年 湖南省终身学习品牌项目',
      '湖南省教育厅',
      '文字、视频',
    ],
    shown: [
      '银龄智慧课堂',
      '长沙市开放大学',
      '12430100MB12345672',
      '无不良记录',
      '湖南省',
      '长沙市',
      '李明',
      '0731-84567890',
      'liming@example.com',
      '2016',
      '全市60岁以上老年人',
      '智慧助老',
      '银龄智慧课堂2016年创办',
      zhFeatures,
      '累计开课420期',
      '湖南省终身学习品牌项目',
      '湖南省教育厅',
      '文字、视频',
    ],
    confirm: '确认',
  },
  {
    name: 'brand, Traditional Chinese',
    start: '我想推薦一個終身學習品牌項目',
    answers: [
      '銀齡智慧課堂',
      '長沙市開放大學',
      '12430100 MB12 3456 72',
      '沒有',
      '湖南',
      '長沙市',
      '李明',
      '13912345678',
      '跳過',
      '2016年',
      '全市60歲以上老年人',
      '數字化學習',
      toTraditional(zhSummary),
      toTraditional(zhFeatures),
      toTraditional(zhOutcomes),
      '跳過',
      '湖南省教育廳',
      '文字',
    ],
    shown: [
      '銀齡智慧課堂',
      '長沙市開放大學',
      '12430100MB12345672',
      '無不良記錄',
      '湖南省',
      '長沙市',
      '李明',
      '13912345678',
      '2016',
      '全市60歲以上老年人',
      '數字化學習',
      '銀齡智慧課堂2016年創辦',
      '累計開課420期',
      '湖南省教育廳',
      '文字',
    ],
    confirm: '確認',
  },
  {
    name: 'brand, English',
    start: 'nominate a brand project',
    answers: [
      'Silver Age Smart Classroom',
      'Changsha Open University',
      '12430100mb12345672',
      'No bad record',
      'Hunan',
      'Changsha',
      'Li Ming',
      '0731-84567890',
      'skip',
      '2016',
      'People over 60 across the city',
      'Helping older people go digital',
      enSummary,
      enFeatures,
      enOutcomes,
      'skip',
      'Hunan Provincial Department of Education',
      'Text, Video, Photos',
    ],
    shown: [
      'Silver Age Smart Classroom',
      'Changsha Open University',
      '12430100MB12345672',
      'No bad record',
      'Hunan',
      'Changsha',
      'Li Ming',
      '0731-84567890',
      '2016',
      'People over 60 across the city',
      'Helping older people go digital',
      'Silver Age Smart Classroom teaches',
      enFeatures,
      '420 courses',
      'Hunan Provincial Department of Education',
      'Text, Video, Photos',
    ],
    confirm: 'confirm',
  },
];

describe('drafting a nomination in the chat', () => {
  it.each(scripts)(
    '$name: every answer reaches the .docx, with the checklist from the notices',
    async ({ start, answers, shown, confirm }) => {
      const { say } = await setup();
      const first = await say(start);
      expect(last(first).form).toMatchObject({ step: 1, field: expect.any(String) });
      expect(text(first)).toMatch(/隐私|隱私|Privacy/);
      expect(text(first)).toMatch(/正式推荐表|正式推薦表|official nomination form may differ/);
      for (const [i, answer] of answers.entries()) {
        const replies = await say(answer);
        const reply = last(replies);
        if (i < answers.length - 1)
          expect(reply.form?.step, `after "${answer.slice(0, 20)}"`).toBe(i + 2);
        else expect(reply.form?.field).toBe('review');
      }
      const done = await say(confirm);
      expect(done).toHaveLength(2);
      const [draft, checklist] = done as [Reply, Reply];
      expect(draft.files.map((f) => f.name.split('.').pop())).toEqual(['docx', 'json']);
      expect(draft.form).toBeUndefined();
      const xml = documentXml(draft);
      for (const value of shown)
        expect(xml, value.slice(0, 30)).toContain(value.length > 60 ? value.slice(0, 60) : value);
      expect(checklist.citations.map((c) => c.source)).toEqual(
        expect.arrayContaining(['notice-2022', 'notice-2024']),
      );
      expect(renderText(checklist)).toMatch(/3—5/);
    },
  );

  it('re-asks invalid answers with the reason and keeps the field', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    await say('张秀英');
    const refused = last(await say('中性'));
    expect(renderText(refused)).toContain('这个回答没有被接受：请从这些选项中选一个：女、男。');
    expect(refused.form).toMatchObject({ field: 'gender', step: 2 });
    expect(refused.buttons.map((b) => b.label)).toEqual(['女', '男']);
  });

  it('supports back, skip, show, edit and cancel (with confirmation) in the chat', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    await say('张秀英');
    expect(last(await say('返回')).form).toMatchObject({ field: 'name' });
    await say('张秀兰');
    expect(renderText(last(await say('查看')))).toContain('姓名：张秀兰');
    expect(renderText(last(await say('跳过')))).toContain('“性别”是必填项，不能跳过。');
    await say('女');
    expect(last(await say('修改 姓名')).form).toMatchObject({ field: 'name' });
    expect(last(await say('张秀英')).form).toMatchObject({ field: 'birth' });
    const ask = last(await say('取消'));
    expect(renderText(ask)).toContain('确定要取消吗');
    expect(last(await say('否')).form).toMatchObject({ field: 'birth' });
    await say('取消');
    expect(renderText(last(await say('是')))).toContain('已取消，这份草稿已删除');
    expect(renderText(last(await say('我的草稿')))).toContain('您还没有草稿');
  });

  it('answers a question about the Week asked mid-form, then asks the same field again', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    await say('张秀英');
    const replies = await say('2022年推荐材料要报送给谁？');
    expect(replies).toHaveLength(2);
    expect(replies[0]!.kind).toBe('fact');
    expect(renderText(replies[0]!)).toContain('领导小组办公室');
    expect(replies[1]!.form).toMatchObject({ field: 'gender', step: 2 });
  });

  it('resumes a half-filled form at the right field in a second bot over the same database', async () => {
    const { say, file, store } = await setup();
    await say('我想推荐一位百姓学习之星');
    for (const answer of ['张秀英', '女', '1962年5月']) await say(answer);
    await store.close();
    // A new process: a new store on the same file, a new bot.
    const store2 = createSqliteStore(file);
    const bot2 = createBot({ index, store: store2, now });
    const next = last(await bot2.handle({ channel: 'test', userId: 'u1', text: '汉族' }));
    expect(next.form).toMatchObject({ id: 'star', field: 'nationality', step: 5 });
    const other = last(
      await bot2.handle({ channel: 'test', userId: 'someone-else', text: '汉族' }),
    );
    expect(other.form).toBeUndefined();
    await store2.close();
  });

  it('asks which form when a nomination names none, with buttons, and starts from a button', async () => {
    const { say } = await setup();
    const ask = last(await say('/nominate'));
    expect(ask.buttons.map((b) => b.label)).toEqual([
      '终身学习品牌项目推荐材料',
      '百姓学习之星推荐材料',
    ]);
    const started = last(await say(ask.buttons[0]!.action, 'u1', true));
    expect(started.form).toMatchObject({ id: 'brand', field: 'project_name' });
  });

  it('lists, reopens, duplicates and deletes drafts, and forgets a user after confirmation', async () => {
    const { say, store } = await setup();
    await say('我想推荐一位百姓学习之星');
    await say('张秀英');
    await say('我想推荐一个终身学习品牌项目');
    await say('银龄智慧课堂');
    const listed = renderText(last(await say('我的草稿')));
    // Numbered in the order they were created, so numbers never move.
    expect(listed).toMatch(/1\. 百姓学习之星推荐材料：张秀英（填写中/);
    expect(listed).toMatch(/2\. 终身学习品牌项目推荐材料：银龄智慧课堂（填写中/);
    const reopened = last(await say('打开草稿 1'));
    expect(reopened.form).toMatchObject({ id: 'star', field: 'gender' });
    expect(renderText(await say('复制草稿 2').then(last))).toContain('已复制为第3份草稿');
    expect(renderText(last(await say('我的草稿')))).toMatch(
      /3\. 终身学习品牌项目推荐材料：银龄智慧课堂（副本）/,
    );
    expect(await store.listDrafts(u1)).toHaveLength(3);
    expect(renderText(last(await say('删除草稿 1')))).toContain(
      '删除 张秀英 的《百姓学习之星推荐材料》草稿？',
    );
    expect(renderText(last(await say('是')))).toContain('已删除');
    expect(await store.listDrafts(u1)).toHaveLength(2);
    expect(renderText(last(await say('忘记我')))).toContain('确定要删除关于您的全部记录吗');
    expect(renderText(last(await say('是')))).toContain('已删除关于您的全部记录（2份草稿）');
    expect(await store.listDrafts(u1)).toEqual([]);
    expect(await store.getSession({ ...u1, conversationId: 'u1' })).toEqual({
      value: {},
      version: 0,
    });
  });

  it('without an LLM, a polish request explains and runs the automatic checks', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    for (const answer of scripts[0]!.answers) await say(answer);
    const reply = renderText(last(await say('润色 事迹')));
    expect(reply).toContain('润色需要配置大模型');
    expect(reply).toContain('2022年通知要求的材料还缺：教学资源。');
  });
});

describe('answers that are not what they look like (from an adversarial review)', () => {
  it('keeps a story that mentions nominating as the story, instead of starting another form', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    for (const answer of scripts[0]!.answers.slice(0, 12)) await say(answer);
    const story = `2019年，社区开始推荐她参评百姓学习之星。${STAR_STORY}`;
    const next = last(await say(story));
    expect(next.form).toMatchObject({ id: 'star', field: 'influence' });
  });

  it('accepts an answer with question words inside it', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    for (const answer of scripts[0]!.answers.slice(0, 13)) await say(answer);
    const influence =
      '她把学手机的方法编成顺口溜，教给身边几十位老姐妹，谁不会就手把手教，怎么挂号、怎么视频通话都一一教会了。';
    expect(last(await say(influence)).form).toMatchObject({ field: 'honors' });
  });

  it('does not store a question about the form as an answer, and says how to answer', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    const replies = await say('这个是必填的吗？');
    expect(renderText(replies[0]!)).toContain('这看起来是一个问题');
    expect(last(replies).form).toMatchObject({ field: 'name', step: 1 });
  });

  it('answers a Week question on the review screen and shows the review again', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    for (const answer of scripts[0]!.answers) await say(answer);
    const replies = await say('What is the 2024 theme?');
    expect(renderText(replies[0]!)).toContain('Make learning a lifestyle');
    expect(last(replies).form).toMatchObject({ field: 'review' });
  });

  it('switches the form to the language the user asks for', async () => {
    const { say } = await setup();
    await say('我想推荐一位百姓学习之星');
    const switched = last(await say('用英文回答'));
    expect(switched.language).toBe('en');
    expect(renderText(switched)).toContain("What is the nominee's full name?");
  });

  it('keeps a Traditional user’s names exactly as typed, in the chat and in the .docx', async () => {
    const { say } = await setup();
    await say('我想推薦一位百姓學習之星');
    const answers = [
      '余秀英',
      '女',
      '1962年5月',
      '漢族',
      '中國國籍',
      '群眾',
      '大專',
      '長沙市某社區 退休教師',
      '湖南',
      '長沙市',
      '13812345678',
      '跳過',
      toTraditional(STAR_STORY),
      toTraditional(STAR_INFLUENCE),
      '跳過',
      '長沙市教育局',
      '全部',
    ];
    let review: Reply | undefined;
    for (const answer of answers) review = last(await say(answer));
    expect(renderText(review!)).toContain('姓名：余秀英');
    const [draft] = await say('確認');
    expect(documentXml(draft!)).toContain('余秀英');
    expect(documentXml(draft!)).not.toContain('餘秀英');
  });

  it('reads "打开第2份草稿", refuses draft numbers that do not exist, and answers Traditional users in Traditional', async () => {
    const { say } = await setup();
    await say('我想推薦一個終身學習品牌項目');
    await say('銀齡智慧課堂');
    await say('我想推薦一位百姓學習之星');
    expect(renderText(last(await say('打開草稿 -1')))).toContain('沒有第-1份草稿');
    expect(last(await say('打開第2份草稿')).form).toMatchObject({ id: 'star' });
    expect(renderText(last(await say('我的草稿')))).toContain('您的草稿：');
    expect(renderText(last(await say('我的草稿')))).toContain('填寫中');
  });
});
