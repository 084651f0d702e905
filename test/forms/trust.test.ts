import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { IncomingMessage, Reply } from '../../src/types.js';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { createCiter } from '../../src/answer/cite.js';
import { buildChecklist } from '../../src/forms/checklist.js';
import { STAR_ANSWERS, STAR_STORY } from '../fixtures/nomination.js';
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
    expect(edit.form).toMatchObject({ field: 'phone', step: 11 });
    const next = await say('13812345678');
    // Back to the first open question (birth, step 3), not on to step 12.
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
      nationality: 'chinese',
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
              skipped: ['political_status', 'email', 'honors'],
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
    for (const a of [
      '银龄智慧课堂',
      '长沙市开放大学',
      '12430100MB12345672',
      '无',
      '湖南',
      '长沙市',
    ])
      await say(a);
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
    for (const a of [
      '銀齡智慧課堂',
      '長沙市開放大學',
      '12430100MB12345672',
      '無',
      '湖南',
      '長沙市',
    ])
      await say(a);
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

describe('input people really type (defect 11)', () => {
  /** Starts a form in `start`'s script, jumps to `field` and answers it with `input`. */
  async function answer(start: string, field: string, input: string) {
    const c = chat();
    await c.say(start);
    await c.say(`修改 ${field}`);
    const reply = await c.say(input);
    return { reply, text: renderText(reply), value: (await c.answers())[fieldId[field]!] };
  }
  const fieldId: Record<string, string> = {
    电话: 'phone',
    联系电话: 'phone',
    出生年月: 'birth',
    所在省份: 'province',
    随附材料: 'materials',
    创办年份: 'start_year',
    民族: 'ethnicity',
    电子邮箱: 'email',
  };
  const STAR = '我想推荐一位百姓学习之星';

  it('takes phone numbers as they are written, keeping a remark and a second number', async () => {
    const cases: [string, string][] = [
      ['+86 731 8456 7890', '0731-84567890'],
      ['+86 10 6609 7704', '010-66097704'],
      ['0731-8456-7890', '0731-84567890'],
      ['(0731) 8456-7890', '0731-84567890'],
      ['13812345678（微信同号）', '13812345678（微信同号）'],
      ['手机13812345678，办公室0731-84567890', '手机13812345678，办公室0731-84567890'],
      ['13812345678 13987654321', '13812345678 / 13987654321'],
    ];
    for (const [input, stored] of cases)
      expect((await answer(STAR, '电话', input)).value, input).toBe(stored);
    // A wrong digit in the second number refuses the answer rather than keeping half of it.
    const bad = await answer(STAR, '电话', '13812345678，0731-845');
    expect(bad.value).toBeUndefined();
    expect(bad.text).toContain('电话号码格式不对');
  });

  it('takes dates of birth and years written in words or Chinese numerals', async () => {
    for (const input of ['1966年3月出生', '1966年3月份', '一九六六年三月十二日'])
      expect((await answer(STAR, '出生年月', input)).value, input).toBe('1966-03');
    expect((await answer(STAR, '出生年月', 'born in March 1963')).value).toBe('1963-03');
    const brand = await answer('我想推荐一个终身学习品牌项目', '创办年份', '二〇一六年');
    expect(brand.value).toBe('2016');
  });

  it('reads provinces typed in pinyin syllables, and 影片 as video', async () => {
    for (const [input, id] of <[string, string][]>[
      ['Hu Nan Sheng', 'hunan'],
      ['Nei Menggu', 'inner-mongolia'],
      ['hei long jiang', 'heilongjiang'],
    ])
      expect((await answer(STAR, '所在省份', input)).value, input).toBe(id);
    expect((await answer(STAR, '随附材料', '文字、影片')).value).toEqual(['text', 'video']);
  });

  it('says the notices do not address Hong Kong, Macao or Taiwan instead of accepting them', async () => {
    for (const place of ['香港', '澳门', '台湾']) {
      const r = await answer(STAR, '所在省份', place);
      expect(r.value).toBeUndefined();
      expect(r.text).toContain(`没有提到${place}`);
      expect(r.reply.form).toMatchObject({ field: 'province' });
    }
  });

  it('accepts English outcomes whose figures are written as words', async () => {
    const c = chat({ locale: 'en-US' });
    await c.say('nominate a brand project');
    await c.say('change outcomes');
    const outcomes =
      'Over three hundred older residents finished the smartphone course in its first two years, and twelve of them became volunteers who now teach in five neighbourhoods across the district every week, with a waiting list of about sixty.';
    await c.say(outcomes);
    expect((await c.answers())['outcomes']).toBe(outcomes);
  });
});

