import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { normalizeForSearch } from '../../src/knowledge/script.js';
import { sharedIndex } from '../helpers.js';

const { index } = await sharedIndex();
const bot = createBot({ index });
let n = 0;
const ask = async (text: string) =>
  (await bot.handle({ channel: 'test', userId: `g${n++}`, text }))[0]!;

describe('garbled phrases of the machine-translated copy (issue 9)', () => {
  it('lists only phrases that are in the cleaned notice they name', () => {
    expect(index.glossary.garbles.length).toBeGreaterThanOrEqual(5);
    for (const g of index.glossary.garbles) {
      const notice = normalizeForSearch(index.cleaned[g.source] ?? '');
      expect(notice, g.copy).toContain(normalizeForSearch(g.copy));
    }
  });

  it('says what the original means, then quotes the copy’s sentence with its citation', async () => {
    const reply = await ask(
      "the 2024 notice says 'non -genetic inheritance' next to red culture. surely not genetics? what is it",
    );
    const text = renderAnswer(reply);
    expect(text).toMatch(/^The 2024 notice's English copy is a rough machine translation/);
    expect(text).toContain('intangible cultural heritage');
    expect(reply.citations[0]?.quote).toContain('non-genetic inheritance');
    const zh = renderAnswer(await ask('2024年英文本里 obstacle reading environment 是什么意思'));
    expect(zh).toContain('无障碍阅读环境');
  });

  it('leaves a question that only quotes the phrase, asking nothing of its meaning, to the notices', async () => {
    const reply = await ask(
      'Which 2024 activities involve local red culture and non-genetic inheritance',
    );
    expect(renderAnswer(reply)).not.toMatch(/rough machine translation/);
  });
});
