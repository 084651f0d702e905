import { describe, expect, it } from 'vitest';
import { readingUnits } from '../../src/knowledge/chunk.js';
import { cleanSource } from '../../src/knowledge/clean.js';
import { checkRendering, renderingProblems } from '../../src/knowledge/renderings.js';
import { sharedIndex } from '../helpers.js';

const { kb } = await sharedIndex();

describe('renderings (knowledge/renderings)', () => {
  it('render every passage of both notices, each pointing at its original', () => {
    for (const source of kb.sources) {
      const rendered = kb.renderedPassages.filter((p) => p.sourceId === source.entry.id);
      expect(rendered.map((p) => p.rendering?.of)).toEqual(source.passages.map((p) => p.id));
      for (const p of rendered) {
        expect(p.rendering!.language).not.toBe(source.entry.language);
        // Each rendered unit points at words that are in the notice.
        for (const u of p.rendering!.units)
          expect(source.cleaned.text.slice(u.start, u.end).trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('carry over dates, ranges, phones, e-mails and listed names, and say what is missing', () => {
    const date = '(二)舉辦時間:2022年11月20日—26日,聯繫電話:010-66097704;郵箱:dur@ouchn.edu.cn';
    expect(
      renderingProblems(date, '(2) Dates: 20–26 November 2022; phone 010-66097704; e-mail dur@ouchn.edu.cn'),
    ).toEqual([]);
    expect(renderingProblems(date, '(2) Dates: 20–25 November 2022; phone 010-66097704')).toEqual([
      '"dur@ouchn.edu.cn" is missing',
      'the date 2022-11-26 is missing',
    ]);
    expect(renderingProblems('推薦3—5名', 'recommend 3 to 6')).toEqual(['the number 5 is missing']);
    // Counts may be written in words in the other language: 二十 for the 20th.
    expect(renderingProblems('the 20th National Congress', '二十大')).toEqual([]);
    const names = [{ of: '李榮華', text: 'Li Ronghua' }];
    expect(renderingProblems('聯繫人:李榮華', 'Contact: Li Rong', names)).toEqual([
      '"李榮華" is not rendered as "Li Ronghua"',
    ]);
  });

  it('refuse a rendering that drops a figure, and list stale units by name', () => {
const units = readingUnits(
      cleanSource('一、主題\n活動周舉辦時間為2022年11月20日—26日。\n', kb.sources[0]!.entry.cleaning),
    );
    const file = 'knowledge/renderings/x.en.yaml';
    const base = { source: 'x', language: 'en' as const, note: 'working translation', names: [] };
    expect(
      checkRendering(file, { ...base, units: [{ of: '一、主題', text: '1. Theme' }] }, units).stale,
    ).toEqual(['no rendering of the unit "活動周舉辦時間為2022年11月20日—26日。"']);
    expect(() =>
      checkRendering(
        file,
        {
          ...base,
          units: [
            { of: '一、主題', text: '1. Theme' },
            { of: '活動周舉辦時間為2022年11月20日—26日。', text: 'The Week runs 20–26 May 2022.' },
            { of: '二、內容', text: '2. Content' },
          ],
        },
        units,
      ),
    ).toThrow(
/x\.en\.yaml: 2 problem\(s\) with the rendering of x:\n {2}- units\[1\] \("活動周舉辦時間為2022年11月20日—26日。"\): the date 2022-11-20 is missing/,
    );
  });
});

describe('a stale rendering', () => {
  it('leaves the passages it no longer covers unrendered, and lists the units', () => {
    const cleaning = kb.sources[0]!.entry.cleaning;
    const units = readingUnits(cleanSource('一、主題\n主題是終身學習。\n', cleaning));
    const rendering = checkRendering(
      'x.en.yaml',
      {
        source: 'x',
        language: 'en',
        note: 'working translation',
        names: [],
        units: [
          { of: '一、主題', text: '1. Theme' },
          { of: '二、內容', text: '2. Content' },
        ],
      },
      units,
    );
    expect(rendering.stale).toEqual([
      'units[1] ("二、內容"): not a unit of x (the notice or its cleaning changed)',
      'no rendering of the unit "主題是終身學習。"',
    ]);
  });
});
