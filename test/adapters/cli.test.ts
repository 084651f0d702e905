import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAR_INFLUENCE, STAR_STORY } from '../fixtures/nomination.js';
import { copyKnowledge, ROOT, tempDir } from '../helpers.js';

const MAIN = path.join(ROOT, 'dist', 'adapters', 'cli', 'main.js');

/** Runs the compiled `llw` as a user would, in an empty folder with its own data and knowledge. */
async function setup() {
  const cwd = await tempDir();
  const knowledge = await copyKnowledge();
  const env = {
    PATH: process.env['PATH'] ?? '',
    LLW_DATA_DIR: path.join(cwd, 'data'),
    LLW_KNOWLEDGE_DIR: knowledge,
    // Any free port: tests run side by side.
    PORT: '0',
  };
  const llw = (args: string[], input?: string, extraEnv: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [MAIN, ...args], {
      cwd,
      env: { ...env, ...extraEnv },
      input: input ?? '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { cwd, knowledge, llw, env };
}

describe('llw index and llw search', () => {
  it('builds the index, then searches it with JSON output', async () => {
    const { llw } = await setup();
    const indexed = llw(['index']);
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toMatch(
      /Indexed 2 notices, \d+ passages \(notice-2022: \d+, notice-2024: \d+\) with local-hash-ngram-v1\/2048 embeddings/,
    );

    const searched = llw(['search', '--json', '-k', '2', '总开幕式在哪里？']);
    expect(searched.code).toBe(0);
    const hits = JSON.parse(searched.stdout) as {
      rank: number;
      source: string;
      section: string;
      score: number;
      text: string;
    }[];
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({
      rank: 1,
      source: 'notice-2022',
      section: '一、主題和時間 › (二)舉辦時間',
    });
    expect(hits[0]!.text).toContain('湖南省長沙市');
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it('prints readable ranked passages with source, section and score', async () => {
    const { llw } = await setup();
    const r = llw(['search', 'What is the 2024 theme?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^1\. notice-2024 · 2\. Event theme · score \d\.\d{3}\n {3}Make learning a lifestyle/m,
    );
  });

  it('makes a new notice searchable once it is added to the manifest and indexed', async () => {
    const { knowledge, llw } = await setup();
    await writeFile(
      path.join(knowledge, 'sources', 'example-2030.md'),
      '# 示例通知\n\n## 一、主题\n\n示例主题：学而不厌 🌟 测试专用\n\n## 二、联系方式\n\n联系人：示例联系人\n',
    );
    await appendFile(
      path.join(knowledge, 'manifest.yaml'),
      [
        '  - id: example-2030',
        '    file: sources/example-2030.md',
        '    title: { zh: 示例通知, en: Example notice }',
        '    year: 2030',
        '    issuers: [{ zh: 示例单位, en: Example body }]',
        '    language: zh',
        '    script: Hans',
        '',
      ].join('\n'),
    );
    expect(llw(['index']).stdout).toContain('Indexed 3 notices');
    const hits = JSON.parse(llw(['search', '--json', '-k', '1', '2030年的主题']).stdout);
    expect(hits[0]).toMatchObject({
      source: 'example-2030',
      section: '示例通知 › 一、主题',
      text: '示例主题：学而不厌 测试专用',
    });
  });

  it('stops on a broken manifest naming file and field, and keeps the previous index usable', async () => {
    const { knowledge, llw } = await setup();
    expect(llw(['index']).code).toBe(0);
    const manifest = path.join(knowledge, 'manifest.yaml');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace('language: en', 'language: fr'),
    );

    const failed = llw(['index']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/manifest\.yaml: sources\[1\] \(notice-2024\)\.language: /);
    expect(failed.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const searched = llw(['search', '--json', '-k', '1', '2024年活动周主题']);
    expect(searched.code).toBe(0);
    expect(JSON.parse(searched.stdout)[0].source).toBe('notice-2024');
    expect(searched.stderr).toContain('using the previous index');
  });

  it('builds the index on first use, so search works right after install', async () => {
    const { llw } = await setup();
    const r = llw(['search', '--json', '-k', '1', '职成司联系人是谁？']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].text).toContain('王立、桂敏');
  });
});

describe('llw start', () => {
  it('serves the web chat, says where, answers through it, and stops cleanly on SIGTERM', async () => {
    const { cwd, llw, env } = await setup();
    expect(llw(['index']).code).toBe(0);
    const started = performance.now();
    const child = spawn(process.execPath, [MAIN, 'start'], { cwd, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const page = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${stderr}`)), 20_000);
      child.stderr.on('data', () => {
        const m = /Open (http:\/\/localhost:\d+)\/ in a browser/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!.replace('localhost', '127.0.0.1'));
        }
      });
    });
    const ready = await fetch(`${page}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    console.info(
      `llw start: ready ${((performance.now() - started) / 1000).toFixed(2)} s after start`,
    );
    expect(stderr).toContain('Telegram: off (set TELEGRAM_BOT_TOKEN');
    const res = await fetch(`${page}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'What is the 2024 theme?' }),
    });
    expect(JSON.stringify(await res.json())).toContain('Make learning a lifestyle');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a new notice without a restart', () => {
  it('answers from a notice indexed while it runs, after SIGHUP', async () => {
    const { cwd, llw, env, knowledge } = await setup();
    const child = spawn(process.execPath, [MAIN, 'start'], { cwd, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => {
      const check = () => /Open http:\/\/localhost:\d+/.test(stderr) && resolve();
      child.stderr.on('data', check);
    });
    const page = /Open (http:\/\/localhost:\d+)/
      .exec(stderr)![1]!
      .replace('localhost', '127.0.0.1');
    const ask = async (text: string) => {
      const res = await fetch(`${page}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      return JSON.stringify(await res.json());
    };
    expect(await ask('2030年的主题是什么？')).not.toContain('学而不厌');
    await writeFile(
      path.join(knowledge, 'sources', 'example-2030.md'),
      '# 示例通知\n\n## 一、主题\n\n示例主题：学而不厌\n',
    );
    await appendFile(
      path.join(knowledge, 'manifest.yaml'),
      '  - id: example-2030\n    file: sources/example-2030.md\n    title: { zh: 示例通知, en: Example notice }\n    year: 2030\n    issuers: [{ zh: 示例单位, en: Example body }]\n    language: zh\n    script: Hans\n',
    );
    expect(llw(['index']).code).toBe(0);
    child.kill('SIGHUP');
    let answer = '';
    for (let i = 0; i < 50 && !answer.includes('学而不厌'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await ask('2030年的主题是什么？');
    }
    expect(answer).toContain('学而不厌');
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });
});

describe('llw chat', () => {
  it('is the terminal chat: one message per line without a TTY, answered with sources', async () => {
    const { llw } = await setup();
    const r = llw(['chat'], 'What is the 2024 theme?\n\n成人教育协会电话\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Make learning a lifestyle');
    expect(r.stdout).toContain('010-58581449');
  });
});

describe('mistakes on the command line and in the configuration', () => {
  it('explains a bad setting and how to fix it, without a stack trace', async () => {
    const { llw } = await setup();
    const r = llw(['search', 'x'], '', { LLW_LOG_LEVEL: 'loud' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'LLW_LOG_LEVEL="loud" is not valid: set it to one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('reads settings from .env in the working folder', async () => {
    const { cwd, llw } = await setup();
    await writeFile(path.join(cwd, '.env'), 'OPENAI_BASE_URL=not a url\n');
    const r = llw(['index']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OPENAI_BASE_URL="not a url" is not valid');
  });

  it('shows usage for a missing query, an unknown command and a bad -k', async () => {
    const { llw } = await setup();
    for (const args of [
      ['search'],
      ['frobnicate'],
      ['search', '-k', 'many', 'x'],
      ['search', '--colour'],
    ]) {
      const r = llw(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
  });
});

describe('llw ask', () => {
  it('prints one JSON object per question read from stdin', async () => {
    const { llw } = await setup();
    const r = llw(
      ['ask', '--json'],
      '2022年活动周主题\nWhat is the 2024 theme?\n百姓学习之星有多少奖金？\n',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      question: '2022年活动周主题',
      language: 'zh-Hans',
      intent: 'theme',
      grounded: true,
    });
    expect(lines[0].answer).toContain('学习贯彻二十大');
    expect(lines[0].citations[0]).toEqual({
      source: 'notice-2022',
      title: '教育部办公厅关于办好2022年全民终身学习活动周的通知',
      section: '一、主题和时间 › (一)主题',
      quote: '主题:学习贯彻二十大,终身学习向未来',
    });
    expect(lines[1]).toMatchObject({ language: 'en', grounded: true });
    expect(lines[2]).toMatchObject({ grounded: false });
    expect(lines[2].answer).toContain('通知中没有提到“奖金”');
  });

  it('answers its arguments as one question, as readable text with sources', async () => {
    const { llw } = await setup();
    const r = llw(['ask', '总开幕式在哪里？']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('湖南省长沙市');
    expect(r.stdout).toMatch(/出处:\n\[1\] /);
  });
});

describe('a new notice without a restart', () => {
  it('answers from a notice indexed while it runs, after SIGHUP', async () => {
    const { cwd, llw, env, knowledge } = await setup();
    const child = spawn(process.execPath, [MAIN, 'start'], { cwd, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => {
      const check = () => /Open http:\/\/localhost:\d+/.test(stderr) && resolve();
      child.stderr.on('data', check);
    });
    const page = /Open (http:\/\/localhost:\d+)/
      .exec(stderr)![1]!
      .replace('localhost', '127.0.0.1');
    const ask = async (text: string) => {
      const res = await fetch(`${page}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      return JSON.stringify(await res.json());
    };
    expect(await ask('2030年的主题是什么？')).not.toContain('学而不厌');
    await writeFile(
      path.join(knowledge, 'sources', 'example-2030.md'),
      '# 示例通知\n\n## 一、主题\n\n示例主题：学而不厌\n',
    );
    await appendFile(
      path.join(knowledge, 'manifest.yaml'),
      '  - id: example-2030\n    file: sources/example-2030.md\n    title: { zh: 示例通知, en: Example notice }\n    year: 2030\n    issuers: [{ zh: 示例单位, en: Example body }]\n    language: zh\n    script: Hans\n',
    );
    expect(llw(['index']).code).toBe(0);
    child.kill('SIGHUP');
    let answer = '';
    for (let i = 0; i < 50 && !answer.includes('学而不厌'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await ask('2030年的主题是什么？');
    }
    expect(answer).toContain('学而不厌');
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });
});

describe('llw chat', () => {
  it('reads one message per line without a TTY and prints one JSON object per reply', async () => {
    const { llw } = await setup();
    const r = llw(['chat', '--json', '--user', 'tester'], '你好\n1\nTell me a joke\n');
    expect(r.code).toBe(0);
    const replies = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatchObject({ kind: 'greeting', form: null, files: [] });
    expect(replies[0].buttons[0].label).toBe('2024年活动周的主题是什么？');
    // Typing "1" pressed the first button.
    expect(replies[1].text).toContain('让学习成为一种生活方式');
    expect(replies[2]).toMatchObject({ kind: 'out_of_scope', language: 'en' });
  });
});

describe('llw eval', () => {
  it('prints pass rates by language and by kind, then each failure with its answer', async () => {
    const { cwd, llw } = await setup();
    const file = path.join(cwd, 'set.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({
          id: 'ok',
          q: '2022年活动周主题',
          must: ['终身学习向未来'],
          source: 'notice-2022',
        }),
        JSON.stringify({
          id: 'bad',
          q: 'What is the 2024 theme?',
          must: ['Make learning fun'],
          lang: 'en',
          kind: 'theme',
        }),
      ].join('\n'),
    );
    const r = llw(['eval', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^passed 1\/2 \(50\.0%\)\nby language:\n {2}en +0\/1 \(0\.0%\)\n {2}zh-Hans +1\/1 \(100\.0%\)\nby kind:/,
    );
    expect(r.stdout).toContain('✗ bad What is the 2024 theme?');
    expect(r.stdout).toContain('problems: missing /Make learning fun/');
    expect(r.stdout).toContain('Make learning a lifestyle');
  });

  it('names the line and the fix for a bad question set, and a missing file, without a stack trace', async () => {
    const { cwd, llw } = await setup();
    const file = path.join(cwd, 'set.jsonl');
    await writeFile(file, JSON.stringify({ id: 'x', q: 'theme?', surprise: 1 }) + '\n');
    const bad = llw(['eval', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      `llw: ${file}:1: Unrecognized key: "surprise" (format: shared/eval/README.md)`,
    );
    const missing = llw(['eval', path.join(cwd, 'nope.jsonl')]);
    expect(missing.stderr.trim()).toBe(
      `llw: cannot read the question set ${path.join(cwd, 'nope.jsonl')}: ENOENT`,
    );
  });
});

describe('llw chat with a nomination', () => {
  it('prints form progress, writes the draft files, and resumes after a restart', async () => {
    const { llw, cwd } = await setup();
    const story = STAR_STORY;
    const influence = STAR_INFLUENCE;
    const first = llw(
      ['chat', '--json', '--user', 'organiser'],
      ['我想推荐一位百姓学习之星', '张秀英', '女'].join('\n') + '\n',
    );
    expect(first.code).toBe(0);
    const lines = first.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.form)).toEqual([
      { id: 'star', field: 'name', step: 1, total: 17 },
      { id: 'star', field: 'gender', step: 2, total: 17 },
      { id: 'star', field: 'birth', step: 3, total: 17 },
    ]);
    // A new process picks up at the same field.
    const rest = [
      '1962年5月',
      '汉族',
      '中国',
      '跳过',
      '高中/中专',
      '退休教师',
      '湖南',
      '长沙市',
      '13812345678',
      '跳过',
      story,
      influence,
      '跳过',
      '长沙市岳麓区教育局',
      '全部',
      '确认',
    ];
    const second = llw(['chat', '--json', '--user', 'organiser'], rest.join('\n') + '\n');
    expect(second.code).toBe(0);
    const replies = second.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(replies[0].form).toMatchObject({ field: 'ethnicity', step: 4 });
    const done = replies.find((r) => r.files.length > 0);
    expect(done.files).toHaveLength(2);
    expect(done.files[0]).toMatch(
      new RegExp(`^${cwd}/data/drafts/organiser-[0-9a-f]{8}/star-张秀英-[0-9a-f]{8}\\.docx$`),
    );
    const json = JSON.parse(await readFile(done.files[1], 'utf8'));
    expect(json.answers.name.value).toBe('张秀英');
    expect(json.answers.materials.shown).toBe('文字、视频、图片、教学资源');
    expect(replies.at(-1).form).toBeNull();
    // "Forget me" deletes the draft files this channel wrote, not only the database rows.
    const forget = llw(['chat', '--json', '--user', 'organiser'], '忘记我\n是\n');
    expect(JSON.parse(forget.stdout.trim().split('\n').at(-1)!).text).toContain(
      '已删除关于您的全部记录（1份草稿）',
    );
    expect(existsSync(done.files[0])).toBe(false);
  });
});

describe('llw report', () => {
  it('shows what was asked but is not in the notices, and what was marked not helpful', async () => {
    const { llw } = await setup();
    // In the terminal the two feedback buttons are numbered: "2" is "not helpful".
    const chat = llw(
      ['chat', '--user', 'amy'],
      '2024年活动周有奖金吗？\n2\n2024年活动周有奖金吗\n2024年的主题是什么？\n1\n',
    );
    expect(chat.code).toBe(0);
    const r = llw(['report', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ answers: 3, rated: 2, helpful: 1, byChannel: { console: 3 } });
    expect(report.notInNotices).toEqual([{ question: '2024年活动周有奖金吗？', count: 2 }]);
    expect(report.notHelpful).toEqual([
      expect.objectContaining({ question: '2024年活动周有奖金吗？', kind: 'not_in_notices' }),
    ]);
    const text = llw(['report', '--days', '7']).stdout;
    expect(text).toMatch(/Asked, but not in the notices \(1 different questions/);
    expect(text).toContain('  2× 2024年活动周有奖金吗？');
    expect(llw(['report', '--since', 'yesterday']).stderr).toContain(
      '--since must be a date that exists, like 2026-11-01',
    );
  });
});
