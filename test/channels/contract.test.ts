import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHarness } from './console-harness.js';
import { textOf, type Harness } from './harness.js';
import { slackHarness } from './slack-harness.js';
import { telegramHarness } from './telegram-harness.js';
import { wecomHarness } from './wecom-harness.js';

/** A learning story of about 700 words: the English final summary runs past every channel's limit. */
const STORY = Array.from(
  { length: 58 },
  (_, i) => `In year ${(i % 9) + 1} of her retirement she taught neighbours to use smartphones.`,
).join(' ');
const INFLUENCE =
  'She set up a smartphone class for 30 older neighbours that meets twice a week. She prepares each lesson herself and pairs faster learners with slower ones, so that everyone learns together.';
// What a user may type that a renderer must not read as markup.
const MARKUP = 'Retired <b>teacher</b> & *Yuelu* _Li_';

/**
 * The contract every chat channel keeps, written once and run against each: the real SDK of the
 * platform talking to its local stand-in (Telegram, Slack), and the terminal chat.
 */
function channelContract(make: () => Harness) {
  const h = make();
  describe(`${h.name} channel`, () => {
    beforeAll(() => h.start());
    afterAll(() => h.stop());

    it('answers in Simplified Chinese with the fact and its cited source', async () => {
      const seen = await h.say('2024年活动周的主题是什么？');
      const text = textOf(seen);
      expect(text).toContain('让学习成为一种生活方式');
      expect(text).toContain('出处');
      expect(text).toContain('Make learning a lifestyle');
    });

    it('answers in Traditional Chinese, quoting the notice in Traditional script', async () => {
      const text = textOf(await h.say('總開幕式在哪個城市？'));
      expect(text).toContain('湖南省長沙市');
      expect(text).toContain('出處');
    });

    it('answers in English, with the Chinese original beside the rendering', async () => {
      const text = textOf(await h.say('What is the 2022 theme?'));
      expect(text).toContain('The theme of the 2022 National Lifelong Learning Week');
      expect(text).toContain('學習貫徹二十大');
      expect(text).toContain('Sources');
    });

    it('runs a whole nomination through its buttons, splitting the long summary, and delivers both files', async () => {
      const choose = await h.say('I want to nominate someone');
      expect(choose.buttons).toContain("Star of People's Learning nomination");
      await h.press("Star of People's Learning nomination");
      await h.say('Zhang Xiuying');
      await h.press('Female');
      await h.say('May 1962');
      await h.say('Han');
      await h.press('Chinese');
      await h.press('Skip');
      await h.press('Senior secondary or vocational');
      // What the user typed is echoed ("Noted …") and must reach the platform escaped.
      const echoed = await h.say(MARKUP);
      expect(h.escaped(echoed, MARKUP)).toBe(true);
      await h.say('Hunan');
      await h.say('Changsha');
      await h.say('13812345678');
      await h.press('Skip');
      await h.say(STORY);
      await h.say(INFLUENCE);
      await h.press('Skip');
      await h.say('Yuelu District Education Bureau');
      const review = await h.press('All');
      expect(textOf(review)).toContain('Please check everything');
      if (!h.escaped(review, MARKUP))
        console.log('REVIEW', JSON.stringify(review.messages).slice(0, 600));
      expect(h.escaped(review, MARKUP)).toBe(true);
      const done = await h.press('Confirm');
      const names = done.files.map((f) => f.name);
      expect(names.some((n) => n.endsWith('.docx'))).toBe(true);
      expect(names.some((n) => n.endsWith('.json'))).toBe(true);
      const docx = done.files.find((f) => f.name.endsWith('.docx'))!;
      const xml = strFromU8(unzipSync(new Uint8Array(docx.data))['word/document.xml']!);
      expect(xml).toContain('Yuelu District Education Bureau');
      const json = JSON.parse(
        done.files.find((f) => f.name.endsWith('.json'))!.data.toString('utf8'),
      );
      expect(json.answers.story.value).toBe(STORY);
      // The summary holds the whole story: split into parts that each fit, nothing lost.
      for (const raw of done.raw) expect(h.size(raw)).toBeLessThanOrEqual(h.limit);
      // Where the summary is longer than one message (not in WeCom's 20 KB), it came in parts.
      const total = done.raw.reduce((n, raw) => n + h.size(raw), 0);
      if (total > h.limit) expect(done.messages.length).toBeGreaterThan(2);
      expect(textOf(done).replace(/\s+/g, ' ')).toContain(STORY.slice(-200));
    });

    // Re-delivery and refused sends are what platforms do; a terminal does neither.
    if (h.platform) {
      it('answers a re-delivered message once', async () => {
        const first = await h.say('职成司联系人是谁？');
        expect(textOf(first)).toContain('王立');
        const again = await h.redeliver();
        expect(again.messages).toEqual([]);
      });

      it('waits as long as a 429 says, then delivers the answer', async () => {
        h.failNextSend(429);
        const before = h.sendAttempts().length;
        const seen = await h.say('百姓学习之星要推荐几名？');
        expect(textOf(seen)).toContain('3—5');
        const attempts = h.sendAttempts().slice(before);
        expect(attempts.length).toBeGreaterThanOrEqual(2);
        expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(950);
      });

      it('survives a 500 on send and answers the next message', async () => {
        h.failNextSend(500);
        await h.say('2022年活动周什么时候举办？');
        const next = await h.say('2024年活动周的主题是什么？');
        expect(textOf(next)).toContain('让学习成为一种生活方式');
      });
    }
  });
}

channelContract(telegramHarness);
channelContract(slackHarness);
channelContract(wecomHarness);
channelContract(consoleHarness);
