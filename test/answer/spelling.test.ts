import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/answer/render-text.js';
import { createSpeller } from '../../src/answer/spelling.js';
import { createBot } from '../../src/bot.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();
const bot = createBot({ index });
let n = 0;
const ask = async (text: string) =>
  renderAnswer((await bot.handle({ channel: 'test', userId: `sp${n++}`, text }))[0]!);

describe('English typos (issue 9)', () => {
  const spell = createSpeller([
    'The opening ceremony. Submission deadline. Lifelong learning. Changsha. Huang Xiaochen',
    'depts',
  ]);

  it('reads a word a letter or two off as the notices’ word', () => {
    expect(spell('when was the big oppening cermony')).toBe('when was the big opening ceremony');
    expect(spell('whats the submision deadine')).toBe('whats the submission deadline');
    expect(spell('Lerning week')).toBe('learning week');
  });

  it('leaves English words, British spellings, names, addresses and listed words as typed', () => {
    for (const typed of [
      'my mother and grandma',
      'which organisations publicise it, I learnt',
      'Huang Xiaochen in Changsha',
      'write to caeabgs@126.com or see www.llaw.org.cn',
      'the MOE depts',
      'Zhangsan Lisiwu',
    ])
      expect(spell(typed)).toBe(typed);
  });

  it('answers a misspelt question as if it were spelt right', async () => {
    const text = await ask(
      'my mum is 70 and lives in changsha, when was the big oppening ceremony for the 2022 learning week supposed to happen there',
    );
    expect(text).toContain('after 23 November');
    expect(text).toContain('Changsha');
    expect(await ask('whats the submision deadine for 2022')).toContain('the end of October 2022');
  });
});
