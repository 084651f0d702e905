import { describe, expect, it } from 'vitest';
import { correctionSplit, withMeantYears } from '../../src/answer/self-correction.js';
import { readYear } from '../../src/answer/slots.js';

const years = (text: string) => readYear(withMeantYears(text), [2022, 2024]).asked;

describe('withMeantYears', () => {
  it('keeps the year named after a correction word, in Chinese, Cantonese and English', () => {
    expect(years('2024年的主题是什么 哦不对 是2022年的')).toEqual([2022]);
    expect(years('2024年的开幕式在哪，不对，我是说2022年')).toEqual([2022]);
    expect(years('2022年嘅主題係乜 唔係唔係 我講2024')).toEqual([2024]);
    expect(years('what was the theme in 2024, sorry I mean 2022')).toEqual([2022]);
    expect(years('二〇二四年的主题 说错了 二〇二二年')).toEqual([2022]);
  });

  it('drops a year set aside beside another ("不是2022年的", "not the 2022 one")', () => {
    expect(years('2024年的主题是什么，不是2022年的')).toEqual([2024]);
    expect(years('the 2024 theme, not the 2022 one')).toEqual([2024]);
  });

  it('leaves alone what corrects or sets aside nothing', () => {
    // 是不是 asks whether; it sets no year aside.
    expect(years('2024年的活动周是不是2022年那样统一举办')).toEqual([2024, 2022]);
    // A lone year after 不是 is the year asked about.
    expect(years('主题不是2022年那个吗')).toEqual([2022]);
    // Both years before any correction word: both asked.
    expect(years('2022年和2024年的主题分别是什么')).toEqual([2022, 2024]);
    // The same year after the correction: nothing to take back.
    const same = '2022年的开幕式 不对 是2022年的闭幕式';
    expect(withMeantYears(same)).toBe(same);
  });
});

describe('correctionSplit', () => {
  it('splits at the last correction word with words on both sides', () => {
    expect(correctionSplit('湖南2024年幾時搞？唔係唔係，我係問湖北')).toEqual({
      head: '湖南2024年幾時搞？',
      tail: '，我係問湖北',
    });
    expect(correctionSplit('sorry')).toBeUndefined();
    expect(correctionSplit('这个说法不对吗')).toBeUndefined();
  });
});
