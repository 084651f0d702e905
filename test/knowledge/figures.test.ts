import { describe, expect, it } from 'vitest';
import { datesIn, numbersIn, unsupportedFigure } from '../../src/knowledge/figures.js';

// What a cited passage of the 2022 notice says about the Week's dates and quotas.
const SOURCE =
  '举办时间为2022年11月20日—26日,总开幕式拟定于11月下旬(暂定11月23日之后)在湖南省长沙市举办。推荐3—5名。联系电话:010-66096253';

describe('figures of a generated answer, however written (issue 9)', () => {
  it('reads digits, 万, Chinese numerals with a counter and English number words', () => {
    expect(numbersIn('1.2万人次，12,000 attendances')).toEqual([12000, 12000]);
    expect(numbersIn('五千万人，一百万元，三十个')).toEqual([50000000, 1000000, 30]);
    expect(numbersIn('fifty million people, twelve volunteers')).toEqual([50000000, 12]);
    // Words, not figures: 一省一周 has no counter after its 一, "one province" is a word.
    expect(numbersIn('一省一些 one province')).toEqual([]);
  });

  it('reads dates, both ends of a range, in Chinese and English', () => {
    expect(datesIn('2022年11月20日—26日')).toEqual(['2022-11-20', '2022-11-26']);
    expect(datesIn('二〇二二年十一月二十日')).toEqual(['2022-11-20']);
    expect(datesIn('November 26, 2022 and 20 November 2022').sort()).toEqual([
      '2022-11-20',
      '2022-11-26',
    ]);
    // An English range gives its first day the month and year of the last.
    expect(datesIn('runs 20–26 November 2022').sort()).toEqual(['2022-11-20', '2022-11-26']);
  });

  it('accepts what the source states in another writing, and names what it does not', () => {
    expect(
      unsupportedFigure('活动周于2022年11月20日至26日举办，推荐三至五名', SOURCE),
    ).toBeUndefined();
    expect(
      unsupportedFigure('The week runs 20–26 November 2022; call 010-66096253', SOURCE),
    ).toBeUndefined();
    expect(unsupportedFigure('2022年11月21日开幕', SOURCE)).toBe('2022-11-21');
    expect(unsupportedFigure('有五千万人参加', SOURCE)).toBe('50000000');
    expect(unsupportedFigure('Fifty million took part', SOURCE)).toBe('50000000');
  });
});
