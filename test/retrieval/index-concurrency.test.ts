import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyKnowledge, ROOT, tempDir } from '../helpers.js';

const MAIN = path.join(ROOT, 'dist', 'adapters', 'cli', 'main.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the compiled `llw` in its own process; resolves when it exits. */
function llw(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

async function setup() {
  const data = path.join(await tempDir(), 'data');
  const env = {
    LLW_DATA_DIR: data,
    LLW_KNOWLEDGE_DIR: await copyKnowledge(),
    LLW_LOG_LEVEL: 'warn',
  };
  return { data, env, root: path.join(data, 'index') };
}

/** What a user sees: the search works and finds the 2024 theme. */
async function searchWorks(env: Record<string, string>) {
  const r = await llw(env, ['search', '-k', '1', '2024年主题']).done;
  expect(r.stderr).not.toMatch(/damaged|cannot be read|\n\s+at /);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('notice-2024');
}

describe('building the index from several processes at once', () => {
  it('four processes starting on an empty data folder build it once and all answer', async () => {
    const { env, root } = await setup();
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => llw(env, ['search', '-k', '1', '活动周主题']).done),
    );
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/damaged|cannot be read|\n\s+at /);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^1\. notice-20\d\d/m);
    }
    // One of them built it; the others waited and read that build.
    const builds = (await readdir(root)).filter((e) => e.startsWith('build-'));
    expect(builds).toHaveLength(1);
  }, 120_000);

  it('concurrent `llw index` runs never delete the build the pointer names', async () => {
    const { env, root } = await setup();
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([1, 2, 3, 4].map(() => llw(env, ['index']).done));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const current = (await readFile(path.join(root, 'CURRENT'), 'utf8')).trim();
      expect(existsSync(path.join(root, current, 'meta.json'))).toBe(true);
      await searchWorks(env);
    }
  }, 120_000);

  it('cleans up the half-written folder of a build that was killed, and keeps the live index', async () => {
    const { env, root } = await setup();
    expect((await llw(env, ['index']).done).code).toBe(0);
    const live = (await readFile(path.join(root, 'CURRENT'), 'utf8')).trim();
    // A second build killed while it writes.
    const killed = llw(env, ['index']);
    const started = Date.now();
    while (
      !(await readdir(root)).some((e) => e.startsWith('tmp-')) &&
      Date.now() - started < 20_000
    )
      await new Promise((r) => setTimeout(r, 2));
    killed.child.kill('SIGKILL');
    await killed.done;
    await searchWorks(env);
    expect((await readFile(path.join(root, 'CURRENT'), 'utf8')).trim()).toBe(live);
    // The next build clears what the killed one left (it waits until the dead process's lock
    // goes stale, at most 10 s).
    expect((await llw(env, ['index']).done).code).toBe(0);
    const left = (await readdir(root)).filter((e) => !e.startsWith('.'));
    expect(left.filter((e) => !e.startsWith('build-') && e !== 'CURRENT')).toEqual([]);
    expect(left.filter((e) => e.startsWith('build-')).length).toBeLessThanOrEqual(2);
    await searchWorks(env);
  }, 60_000);
});
