import { appendFile, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildIndex } from '../../src/retrieval/knowledge-index.js';
import { copyKnowledge, ROOT } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'schedule');

/**
 * A knowledge folder with a per-province schedule. The annex and its dates are a test fixture,
 * not real data: the project ships no schedule, because the real Annex 1 is not available.
 */
async function withSchedule(edit: (yaml: string) => string = (y) => y): Promise<string> {
  const dir = await copyKnowledge();
  await copyFile(
    path.join(FIXTURE, 'annex-1-2024.md'),
    path.join(dir, 'sources', 'annex-1-2024.md'),
  );
  await appendFile(
    path.join(dir, 'manifest.yaml'),
    [
      '  - id: annex-1-2024',
      '    file: sources/annex-1-2024.md',
      '    title: { zh: 2024年全民终身学习活动周各地活动安排（附件1）, en: "Annex 1: the provinces\' weeks in 2024" }',
      '    year: 2024',
      '    issuers: [{ zh: 教育部办公厅, en: General Office of the Ministry of Education }]',
      '    language: zh',
      '    script: Hans',
      '',
    ].join('\n'),
  );
  await mkdir(path.join(dir, 'schedules'));
  await writeFile(
    path.join(dir, 'schedules', '2024.yaml'),
    edit(await readFile(path.join(FIXTURE, '2024.yaml'), 'utf8')),
  );
  return dir;
}

describe('per-province weeks added as data', () => {
  it('ships no schedule: the annex with the provinces’ dates is not in the knowledge base', async () => {
    const kb = await loadKnowledge(path.join(ROOT, 'knowledge'));
    expect(kb.schedules).toEqual([]);
  });

  it('answers a province’s week with its dates and cites the schedule’s source', async () => {
    const kb = await loadKnowledge(await withSchedule());
    expect(kb.schedules.map((s) => s.region)).toEqual(['hunan', 'zhejiang']);
    const bot = createBot({ index: await buildIndex(kb, { kind: 'local' }) });

    const [zh] = await bot.handle({
      channel: 'test',
      userId: 'u',
      text: '湖南省2024年的活动周是哪几天？',
    });
    expect(zh!.kind).toBe('fact');
    expect(renderText(zh!)).toContain(
      '湖南省2024年的活动周：2024-05-13至2024-05-19，主会场在长沙。',
    );
    expect(zh!.citations[0]).toMatchObject({
      source: 'annex-1-2024',
      quote: '| 湖南省 | 2024年5月13日—19日 | 长沙 |',
    });

    const [en] = await bot.handle({
      channel: 'test',
      userId: 'u',
      text: "When is Zhejiang's 2024 week?",
    });
    expect(renderText(en!)).toContain(
      "Zhejiang's 2024 Week: 2024-10-21 to 2024-10-27, main venue in 杭州.",
    );

    // A province the schedule does not list still gets the honest answer.
    const [other] = await bot.handle({
      channel: 'test',
      userId: 'u',
      text: '广东2024年活动周什么时候？',
    });
    expect(other!.kind).toBe('not_in_notices');
    expect(renderText(other!)).toContain('没有写广东省活动周的具体日期');
  });

  it.each([
    [
      'an unknown region',
      (y: string) => y.replace('region: 湖南', 'region: 火星'),
      /entries\[0\] \(火星\)\.region: not a region of glossary\.yaml/,
    ],
    [
      'a day that does not exist',
      (y: string) => y.replace('2024-05-19', '2024-02-30'),
      /entries\[0\] \(湖南\)\.last_day: 2024-02-30 is not a day of 2024/,
    ],
    [
      'days in the wrong order',
      (y: string) => y.replace('last_day: 2024-05-19', 'last_day: 2024-05-01'),
      /last_day: 2024-05-01 is before first_day 2024-05-13/,
    ],
    [
      'a quote not in the source',
      (y: string) => y.replace('2024年5月13日—19日', '2024年5月1日—7日'),
      /entries\[0\] \(湖南\)\.quote: not found in the cleaned text of annex-1-2024/,
    ],
    [
      'a source the manifest does not list',
      (y: string) => y.replace('source: annex-1-2024', 'source: annex-9'),
      /source: "annex-9" is not a source id of manifest\.yaml/,
    ],
  ])('refuses %s, naming the file and the entry', async (_name, edit, message) => {
    await expect(loadKnowledge(await withSchedule(edit))).rejects.toMatchObject({
      code: 'SCHEDULE_INVALID',
      message: expect.stringMatching(message),
    });
  });
});
