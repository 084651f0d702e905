import { describe, expect, it } from 'vitest';
import { chunkNotice, DEFAULT_MAX_CHARS } from '../../src/knowledge/chunk.js';
import { cleanSource } from '../../src/knowledge/clean.js';
import { fromSource } from '../../src/knowledge/mapped-text.js';
import { formatSection } from '../../src/knowledge/types.js';
import { sharedIndex } from '../helpers.js';

const { kb } = await sharedIndex();
const source = (id: string) => kb.sources.find((s) => s.entry.id === id)!;
const sections = (id: string) => new Set(source(id).passages.map((p) => formatSection(p.section)));

describe('chunking the 2022 notice along its outline', () => {
  it('gives every passage its section path', () => {
    const paths = sections('notice-2022');
    expect(paths).toContain('一、主題和時間 › (一)主題');
    expect(paths).toContain('一、主題和時間 › (二)舉辦時間');
    expect(paths).toContain('二、活動內容 › (四)持續引導並助力全民閱讀學習');
    expect(paths).toContain('三、活動組織');
    expect(paths).toContain('五、其他事項');
    // All eight activity subsections are found, in order.
    const activities = [...paths].filter((p) => p.startsWith('二、活動內容 › '));
    expect(activities.map((p) => p.slice(9, 12))).toEqual([
      '(一)',
      '(二)',
      '(三)',
      '(四)',
      '(五)',
      '(六)',
      '(七)',
      '(八)',
    ]);
  });

  it('keeps the theme line and the week dates in the passage of their own section', () => {
    const theme = source('notice-2022').passages.find(
      (p) => formatSection(p.section) === '一、主題和時間 › (一)主題',
    )!;
    expect(theme.text).toBe('(一)主題:學習貫徹二十大,終身學習向未來');
  });

  it('keeps each contact record (name, phone, e-mail lines) in one passage', () => {
    const withDu = source('notice-2022').passages.filter((p) => p.text.includes('杜若'));
    expect(withDu).toHaveLength(1);
    expect(withDu[0]!.text).toContain('010-66490608');
    expect(withDu[0]!.text).toContain('dur@ouchn.edu.cn');
  });
});

describe('chunking the 2024 notice (English headings)', () => {
  it('recognises "1." and "Fourth," headings and "(n)" subsections', () => {
    const paths = sections('notice-2024');
    expect(paths).toContain('1. Overall requirements');
    expect(paths).toContain('2. Event theme');
    expect(paths).toContain('3. Event arrangement');
    expect(paths).toContain(
      'Fourth, activity content › (3) Carry out the “Star of the People” to enter the campus, community, and enterprise activities',
    );
    expect(paths).toContain('5. Organizational guarantee › (2) Increase publicity');
  });

  it('does not take the numbered list of annexes for new top-level sections', () => {
    const paths = [...sections('notice-2024')];
    expect(paths.some((p) => /^[23]\. (Special|Summary)/.test(p))).toBe(false);
  });
});

describe('every passage', () => {
  const all = kb.sources.flatMap((s) => s.passages.map((p) => ({ p, s })));

  it('stays under the size cap of its language', () => {
    for (const { p, s } of all) {
      // Row blocks may reach twice the cap; prose stays under it unless one sentence is longer.
      expect(p.text.length, p.id).toBeLessThanOrEqual(2 * DEFAULT_MAX_CHARS[s.entry.language]);
    }
  });

  it('is found verbatim in the cleaned text, and its source range cleans back to it', () => {
    for (const { p, s } of all) {
      expect(s.cleaned.text.slice(p.start, p.end)).toBe(p.text);
      const original = s.raw.slice(p.sourceStart, p.sourceEnd);
      expect(cleanSource(original, s.entry.cleaning).text, p.id).toBe(p.text.trim());
    }
  });

  it('has a unique id', () => {
    expect(new Set(all.map(({ p }) => p.id)).size).toBe(all.length);
  });
});

describe('splitting long sections', () => {
  it('cuts prose at sentence ends under the cap and never mid-sentence', () => {
    const sentence = '各地要积极开展活动。';
    const body = `一、活动\n${sentence.repeat(60)}`;
    const passages = chunkNotice('t', fromSource(body), { maxChars: 100 });
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(100);
      expect(p.text.endsWith('。')).toBe(true);
      expect(p.section).toEqual(['一、活动']);
    }
  });

  it('splits English at sentence ends, not at "No. 7" or inside numbers', () => {
    const body = `1. Contacts\n${'Call 010-66097704 about document No. 7 today. '.repeat(20)}`;
    const passages = chunkNotice('t', fromSource(body), { maxChars: 200 });
    for (const p of passages) expect(p.text).toMatch(/today\.$/);
  });
});
