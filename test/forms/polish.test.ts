import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiChatModel } from '../../src/answer/chat-model.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import { renderText } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { Reply } from '../../src/types.js';
import { FakeOpenAi } from '../fakes/openai-server.js';
import { STAR_ANSWERS, STAR_STORY } from '../fixtures/nomination.js';
import { ROOT, sharedIndex } from '../helpers.js';

const api = new FakeOpenAi();
const { index } = await sharedIndex();
const prompts = await loadPrompts(path.join(ROOT, 'prompts'), ['system', 'answer', 'polish']);
const STORY = STAR_STORY;
const ANSWERS = STAR_ANSWERS;

beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});

async function atReview() {
  const bot = createBot({
    index,
    store: createMemoryStore(),
    chatModel: createOpenAiChatModel({ model: 'stand-in', baseURL: api.url }),
    prompts,
    llmTimeoutMs: 1000,
    now: () => new Date('2026-11-22T08:00:00Z'),
  });
  const say = async (text: string): Promise<Reply> =>
    (await bot.handle({ channel: 'test', userId: 'p', text })).at(-1)!;
  await say('我想推荐一位百姓学习之星');
  for (const a of ANSWERS) await say(a);
  return say;
}

describe('polishing a long text with an LLM (OpenAI-compatible stand-in)', () => {
  it('shows the rewrite beside the original, and the user chooses it', async () => {
    const rewrite = '退休之后，她在社区老年大学坚持学习智能手机应用，整整十年从未间断。'.repeat(11);
    api.chat = () => ({ content: rewrite });
    const say = await atReview();
    const offered = await say('润色 事迹');
    expect(renderText(offered)).toContain('以下是润色稿，只用了您提供的事实');
    expect(
      offered.blocks
        .filter((b) => b.kind === 'quote')
        .map((b) => (b.kind === 'quote' ? b.text : '')),
    ).toEqual([STORY, rewrite]);
    expect(offered.buttons.map((b) => b.label)).toEqual(['用润色稿', '保留原文']);
    const prompt = api.requests.at(-1)!.body['messages'] as { content: string }[];
    expect(prompt[0]!.content).toContain('300 to 1500 Chinese characters');
    const chosen = await say('用润色稿');
    expect(renderText(chosen)).toContain('已采用润色稿');
    expect(chosen.form).toMatchObject({ field: 'review' });
  });

  it('keeps the original when the user prefers it', async () => {
    api.chat = () => ({
      content: '退休之后，她在社区老年大学坚持学习智能手机应用，整整十年从未间断。'.repeat(11),
    });
    const say = await atReview();
    await say('润色 事迹');
    expect(renderText(await say('保留原文'))).toContain('已保留原文');
  });

  it('refuses a rewrite that adds a figure, or breaks the length limits, and keeps the text', async () => {
    api.chat = () => ({ content: '她在2015年获得省级奖励，'.repeat(40) });
    let say = await atReview();
    expect(renderText(await say('润色 事迹'))).toContain(
      '润色没有成功（润色稿出现了原文没有的数字“2015”）',
    );
    api.chat = () => ({ content: '她学习了十年。' });
    say = await atReview();
    expect(renderText(await say('润色 事迹'))).toMatch(
      /润色没有成功（润色稿长度不符合要求（\d+））/,
    );
  });

  it('keeps the text when the model fails or is too slow', async () => {
    api.chat = () => ({ status: 500 });
    let say = await atReview();
    expect(renderText(await say('润色 事迹'))).toContain('润色没有成功（大模型出错）');
    api.chat = () => ({ content: 'late', delayMs: 3000 });
    say = await atReview();
    expect(renderText(await say('润色 事迹'))).toContain('润色没有成功（大模型没有及时回复）');
  });

  it('sends a "working on it" reply before the slow rewrite, so the chat is not silent', async () => {
    api.chat = () => ({
      content: '退休之后，她在社区老年大学坚持学习智能手机应用，整整十年从未间断。'.repeat(11),
      delayMs: 300,
    });
    const bot = createBot({
      index,
      store: createMemoryStore(),
      chatModel: createOpenAiChatModel({ model: 'stand-in', baseURL: api.url }),
      prompts,
      llmTimeoutMs: 2000,
    });
    const user = { channel: 'test', userId: 'slow' };
    await bot.handle({ ...user, text: '我想推荐一位百姓学习之星' });
    for (const a of ANSWERS) await bot.handle({ ...user, text: a });
    const interim: { text: string; at: number }[] = [];
    const replies = await bot.handle(
      { ...user, text: '润色 事迹' },
      { interim: async (r) => void interim.push({ text: renderText(r), at: performance.now() }) },
    );
    const done = performance.now();
    expect(interim).toHaveLength(1);
    expect(interim[0]!.text).toContain('正在润色');
    expect(done - interim[0]!.at).toBeGreaterThanOrEqual(250);
    expect(renderText(replies.at(-1)!)).toContain('以下是润色稿');
  });
});
