import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/render-text.js';
import { createCanonicalizer } from '../../src/answer/synonyms.js';
import { createBot } from '../../src/bot.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { normalizeForSearch, toTraditional } from '../../src/knowledge/script.js';
import { KNOWLEDGE, sharedIndex } from '../helpers.js';

const glossary = await loadGlossary(KNOWLEDGE);
const canonical = createCanonicalizer(glossary.synonyms);
const { index } = await sharedIndex();
const bot = createBot({ index });
let n = 0;
const ask = async (text: string) =>
  (await bot.handle({ channel: 'test', userId: `s${n++}`, text })).map(renderText).join('\n');

describe('regional and everyday wording (issue 9)', () => {
  it('reads every reviewed variant as the notices’ word, in either script', () => {
    expect(glossary.synonyms.length).toBeGreaterThanOrEqual(8);
    for (const { word, variants } of glossary.synonyms)
      for (const variant of variants) {
        const latin = /^[a-z]/i.test(variant);
        const forms = latin ? [variant, variant.toUpperCase()] : [variant, toTraditional(variant)];
        for (const form of forms)
          expect(canonical(`请问 ${form} 是什么`), `${form} → ${word}`).toContain(word);
      }
  });

  it('converts Taiwan phrases, and leaves other words alone', () => {
    expect(canonical('百姓學習之星要交影片嗎？')).toBe('百姓学习之星要交视频吗?');
    expect(canonical('活動周的網路平臺')).toContain('网络');
    // Words of a variant apart by a comma or hyphens are the variant still.
    expect(canonical("What is the 'one province, one case' requirement?")).toContain(
      'one province and one case',
    );
    expect(canonical('one-province-one-case')).toContain('one province and one case');
    // A variant inside a longer Latin word is not replaced.
    expect(canonical('Who is the liaisons officer?')).toContain('liaisons');
  });

  it('answers 聯絡人 with the contacts, not "nothing found"', async () => {
    const text = await ask('2024年活動周的聯絡人是誰？');
    expect(text).toContain('Li Yisheng');
    expect(text).not.toMatch(/沒有找到|没有找到/);
  });

  it('answers 郵遞區號 and 電郵 from the 2022 contacts', async () => {
    expect(await ask('2022年中國成人教育協會的郵遞區號是多少？')).toContain('100120');
    expect(await ask('2022年聯絡人的電郵是什麼？')).toContain('caeabgs@126.com');
  });

  it('reads 年轻人 and 後生仔 as the notices’ 青少年 (no "nothing about 年轻人")', async () => {
    for (const q of ['有没有针对年轻人的阅读活动？', '有冇俾後生仔嘅閱讀活動？']) {
      const text = await ask(q);
      expect(text, q).toMatch(/青少年/);
      expect(text, q).not.toMatch(/没有找到|沒有找到/);
    }
  });

  it('finds the Week’s own website from "官方網址", and no site for a body that has none', async () => {
    expect(await ask('活動周官方網址是什麼？')).toContain('http://www.llaw.org.cn/');
    const union = await ask('工会的官方网站是什么');
    expect(union).toContain('通知没有写明这个网站或平台的网址');
    expect(union).not.toContain('http');
  });

  it('finds the 2024 notice’s "sound book" and "large-character version" from everyday English', async () => {
    for (const q of [
      'Does the 2024 notice mention audiobooks for older people?',
      'Does the 2024 notice say anything about large print?',
    ]) {
      const text = await ask(q);
      expect(text, q).toMatch(/sound book/i);
      expect(text, q).not.toMatch(/I found nothing|not in the notices/i);
    }
  });
});

describe('a variant is never a word the notices use', () => {
  it('finds no Chinese variant in a notice, so reading it as another word loses nothing', () => {
    // 理财 is the 2022 notice's own 家庭理财: read as 金融 it would miss that list.
    const notices = Object.values(index.cleaned).map(normalizeForSearch).join('\n');
    const used = glossary.synonyms.flatMap(({ word, variants }) =>
      variants
        .filter((v) => /\p{Script=Han}/u.test(v) && notices.includes(normalizeForSearch(v)))
        .map((v) => `${v} → ${word}`),
    );
    expect(used).toEqual([]);
  });
});

describe('Taiwan phrase conversion keeps the notices’ own words', () => {
  it('converts Taiwan phrases, except inside a word the notices use', async () => {
    const { phraseConflicts } = await import('../../src/answer/synonyms.js');
    const keep = phraseConflicts(['智慧助老', '智慧', '视频']);
    // 智慧 alone is left to the converter (智慧型手機 is a smartphone), 智慧助老 is kept.
    expect(keep).toEqual(['智慧助老']);
    const read = createCanonicalizer(glossary.synonyms, keep);
    expect(read('What is 智慧助老?')).toBe('What is 智慧助老?');
    expect(read('智慧助老與網路學習')).toBe('智慧助老与网络学习');
    expect(read('智慧型手機')).toBe('智能手机');
  });
});