describe('answers kept as typed (defect 13)', () => {
  it('keeps the e-mail address and 漢族 exactly as the user typed them', async () => {
    const c = chat();
    await c.say('我想推薦一位百姓學習之星');
    await c.say('修改 電子郵箱');
    await c.say('Wang.XiuLan@Example.com');
    await c.say('修改 民族');
    await c.say('漢族');
    const a = await c.answers();
    expect(a['email']).toBe('Wang.XiuLan@Example.com');
    expect(a['ethnicity']).toBe('漢族');
  });
});

describe('the rules that decide acceptance (the 2024 call, 中成协〔2024〕023号)', () => {
  const STAR = '我想推荐一位百姓学习之星';
  const BRAND = '我想推荐一个终身学习品牌项目';
  /** The reply to `input` given at `field` of a form started with `start`. */
  async function at(start: string, field: string, input: string, extra = {}) {
    const c = chat(extra);
    await c.say(start);
    await c.say(`修改 ${field}`);
    return { ...c, text: renderText(await c.say(input)) };
  }
  const CALL = '中国成人教育协会2024年推荐通知（中成协〔2024〕023号）';

  it('lists the call’s conditions before the first question, saying where they come from', async () => {
    const c = chat();
    const intro = await c.text(STAR);
    expect(intro).toContain(`推荐条件（据${CALL}概述，以原文为准）`);
    expect(intro).toContain('原则上不推荐县处级及以上领导干部');
    const en = chat({ locale: 'en-US' });
    expect(await en.text('nominate a brand project')).toContain(
      "no bad record in the national enterprise credit system or on 'Credit China'",
    );
  });

  it('warns, citing the rule, when the nominee is not a Chinese national; the answer is kept', async () => {
    const r = await at(STAR, '国籍', '否');
    expect(r.text).toContain(`⚠ 请核对：按${CALL}，被推荐人须具有中国国籍。是否推荐由您决定。`);
    expect((await r.answers())['nationality']).toBe('other');
    expect(await (await at(STAR, '国籍', '是')).text).not.toContain('⚠');
  });

  it('warns when the position reads as county/division level or above, and not for a teacher', async () => {
    expect((await at(STAR, '工作单位及职务', '某县教育局 副处级调研员')).text).toContain(
      '原则上不推荐县处级及以上领导干部',
    );
    expect((await at(STAR, '工作单位及职务', '社区学校 退休教师')).text).not.toContain('⚠');
  });

  it('warns about a past national star, not about a city title', async () => {
    expect((await at(STAR, '所获荣誉', '2019年全国百姓学习之星')).text).toContain(
      '已获评全国“百姓学习之星”的不再推荐',
    );
    expect((await at(STAR, '所获荣誉', '2021年长沙市级百姓学习之星')).text).not.toContain('⚠');
  });

  it('warns about a bad or unchecked credit record, and a past national brand project', async () => {
    for (const answer of ['有不良记录', '还没查'])
      expect((await at(BRAND, '信用记录', answer)).text, answer).toContain('信用中国');
    expect((await at(BRAND, '信用记录', '无不良记录')).text).not.toContain('⚠');
    expect((await at(BRAND, '所获荣誉', '2020年全国终身学习品牌项目')).text).toContain(
      '已获评全国终身学习品牌项目的不再推荐',
    );
  });

  it('checks the unified social credit code by its check digit, and keeps a valid one', async () => {
    const wrong = await at(BRAND, '统一社会信用代码', '12430100MB12345673');
    expect(wrong.text).toContain('校验位不对');
    expect((await wrong.answers())['credit_code']).toBeUndefined();
    const right = await at(BRAND, '统一社会信用代码', '12430100 mb12 3456 72');
    expect((await right.answers())['credit_code']).toBe('12430100MB12345672');
    expect((await at(BRAND, '统一社会信用代码', '1243010')).text).toContain('18位，这里是7位');
  });

  it('offers the call’s areas for a brand project as a choice', async () => {
    const c = chat();
    await c.say(BRAND);
    const asked = await c.say('修改 所属领域');
    expect(asked.buttons.map((b) => b.label)).toEqual(
      expect.arrayContaining(['学习型城市建设', '数字化学习', '乡村振兴', '智慧助老']),
    );
    await c.say('老年教育');
    expect((await c.answers())['area']).toBe('elderly');
  });

  it('lets 政治面貌 be skipped', async () => {
    const c = chat();
    await c.say(STAR);
    const asked = await c.say('修改 政治面貌');
    expect(renderText(asked)).toContain('（选填');
    expect((await c.say('跳过')).form).toMatchObject({ field: 'name' });
    expect((await c.answers())['political_status']).toBeUndefined();
  });
});

