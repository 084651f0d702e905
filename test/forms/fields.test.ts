import { describe, expect, it } from 'vitest';
import { createRegionMatcher } from '../../src/answer/slots.js';
import type { FieldDefinition } from '../../src/forms/definition.js';
import {
  checkField,
  displayValue,
  measure,
  normalizePhone,
  type FieldContext,
} from '../../src/forms/fields.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { KNOWLEDGE } from '../helpers.js';

const glossary = await loadGlossary(KNOWLEDGE);
const ctx: FieldContext = {
  today: new Date('2026-11-22T00:00:00Z'),
  regions: glossary.regions,
  findRegions: createRegionMatcher(glossary.regions),
};
const base = {
  label: { zh: '项', en: 'Field' },
  prompt: { zh: '?', en: '?' },
  hint: { zh: 'h', en: 'h' },
  example: { zh: 'e', en: 'e' },
  optional: false,
  aliases: { zh: [], en: [] },
  polish: false,
};
const field = <T extends FieldDefinition['kind']>(kind: T, extra: Record<string, unknown> = {}) =>
  ({ ...base, id: 'f', kind, ...extra }) as unknown as FieldDefinition;
const value = (f: FieldDefinition, input: string) => {
  const r = checkField(f, input, ctx);
  return r.ok ? r.value : undefined;
};
const reason = (f: FieldDefinition, input: string) => {
  const r = checkField(f, input, ctx);
  return r.ok ? undefined : r.reason.zh;
};

