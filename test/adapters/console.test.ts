import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat, userFolder } from '../../adapters/console/main.js';
import { STAR_ANSWERS } from '../fixtures/nomination.js';
import { testBot } from '../channels/harness.js';
import { tempDir } from '../helpers.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { StateStore } from '../../src/index.js';

/** Runs a scripted terminal chat (one message a line, as piped) and returns what it printed. */
async function chatLines(
  lines: readonly string[],
  filesDir: string,
  store: StateStore = createMemoryStore(),
) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const bot = await testBot(store);
  const done = runConsoleChat({ bot, userId: 'amy', json: false, filesDir, input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

const NOMINATION = ['我想推荐一位百姓学习之星', ...STAR_ANSWERS, '确认'];

describe('the terminal chat’s draft files', () => {
  it('names files after the form and the nominee, readable by the user only, and deletes them with the draft', async () => {
    const dir = await tempDir();
    const printed = await chatLines([...NOMINATION, '汇总表', '删除草稿 1', '是'], dir);
    // The summary sheet was written beside the draft, and went with it: it held the nominee's row.
    expect(printed).toMatch(/推荐汇总-\d{8}\.xlsx/);
    expect(printed).toContain('删除 张秀英 的《百姓学习之星推荐材料》草稿？');
    const folder = path.join(dir, userFolder('amy'));
    expect(printed).toMatch(
      new RegExp(
        `→ ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/star-张秀英-[0-9a-f]{8}\\.docx`,
      ),
    );
    expect(await readdir(folder)).toEqual([]);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
  });

  it('keeps the files 0600 while they exist', async () => {
    const dir = await tempDir();
    await chatLines(NOMINATION, dir);
    const folder = path.join(dir, userFolder('amy'));
    const files = await readdir(folder);
    expect(files).toHaveLength(2);
    for (const f of files) expect((await stat(path.join(folder, f))).mode & 0o777).toBe(0o600);
  });

  it('apologises when the files cannot be written, keeps the draft, and makes them on 确认 once it can', async () => {
    const dir = await tempDir();
    // The drafts folder cannot be made (a file stands where it should be): as a full disk would.
    const blocked = path.join(dir, 'drafts');
    await writeFile(blocked, 'not a folder');
    const store = createMemoryStore();
    const printed = await chatLines(NOMINATION, blocked, store);
    expect(printed).toContain('抱歉，草稿文件没能写入磁盘（ENOTDIR）。草稿本身已保存');
    expect(printed).not.toMatch(/\n\s+at /);
    await rm(blocked);
    await mkdir(blocked);
    // A new chat process: 确认 makes the files again (the draft is still the conversation's).
    expect(existsSync(path.join(blocked, userFolder('amy')))).toBe(false);
    const again = await chatLines(['确认'], blocked, store);
    expect(again).toMatch(/star-张秀英-[0-9a-f]{8}\.docx/);
    expect(await readdir(path.join(blocked, userFolder('amy')))).toHaveLength(2);
  });
});
