import { describe, expect, it } from 'vitest';
import { loadForms } from '../../src/forms/definition.js';
import { ruleWarnings } from '../../src/forms/rules.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { KNOWLEDGE } from '../helpers.js';

const forms = await loadForms(KNOWLEDGE);
const { regions } = await loadGlossary(KNOWLEDGE);
const star = forms.find((f) => f.id === 'star')!;
const brand = forms.find((f) => f.id === 'brand')!;
const warns = (form: typeof star, field: string, value: string) =>
  ruleWarnings(form, { [field]: value }, regions, field).map((w) => w.rule.id);

describe('the call’s rules on answers people really give (from a review)', () => {
  it('warns for officials at county/division level or above, however written', () => {
    for (const position of [
      '县委副书记',
      '副省长',
      '某旗副旗长',
      '某县教育局 副处级调研员',
      '某县教育局 局长',
      'County magistrate',
      'Director of the county education bureau',
      'Division chief, provincial department',
    ])
      expect(warns(star, 'occupation', position), position).toEqual(['official']);
  });

  it('does not take place names, 办事处 or 书记员 for a title', () => {
    for (const position of [
      '长沙市长沙县某社区 居民',
      '長沙市長沙縣某社區 居民',
      '重庆市长寿区某街道 退休工人',
      '某社区长者食堂 厨师',
      '超市长期兼职收银员',
      'nurse at a county-level hospital',
      '街道办事处 工作人员',
      '邮局 投递员',
      '法院书记员',
    ])
      expect(warns(star, 'occupation', position), position).toEqual([]);
  });

  it('reads honours clause by clause: a national title warns, a local one or another award does not', () => {
    expect(warns(star, 'honors', '2019 National Star of People’s Learning')).toEqual(['past-star']);
    expect(
      warns(star, 'honors', '2019年 百姓学习之星（教育部）；2021年 湖南省百姓学习之星'),
    ).toEqual(['past-star']);
    for (const local of [
      '2019年 全国三八红旗手；2021年 湖南省百姓学习之星',
      'International Volunteer Award',
      '2018年 长沙市学习之星',
    ])
      expect(warns(star, 'honors', local), local).toEqual([]);
    expect(warns(brand, 'honors', '2021 Hunan Lifelong Learning Brand Project')).toEqual([]);
    expect(warns(brand, 'honors', '2020年全国终身学习品牌项目')).toEqual(['past-brand']);
  });
});