describe('what an organizer hands in (the .docx and the checklist)', () => {
  async function finished(answers = STAR_ANSWERS) {
    const c = chat();
    await c.say('我想推荐一位百姓学习之星');
    for (const a of answers) await c.say(a);
    const done = await c.all('确认');
    const docx = done.flatMap((r) => r.files).find((f) => f.name.endsWith('.docx'))!;
    const xml = strFromU8(unzipSync(docx.data)['word/document.xml']!);
    return { done, xml, plain: xml.replace(/<[^>]+>/g, '') };
  }

  it('lays the .docx out as a recommendation form with a blank stamp block and a date line', async () => {
    const { xml, plain } = await finished();
    // One bordered table holds every answer, the long texts and the recommending unit's block.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    const table = xml
      .slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'))
      .replace(/<[^>]+>/g, '');
    for (const part of [
      '姓名',
      '张秀英',
      '学习事迹',
      STAR_STORY.slice(0, 20),
      '推荐单位意见（盖章）',
    ])
      expect(table).toContain(part);
    expect(table).toMatch(/年　+月　+日/);
    // After the form: which year's call, that the province's form prevails, what is missing.
    expect(plain).toContain('起草说明（提交前请删除本节）');
    expect(plain).toContain('推荐条件来自中国成人教育协会2024年推荐通知');
    expect(plain).toContain('以本省通知为准');
    expect(plain).toContain('2022年通知要求的材料还缺：图片、教学资源');
  });

  it('puts the warnings of the call’s rules in the summary and the notes of the .docx', async () => {
    const answers = [...STAR_ANSWERS];
    answers[answers.indexOf('2021年 长沙市优秀志愿者')] = '2019年全国百姓学习之星';
    const { done, plain } = await finished(answers);
    expect(renderText(done[0]!)).toContain('需要核对的推荐条件');
    expect(plain).toContain('已获评全国“百姓学习之星”的不再推荐');
  });

  it('cites each sentence of a notice once, and marks a past round as past', async () => {
    const { done } = await finished();
    const checklist = done.at(-1)!;
    const quotes = checklist.citations.map((c) => `${c.source} ${c.quote}`);
    expect(new Set(quotes).size).toBe(quotes.length);
    const text = renderText(checklist);
    // The draft is made in 2026: the 2022 deadline is an earlier round's, not this year's.
    expect(text).toMatch(/2022年通知（往年的安排，日期已过/);
  });

  it('names the Department of Vocational and Adult Education in the English checklist', () => {
    const lines = buildChecklist(index, createCiter(index), 'en').map((l) => l.text);
    expect(lines.join('\n')).toContain('Department of Vocational and Adult Education');
    expect(lines.join('\n')).not.toContain('Department of Education and Adult Education');
  });
});

describe('an .xlsx summary of the finished nominations', () => {
  it('has one sheet per kind and one row per finished nomination, read back as typed', async () => {
    const c = chat();
    expect(await c.text('汇总表')).toContain('还没有已完成的推荐材料');
    for (const name of ['张秀英', '王秀兰']) {
      await c.say('我想推荐一位百姓学习之星');
      await c.say(name);
      for (const a of STAR_ANSWERS.slice(1)) await c.say(a);
      await c.all('确认');
    }
    // A draft still being filled is not in the summary.
    await c.say('我想推荐一位百姓学习之星');
    await c.say('李四');
    const replies = await c.all('汇总表');
    const file = replies.flatMap((r) => r.files).find((f) => f.name.endsWith('.xlsx'))!;
    expect(file.name).toBe('推荐汇总-20261122.xlsx');
    expect(renderText(replies[0]!)).toContain('2份已完成的推荐材料');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['百姓学习之星推荐材料']);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['序号', '姓名', '联系电话', '学习事迹']));
    expect(sheet.rowCount).toBe(3);
    const col = (label: string) => header.indexOf(label) + 1;
    // Both drafts were made at the same (test) moment: their order is not the point.
    expect([2, 3].map((r) => sheet.getRow(r).getCell(col('姓名')).value).sort()).toEqual(
      ['张秀英', '王秀兰'].sort(),
    );
    expect(sheet.getRow(2).getCell(col('所在省份')).value).toBe('湖南省');
    expect(sheet.getRow(2).getCell(col('学习事迹')).value).toBe(STAR_STORY);
  });
});

