import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBot, createSqliteStore, renderText, type Bot } from '../src/index.js';
import { sharedIndex, tempDir } from './helpers.js';

const ask = async (bot: Bot, text: string, userId = 'u1', n = Math.random()) =>
  bot.handle({ channel: 'telegram', userId, text, messageId: String(n) });

describe('per-user allowance of messages', () => {
  it('answers the allowance, says once in the user’s language when to go on, then reads nothing until the window ends', async () => {
    const { index } = await sharedIndex();
    const bot = createBot({ index, rateLimit: { messages: 3, windowMs: 2000 } });
    // Start at the beginning of a window, so that all five fall in one.
    await new Promise((r) => setTimeout(r, 2000 - (Date.now() % 2000)));
    for (let i = 0; i < 3; i++)
      expect(renderText((await ask(bot, '2024年活动周的主题是什么？'))[0]!)).toContain(
        '让学习成为一种生活方式',
      );
    const over = await ask(bot, '2024年活动周的主题是什么？');
    expect(renderText(over[0]!)).toMatch(/消息发得太快了.*请\d秒后再发/);
    expect(await ask(bot, '2024年活动周的主题是什么？')).toEqual([]);
    // Another user has an allowance of their own.
    expect(renderText((await ask(bot, 'What is the 2024 theme?', 'u2'))[0]!)).toContain(
      'Make learning a lifestyle',
    );
    await new Promise((r) => setTimeout(r, 2100));
    expect(renderText((await ask(bot, '2024年活动周的主题是什么？'))[0]!)).toContain(
      '让学习成为一种生活方式',
    );
  });

  it('says it in English to an English speaker', async () => {
    const { index } = await sharedIndex();
    const bot = createBot({ index, rateLimit: { messages: 1, windowMs: 60_000 } });
    await ask(bot, 'What is the 2024 theme?');
    const over = await ask(bot, 'And the 2022 theme?');
    expect(renderText(over[0]!)).toMatch(
      /^That is more messages than I can take at once\. Please wait \d+ seconds/,
    );
  });

  it('counts a user’s messages across instances sharing one state database', async () => {
    const { index } = await sharedIndex();
    const file = path.join(await tempDir(), 'state.db');
    const [a, b] = [createSqliteStore(file), createSqliteStore(file)];
    const one = createBot({ index, store: a, rateLimit: { messages: 2, windowMs: 60_000 } });
    const two = createBot({ index, store: b, rateLimit: { messages: 2, windowMs: 60_000 } });
    await ask(one, '2024年活动周的主题是什么？');
    await ask(two, '2024年活动周的主题是什么？');
    expect(renderText((await ask(one, '2024年活动周的主题是什么？'))[0]!)).toMatch(
      /消息发得太快了/,
    );
    await a.close();
    await b.close();
  });
});
