import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQueryExpander, loadGlossary } from '../../src/knowledge/glossary.js';
import { sharedIndex } from '../helpers.js';

const { kb } = await sharedIndex();
const expander = createQueryExpander(kb.glossary);

describe('glossary shadows', () => {
  it('names the longer terms a question does not mean ("Open University" for universities)', () => {
    const shadows = expander.shadows('What are the 2022 requirements for universities?');
    expect(shadows).toContain('国家开放大学');
    expect(shadows).toContain('open university');
    // A question that names the Open University means it.
    expect(expander.shadows('国家开放大学开放多少门课程')).not.toContain('国家开放大学');
    expect(expander.shadows('活动周的主题')).toEqual([]);
  });

  it('gives the same shadows for a question asked again, whatever a caller did with them', () => {
    const first = expander.shadows('Which universities take part?');
    const expected = [...first];
    first.length = 0;
    expect(expander.shadows('Which universities take part?')).toEqual(expected);
  });
});

describe('glossary expansion across languages', () => {
  it('brings in the other language of a term named in either script, or both when both are used', () => {
    const english = expander.expand('How many Stars of People’s Learning are recommended?').flat();
    expect(english).toContain('百姓学习之星');
    const chinese = expander.expand('推荐多少百姓學習之星').flat();
    expect(chinese.some((f) => /star of people/i.test(f))).toBe(true);
    expect(chinese).not.toContain('百姓学习之星');
    const mixed = expander.expand('Star of People’s Learning 百姓学习之星 要交什么').flat();
    expect(mixed).toContain('百姓学习之星');
    expect(mixed.some((f) => /star of people/i.test(f))).toBe(true);
  });
});

describe('glossary file', () => {
  it('refuses a Chinese form without Chinese characters, naming the entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llw-glossary-'));
    writeFileSync(
      path.join(dir, 'glossary.yaml'),
      'terms:\n  - id: app\n    zh: [APP]\n    en: [app]\n',
    );
    await expect(loadGlossary(dir)).rejects.toThrow(/Chinese characters/);
  });
});
