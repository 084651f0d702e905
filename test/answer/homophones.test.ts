import { describe, expect, it } from 'vitest';
import { homophonesFor } from '../../src/answer/homophones.js';
import { wordsOfNotices } from '../../src/answer/question.js';
import type { Reply } from '../../src/index.js';
import { renderText } from '../../src/index.js';
import { testBot } from '../channels/harness.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();
const read = homophonesFor(index, wordsOfNotices(index));

describe('pinyin typos (issue 9)', () => {
  it('reads a sound-alike of a notice word as that word, in either script', () => {
    expect(read('22年活动周主提是啥')).toBe('22年活动周主题是啥');
    expect(read('工作总节截至哪天')).toBe('工作总结截至哪天');
    expect(read('成教协会邮相是多少')).toBe('成教协会邮箱是多少');
    expect(read('24年我们社区学效搞活动')).toBe('24年我们社区学校搞活动');
    // Traditional around the typo stays as typed.
    expect(read('2022年個開暮式喺邊度搞呀')).toBe('2022年個开幕式喺邊度搞呀');
  });

  it('leaves words of the language, grammar and Cantonese as typed', () => {
    for (const text of [
      '2024年省里要报哪些表？报到哪里？', // 报到 is a word, not 报道
      '每个省要推荐几名百姓学习之星？',
      '2022年通知第三部分「活動組織」講咗啲乜', // 讲咗 is Cantonese, not 讲座
      '活动周有没有马拉松和银行的活动',
      '2024年全民終身學習活動週的通知有幾個附件？',
    ])
      expect(read(text), text).toBe(text);
  });

  it('changes no sentence of the notices themselves', () => {
    const sentences = [
      ...Object.values(index.cleaned),
      ...index.passages.filter((p) => p.rendering?.language === 'zh').map((p) => p.text),
    ]
      .flatMap((t) => t.split(/[。；;\n]/))
      .filter((s) => /\p{Script=Han}/u.test(s));
    expect(sentences.length).toBeGreaterThan(100);
    expect(sentences.filter((s) => read(s) !== s)).toEqual([]);
  });

  it('answers a question typed with them as if typed right', async () => {
    const bot = await testBot();
    const ask = async (text: string) =>
      (await bot.handle({ channel: 'test', userId: 'typo', text })).map((r: Reply) =>
        renderText(r),
      )[0]!;
    expect(await ask('22年活动周主提是啥')).toContain('终身学习向未来');
    expect(await ask('22年开暮式在哪里')).toContain('长沙');
  });
});
