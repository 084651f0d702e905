import { describe, expect, it } from 'vitest';
import { chineseNumber, parseHeading } from '../../src/knowledge/headings.js';

describe('heading recognition', () => {
  it('reads Chinese numerals', () => {
    expect([
      chineseNumber('一'),
      chineseNumber('十'),
      chineseNumber('十二'),
      chineseNumber('二十一'),
    ]).toEqual([1, 10, 12, 21]);
  });

  it('recognises 一、 and (一) headings, with an inline title before a colon', () => {
    expect(parseHeading('二、活動內容')).toMatchObject({
      style: 'cn、',
      number: 2,
      label: '二、活動內容',
      inline: false,
    });
    expect(parseHeading('(一)主題:學習貫徹二十大')).toMatchObject({
      style: '(cn)',
      number: 1,
      label: '(一)主題',
      inline: true,
    });
    expect(parseHeading('（四）持續引導並助力全民閱讀學習')).toMatchObject({
      number: 4,
      label: '（四）持續引導並助力全民閱讀學習',
      inline: false,
    });
  });

  it('recognises English "1." and ordinal-word headings as one style, and "(2)" sub-headings', () => {
    expect(parseHeading('3. Event arrangement')).toMatchObject({
      style: '1.',
      number: 3,
      label: '3. Event arrangement',
    });
    expect(parseHeading('Fourth, activity content')).toMatchObject({
      style: '1.',
      number: 4,
      label: 'Fourth, activity content',
    });
    expect(parseHeading('(2) Increase publicity. All localities must continue')).toMatchObject({
      style: '(1)',
      number: 2,
      label: '(2) Increase publicity',
      inline: true,
    });
  });

  it('recognises Markdown headings, for notices added as .md', () => {
    expect(parseHeading('## 报送要求')).toMatchObject({ style: 'md2', label: '报送要求' });
  });

  it('leaves body text alone', () => {
    for (const line of [
      '2023年1月10日前,要將本屆活動周工作總結報送',
      '聯系電話:010-66096253',
      'Make learning a lifestyle',
      '010-66097704',
    ]) {
      expect(parseHeading(line)).toBeNull();
    }
  });
});