describe('what a review of the rules and the files found', () => {
  async function at(start: string, field: string, input: string, extra = {}) {
    const c = chat(extra);
    await c.say(start);
    await c.say(`修改 ${field}`);
    const reply = await c.say(input);
    return { ...c, reply, text: renderText(reply), stored: await c.answers() };
  }
  const STAR = '我想推荐一位百姓学习之星';

  it('takes "没有", "暂无" or "no email" for an optional question as a skip, not an answer', async () => {
    for (const [field, input, id] of [
      ['所获荣誉', '暂无', 'honors'],
      ['所获荣誉', '没有荣誉', 'honors'],
      ['电子邮箱', '无邮箱', 'email'],
    ]) {
      const r = await at(STAR, field!, input!);
      expect(r.stored[id!], input).toBeUndefined();
      expect(r.text, input).not.toContain('格式不对');
    }
    const en = await at("I want to nominate a Star of People's Learning", 'email', 'no email', {
      locale: 'en-US',
    });
    expect(en.stored['email']).toBeUndefined();
    expect(en.reply.form?.field).not.toBe('email');
  });

  it('reads full-width phone digits and keeps a long remark', async () => {
    expect((await at(STAR, '电话', '１３８１２３４５６７８')).stored['phone']).toBe('13812345678');
    const remark = '13812345678，平时白天在社区老年大学上课不方便接听，请晚上七点以后打';
    expect((await at(STAR, '电话', remark)).stored['phone']).toBe(remark);
  });

  it('records "I don\'t know" as a credit record not checked yet, and "不是中国国籍" as another nationality', async () => {
    const en = await at('nominate a brand project', 'credit record', "I don't know", {
      locale: 'en-US',
    });
    expect(en.stored['credit_record']).toBe('unknown');
    expect((await at(STAR, '国籍', '不是中国国籍')).stored['nationality']).toBe('other');
  });

  it('takes "给我一份推荐汇总表" as the summary sheet, and "汇总表是什么？" as a question', async () => {
    const c = chat();
    expect(await c.text('给我一份推荐汇总表')).toContain('还没有已完成的推荐材料');
    expect(await c.text('汇总表是什么？')).not.toContain('还没有已完成的推荐材料');
  });

  it('keeps a row for every short field in the .docx, blank when it was skipped', async () => {
    const c = chat();
    await c.say(STAR);
    const answers = STAR_ANSWERS.map((a) =>
      a === 'zhang@example.com' || a === '群众' ? '跳过' : a,
    );
    for (const a of answers) await c.say(a);
    const done = await c.all('确认');
    const docx = done.flatMap((r) => r.files).find((f) => f.name.endsWith('.docx'))!;
    const plain = strFromU8(unzipSync(docx.data)['word/document.xml']!).replace(/<[^>]+>/g, '|');
    expect(plain).toContain('电子邮箱');
    expect(plain).toContain('政治面貌');
  });
});

describe('times people see are Beijing time', () => {
  it('dates a draft finished at 07:30 in Beijing on that day, not the day before in UTC', async () => {
    const store = createMemoryStore();
    // 23:30 UTC on 22 November is 07:30 on 23 November in Beijing.
    const bot = createBot({ index, store, now: () => new Date('2026-11-22T23:30:00Z') });
    const say = async (text: string) => bot.handle({ channel: 'test', userId: 'bj', text });
    await say('我想推荐一位百姓学习之星');
    for (const a of STAR_ANSWERS) await say(a);
    await say('确认');
    expect((await say('我的草稿')).map(renderText).join('\n')).toContain('2026-11-23 07:30');
    const sheet = (await say('汇总表')).flatMap((r) => r.files)[0]!;
    expect(sheet.name).toBe('推荐汇总-20261123.xlsx');
  });
});

describe('修改 alone', () => {
  it('asks which answer to change and lists them, instead of "no field “”"', async () => {
    const c = chat();
    await c.say('我想推荐一位百姓学习之星');
    const text = await c.text('修改');
    expect(text).toContain('要修改哪一项？请说“修改 项目名”');
    expect(text).not.toContain('没有找到“”');
  });
});
