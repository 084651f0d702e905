import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  languageOfLocale,
  requestedLanguage,
  toScript,
} from '../../src/answer/language.js';

describe('language and script detection', () => {
  it.each([
    ['2022年活动周的主题是什么？', 'zh-Hans'],
    ['2022年活動周的主題是什麼？', 'zh-Hant'],
    ['總開幕式由誰承辦？', 'zh-Hant'],
    // 台 is written in Traditional text too (Hong Kong, everyday Taiwan): 氣 decides.
    ['台北今天天氣如何?', 'zh-Hant'],
    ['台北今天天气如何?', 'zh-Hans'],
    ['謝謝你', 'zh-Hant'],
    ['你好', 'zh-Hans'],
    ['What is the 2022 theme?', 'en'],
    ['Who is 王立?', 'en'],
    ['What is 百姓学习之星?', 'en'],
    ['百姓学习之星 Star of People’s Learning 要推荐几名', 'zh-Hans'],
    [
      'In the 2022 notice, what kinds of materials should accompany the 百姓学习之星 and 终身学习品牌项目 nominations?',
      'en',
    ],
    ['2024年職成司聯絡人Li Yisheng嘅電郵係咩？', 'zh-Hant'],
    // Markup, links and addresses pasted into a question are not English words.
    ['<script>alert(1)</script> 主题？？', 'zh-Hans'],
    ['caeabgs@126.com 是谁的邮箱', 'zh-Hans'],
    ['https://www.example.org/learning-week 这个网站是什么', 'zh-Hans'],
  ] as const)('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads 什么 as Simplified even after a Traditional conversation (OpenCC turns 么 into 幺 one way, 麼 the other)', () => {
    expect(detectLanguage('一省一周跟一省一案有什么不同？', 'zh-Hant')).toBe('zh-Hans');
    expect(detectLanguage('一省一周跟一省一案有什麼不同？', 'zh-Hans')).toBe('zh-Hant');
  });

  it('reads Cantonese written in characters alike in both scripts as Traditional', () => {
    expect(detectLanguage('可唔可以教我整砵仔糕？')).toBe('zh-Hant');
    expect(detectLanguage('可不可以教我做点心？')).toBe('zh-Hans');
  });

  it('falls back to the platform locale for text without letters', () => {
    expect(detectLanguage('？？', 'en')).toBe('en');
    expect(languageOfLocale('zh-TW')).toBe('zh-Hant');
    expect(languageOfLocale('zh-Hant-HK')).toBe('zh-Hant');
    expect(languageOfLocale('zh-CN')).toBe('zh-Hans');
    expect(languageOfLocale('en-GB')).toBe('en');
    expect(languageOfLocale('fr')).toBeUndefined();
  });

  it('puts Chinese into the reader’s script and leaves English alone', () => {
    expect(toScript('終身學習向未來', 'zh-Hans')).toBe('终身学习向未来');
    expect(toScript('终身学习向未来', 'zh-Hant')).toBe('終身學習向未來');
    expect(toScript('Make learning a lifestyle 学习', 'en')).toBe('Make learning a lifestyle 学习');
  });
});

describe('a language asked for', () => {
  it('follows a request for one language, and keeps the asker’s when both are asked for', () => {
    expect(requestedLanguage('2022年主题是什么？用英文回答')).toBe('en');
    expect(requestedLanguage('what is the theme? in chinese please')).toBe('zh-Hans');
    expect(
      requestedLanguage("what's the slogan? pls give it in chinese and english"),
    ).toBeUndefined();
    expect(requestedLanguage('主题是什么？请给出中英文')).toBeUndefined();
  });

  it('reads a language named in passing as no request ("the notice is only in Chinese")', () => {
    expect(
      requestedLanguage('The 2022 notice is only in Chinese and my reading is slow. When was it?'),
    ).toBeUndefined();
    expect(requestedLanguage('Can you answer in Chinese? What is the theme')).toBe('zh-Hans');
    expect(requestedLanguage('2022年的主题 in English')).toBe('en');
  });
});
