import { describe, expect, it } from 'vitest';
import { createRegionMatcher, readYear } from '../../src/answer/slots.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { KNOWLEDGE } from '../helpers.js';

const covered = [2022, 2024];
const regions = createRegionMatcher((await loadGlossary(KNOWLEDGE)).regions);
const ids = (text: string) => regions(text).map((r) => r.id);

describe('year slot', () => {
  it('reads years in Arabic, full-width, Chinese numerals and two digits', () => {
    expect(readYear('2022年的主题', covered)).toEqual({
      asked: [2022],
      covered: [2022],
      source: 'explicit',
    });
    // Counted from a year the question names.
    expect(readYear('two years before 2024, which city hosted it?', covered).covered).toEqual([
      2022,
    ]);
    expect(readYear('2024年的前两年活动周主题是什么', covered).covered).toEqual([2022]);
    expect(readYear('the year after 2022', covered)).toMatchObject({ asked: [2023], covered: [] });
    expect(readYear('２０２４年', covered).covered).toEqual([2024]);
    expect(readYear('二〇二二年主题', covered).covered).toEqual([2022]);
    expect(readYear('22年的主题', covered).covered).toEqual([2022]);
  });

  it('resolves "this year" and "last year" against the years the notices cover', () => {
    expect(readYear('今年的主题', covered)).toEqual({
      asked: [2024],
      covered: [2024],
      source: 'this-year',
    });
    expect(readYear('What was last year’s theme?', covered)).toEqual({
      asked: [2022],
      covered: [2022],
      source: 'last-year',
    });
  });

  it('counts 前年, 大前年 and "the year before last" from the newest notice, and 后年 is unknown', () => {
    expect(readYear('前年的主题', covered)).toMatchObject({
      asked: [2022],
      covered: [2022],
      source: 'relative',
      relative: { word: '前年', from: 2024, stated: false },
    });
    expect(readYear('What was the theme the year before last?', covered).covered).toEqual([2022]);
    expect(readYear('大前年的主题', covered)).toMatchObject({ asked: [2021], covered: [] });
    expect(readYear('後年的活動周', covered)).toMatchObject({ source: 'next-year', label: '後年' });
  });

  it('counts from the year the question states', () => {
    expect(readYear('现在是2024年，前年的主题是什么', covered)).toMatchObject({
      asked: [2022],
      covered: [2022],
      relative: { from: 2024, stated: true },
    });
    expect(readYear('今年是2023年，去年的主题', covered).asked).toEqual([2022]);
    expect(readYear('而家係2024年，前年嘅開幕式', covered).asked).toEqual([2022]);
    expect(readYear('现在都2025年了 去年的主题', covered).asked).toEqual([2024]);
    expect(
      readYear("It's 2026 now; what was the theme the year before last?", covered).asked,
    ).toEqual([2024]);
    // Stated but no relative word: the stated year is the one asked about.
    expect(readYear('现在是2024年，主题是什么', covered)).toMatchObject({
      asked: [2024],
      source: 'explicit',
    });
  });

  it('keeps a year the notices do not cover as asked but not covered', () => {
    expect(readYear('2023年的主题', covered)).toEqual({
      asked: [2023],
      covered: [],
      source: 'explicit',
    });
  });

  it('finds no year in a question without one, nor in a longer number', () => {
    expect(readYear('主题是什么', covered).source).toBe('none');
    expect(readYear('电话 13811473279', covered).asked).toEqual([]);
  });
});

describe('province slot', () => {
  it('matches full names, short names, Traditional script, English and pinyin', () => {
    expect(ids('湖南省的活动周')).toEqual(['hunan']);
    expect(ids('湖南的活動週')).toEqual(['hunan']);
    expect(ids("When is Hunan's week?")).toEqual(['hunan']);
    expect(ids('guangdong')).toEqual(['guangdong']);
    expect(ids('Inner Mongolia')).toEqual(['inner-mongolia']);
    expect(ids('neimenggu')).toEqual(['inner-mongolia']);
  });

  it('knows the Corps and the cities with separate plans', () => {
    expect(ids('新疆生产建设兵团的活动周')).toEqual(['xpcc']);
    expect(ids('新疆和兵团')).toEqual(['xinjiang', 'xpcc']);
    expect(ids('深圳和宁波')).toEqual(['ningbo', 'shenzhen']);
  });

  it('tells Shanxi from Shaanxi', () => {
    expect(ids('山西')).toEqual(['shanxi']);
    expect(ids('陕西 Shaanxi')).toEqual(['shaanxi']);
  });
});
