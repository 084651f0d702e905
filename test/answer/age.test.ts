import { describe, expect, it } from 'vitest';
import { withAgeContext } from '../../src/answer/age.js';
import { renderText } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();
const bot = createBot({ index });
let n = 0;
const ask = async (text: string) =>
  (await bot.handle({ channel: 'test', userId: `age${n++}`, text })).map(renderText).join('\n');

describe('an old age told before the question', () => {
  it('reads the person the question points to as the elderly', () => {
    expect(withAgeContext('my mum is 72. anything for her in 2024??')).toBe(
      'my mum is 72. anything for the elderly in 2024??',
    );
    expect(withAgeContext('我奶奶68岁了，2024年活动周有什么适合她的活动')).toBe(
      '我奶奶68岁了，2024年活动周有什么适合老年人的活动',
    );
    expect(withAgeContext('我阿爸七十幾歲，活動周有冇啲咩適合佢？')).toBe(
      '我阿爸七十幾歲，活動周有冇啲咩適合老年人？',
    );
  });

  it('adds the elderly when nothing points to them', () => {
    expect(withAgeContext('im 70 and not great with tech. does the week do anything for me')).toBe(
      'im 70 and not great with tech. does the week do anything for me for the elderly',
    );
    expect(withAgeContext('My grandpa turned 80. What is on in 2022?')).toBe(
      'My grandpa turned 80. What is on in 2022 for the elderly?',
    );
  });

  it('leaves numbers that are no age, young ages and questions already about the elderly', () => {
    for (const text of [
      'the deadline is 60 days?',
      'my son is 12, anything for him?',
      'is there anything for the elderly? my dad is 70',
      '2024年有60个城市参加吗',
    ])
      expect(withAgeContext(text)).toBe(text);
  });

  it('answers from the notices instead of saying they do not cover it', async () => {
    const reply = await ask('my mum is 72. anything for her in 2024??');
    expect(reply).not.toMatch(/do not state this|do not say/);
    expect(reply).toMatch(/elderly/);
  });
});
