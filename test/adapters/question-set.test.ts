import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedLanguage } from '../../adapters/cli/evaluate.js';
import { readQuestions } from '../../adapters/cli/question-set.js';
import { tempDir } from '../helpers.js';

describe('question sets in the shared format (shared/eval/README.md)', () => {
  it('reads lang or script as en or zh-Hant, and no tag as Simplified', async () => {
    const file = path.join(await tempDir(), 'set.jsonl');
    const lines = [
      { id: 'a', q: '2024年活動週嘅主題係乜？', lang: 'zh-Hant' },
      { id: 'b', q: '2024年活動週主題？', lang: 'zh', script: 'zh-Hant' },
      { id: 'c', q: 'what is the theme?', script: 'en' },
      { id: 'd', q: 'what is the theme?', lang: 'en' },
      { id: 'e', q: '主题是什么？' },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(readQuestions(file).map(expectedLanguage)).toEqual([
      'zh-Hant',
      'zh-Hant',
      'en',
      'en',
      'zh-Hans',
    ]);
  });

  it('names the line and question of a pattern that does not compile, before asking anything', async () => {
    const file = path.join(await tempDir(), 'set.jsonl');
    const lines = [
      { id: 'ok', q: '主题是什么？', must: ['主题'] },
      { id: 'h56-051', q: 'workers?', must: ["[Ww]orkers[’\\']? [Cc]ultural"] },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(() => readQuestions(file)).toThrow(
      /set\.jsonl:2 \(h56-051\): the pattern .* is not a valid/,
    );
  });
});