describe('field kinds', () => {
  it('text: trims, and refuses too short or too long with the current count', () => {
    const f = field('text', { min: 2, max: 5 });
    expect(value(f, '  张秀英 ')).toBe('张秀英');
    expect(reason(f, '张')).toBe('太短了：至少2个字，现在是1个。');
    expect(reason(f, '一二三四五六')).toBe('太长了：最多5个字，现在是6个。');
    expect(reason(f, '   ')).toBe('这一项不能为空。');
  });

  it('choice: by label in either language, by number, or leniently', () => {
    const f = field('choice', {
      options: [
        { value: 'female', zh: '女', en: 'Female' },
        { value: 'male', zh: '男', en: 'Male' },
      ],
    });
    expect(['女', 'female', 'FEMALE', '1', '女性'].map((i) => value(f, i))).toEqual([
      'female',
      'female',
      'female',
      'female',
      'female',
    ]);
    expect(value(f, '2')).toBe('male');
    expect(reason(f, '其他')).toBe('请从这些选项中选一个：女、男。');
  });

  it('multichoice: a list in any separator, "全部", and the bad item named', () => {
    const f = field('multichoice', {
      options: [
        { value: 'text', zh: '文字', en: 'Text' },
        { value: 'video', zh: '视频', en: 'Video' },
        { value: 'photos', zh: '图片', en: 'Photos' },
      ],
    });
    expect(value(f, '视频、文字')).toEqual(['text', 'video']);
    expect(value(f, 'video, photos and text')).toEqual(['text', 'video', 'photos']);
    expect(value(f, '全部')).toEqual(['text', 'video', 'photos']);
    expect(value(f, '視頻，圖片')).toEqual(['video', 'photos']);
    expect(reason(f, '文字、音频')).toContain('“音频”不是可选的材料');
  });

  it('year-month: many spellings, refused in the future or implausible ages', () => {
    const f = field('year-month', { min_age: 10, max_age: 110 });
    for (const input of [
      '1962年5月',
      '1962-05',
      '1962/5',
      '1962.5',
      '196205',
      'May 1962',
      '1962 May',
      '5/1962',
    ])
      expect(value(f, input), input).toBe('1962-05');
    expect(reason(f, '2027年1月')).toBe('出生年月不能在将来。');
    expect(reason(f, '1900年1月')).toContain('126岁');
    expect(reason(f, '2020年1月')).toContain('6岁');
    expect(reason(f, '1962年13月')).toBe('1962年没有13月这个日期，请核对。');
    expect(reason(f, '1962年2月30日')).toBe('1962年没有2月30日这个日期，请核对。');
    for (const input of [
      '1962年5月12日',
      '1962-05-12',
      '19620512',
      '62年5月',
      '一九六二年五月',
      '1962，5',
    ])
      expect(value(f, input), input).toBe('1962-05');
  });

  it('year: four digits from the minimum to this year', () => {
    const f = field('year', { min: 1949 });
    expect(value(f, '2016')).toBe('2016');
    expect(value(f, '２０１６年')).toBe('2016');
    expect(reason(f, '1900')).toBe('年份应在1949到2026之间。');
    expect(reason(f, '2030')).toBe('年份应在1949到2026之间。');
    expect(reason(f, '十年前')).toContain('四位数');
  });

  it('region: any script, English or pinyin, one region only', () => {
    const f = field('region');
    expect(['湖南', '湖南省', 'Hunan', 'hunan', '湖南省長沙'].map((i) => value(f, i))).toEqual([
      'hunan',
      'hunan',
      'hunan',
      'hunan',
      'hunan',
    ]);
    expect(value(f, '新疆生产建设兵团')).toBe('xpcc');
    expect(value(f, '宁波')).toBe('ningbo');
    expect(reason(f, '湖南和湖北')).toBe('请只写一个省（区、市）。');
    expect(reason(f, '火星')).toContain('没认出这个省份');
    expect(displayValue(f, 'hunan', 'en', glossary.regions)).toBe('Hunan');
    expect(displayValue(f, 'hunan', 'zh-Hant', glossary.regions)).toBe('湖南省');
  });

  it('ethnicity: the 56 groups, with or without 族, or in English; a full name kept as typed', () => {
    const f = field('ethnicity');
    expect(['汉族', '汉', '漢族', 'Han', 'zhuang'].map((i) => value(f, i))).toEqual([
      '汉族',
      '汉族',
      '漢族',
      '汉族',
      '壮族',
    ]);
    expect(reason(f, '火星族')).toContain('没认出这个民族');
    expect(displayValue(f, '壮族', 'en', [])).toBe('Zhuang');
    expect(displayValue(f, '漢族', 'en', [])).toBe('Han');
  });

  it('phone: mainland mobiles and landlines with area codes, normalised', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+86 13812345678')).toBe('13812345678');
    expect(normalizePhone('0731-84567890')).toBe('0731-84567890');
    expect(normalizePhone('073184567890')).toBe('0731-84567890');
    expect(normalizePhone('010-66097704转123')).toBe('010-66097704-123');
    expect(normalizePhone('(010) 66097704')).toBe('010-66097704');
    for (const bad of ['12345678901', '1381234567', '84567890', '010-123'])
      expect(normalizePhone(bad), bad).toBeUndefined();
    expect(reason(field('phone'), '123')).toContain('11位手机号');
  });

  it('email: a plausible address, stored as typed', () => {
    expect(value(field('email'), 'Zhang@Example.COM')).toBe('Zhang@Example.COM');
    expect(reason(field('email'), 'zhang@example')).toContain('邮箱格式不对');
  });

  it('longtext: Chinese characters or English words, with the count, and figures when required', () => {
    const f = field('longtext', { zh_chars: [10, 20], en_words: [3, 6], require_figures: false });
    expect(measure('学习智能手机十年')).toEqual({ unit: 'zh', count: 8 });
    expect(measure('She learned to use smartphones')).toEqual({ unit: 'en', count: 5 });
    expect(reason(f, '学习智能手机十年')).toBe(
      '太短了：需要10–20字，现在是8字。可以补充后一次发来。',
    );
    expect(value(f, 'She learned to use smartphones')).toBe('She learned to use smartphones');
    const outcomes = field('longtext', {
      zh_chars: [5, 50],
      en_words: [3, 20],
      require_figures: true,
    });
    expect(reason(outcomes, '服务了很多老年人，效果很好')).toBe(
      '成效需要具体数字，例如参与人数、开课期数。',
    );
    expect(value(outcomes, '累计开课420期，服务老年人1.2万人次')).toBeDefined();
    expect(value(outcomes, '累计开课四百期，服务了很多人')).toBeDefined();
  });
});
