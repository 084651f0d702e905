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

describe('pasting into the terminal chat (issue 10, defect 10)', () => {
  /** A terminal: input that says it is a TTY, so the chat reads keys as a person types them. */
  async function terminal(store: StateStore) {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString()));
    const bot = await testBot(store);
    const done = runConsoleChat({
      bot,
      userId: 'amy',
      json: false,
      filesDir: await tempDir(),
      input,
      output,
      // A person reads a question before answering; the test "reads" for 350 ms.
      readMs: 300,
    });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** Types `text` and waits until the chat has answered (its prompt is printed again). */
    const type = async (text: string, read = true) => {
      if (read) await pause(350);
      const before = printed.length;
      input.write(text);
      for (let i = 0; i < 400 && !printed.slice(before).includes('> '); i++) await pause(10);
    };
    // The chat greets first; typing starts at its prompt.
    for (let i = 0; i < 400 && !printed.includes('> '); i++) await pause(10);
    return { input, output, done, pause, type, printed: () => printed };
  }
  const answers = async (store: StateStore) => {
    const [draft] = await store.listDrafts({ channel: 'console', userId: 'amy' });
    return (draft?.data as { answers: Record<string, string> }).answers;
  };
  const PART1 = '她退休后坚持在社区老年大学学习智能手机应用，十年没有间断。'.repeat(12);
  const PART2 = '她还把学到的方法整理成小册子，送给社区里的老人们。'.repeat(6);

  async function atStory(store: StateStore) {
    const t = await terminal(store);
    await t.type('我想推荐一位百姓学习之星\r');
    for (const a of STAR_ANSWERS.slice(0, STAR_ANSWERS.indexOf('zhang@example.com') + 1))
      await t.type(`${a}\r`);
    expect(t.printed()).toContain('请写被推荐人的学习故事');
    return t;
  }

  it('takes a story pasted slowly, in two bursts with a pause, as one answer (bracketed paste)', async () => {
    const store = createMemoryStore();
    const t = await atStory(store);
    expect(t.printed()).toContain('\x1b[?2004h');
    // The terminal marks the paste; its second half arrives half a second after the first.
    await t.pause(350);
    t.input.write(`\x1b[200~${PART1}\r\r`);
    await t.pause(500);
    await t.type(`${PART2}\x1b[201~\r`);
    const stored = await answers(store);
    expect(stored['story']).toBe(`${PART1}\n\n${PART2}`);
    expect(stored['influence']).toBeUndefined();
    t.input.end();
    await t.done;
  });

  it('shows text that arrived before the next question was shown, and sends it only on Enter', async () => {
    const store = createMemoryStore();
    const t = await atStory(store);
    // No paste markers: the story, then its rest while the bot is still answering.
    await t.pause(350);
    t.input.write(`${PART1}\r`);
    // The rest comes right after the first part was taken, before anyone could read the next question.
    for (let i = 0; i < 300 && (await answers(store))['story'] === undefined; i++) await t.pause(5);
    await t.type(`${PART2}\r`, false);
    await t.pause(300);
    expect((await answers(store))['story']).toBe(PART1);
    expect((await answers(store))['influence']).toBeUndefined();
    expect(t.printed()).toContain(
      '它可能是上一段粘贴的后半部分，为免被当作新问题的回答，还没有发送',
    );
    expect(t.printed()).toContain(PART2.slice(0, 20));
    // Enter sends it as the answer to the question now shown.
    await t.type('\r');
    expect((await answers(store))['influence']).toBe(PART2);
    t.input.end();
    await t.done;
  });
});
