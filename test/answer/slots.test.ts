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
