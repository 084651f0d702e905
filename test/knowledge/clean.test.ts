import { describe, expect, it } from 'vitest';
import { cleanSource } from '../../src/knowledge/clean.js';
import { hasEmoji } from '../../src/knowledge/emoji.js';
import { loadManifest } from '../../src/knowledge/manifest.js';
import { sourceRange } from '../../src/knowledge/mapped-text.js';
import { KNOWLEDGE, readSource } from '../helpers.js';

const manifest = await loadManifest(KNOWLEDGE);
const rules = (id: string) => manifest.sources.find((s) => s.id === id)!.cleaning;
const raw2022 = await readSource('notice-2022.zh-Hant.txt');
const raw2024 = await readSource('notice-2024.en.txt');
const clean2022 = cleanSource(raw2022, rules('notice-2022'));
const clean2024 = cleanSource(raw2024, rules('notice-2024'));

describe('cleaning the 2022 notice (Traditional, emoji, injected token)', () => {
  it('removes every emoji, including ZWJ sequences, skin tones, keycaps and lone pictographs', () => {
    expect(hasEmoji(raw2022)).toBe(true);
    expect(hasEmoji(clean2022.text)).toBe(false);
    // The keycap 9️⃣ after 三 goes with its digit, so the heading reads 三、 again.
    expect(clean2022.text).toContain('三、活動組織');
    expect(clean2022.text).toContain('深度參與活動周活動。');
    expect(clean2022.text).not.toMatch(/[⚅⇢♠\uFE0F\uFE0E\u200D]/u);
  });

  it('removes all 91 injected 杏运 tokens, so 杏运教育部 reads 教育部', () => {
    expect(raw2022.match(/杏运/g)).toHaveLength(91);
    expect(clean2022.text).not.toContain('杏运');
    expect(clean2022.text).toContain('根據教育部2022年工作要點');
  });

  it('keeps dates, names, numbers and Chinese punctuation intact', () => {
    for (const kept of [
      '2022年11月20日—26日',
      '教育部辦公廳',
      '2022年11月9日',
      '3—5名“百姓學習之星”',
      '010-58581449;郵編:100120',
      'caeabgs@126.com',
      '(https://le.ouchn.cn)',
    ]) {
      expect(clean2022.text).toContain(kept);
    }
  });

  it('keeps the source script: the cleaned text is still Traditional', () => {
    expect(clean2022.text).toContain('終身學習向未來');
  });

  it('maps every cleaned range back to the file as received', () => {
    const quote = '活動周全國總開幕式擬定于11月下旬';
    const at = clean2022.text.indexOf(quote);
    const [from, to] = sourceRange(clean2022, at, at + quote.length);
    const original = raw2022.slice(from, to);
    // The source range holds the quote, plus whatever junk was cleaned out of it.
    expect(cleanSource(original, rules('notice-2022')).text).toBe(quote);
  });
});

describe('cleaning the 2024 notice (machine translation with web-page cruft)', () => {
  it('drops the site navigation at the top', () => {
    expect(raw2024).toMatch(/^Search for:/);
    expect(clean2024.text).not.toContain('Search for:');
    expect(clean2024.text).not.toContain('•');
    expect(clean2024.text.startsWith('The notice of the five departments')).toBe(true);
  });

  it('says that obfuscated e-mail addresses were lost instead of showing the page placeholder', () => {
    expect(clean2024.text).not.toContain('[email protected]');
    expect(clean2024.text).toContain('[e-mail address not preserved in this copy]');
  });

  it('puts back the space lost between glued sentences', () => {
    expect(raw2024).toContain('learning activities.All localities');
    expect(clean2024.text).toContain('learning activities. All localities');
    // Numbers with dots are not sentence ends.
    expect(clean2024.text).toContain('[2024] No. 7');
  });

  it('collapses whitespace and keeps figures intact', () => {
    expect(clean2024.text).not.toMatch(/ {2,}|\n{3,}/);
    expect(clean2024.text).toContain('010-66097704');
    expect(clean2024.text).toContain('From April to early December 2024');
  });
});

describe('generic cleaning rules', () => {
  const none = {
    strip_emoji: true,
    junk_tokens: [],
    drop_lines: [],
    replace: [],
    fix_glued_sentences: false,
  };

  it('normalises full-width letters and digits and odd spaces, not Chinese punctuation', () => {
    expect(cleanSource('２０２４年\u3000ＡＢＣ，（一）', none).text).toBe('2024年 ABC，（一）');
  });

  it('turns Windows line ends into plain ones and strips a byte-order mark', () => {
    expect(cleanSource('\uFEFF一、主题\r\n正文\r\n', none).text).toBe('一、主题\n正文');
  });

  it('removes flags, keycaps *️⃣ and #️⃣, skin tones and variation selectors', () => {
    expect(cleanSource('A🇨🇳B*️⃣C#️⃣D👍🏽E☂️F', none).text).toBe('ABCDEF');
  });
});
