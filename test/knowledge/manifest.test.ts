import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadManifest } from '../../src/knowledge/manifest.js';
import { copyKnowledge, KNOWLEDGE } from '../helpers.js';

async function withManifest(edit: (yaml: string) => string): Promise<string> {
  const dir = await copyKnowledge();
  const file = path.join(dir, 'manifest.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return dir;
}

describe('the manifest', () => {
  it('describes both notices with the ids, years, languages and dates the text gives', async () => {
    const manifest = await loadManifest(KNOWLEDGE);
    const [a, b] = manifest.sources;
    expect(a).toMatchObject({
      id: 'notice-2022',
      year: 2022,
      language: 'zh',
      script: 'Hant',
      date: '2022-11-09',
    });
    expect(a!.issuers[0]).toEqual({
      zh: '教育部办公厅',
      en: 'General Office of the Ministry of Education',
    });
    expect(a!.cleaning.junk_tokens).toEqual(['杏运']);
    expect(b).toMatchObject({
      id: 'notice-2024',
      year: 2024,
      language: 'en',
      script: 'Latn',
      date: null,
    });
    expect(b!.document_number).toContain('[2024] No. 7');
  });

  it('names the file and the field of a mistake', async () => {
    const dir = await withManifest((y) => y.replace('year: 2024', 'year: twenty'));
    await expect(loadManifest(dir)).rejects.toThrow(
      /manifest\.yaml: sources\[1\] \(notice-2024\)\.year: /,
    );
  });

  it('refuses a duplicate id, naming it', async () => {
    const dir = await withManifest((y) => y.replace('id: notice-2024', 'id: notice-2022'));
    await expect(loadManifest(dir)).rejects.toThrow(/sources\[1\].*\.id: repeats "notice-2022"/);
  });

  it('refuses an unknown cleaning rule instead of ignoring it', async () => {
    const dir = await withManifest((y) => y.replace('junk_tokens: [杏运]', 'junk_token: [杏运]'));
    await expect(loadManifest(dir)).rejects.toThrow(/cleaning/);
  });

  it('reports broken YAML with the file name', async () => {
    const dir = await withManifest((y) => `${y}\n  - id: [unclosed`);
    await expect(loadManifest(dir)).rejects.toThrow(/manifest\.yaml: is not valid YAML/);
  });

  it('reports a missing source file, naming the manifest entry and the file', async () => {
    const dir = await copyKnowledge();
    await rm(path.join(dir, 'sources', 'notice-2024.en.txt'));
    await expect(loadKnowledge(dir)).rejects.toMatchObject({
      code: 'SOURCE_UNREADABLE',
      message: expect.stringMatching(
        /sources\[1\] \(notice-2024\)\.file: cannot read .*notice-2024\.en\.txt \(ENOENT\)/,
      ),
    });
  });

  it('refuses a source that is not UTF-8 text', async () => {
    const dir = await copyKnowledge();
    await writeFile(
      path.join(dir, 'sources', 'notice-2024.en.txt'),
      Buffer.from([0xff, 0xfe, 0x00, 0xd8]),
    );
    await expect(loadKnowledge(dir)).rejects.toThrow(/not UTF-8 text/);
  });

  it('refuses a file path that leaves the knowledge folder', async () => {
    const dir = await withManifest((y) =>
      y.replace('file: sources/notice-2024.en.txt', 'file: ../../etc/passwd.txt'),
    );
    await expect(loadKnowledge(dir)).rejects.toThrow(/points outside the knowledge folder/);
  });
});
