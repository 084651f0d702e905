import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/answer/lookup.js';
import { createWordCheck } from '../../src/answer/unknown-words.js';
import { readYear } from '../../src/answer/slots.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();
const lookup = createLookup(index);
const both = [2022, 2024];
const ids = (q: string) => lookup.contacts(q, both).chosen.map((f) => f.id);

describe('finding the contact a question means', () => {
  it('by a person, in either script or in pinyin, across years', () => {
    expect(ids('黄晓晨的电话')).toEqual(['notice-2022/contact-2', 'notice-2024/contact-2']);
    expect(ids("Wang Li's phone number")).toEqual(['notice-2022/contact-1']);
    expect(ids('Who is Li Ronghua?')).toEqual(['notice-2022/contact-4']);
  });

  it('by an organisation, per year, picking the body whose name fits best', () => {
    expect(ids('职成司联系人是谁？')).toEqual(['notice-2022/contact-1', 'notice-2024/contact-1']);
    expect(ids('中国成人教育协会的邮箱是什么')).toEqual([
      'notice-2022/contact-2',
      'notice-2024/contact-2',
    ]);
  });

  it('past the words of how it is asked, and the Week’s own name (issue 9)', () => {
    const in2024 = (q: string) => lookup.contacts(q, [2024]).chosen.map((f) => f.id);
    expect(in2024('2024年教育部那边负责活动周的联系人和电话?')).toEqual(['notice-2024/contact-1']);
    expect(in2024('2024 moe contact for the learning week + phone no.')).toEqual([
      'notice-2024/contact-1',
    ]);
    expect(ids('email address of the china adult education association given in 2022?')).toEqual([
      'notice-2022/contact-2',
      'notice-2024/contact-2',
    ]);
    // A body no record holds still matches nothing well.
    expect(lookup.contacts('国家开放大学的联系人', both).match).not.toBe('strong');
  });

  it('finds the Week’s own website past chat words, whose stems differ from the words (one → on)', () => {
    const sites = (q: string) => lookup.websites(q, [2022]);
    for (const q of [
      'quick one - was there an official website for the 2022 learning week?',
      'one more: official website for the 2022 learning week',
      'hey, please, the official website of the 2022 learning week?',
    ]) {
      expect(sites(q).match, q).toBe('strong');
      expect(
        sites(q).chosen.map((f) => f.fields['url']),
        q,
      ).toEqual(['http://www.llaw.org.cn/']);
    }
  });

  it('finds the site of the topic asked about past where and how one learns there', () => {
    const sites = (q: string) => lookup.websites(q, [2022]).chosen.map((f) => f.fields['url']);
    expect(sites('老年人在网上哪里可以上课？有网址吗？')).toEqual(['http://www.lnjyw.org']);
    expect(sites('網上有冇老年人學嘢嘅網站？俾個網址我吖')).toEqual(['http://www.lnjyw.org']);
    // A body with no site of its own still has none.
    expect(lookup.websites('总工会的网站是什么', [2022]).match).not.toBe('strong');
  });

  it('by a number or e-mail address quoted in the question', () => {
    expect(ids('caeabgs@126.com是谁的邮箱')).toEqual(['notice-2022/contact-2']);
    expect(ids('010-66097704是哪个部门的电话')).toEqual(['notice-2024/contact-1']);
  });

  it('lists everyone when no one is named, and says when a name matches nothing well', () => {
    expect(lookup.contacts('联系人有哪些', both)).toMatchObject({ match: 'none' });
    expect(
      lookup.websites(
        'What is the website of the National Trade Union Employee Education Training Digital Service Platform?',
        both,
      ).match,
    ).toBe('weak');
    expect(lookup.websites('中国老年教育网网址', both).chosen.map((f) => f.fields['url'])).toEqual([
      'http://www.lnjyw.org',
    ]);
  });
});

describe('words the notices never use', () => {
  const check = createWordCheck(index);

  it('flags topic nouns no notice or glossary entry knows', () => {
    expect(check('百姓学习之星有多少奖金？').unknown).toEqual(['奖金']);
    expect(check('参加活动周的报名费是多少？').unknown).toEqual(['报名费']);
    expect(check('How much prize money does a Star get?').unknown).toEqual(['prize', 'monei']);
  });

  it('ignores question words, verbs and phrases made of known parts', () => {
    expect(check('今年学习周啥时候开始啊？').unknown).toEqual([]);
    expect(check('2024年通知里提到哪些网站？').unknown).toEqual([]);
    expect(check('2024年百姓学习之星要进哪些地方开展活动？').unknown).toEqual([]);
  });

  it('counts a figure the notices state, however it is written, as what the question names', () => {
    // "free" is no word of the notices; the 10,000 courses are, said in words or digits.
    const words = check('ten thousand free courses during the 2022 week - where were those?');
    expect(words.unknown).toEqual(['free']);
    expect(words.knownIdeas).toBe(2);
    expect(check('10,000 free courses in 2022?').knownIdeas).toBe(2);
    // A figure no notice states, a year, or a small number names nothing they say.
    expect(check('a 50,000 yuan prize for the stars?').knownIdeas).toBe(1);
    expect(check('free courses in 2022, 3 of them?').knownIdeas).toBe(1);
  });

  it('knows glossary terms that only the other language’s notice uses, and rendered names', () => {
    expect(check('2024年工会要做什么').unknown).toEqual([]);
    expect(check('Who is Li Ronghua?').unknown).toEqual([]);
  });
});

describe('years in questions', () => {
  it('does not take a deadline date for the year asked about', () => {
    expect(readYear('2023年1月10日前要交什么？', both).asked).toEqual([]);
    expect(readYear('2022年11月20日开始吗', both).covered).toEqual([2022]);
  });

  it('knows "next year" is not in the notices', () => {
    expect(readYear('明年的活动周主题是什么？', both)).toMatchObject({
      source: 'next-year',
      label: '明年',
    });
  });
});
