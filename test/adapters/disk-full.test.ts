/**
 * A data folder on a full disk (a 1.6 MB tmpfs: one index fits, a second does not), as the fault
 * probe found it: `llw index` printed a JSON log line with a stack trace. Needs root to mount;
 * says why when it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyKnowledge, tempDir } from '../helpers.js';
import { LLW_MAIN } from '../llw-process.js';

const mountPoint = path.join(await tempDir(), 'small-disk');
mkdirSync(mountPoint);
const mounted =
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1600k', 'tmpfs', mountPoint]).status === 0;
if (!mounted) console.warn('full-disk test skipped: mounting a tmpfs needs root (CI runs as root)');

describe.skipIf(!mounted)('a data folder on a full disk', () => {
  afterAll(() => {
    spawnSync('umount', [mountPoint]);
  });

  it('refuses to index with one line and the fix, keeps the previous index, and still answers', async () => {
    const env = {
      PATH: process.env['PATH'] ?? '',
      LLW_DATA_DIR: path.join(mountPoint, 'data'),
      LLW_KNOWLEDGE_DIR: await copyKnowledge(),
    };
    const llw = (...args: string[]) => {
      const r = spawnSync(process.execPath, [LLW_MAIN, ...args], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expect(llw('index').code).toBe(0);
    const before = readdirSync(path.join(mountPoint, 'data', 'index')).sort();

    const full = llw('index');
    expect(full.code).toBe(1);
    expect(full.stderr.trim().split('\n')).toHaveLength(1);
    expect(full.stderr).toMatch(/disk is full.*LLW_DATA_DIR.*previous index.*kept/);
    expect(full.stderr).not.toMatch(/\bat \S+ \(|"level"|stack/);
    // Nothing half-written: the same build as before, no temporary folder.
    expect(readdirSync(path.join(mountPoint, 'data', 'index')).sort()).toEqual(before);

    const asked = llw('ask', '2024年活动周的主题是什么？');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('让学习成为一种生活方式');
  }, 120_000);
});
