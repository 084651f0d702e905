import { describe, expect, it } from 'vitest';
import { createBot, createMemoryStore, renderText, type StateStore } from '../src/index.js';
import { sharedIndex } from './helpers.js';

/** A store that fails like an SQLite file gone bad or a PostgreSQL server gone away. */
function brokenStore(): StateStore & { fixed: boolean } {
  const inner = createMemoryStore();
  const state = { fixed: false };
  const fail = <T>(ok: () => Promise<T>) =>
    state.fixed ? ok() : Promise.reject(new Error('database disk image is malformed'));
  return Object.assign(state, {
    ...inner,
    seen: (key: string) => fail(() => inner.seen(key)),
    claim: (key: string, ttl: number) => fail(() => inner.claim(key, ttl)),
    getSession: (key: Parameters<StateStore['getSession']>[0]) => fail(() => inner.getSession(key)),
    commit: (...args: Parameters<StateStore['commit']>) => fail(() => inner.commit(...args)),
  });
}

describe('when the state database cannot be reached', () => {
  it('still answers a question, saying the saved conversation is only out of reach, and recovers by itself', async () => {
    const { index } = await sharedIndex();
    const store = brokenStore();
    const bot = createBot({ index, store });
    const replies = await bot.handle({
      channel: 'web',
      userId: 'u1',
      messageId: 'm1',
      text: '2024年活动周的主题是什么？',
    });
    const text = replies.map(renderText).join('\n');
    expect(text).toContain('暂时读不到保存的对话和草稿');
    expect(text).toContain('让学习成为一种生活方式');
    expect(text).not.toMatch(/malformed|Error/);
    const english = await bot.handle({
      channel: 'web',
      userId: 'u1',
      text: 'What is the 2024 theme?',
    });
    expect(renderText(english[0]!)).toMatch(/^I cannot reach the saved conversations/);
    // The database is back: the next message is a normal turn, saved.
    store.fixed = true;
    const back = await bot.handle({
      channel: 'web',
      userId: 'u1',
      messageId: 'm2',
      text: '我想推荐一位百姓学习之星',
    });
    expect(renderText(back[0]!)).toContain('姓名');
    expect(
      (await store.getSession({ channel: 'web', userId: 'u1', conversationId: 'u1' })).version,
    ).toBe(1);
  });
});
